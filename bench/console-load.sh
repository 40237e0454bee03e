#!/usr/bin/env bash
# The office console at national size and under load (issue 23): a synthetic year of N branches (default 30,000),
# run once, then the console started with a 1 GB heap and ROUNDS x 50 concurrent views of the run's page. Prints the
# page's size, the time each round took, whether every view was answered 200, and the peak heap the JVM used
# (jstat samples every 100 ms). Only 127.0.0.1 is contacted. Needs a built target/union-review.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
BRANCHES=${BRANCHES:-30000}
ROUNDS=${ROUNDS:-5}
VIEWS=${VIEWS:-50}
PORT=${PORT:-18089}
work=${WORK:-/tmp/union-review-console-load}
jar=target/union-review.jar
if [ ! -d "$work/input/2025" ]; then
  java -jar "$jar" sample --branches "$BRANCHES" --out "$work/input" >/dev/null
fi
if ! ls "$work"/output/2025/*/manifest.json >/dev/null 2>&1; then
  java -Xmx512m -jar "$jar" run --year 2025 --input "$work/input" --output "$work/output" --report-date 2026-01-05 | tail -n 3
fi
run=$(basename "$(dirname "$(ls "$work"/output/2025/*/manifest.json | head -n 1)")")
java -Xmx1g -jar "$jar" serve --http "127.0.0.1:$PORT" --input "$work/input" --output "$work/output" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; kill $sampler 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
pid=$(pgrep -f "serve --http 127.0.0.1:$PORT" | head -n 1)
jstat -gc "$pid" 100 >"$work/jstat.log" &
sampler=$!
url="http://127.0.0.1:$PORT/years/2025/runs/$run"
bytes=$(curl -fs "$url" | wc -c)
echo "run page of $BRANCHES branches: $bytes bytes"
for round in $(seq 1 "$ROUNDS"); do
  start=$(date +%s.%N)
  codes=$(seq 1 "$VIEWS" | xargs -P "$VIEWS" -I{} curl -s -o /dev/null -w '%{http_code}\n' "$url" | sort | uniq -c | tr '\n' ' ')
  echo "round $round: $VIEWS concurrent views in $(echo "$(date +%s.%N) - $start" | bc) s, answers: $codes"
done
kill $sampler
# heap in use = survivor + eden + old (KB), the highest sample
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "peak heap in use: %.0f MB (of a 1024 MB maximum)\n", max / 1024 }' "$work/jstat.log"
