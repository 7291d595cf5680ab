#!/bin/sh
# Smoke test of bin/commentguard and the class-data archive, run by `mvn verify` after packaging:
#   src/test/sh/launcher-test.sh JAVA
# The archive must map for the jar it was made for, the launcher must print exactly what
# `java -jar target/commentguard.jar` prints, and without a usable archive it must still do so, silently.
set -eu
java=$1
root=$(cd "$(dirname "$0")/../../.." && pwd)
text="Free classified ads at cheap-classifieds.com or call 0300-1234567"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
    echo "launcher-test: $*" >&2
    exit 1
}

expected=$("$java" -jar "$root/target/commentguard.jar" score "$text")
case $expected in *spam*block*) ;; *) fail "java -jar printed: $expected" ;; esac

# -Xshare:on stops the JVM when the archive cannot be used.
"$java" -Xshare:on -XX:SharedArchiveFile="$root/target/commentguard.jsa" -jar "$root/target/commentguard.jar" --version \
    >/dev/null 2>"$tmp/err" || fail "the archive does not map for target/commentguard.jar: $(cat "$tmp/err")"

check() { # label, launcher
    out=$("$2" score "$text" 2>"$tmp/err") || fail "$1: exit code $?"
    [ "$out" = "$expected" ] || fail "$1: printed $out"
    [ ! -s "$tmp/err" ] || fail "$1: wrote to stderr: $(cat "$tmp/err")"
}
check "with its archive" "$root/bin/commentguard"

mkdir "$tmp/bin" "$tmp/target"
cp "$root/bin/commentguard" "$tmp/bin/"
cp "$root/target/commentguard.jar" "$tmp/target/"
check "without an archive" "$tmp/bin/commentguard"
cp "$root/target/commentguard.jsa" "$tmp/target/" # made for the jar at another path
check "with an archive made for another jar" "$tmp/bin/commentguard"
printf 'not an archive' >"$tmp/target/commentguard.jsa"
check "with a corrupt archive" "$tmp/bin/commentguard"

# JAVA_OPTS reaches Java, and advice about the heap names it; a collector chosen there replaces the launcher's.
code=0
JAVA_OPTS=-Xmx16m "$root/bin/commentguard" score "$text" >/dev/null 2>"$tmp/err" || code=$?
[ "$code" -eq 1 ] || fail "JAVA_OPTS=-Xmx16m: exit code $code, expected 1 (out of memory)"
grep -q "JAVA_OPTS=-Xmx2g .*bin/commentguard score" "$tmp/err" || fail "JAVA_OPTS=-Xmx16m: said $(cat "$tmp/err")"
export JAVA_OPTS=-XX:+UseParallelGC
check "with a collector in JAVA_OPTS" "$root/bin/commentguard"
unset JAVA_OPTS

# score --input --output shows a progress bar on a terminal (util-linux script makes one), and none without.
printf 'id,text\n' >"$tmp/many.csv"
i=0
while [ $i -lt 5000 ]; do i=$((i + 1)); echo "$i,comment number $i on the tram line"; done >>"$tmp/many.csv"
"$root/bin/commentguard" score --input "$tmp/many.csv" --format jsonl --output "$tmp/many.jsonl" 2>"$tmp/err" || fail "score --output: exit code $?"
[ ! -s "$tmp/err" ] || fail "score --output without a terminal wrote to stderr: $(cat "$tmp/err")"
if script --version 2>/dev/null | grep -q util-linux && script -qec true /dev/null >/dev/null 2>&1 </dev/null; then
    env -u CI script -qec "'$root/bin/commentguard' score --input '$tmp/many.csv' --format jsonl --output '$tmp/many.jsonl'" "$tmp/typescript" \
        >/dev/null </dev/null || fail "score --output on a terminal: exit code $?"
    tr '\r' '\n' <"$tmp/typescript" | grep -q "scoring 100% .* 5000/5000" || fail "no progress bar on a terminal"
else
    echo "launcher-test: util-linux script is absent or has no terminal to give; the progress bar is not checked"
fi
[ "$(wc -l <"$tmp/many.jsonl")" -eq 5000 ] || fail "score --output wrote $(wc -l <"$tmp/many.jsonl") lines, expected 5000"
JAVA_OPTS=-XX:+PrintCommandLineFlags "$root/bin/commentguard" score --input "$tmp/many.csv" --format jsonl \
    --output "$tmp/many.jsonl" >"$tmp/out" 2>"$tmp/err" || fail "score --input: exit code $?"
grep -q -- '-XX:+UseParallelGC' "$tmp/out" || fail "score --input did not run with the parallel collector: $(head -c 300 "$tmp/out")"

# train runs with the throughput collector, and a collector in JAVA_OPTS replaces it rather than clashing with it.
printf 'text,label\n' >"$tmp/train.csv"
i=0
while [ $i -lt 30 ]; do
    i=$((i + 1))
    echo "Call 0300-12345$((10 + i)) for cheap loans number $i,spam"
    echo "The bypass vote moved to week $i and the council says why,ok"
done >>"$tmp/train.csv"
JAVA_OPTS=-XX:+PrintCommandLineFlags "$root/bin/commentguard" train --data "$tmp/train.csv" --out "$tmp/t.model" --folds 3 \
    >"$tmp/out" 2>"$tmp/err" || fail "train: exit code $?: $(cat "$tmp/err")"
grep -q -- '-XX:+UseParallelGC' "$tmp/out" || fail "train did not run with the parallel collector: $(head -c 300 "$tmp/out")"
JAVA_OPTS="-XX:+UseCompressedOops -XX:ParallelGCThreads=2 -XX:+PrintCommandLineFlags" "$root/bin/commentguard" train \
    --data "$tmp/train.csv" --out "$tmp/t.model" --folds 3 >"$tmp/out" 2>"$tmp/err" || fail "train with JAVA_OPTS: exit code $?"
grep -q -- '-XX:+UseParallelGC' "$tmp/out" || fail "options that name no collector replaced the launcher's: $(head -c 300 "$tmp/out")"
JAVA_OPTS="-XX:+UseSerialGC -XX:+PrintCommandLineFlags" "$root/bin/commentguard" train --data "$tmp/train.csv" \
    --out "$tmp/t.model" --folds 3 >"$tmp/out" 2>"$tmp/err" || fail "train with a collector in JAVA_OPTS: exit code $?: $(cat "$tmp/err")"
grep -q -- '-XX:+UseSerialGC' "$tmp/out" || fail "JAVA_OPTS's collector was not used: $(head -c 300 "$tmp/out")"

code=0
"$root/bin/commentguard" score --format nope "$text" >/dev/null 2>&1 || code=$?
[ "$code" -eq 2 ] || fail "bad usage: exit code $code, expected 2"
echo "launcher-test: ok"
