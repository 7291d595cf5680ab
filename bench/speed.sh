#!/usr/bin/env bash
# Speed benchmark of CommentGuard: prints one Markdown section per figure.
#
#   bench/speed.sh [--quick] [--no-build] [PART...]
#
# PART is any of: throughput generate latency score fasttext weka train (default: all, in that
# order; the longest, training at 1,000,000 comments, comes last).
# fasttext times the native fastText (Debian package fasttext) on the same comments: training with
# its defaults at 100,000 and 1,000,000 comments, and predict-prob on the comments that score scores;
# when score ran earlier in the same invocation it also prints our score wall time over fastText's.
# Without fastText installed that part says how to install it, the others run, and the script exits 1.
# --quick skips the 1,000,000-comment runs (scoring then uses the 100,000 set) and runs JMH briefly.
# --no-build reuses target/ as it is (after one full build).
#
# Whole processes are measured with GNU time (/usr/bin/time -v: wall time, peak RSS) under a
# 20-minute limit; a run that fails, runs out of memory or hits the limit is reported as such.
# Generated data, models and logs go to target/speed/ and are never committed.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=false
BUILD=true
PARTS=()
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    --no-build) BUILD=false ;;
    throughput|generate|train|latency|score|fasttext|weka) PARTS+=("$arg") ;;
    *) echo "usage: bench/speed.sh [--quick] [--no-build] [throughput|generate|train|latency|score|fasttext|weka]..." >&2; exit 2 ;;
  esac
done
[[ ${#PARTS[@]} -gt 0 ]] || PARTS=(throughput generate latency score fasttext weka train)

OUT=target/speed
JAR=target/commentguard.jar
TEST_CP="target/test-classes:$JAR"
HEAP=-Xmx4g
TIME_LIMIT=1200        # seconds
SMALL_REPEATS=3        # runs at 10,000 comments, for a median; larger sizes run once
LATENCY_RUNS=10
# Heaps tried in turn for batch scoring, the next only after an out-of-memory error: it holds the
# whole input and its normalised texts at once, to find the texts posted more than once.
SCORE_HEAPS=${SCORE_HEAPS:--Xmx4g -Xmx12g}
if $QUICK; then SIZES=(10000 100000); else SIZES=(10000 100000 1000000); fi
LARGEST=${SIZES[-1]}
WEKA_CP="$OUT/weka-lib/*"
# Word counts (NaiveBayesMultinomial needs counts), lower case, up to 100,000 words per class;
# the prefix keeps a comment word "class" from clashing with the class attribute.
WEKA_FILTER="weka.filters.unsupervised.attribute.StringToWordVector -C -L -W 100000 -P w_"
WEKA_LEARNER=weka.classifiers.bayes.NaiveBayesMultinomial
SCORE_WALL=            # wall seconds of the last successful score run, for the fastText ratio
FAILED=false           # a part that could not run at all makes the script exit 1 at the end

[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

data() { echo "$OUT/comments-$1.csv"; }

# median: the median of the numbers on standard input, one per line.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure NAME CMD...: runs CMD under GNU time and the time limit, standard output to $OUT/NAME.out,
# errors to $OUT/NAME.err. Sets WALL (seconds), RSS_MB and OUTCOME ("ok" or what went wrong).
measure() {
  local name=$1 rc=0
  shift
  /usr/bin/time -v -o "$OUT/$name.time" timeout "$TIME_LIMIT" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || rc=$?
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$OUT/$name.time")
  RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$OUT/$name.time")
  if [[ $rc -eq 0 ]]; then
    OUTCOME=ok
  elif grep -q OutOfMemoryError "$OUT/$name.err"; then
    OUTCOME="out of memory at $HEAP after $WALL s"
  elif [[ $rc -eq 124 ]]; then
    OUTCOME="stopped at the $((TIME_LIMIT / 60))-minute limit after $WALL s"
  else
    OUTCOME="failed (exit $rc) after $WALL s: $(grep -vi arpack "$OUT/$name.err" | tail -n 1)"
  fi
}

# per_second N: N divided by the last measured wall time, when that run succeeded.
per_second() {
  [[ $OUTCOME == ok ]] && awk -v n="$1" -v s="$WALL" 'BEGIN { printf "%.0f", n / s }' || echo "-"
}

build() {
  mvn -q -B -Dstyle.color=never -DskipTests package test-compile >&2
  # Weka's own command line: weka-stable and its runtime dependencies, none of our other libraries.
  rm -rf "$OUT/weka-lib"
  mvn -q -B -Dstyle.color=never dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$OUT/weka-lib" \
    -DexcludeArtifactIds=LibLINEAR,liblinear,commons-csv,jackson-databind,jackson-core,jackson-annotations,picocli,xchart,progressbar >&2
}

throughput() {
  echo "## In-process scoring throughput (JMH)"
  echo
  echo "Command: \`mvn -Pspeed-benchmark verify\`"
  echo
  # Maven wraps the benchmark's output in colour resets even in batch mode; strip them.
  mvn -q -B -Dstyle.color=never -Pspeed-benchmark -Dspeed.jmh.args="$($QUICK && echo quick || echo full)" exec:exec@speed-benchmark \
    | sed 's/\x1b\[[0-9;]*m//g'
  echo
}

generate() {
  echo "## Generated data"
  echo
  echo "Resampled and perturbed from training-data/train.csv by \`CorpusGenerator\` (seeded; columns id,text,label)."
  echo
  java -cp "$TEST_CP" dev.commentguard.bench.speed.CorpusGenerator training-data/train.csv "$OUT" "${SIZES[@]}"
  echo
}

train() {
  echo "## Training time and peak memory: \`commentguard.jar train\`"
  echo
  echo "Command: \`/usr/bin/time -v java $HEAP -jar $JAR train --data $OUT/comments-N.csv --out $OUT/cg-N.model\`"
  echo "(default settings: 5-fold cross-validation, then the final fit). 10,000: median of $SMALL_REPEATS runs; larger sizes: one run."
  echo "Quality at each size: \`evaluate --model $OUT/cg-N.model --data training-data/heldout.csv --articles training-data/articles.csv\`"
  echo "(the held-out comments of training-data/heldout.csv, whose articles the generated sets never saw)."
  echo
  echo "| comments | wall s | peak RSS MB | outcome | held-out accuracy | MCC | ROC AUC |"
  echo "|---|---|---|---|---|---|---|"
  for n in "${SIZES[@]}"; do
    local runs=1 walls=() rss=() quality="| - | - | -"
    [[ $n -eq 10000 ]] && runs=$SMALL_REPEATS
    for ((r = 1; r <= runs; r++)); do
      measure "train-$n-$r" java "$HEAP" -jar "$JAR" train --data "$(data "$n")" --out "$OUT/cg-$n.model"
      walls+=("$WALL"); rss+=("$RSS_MB")
      [[ $OUTCOME == ok ]] || break
    done
    if [[ $OUTCOME == ok ]]; then
      # "  accuracy 0.9407   MCC 0.9089   ROC AUC 0.9939   PR AUC ..." -> "| 0.9407 | 0.9089 | 0.9939"
      quality=$(java -jar "$JAR" evaluate --model "$OUT/cg-$n.model" --data training-data/heldout.csv \
        --articles training-data/articles.csv | awk '/^  accuracy/ { printf "| %s | %s | %s", $2, $4, $7; exit }')
    fi
    echo "| $n | $(printf '%s\n' "${walls[@]}" | median) | $(printf '%s\n' "${rss[@]}" | median) | $OUTCOME $quality |"
  done
  echo
}

latency() {
  echo "## Latency of one \`score\` process, JVM start included"
  echo
  echo "Each command $LATENCY_RUNS times after one discarded warm-up run (page cache), the two commands taking turns:"
  echo "\`java -jar $JAR score \"one comment\"\` and the launcher \`bin/commentguard score \"one comment\"\` (class-data archive, C1 only)."
  echo
  java -jar "$JAR" score "one comment" >/dev/null
  bin/commentguard score "one comment" >/dev/null
  local jar_ms=() launcher_ms=()
  for ((r = 1; r <= LATENCY_RUNS; r++)); do
    jar_ms+=($(elapsed_ms java -jar "$JAR" score "one comment"))
    launcher_ms+=($(elapsed_ms bin/commentguard score "one comment"))
  done
  echo "| command | median ms | fastest ms | slowest ms | runs |"
  echo "|---|---|---|---|---|"
  for name in jar launcher; do
    local -n ms=${name}_ms
    echo "| $name | $(printf '%s\n' "${ms[@]}" | median) | $(printf '%s\n' "${ms[@]}" | sort -g | head -n 1) | $(printf '%s\n' "${ms[@]}" | sort -g | tail -n 1) | $LATENCY_RUNS |"
  done
  echo
}

# elapsed_ms CMD...: runs CMD (output discarded) and prints its wall time in milliseconds.
elapsed_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

score() {
  echo "## Batch scoring throughput: \`commentguard.jar score\` on $LARGEST comments"
  echo
  # Verdicts go to standard output, captured in a file and deleted afterwards. Not --output /dev/null:
  # --output writes a temporary file beside its target and renames it over the target.
  echo "Command: \`/usr/bin/time -v java -XmxN -jar $JAR score --input $(data "$LARGEST") --format jsonl > $OUT/score-$LARGEST.out\`"
  echo "(JSON Lines written to disk, then deleted), one run per heap, the next heap only if the previous ran out of memory."
  echo
  echo "| comments | heap | wall s | comments/s | peak RSS MB | outcome |"
  echo "|---|---|---|---|---|---|"
  for heap in $SCORE_HEAPS; do
    measure "score-$LARGEST$heap" java "$heap" -jar "$JAR" score --input "$(data "$LARGEST")" --format jsonl
    rm -f "$OUT/score-$LARGEST$heap.out"
    echo "| $LARGEST | $heap | $WALL | $(per_second "$LARGEST") | $RSS_MB | ${OUTCOME/$HEAP/$heap} |"
    [[ $OUTCOME == ok ]] && SCORE_WALL=$WALL
    grep -q OutOfMemoryError "$OUT/score-$LARGEST$heap.err" || break
  done
  echo
}

fasttext() {
  echo "## Native fastText on the same comments"
  echo
  # type -P: the binary, not this function of the same name.
  local bin
  if ! bin=$(type -P fasttext); then
    echo "fastText is not installed: \`apt-get install fasttext\` (Debian/Ubuntu package), then run this part again." | tee /dev/stderr
    echo
    FAILED=true
    return
  fi
  echo "fastText $(dpkg-query -W -f '${Version}' fasttext 2>/dev/null || echo "(version unknown)"), default settings. Input from \`FastTextConverter\`: \`__label__LABEL text\`"
  echo "a line, line breaks in the text made spaces, lower-cased (not timed). Training: \`/usr/bin/time -v fasttext supervised"
  echo "-input comments-N.txt -output ft-N\` (N from 100,000). Prediction: \`fasttext predict-prob ft-100000.bin comments-$LARGEST.txt"
  echo "> $OUT/ft-predict-$LARGEST.out\` (best label and its probability a line, written to disk, then deleted)."
  echo
  echo "| run | comments | wall s | comments/s | peak RSS MB | outcome |"
  echo "|---|---|---|---|---|---|"
  for n in "${SIZES[@]:1}"; do
    java -cp "$TEST_CP" dev.commentguard.bench.speed.FastTextConverter "$(data "$n")" "$OUT/comments-$n.txt"
    measure "ft-train-$n" "$bin" supervised -input "$OUT/comments-$n.txt" -output "$OUT/ft-$n"
    echo "| train | $n | $WALL | - | $RSS_MB | $OUTCOME |"
  done
  measure "ft-predict-$LARGEST" "$bin" predict-prob "$OUT/ft-100000.bin" "$OUT/comments-$LARGEST.txt"
  rm -f "$OUT/ft-predict-$LARGEST.out"
  echo "| predict-prob | $LARGEST | $WALL | $(per_second "$LARGEST") | $RSS_MB | $OUTCOME |"
  echo
  if [[ $OUTCOME == ok && -n $SCORE_WALL ]]; then
    echo "\`commentguard.jar score --input\` on the same $LARGEST comments (part score above): $SCORE_WALL s,"
    echo "$(awk -v a="$SCORE_WALL" -v b="$WALL" 'BEGIN { printf "%.1f", a / b }') × fastText's predict-prob wall time (target: at most 2 ×)."
    echo
  fi
}

weka() {
  echo "## Weka's own command line on the same data"
  echo
  if ! compgen -G "$OUT/weka-lib/weka-stable-*.jar" >/dev/null; then
    echo "Weka's jars are not in $OUT/weka-lib: run once without --no-build, which copies them there." | tee /dev/stderr
    echo
    FAILED=true
    return
  fi
  echo "FilteredClassifier with \`$WEKA_FILTER\` and $WEKA_LEARNER, Weka $(basename "$OUT"/weka-lib/weka-stable-*.jar .jar | sed 's/weka-stable-//'),"
  echo "ARFF from \`ArffConverter\` (string text, nominal class). Training: \`/usr/bin/time -v java $HEAP -cp '$WEKA_CP' weka.classifiers.meta.FilteredClassifier"
  echo "-t comments-N.arff -c last -x 5 -v -o -d nb-N.model -F \"...\" -W $WEKA_LEARNER\` (5-fold cross-validation and the final fit, as our trainer does; 10,000: median of $SMALL_REPEATS runs)."
  echo "Scoring: \`-l nb-10000.model -T comments-$LARGEST.arff -c last -p 0 > $OUT/weka-score-$LARGEST.out\` (predictions written to disk, then deleted)."
  echo
  echo "| run | comments | wall s | peak RSS MB | outcome |"
  echo "|---|---|---|---|---|"
  for n in "${SIZES[@]}"; do
    java -cp "$TEST_CP" dev.commentguard.bench.speed.ArffConverter "$(data "$n")" "$OUT/comments-$n.arff"
    local runs=1 walls=() rss=()
    [[ $n -eq 10000 ]] && runs=$SMALL_REPEATS
    for ((r = 1; r <= runs; r++)); do
      measure "weka-train-$n-$r" java "$HEAP" -cp "$WEKA_CP" weka.classifiers.meta.FilteredClassifier \
        -t "$OUT/comments-$n.arff" -c last -x 5 -v -o -d "$OUT/nb-$n.model" -F "$WEKA_FILTER" -W "$WEKA_LEARNER"
      walls+=("$WALL"); rss+=("$RSS_MB")
      [[ $OUTCOME == ok ]] || break
    done
    echo "| train | $n | $(printf '%s\n' "${walls[@]}" | median) | $(printf '%s\n' "${rss[@]}" | median) | $OUTCOME |"
  done
  measure "weka-score-$LARGEST" java "$HEAP" -cp "$WEKA_CP" weka.classifiers.meta.FilteredClassifier \
    -l "$OUT/nb-10000.model" -T "$OUT/comments-$LARGEST.arff" -c last -p 0
  rm -f "$OUT/weka-score-$LARGEST.out"
  echo "| score ($(per_second "$LARGEST") comments/s) | $LARGEST | $WALL | $RSS_MB | $OUTCOME |"
  echo
}

mkdir -p "$OUT"
$BUILD && build
echo "# Speed benchmark, $(date -u +%F), $(uname -s), $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB, $(java -version 2>&1 | head -n 1)"
echo
echo "Load average before the run (other work on the machine): $(cut -d' ' -f1-3 /proc/loadavg)."
echo
for part in "${PARTS[@]}"; do
  "$part"
done
if $FAILED; then
  echo "a part could not run; see its section above" >&2
  exit 1
fi
