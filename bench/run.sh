#!/usr/bin/env bash
# The benchmark: for each input size, times (a) a bare streaming parse of the input (`parse`, the
# floor: the faster of bin/union-review and plain java -jar), (b) the full `run` (ingest, score,
# rank, CSVs, results.xlsx, PDF with top-N appendices) with -Xmx512m through bin/union-review
# (class-data sharing; the client compiler below 50,000 branches; the parallel collector), (b') the same run as a plain
# `java -Xmx512m -jar`, (c) a plain pandas + openpyxl script computing the same totals and tiers, and
# (d) for a consolidated CSV, a plain CPython script (csv module, decimal, ranks, one results CSV);
# then prints b/a, c/b, d/b, peak heap (from the GC log) and peak RSS (from /usr/bin/time) of (b).
# Wall-clock times include JVM or Python start-up.
#
#   bench/run.sh                 # every case: sample (63), 10k and 150k consolidated xlsx and CSV, 1k and 10k forms
#   bench/run.sh 10k 1k-forms    # some cases (names as in the table)
#
# Inputs are generated once under target/bench/ (seeded, reproducible) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=/usr/bin/python3 # Debian's Python, where the Debian packages install (not a pyenv or venv python3 on the PATH)
need=()
[ -x $PY ] || need+=(python3)
$PY -c 'import pandas, openpyxl' 2>/dev/null || need+=(python3-pandas python3-openpyxl)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]} (Debian packages)…"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

[ -f target/union-review.jar ] || mvn -q -DskipTests package
JAR=$PWD/target/union-review.jar
RULES=$PWD/config/rules/2025.yaml
WORK=${BENCH_DIR:-$PWD/target/bench}
JAVA=(java -Xmx512m -XX:+UseG1GC)
LAUNCH=(env "JAVA_OPTS=-Xmx512m" bin/union-review) # the launcher's own collector; plain java gets G1, as on any server
mkdir -p "$WORK"
# the launcher's class-data archive is written by the first run after a build: make it before timing
[ target/union-review.jsa -nt "$JAR" ] || "${LAUNCH[@]}" run --year 2025 --output "$WORK/cds-training" --rerun \
    --report-date 2026-01-05 >/dev/null

cases=("$@")
[ $# -gt 0 ] || cases=(sample 10k 150k 10k-csv 150k-csv 1k-forms 10k-forms)

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

prepare() { # name → input dir with <year>/ inside
    local name=$1 dir=$WORK/$1/input
    [ -d "$dir/2025" ] && { echo "$dir"; return; }
    mkdir -p "$dir"
    case $name in
        sample) cp -r input/2025 "$dir/" ;;
        *-forms) "${JAVA[@]}" -jar "$JAR" sample --year 2025 --branches "$(n "${name%-forms}")" --layout forms --rules "$RULES" --out "$dir" >/dev/null ;;
        *-csv) "${JAVA[@]}" -jar "$JAR" sample --year 2025 --branches "$(n "${name%-csv}")" --layout csv --out "$dir" >/dev/null ;;
        *) "${JAVA[@]}" -jar "$JAR" sample --year 2025 --branches "$(n "$name")" --layout xlsx --out "$dir" >/dev/null ;;
    esac
    echo "$dir"
}
n() { local s=$1; s=${s/k/000}; echo "$s"; }

printf '%-10s %8s %8s %9s %9s %9s %7s %7s %7s %10s %9s  %s\n' case parse_s run_s java-jar_s pandas_s cpython_s run/par pd/run py/run \
    peak_heap peak_rss check
for name in "${cases[@]}"; do
    input=$(prepare "$name")
    out=$WORK/$name/out; rm -rf "$out"

    # the floor is the faster of the two JVM set-ups: the client compiler wins for small inputs, C2 for 10,000 forms
    t0=$(now); "${LAUNCH[@]}" parse --year 2025 --input "$input" > "$WORK/$name/parse.log"; t7=$(now)
    "${JAVA[@]}" -jar "$JAR" parse --year 2025 --input "$input" > "$WORK/$name/parse-jar.log"; t8=$(now)
    t1=$(now)
    /usr/bin/time -f '%M' -o "$WORK/$name/rss.txt" env "JAVA_OPTS=-Xmx512m -Xlog:gc:file=$WORK/$name/gc.log" \
        bin/union-review run --year 2025 --rules "$RULES" --input "$input" --output "$out" --report-date 2026-01-05 \
        > "$WORK/$name/run.log" 2>&1 || { echo "$name: the run failed, see $WORK/$name/run.log"; continue; }
    t2=$(now)
    rm -rf "$out-jar"
    t5=$(now); "${JAVA[@]}" -jar "$JAR" run --year 2025 --rules "$RULES" --input "$input" --output "$out-jar" \
        --report-date 2026-01-05 > "$WORK/$name/run-jar.log" 2>&1 || { echo "$name: java -jar run failed"; continue; }
    t6=$(now)
    results=$(tail -1 "$WORK/$name/run.log")/results.csv
    t3=$(now); $PY -W ignore bench/pandas_scores.py "$input/2025" "$results" > "$WORK/$name/pandas.log"; t4=$(now)
    cpython=-
    if compgen -G "$input/2025/tables/*.csv" > /dev/null; then
        t9=$(now); $PY bench/cpython_scores.py "$input/2025" "$WORK/$name/cpython.csv" "$results" > "$WORK/$name/cpython.log"; t10=$(now)
        cpython=$(secs "$t9" "$t10")
    fi

    parse=$(awk -v a="$(secs "$t0" "$t7")" -v b="$(secs "$t7" "$t8")" 'BEGIN { printf "%.2f", a < b ? a : b }'); run=$(secs "$t1" "$t2"); jar=$(secs "$t5" "$t6"); pandas=$(secs "$t3" "$t4")
    heap=$(sed -nE 's/.* ([0-9]+)M->[0-9]+M\([0-9]+M\).*/\1/p' "$WORK/$name/gc.log" | sort -n | tail -1)
    rss=$(( $(cat "$WORK/$name/rss.txt" | tail -1) / 1024 ))
    agree=$(sed -nE 's/.*: ([0-9]+ of [0-9]+) branches agree.*/\1/p' "$WORK/$name/pandas.log")
    pyagree=$(sed -nE 's/.*: ([0-9]+ of [0-9]+) branches agree.*/\1/p' "$WORK/$name/cpython.log" 2>/dev/null || true)
    printf '%-10s %8s %8s %9s %9s %9s %7s %7s %7s %8sMB %7sMB  %s\n' "$name" "$parse" "$run" "$jar" "$pandas" "$cpython" \
        "$(awk -v a="$run" -v b="$parse" 'BEGIN { printf "%.1f", a / b }')" \
        "$(awk -v a="$pandas" -v b="$run" 'BEGIN { printf "%.2f", a / b }')" \
        "$(awk -v a="$cpython" -v b="$run" 'BEGIN { if (a == "-") print "-"; else printf "%.2f", a / b }')" "${heap:-?}" "$rss" \
        "pandas agrees: ${agree:-?}${pyagree:+; cpython agrees: $pyagree}"
done
