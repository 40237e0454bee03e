#!/usr/bin/env bash
# The benchmark: for each input size, times (a) a bare streaming parse of the input (`parse`, the
# floor: the faster of bin/union-review and plain java -jar), (b) the full `run` (ingest, score,
# rank, CSVs, results.xlsx, PDF with top-N appendices) with -Xmx512m through bin/union-review
# (class-data sharing; the client compiler below 50,000 branches; the parallel collector), (b') the same run as a plain
# `java -Xmx512m -jar`, (c) a plain pandas + openpyxl script computing the same totals and tiers, and
# (d) for a consolidated CSV, a plain CPython script (csv module, decimal, ranks, one results CSV);
# then prints b/a, c/b, d/b, peak heap (from the GC log) and peak RSS (from /usr/bin/time) of (b).
# The letter-heavy case (150k-letters: a quarter of branches share their self scores with another, so
# each gets a letter) is also run with letters off, and prints the letters, the time they add and
# letters per second. Last, the issue's targets against what was measured.
# Wall-clock times include JVM or Python start-up. JAVA_HOME chooses the runtime, as for bin/union-review.
#
#   bench/run.sh                 # every case: sample (63), 10k and 150k consolidated xlsx and CSV, 1k and 10k forms, 150k-letters
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
JAVA=("${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx512m -XX:+UseG1GC)
LAUNCH=(env "JAVA_OPTS=-Xmx512m" bin/union-review) # the launcher's own collector; plain java gets G1, as on any server
mkdir -p "$WORK"
# the launcher's class-data archive or AOT cache is written by the first run after a build: one run before timing
"${LAUNCH[@]}" run --year 2025 --output "$WORK/cds-training" --rerun --report-date 2026-01-05 >/dev/null

cases=("$@")
[ $# -gt 0 ] || cases=(sample 10k 150k 10k-csv 150k-csv 1k-forms 10k-forms 150k-letters)

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
        *-letters) "${JAVA[@]}" -jar "$JAR" sample --year 2025 --branches "$(n "${name%-letters}")" --layout csv --out "$dir" >/dev/null
                   $PY bench/letter_heavy.py "$dir/2025/tables/bang-tong-hop.csv" ;;
        *) "${JAVA[@]}" -jar "$JAR" sample --year 2025 --branches "$(n "$name")" --layout xlsx --out "$dir" >/dev/null ;;
    esac
    echo "$dir"
}
n() { local s=$1; s=${s/k/000}; echo "$s"; }

declare -A PARSE PARSE_LAUNCHER RUN CPYTHON HEAP OFF LETTERS
printf '%-12s %8s %8s %9s %9s %9s %7s %7s %7s %10s %9s  %s\n' case parse_s run_s java-jar_s pandas_s cpython_s run/par pd/run py/run \
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
    if [[ $name == *-letters ]]; then
        rm -rf "$out-off"
        t11=$(now); env UNIONREVIEW_FEEDBACK_ENABLED=false "JAVA_OPTS=-Xmx512m -Xlog:gc:file=$WORK/$name/gc-off.log" bin/union-review run \
            --year 2025 --rules "$RULES" --input "$input" --output "$out-off" --report-date 2026-01-05 > "$WORK/$name/run-off.log" 2>&1 \
            || { echo "$name: the run with letters off failed, see $WORK/$name/run-off.log"; continue; }
        t12=$(now)
        OFF[$name]=$(secs "$t11" "$t12")
        LETTERS[$name]=$(( $(wc -l < "$(dirname "$results")/feedback/index.csv") - 1 ))
    fi

    parse=$(awk -v a="$(secs "$t0" "$t7")" -v b="$(secs "$t7" "$t8")" 'BEGIN { printf "%.2f", a < b ? a : b }'); run=$(secs "$t1" "$t2"); jar=$(secs "$t5" "$t6"); pandas=$(secs "$t3" "$t4")
    heap=$(sed -nE 's/.* ([0-9]+)M->[0-9]+M\([0-9]+M\).*/\1/p' "$WORK/$name/gc.log" | sort -n | tail -1)
    rss=$(( $(cat "$WORK/$name/rss.txt" | tail -1) / 1024 ))
    agree=$(sed -nE 's/.*: ([0-9]+ of [0-9]+) branches agree.*/\1/p' "$WORK/$name/pandas.log")
    pyagree=$(sed -nE 's/.*: ([0-9]+ of [0-9]+) branches agree.*/\1/p' "$WORK/$name/cpython.log" 2>/dev/null || true)
    PARSE[$name]=$parse; PARSE_LAUNCHER[$name]=$(secs "$t0" "$t7"); RUN[$name]=$run; CPYTHON[$name]=$cpython; HEAP[$name]=${heap:-?}
    printf '%-12s %8s %8s %9s %9s %9s %7s %7s %7s %8sMB %7sMB  %s\n' "$name" "$parse" "$run" "$jar" "$pandas" "$cpython" \
        "$(awk -v a="$run" -v b="$parse" 'BEGIN { printf "%.1f", a / b }')" \
        "$(awk -v a="$pandas" -v b="$run" 'BEGIN { printf "%.2f", a / b }')" \
        "$(awk -v a="$cpython" -v b="$run" 'BEGIN { if (a == "-") print "-"; else printf "%.2f", a / b }')" "${heap:-?}" "$rss" \
        "pandas agrees: ${agree:-?}${pyagree:+; cpython agrees: $pyagree}"
done
for name in "${!LETTERS[@]}"; do
    added=$(awk -v a="${RUN[$name]}" -v b="${OFF[$name]}" 'BEGIN { printf "%.2f", a - b }')
    printf '%s: %d letters; the run takes %s s with them, %s s without: they add %s s, %s letters a second\n' "$name" "${LETTERS[$name]}" \
        "${RUN[$name]}" "${OFF[$name]}" "$added" "$(awk -v n="${LETTERS[$name]}" -v s="$added" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')"
done

# the targets of the national-scale issue, for the cases measured
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "met" : "missed") }'; }
echo
printf '%-58s %12s %12s  %s\n' target measured limit verdict
if [ -n "${OFF[150k-letters]:-}" ] && [ "${CPYTHON[150k-letters]}" != - ]; then
    r=$(ratio "${OFF[150k-letters]}" "${CPYTHON[150k-letters]}")
    printf '%-58s %11sx %11sx  %s\n' "150k, letters off: run / CPython scorer of the same file" "$r" 1.00 "$(verdict "$r" 1)"
    added=$(awk -v a="${RUN[150k-letters]}" -v b="${OFF[150k-letters]}" 'BEGIN { printf "%.1f", a - b }')
    printf '%-58s %11ss %11ss  %s\n' "150k, ${LETTERS[150k-letters]} letters: seconds the letters add" "$added" 20 "$(verdict "$added" 20)"
fi
if [ -n "${RUN[sample]:-}" ]; then
    r=$(ratio "${RUN[sample]}" "${PARSE_LAUNCHER[sample]}")
    printf '%-58s %11sx %11sx  %s\n' "sample year through bin/union-review: run / parse" "$r" 2.00 "$(verdict "$r" 2)"
fi
if [ -n "${RUN[10k-forms]:-}" ]; then
    r=$(ratio "${RUN[10k-forms]}" "${PARSE[10k-forms]}")
    printf '%-58s %11sx %11sx  %s\n' "10,000 forms: run / parse" "$r" 1.50 "$(verdict "$r" 1.5)"
fi
for name in "${!HEAP[@]}"; do
    [ "${HEAP[$name]}" = "?" ] || printf '%-58s %10sMB %10sMB  %s\n' "$name: peak heap" "${HEAP[$name]}" 512 "$(verdict "${HEAP[$name]}" 511)"
done
