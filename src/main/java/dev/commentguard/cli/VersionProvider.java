package dev.commentguard.cli;

import dev.commentguard.Version;
import picocli.CommandLine;

/** Prints CommentGuard's, Weka's and Java's versions. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"CommentGuard " + Version.project(), "Weka " + Version.weka(), "Java " + Version.java()};
    }
}
