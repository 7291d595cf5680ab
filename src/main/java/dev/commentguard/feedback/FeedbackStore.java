package dev.commentguard.feedback;

import dev.commentguard.Article;
import dev.commentguard.Comment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moderators' decisions, one row per comment, in an embedded SQLite database ({@value #FILE_NAME} under a data
 * directory), created on first use. A later decision on the same comment ({@link Decision#key()}) replaces the
 * earlier one.
 *
 * <p>Durability: the database runs in WAL mode with {@code synchronous=FULL}, and each {@link #record} is one
 * transaction that has committed (and reached the disk) when the method returns; a process killed at any moment
 * leaves every recorded decision in the store, and the store opens.
 *
 * <p>Thread safety: thread-safe. Calls on one instance are serialised on its single connection; several instances,
 * in this process or in others, may use one store at once: SQLite's file locks serialise their writes, and a writer
 * waits up to {@link #BUSY_TIMEOUT_MS} ms for another's commit before it fails. Needs {@code org.xerial:sqlite-jdbc}
 * on the class path (an optional dependency of the library; the command line carries it).
 */
public final class FeedbackStore implements AutoCloseable {

    /** The database file's name under the data directory. */
    public static final String FILE_NAME = "feedback.db";

    /** How long a write waits for other writers before it fails. */
    public static final int BUSY_TIMEOUT_MS = 60_000;

    private static final int SCHEMA_VERSION = 1;

    private static final String COLUMNS = "key, comment_id, text, author, author_url, author_email, site, permalink,"
            + " article_id, article_title, article_text, label, decided_by, decided_at";

    private final Path file;
    private final Connection db;

    private FeedbackStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens the store in {@code dataDir}, creating the directory and the database when they do not exist. */
    public static FeedbackStore open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                // The timeout first: the statements after it may wait for another process that is setting up too.
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("CREATE TABLE IF NOT EXISTS decisions (key TEXT PRIMARY KEY, comment_id TEXT NOT NULL,"
                        + " text TEXT NOT NULL, author TEXT NOT NULL, author_url TEXT NOT NULL, author_email TEXT NOT NULL,"
                        + " site TEXT NOT NULL, permalink TEXT NOT NULL, article_id TEXT, article_title TEXT, article_text TEXT,"
                        + " label TEXT NOT NULL, decided_by TEXT NOT NULL, decided_at INTEGER NOT NULL)");
                int version;
                try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                    version = r.next() ? r.getInt(1) : 0;
                }
                if (version > SCHEMA_VERSION) {
                    throw new SQLException("its schema version " + version + " is newer than this CommentGuard reads ("
                            + SCHEMA_VERSION + "); upgrade CommentGuard");
                }
                if (version < SCHEMA_VERSION) {
                    s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                }
            }
            return new FeedbackStore(file, db);
        } catch (SQLException e) {
            closeQuietly(db);
            throw failure(file, "cannot open the feedback store", e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Records {@code decision}, replacing any earlier one on the same comment; committed when this returns. */
    public synchronized void record(Decision decision) throws FeedbackStoreException {
        Comment c = decision.comment();
        Article a = c.article();
        // One statement in auto-commit mode: one transaction, which takes the write lock at its start (waiting for
        // other writers up to the busy timeout) and has committed when executeUpdate returns.
        try (PreparedStatement p = db.prepareStatement("INSERT INTO decisions (" + COLUMNS + ") VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET comment_id = excluded.comment_id,"
                + " text = excluded.text, author = excluded.author, author_url = excluded.author_url,"
                + " author_email = excluded.author_email, site = excluded.site, permalink = excluded.permalink,"
                + " article_id = excluded.article_id, article_title = excluded.article_title,"
                + " article_text = excluded.article_text, label = excluded.label, decided_by = excluded.decided_by,"
                + " decided_at = excluded.decided_at")) {
            int i = 0;
            p.setString(++i, decision.key());
            p.setString(++i, c.id());
            p.setString(++i, c.text());
            p.setString(++i, c.author());
            p.setString(++i, c.authorUrl());
            p.setString(++i, c.authorEmail());
            p.setString(++i, c.site());
            p.setString(++i, c.permalink());
            p.setString(++i, a == null ? null : a.id());
            p.setString(++i, a == null ? null : a.title());
            p.setString(++i, a == null ? null : a.text());
            p.setString(++i, decision.label());
            p.setString(++i, decision.by());
            p.setLong(++i, decision.at().toEpochMilli());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure(file, "cannot record the decision", e);
        }
    }

    /** Every decision, oldest first. */
    public synchronized List<Decision> all() throws FeedbackStoreException {
        List<Decision> decisions = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT " + COLUMNS + " FROM decisions ORDER BY decided_at, key")) {
            while (r.next()) {
                String articleId = r.getString("article_id");
                Article article = articleId == null ? null : new Article(articleId, r.getString("article_title"),
                        r.getString("article_text"), r.getString("site"), r.getString("permalink"));
                Comment c = new Comment(r.getString("comment_id"), r.getString("text"), r.getString("author"),
                        r.getString("author_url"), r.getString("author_email"), article, r.getString("site"),
                        r.getString("permalink"));
                decisions.add(new Decision(c, r.getString("label"), r.getString("decided_by"),
                        Instant.ofEpochMilli(r.getLong("decided_at"))));
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw failure(file, "cannot read the decisions", e);
        }
        return decisions;
    }

    /** How many comments have a decision. */
    public synchronized long count() throws FeedbackStoreException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM decisions")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure(file, "cannot count the decisions", e);
        }
    }

    /** When the latest decision was made, or empty for an empty store. */
    public synchronized Optional<Instant> lastDecisionTime() throws FeedbackStoreException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(decided_at) FROM decisions")) {
            long at = r.next() ? r.getLong(1) : 0;
            return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
        } catch (SQLException e) {
            throw failure(file, "cannot read the decisions", e);
        }
    }

    @Override
    public synchronized void close() throws FeedbackStoreException {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure(file, "cannot close the feedback store", e);
        }
    }

    private static FeedbackStoreException failure(Path file, String what, Exception e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage().replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
        if (e instanceof SQLException s && s.getMessage() != null && s.getMessage().startsWith("No suitable driver")) {
            reason = "the SQLite driver (org.xerial:sqlite-jdbc) is not on the class path";
        }
        return new FeedbackStoreException(file + ": " + what + ": " + reason, e);
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // the error that made us close it is the one reported
            }
        }
    }
}
