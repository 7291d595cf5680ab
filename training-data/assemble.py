#!/usr/bin/env python3
"""Assembles the corpus: training-data/sites/<site_kind>/*.jsonl -> articles.csv, train.csv, heldout.csv.

The JSON Lines files under sites/ are the corpus as written, one folder per kind of site; the CSV files
are what the tools read, made from them by this script alone (do not edit them by hand). The script
checks the sources (ids, labels, articles, languages), splits them into training and held-out comments
(whole site kinds held out, and about one article in seven of every other kind), drops from the held-out
side any comment that repeats or nearly repeats a training comment, and prints the counts the data card
gives.

Usage: python3 training-data/assemble.py            (from the repository's top level)
"""
import csv
import glob
import hashlib
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SITES = os.path.join(HERE, "sites")

# Kinds of site kept out of training altogether: the held-out set's unseen sites.
HELDOUT_KINDS = {"religion", "cars", "diy"}
# Share of the articles of every other kind held out (by a hash of the article id, so stable).
HELDOUT_ARTICLE_PERCENT = 15
# Share of the training comments written to train.csv without their article (by a hash of the comment id, so
# stable): comments reach the scorer without an article too (one comment from the command line, an API, the
# public test sets), and a model that saw an article with every training comment has not learned what its
# absence means. Comments whose label depends on the article, and the site's own answers, keep it.
NO_ARTICLE_PERCENT = 12
NEEDS_ARTICLE_KINDS = {"copied_from_article", "off_topic", "author_reply", "repeated_post"}
LABELS = {"ok", "spam", "low_quality"}
ARTICLE_COLUMNS = ["id", "site_kind", "site", "permalink", "lang", "split", "title", "text"]
COMMENT_COLUMNS = ["id", "article_id", "site_kind", "author", "author_url", "author_email", "lang", "text", "label", "kind"]
# Texts this short may repeat across the corpus ("nice", "+1", "thanks"): they are not near-duplicates.
MIN_DUPLICATE_CHARS = 40


def fail(msg):
    sys.exit("assemble.py: " + msg)


def read_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                fail(f"{path}:{n}: not JSON: {e}")
            rows[-1]["_where"] = f"{os.path.relpath(path, HERE)}:{n}"
    return rows


def key(text):
    return re.sub(r"[\W_]+", "", text.lower())


def shingles(text, n=5):
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(max(0, len(words) - n + 1))}


def shingle_index(rows):
    """Each row's 5-word shingles (none for texts too short to count), and the rows each shingle occurs in."""
    index = defaultdict(list)
    sets = []
    for i, r in enumerate(rows):
        s = shingles(r["text"]) if len(r["text"]) >= MIN_DUPLICATE_CHARS else set()
        sets.append(s)
        for g in s:
            index[g].append(i)
    return sets, index


def near_duplicates(train, held):
    """Held-out comments that repeat a training comment exactly (letters and digits) or share 80% of their 5-word shingles."""
    exact = {key(r["text"]) for r in train if len(r["text"]) >= MIN_DUPLICATE_CHARS}
    train_sh, index = shingle_index(train)
    found = {}
    for r in held:
        if len(r["text"]) < MIN_DUPLICATE_CHARS:
            continue
        if key(r["text"]) in exact:
            found[r["id"]] = "exact"
            continue
        s = shingles(r["text"])
        if not s:
            continue
        counts = Counter(i for g in s for i in index.get(g, ()))
        for i, shared in counts.most_common(3):
            jaccard = shared / len(s | train_sh[i])
            if jaccard >= 0.8:
                found[r["id"]] = f"near {train[i]['id']} ({jaccard:.2f})"
                break
    return found


def within_duplicates(rows):
    """Pairs of comments, anywhere in the corpus, that share 80% of their shingles: templates and repeats to review."""
    sh, index = shingle_index(rows)
    pairs = []
    for i, s in enumerate(sh):
        if not s:
            continue
        counts = Counter(j for g in s for j in index[g] if j > i)
        for j, shared in counts.most_common(2):
            if shared / len(s | sh[j]) >= 0.8:
                pairs.append((rows[i]["id"], rows[j]["id"]))
    return pairs


def main():
    articles, comments = [], []
    for kind_dir in sorted(glob.glob(os.path.join(SITES, "*"))):
        kind = os.path.basename(kind_dir)
        a_path = os.path.join(kind_dir, "articles.jsonl")
        if not os.path.exists(a_path):
            fail(f"{kind_dir}: no articles.jsonl")
        for a in read_jsonl(a_path):
            if a.get("site_kind") != kind:
                fail(f"{a['_where']}: site_kind {a.get('site_kind')!r} in the folder of {kind!r}")
            articles.append(a)
        for path in sorted(glob.glob(os.path.join(kind_dir, "comments-*.jsonl"))):
            for c in read_jsonl(path):
                c["site_kind"] = kind
                comments.append(c)

    by_id = {}
    for a in articles:
        for field in ("id", "title", "text", "site", "permalink", "lang"):
            if not str(a.get(field, "")).strip():
                fail(f"{a['_where']}: article without {field}")
        if a["id"] in by_id:
            fail(f"{a['_where']}: article id {a['id']} again")
        by_id[a["id"]] = a
        if a["site_kind"] in HELDOUT_KINDS:
            a["split"] = "heldout"
        elif a.get("split") in ("train", "heldout"):
            pass  # the first corpus's articles keep the split they were written for
        else:
            h = int(hashlib.sha256(a["id"].encode()).hexdigest(), 16) % 100
            a["split"] = "heldout" if h < HELDOUT_ARTICLE_PERCENT else "train"

    seen = set()
    for c in comments:
        where = c["_where"]
        if c.get("id") in seen or not c.get("id"):
            fail(f"{where}: comment id {c.get('id')!r} missing or repeated")
        seen.add(c["id"])
        if c.get("label") not in LABELS:
            fail(f"{where}: label {c.get('label')!r}")
        if not str(c.get("text", "")).strip():
            fail(f"{where}: empty text")
        if c.get("article_id") not in by_id:
            fail(f"{where}: unknown article {c.get('article_id')!r}")
        if by_id[c["article_id"]]["site_kind"] != c["site_kind"]:
            fail(f"{where}: article {c['article_id']} belongs to another kind of site")
        if not c.get("kind"):
            fail(f"{where}: no kind")
        c.setdefault("lang", "")
        for field in ("author", "author_url", "author_email"):
            c[field] = c.get(field) or ""

    train = [c for c in comments if by_id[c["article_id"]]["split"] == "train"]
    held = [c for c in comments if by_id[c["article_id"]]["split"] == "heldout"]
    dropped = near_duplicates(train, held)
    held = [c for c in held if c["id"] not in dropped]
    train = [without_article(c) for c in train]

    with open(os.path.join(HERE, "articles.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ARTICLE_COLUMNS, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for a in articles:
            w.writerow(a)
    for name, rows in (("train.csv", train), ("heldout.csv", held)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, COMMENT_COLUMNS, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            for c in rows:
                w.writerow(c)

    report(articles, train, held, dropped, comments)


def without_article(c):
    """The comment, with its article left out for NO_ARTICLE_PERCENT of comments that do not need it."""
    if c.get("kind") in NEEDS_ARTICLE_KINDS:
        return c
    h = int(hashlib.sha256(("no-article:" + c["id"]).encode("utf-8")).hexdigest(), 16) % 100
    return dict(c, article_id="") if h < NO_ARTICLE_PERCENT else c


def report(articles, train, held, dropped, comments):
    """Prints the counts, and writes them into the data card between its markers."""
    import io
    from contextlib import redirect_stdout
    buf = io.StringIO()
    with redirect_stdout(buf):
        counts(articles, train, held, dropped)
    text = buf.getvalue()
    print(text)
    card = os.path.join(HERE, "README.md")
    with open(card, encoding="utf-8") as f:
        doc = f.read()
    begin, end = "<!-- counts: written by assemble.py -->", "<!-- end of counts -->"
    if begin in doc and end in doc:
        doc = doc[:doc.index(begin) + len(begin)] + "\n" + text + doc[doc.index(end):]
        with open(card, "w", encoding="utf-8") as f:
            f.write(doc)
    pairs = within_duplicates(train + held)
    print(f"near-duplicate pairs anywhere in the corpus (80% of 5-word shingles shared): {len(pairs)}")
    for a, b in pairs[:60]:
        print(f"  {a} ~ {b}")
    off_site = answers_off_site(articles, train + held)
    print(f"author answers whose author_url is not their article's site (a slip, or a third party answering): {len(off_site)}")
    for line in off_site:
        print(f"  {line}")


def host(url):
    h = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
    return h[4:] if h.startswith("www.") else h


def answers_off_site(articles, rows):
    """The site's own answers (kind author_reply) that carry a web site other than their article's, for review:
    a publication answering under another publication's article is a writing slip that teaches the model the
    wrong thing about site context."""
    site = {a["id"]: host(a["site"]) for a in articles}
    return [f"{r['id']}: {host(r['author_url'])} under {site[r['article_id']]}" for r in rows
            if r["kind"] == "author_reply" and r["author_url"] and r["article_id"] in site
            and host(r["author_url"]) != site[r["article_id"]]]


def counts(articles, train, held, dropped):
    print(f"{len(articles):,} articles and {len(train) + len(held):,} comments: {len(train):,} in train.csv, {len(held):,} in "
          f"heldout.csv ({len(dropped)} held-out comments that repeated a training comment were dropped).")
    bare = Counter(r["label"] for r in train if not r["article_id"])
    print(f"\n{sum(bare.values()):,} training comments ({NO_ARTICLE_PERCENT}% of those that do not need one) are written "
          f"without their article: {bare['ok']:,} ok, {bare['spam']:,} spam, {bare['low_quality']:,} low_quality.")
    kinds = sorted({a["site_kind"] for a in articles})
    print("\n| site kind | articles | ok | spam | low_quality | all | split |")
    print("|---|---|---|---|---|---|---|")
    all_rows = train + held
    for k in kinds:
        n_art = sum(1 for a in articles if a["site_kind"] == k)
        c = Counter(r["label"] for r in all_rows if r["site_kind"] == k)
        split = "held out" if k in HELDOUT_KINDS else "train + held-out articles"
        print(f"| {k} | {n_art} | {c['ok']} | {c['spam']} | {c['low_quality']} | {sum(c.values())} | {split} |")
    c = Counter(r["label"] for r in all_rows)
    print(f"| all | {len(articles)} | {c['ok']} | {c['spam']} | {c['low_quality']} | {sum(c.values())} | |")
    print("\n| language | ok | spam | low_quality | all |")
    print("|---|---|---|---|---|")
    langs = Counter(r["lang"] for r in all_rows)
    for lang, n in langs.most_common():
        c = Counter(r["label"] for r in all_rows if r["lang"] == lang)
        print(f"| {lang or '(not given)'} | {c['ok']} | {c['spam']} | {c['low_quality']} | {n} |")
    for label in ("spam", "low_quality", "ok"):
        fam = Counter(r["kind"] for r in all_rows if r["label"] == label)
        if label == "ok":  # the first corpus's ok comments carry their article's topic as kind
            fam = Counter("topic_* (first corpus)" if k.startswith("topic_") else k for k in fam.elements())
        print(f"\n**{label}** by kind: " + ", ".join(f"{k} {n:,}" for k, n in fam.most_common()))


if __name__ == "__main__":
    main()
