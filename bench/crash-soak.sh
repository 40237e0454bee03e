#!/usr/bin/env bash
# Kills with SIGKILL, again and again, and looks at what a kill leaves behind. Not a timed benchmark:
# a soak, for whoever touches the database settings, the job's transactions or the H2 version.
#
#   bench/crash-soak.sh h2 [TRIES] [URL_SETTINGS]   # H2 alone: bulk inserts shaped like the rows table (ur_row) the job once kept, into a new
#                                                   # database, killed 0.1–0.8 s in; counts tries whose
#                                                   # indexes hold keys the table does not
#                                                   # (e.g. URL_SETTINGS=";WRITE_DELAY=0")
#   bench/crash-soak.sh run [TRIES]                 # the real job on 20,000 branches, killed at a random
#                                                   # moment, then the same command again (it resumes):
#                                                   # every run must end with the uninterrupted run's
#                                                   # result digest
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
tries=${2:-20}
[ -f target/union-review.jar ] || mvn -q -DskipTests package
WORK=${BENCH_DIR:-$PWD/target/bench}/crash
mkdir -p "$WORK"
random() { awk -v lo="$1" -v hi="$2" -v seed="$RANDOM" 'BEGIN { srand(seed); printf "%.2f", lo + rand() * (hi - lo) }'; }

case $mode in
h2)
    settings=${3:-}
    cp=$(ls target/lib/h2-*.jar)
    javac -cp "$cp" -d "$WORK/classes" bench/crash/H2KillWriter.java bench/crash/H2KillCheck.java
    stale=0 empty=0
    for i in $(seq 1 "$tries"); do
        rm -rf "$WORK/h2"
        java -cp "$cp:$WORK/classes" H2KillWriter "$WORK/h2/db" "$settings" >"$WORK/writer.log" &
        pid=$!
        until grep -q "tables made" "$WORK/writer.log"; do
            kill -0 "$pid" 2>/dev/null || { echo "the writer stopped before it began inserting" >&2; exit 1; }
            sleep 0.02
        done
        delay=$(random 0.1 0.8)
        sleep "$delay"
        kill -9 "$pid"
        wait "$pid" 2>/dev/null || true
        verdict=$(java -cp "$cp:$WORK/classes" H2KillCheck "$WORK/h2/db" "$settings")
        echo "try $i, killed ${delay}s into the inserts: $verdict"
        case $verdict in STALE*) stale=$((stale + 1)) ;; EMPTY*) empty=$((empty + 1)) ;; esac
    done
    echo "H2 $(basename "$cp" .jar) settings '${settings}': $stale of $((tries - empty)) kills left stale index keys ($empty came before the tables were on disk)"
    [ "$stale" = 0 ]
    ;;
run)
    input=$WORK/input
    [ -d "$input/2025" ] || java -jar target/union-review.jar sample --year 2025 --branches 20000 --seed 7 --out "$input" >/dev/null
    args=(run --year 2025 --input "$input" --lang vi --report-date 2026-01-05)
    digest() { grep -o '"result_digest" : "[0-9a-f]*"' "$1"/manifest.json | grep -o '[0-9a-f]\{64\}'; }
    rm -rf "$WORK/clean"
    clean=$(java -jar target/union-review.jar "${args[@]}" --output "$WORK/clean" | tail -n 1)
    expected=$(digest "$clean")
    failed=0
    for i in $(seq 1 "$tries"); do
        out=$WORK/killed
        rm -rf "$out"
        java -jar target/union-review.jar "${args[@]}" --output "$out" >"$WORK/first.log" 2>&1 &
        pid=$!
        delay=$(random 2 10) # the run takes about 10 s: start-up, every step, the export
        sleep "$delay"
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        last=$(grep -o '^  [^:]*:' "$WORK/first.log" | tail -n 1 | sed 's/^  //; s/:$//' || true) # a step's line comes when it ends
        if java -jar target/union-review.jar "${args[@]}" --output "$out" >"$WORK/resume.log" 2>&1 \
                && [ "$(digest "$(tail -n 1 "$WORK/resume.log")")" = "$expected" ]; then
            echo "try $i, killed after ${delay}s (last step finished: ${last:-none}): resumed, same result"
        else
            failed=$((failed + 1))
            echo "try $i, killed after ${delay}s (last step finished: ${last:-none}): RESUME FAILED"
            tail -n 5 "$WORK/resume.log"
            cp -r "$out" "$WORK/failed-$i"
        fi
    done
    echo "$failed of $tries resumed runs failed or differed"
    [ "$failed" = 0 ]
    ;;
*)
    echo "usage: bench/crash-soak.sh h2|run [TRIES] [URL_SETTINGS]" >&2
    exit 2
    ;;
esac
