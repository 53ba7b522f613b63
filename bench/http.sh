#!/bin/sh
# HTTP benchmark: `jaring serve` on the demo database, driven by wrk.
#  1. GET /api/v1/persons/{nik} with a valid bearer token (token lookup, the
#     person, memberships and bills: four indexed reads), against the same
#     server's GET /healthz (no sign-in, no database: the floor of
#     libmicrohttpd + wrk on this machine), in the same run.
#  2. A mixed run, 9 reads to 1 write (a one-row workers import through
#     POST /api/v1/imports); afterwards every write that got a 2xx answer
#     must be in the database.
# Target for 1: >= 20,000 requests/s with p99 < 10 ms and no errors.
# usage: bench/http.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
set -eu
build=${1:-build}
secs=${2:-10}
conns=${3:-32}
jaring="$(cd "$build" && pwd)/jaring"
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
export JARING_DB="$dir/demo.db"

echo "http: building the demo database..."
"$jaring" demo --force > /dev/null
echo 'bench-sandi-1' | "$jaring" user add bench --role officer --password-stdin > /dev/null
TOKEN=$("$jaring" token add bench)
export TOKEN
sqlite3 "$JARING_DB" "SELECT nik FROM persons ORDER BY random() LIMIT 5000" > "$dir/niks"
export NIKS="$dir/niks"

"$jaring" serve --listen 127.0.0.1:0 > "$dir/url" 2> "$dir/serve.err" &
pid=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do
	[ -s "$dir/url" ] && break
	sleep 0.5
done
url=$(head -1 "$dir/url")
url=${url%/}
echo "http: serving $url (2 worker threads), wrk: 2 threads, $conns connections, ${secs} s each"

# rps, p99 (ms) and non-2xx+socket errors from wrk's --latency output
figures() {
	rps=$(awk '/^Requests\/sec/ { print $2 }' "$1")
	p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } print v }' "$1")
	errs=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$1")
}

wrk -t2 -c"$conns" -d"${secs}s" --latency "$url/healthz" > "$dir/base.txt"
figures "$dir/base.txt"
base_rps=$rps
echo "http: baseline GET /healthz            ${rps} req/s, p99 ${p99} ms, ${errs} errors"

wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$here/http_read.lua" "$url" > "$dir/read.txt"
figures "$dir/read.txt"
echo "http: GET /api/v1/persons/{nik} token ${rps} req/s, p99 ${p99} ms, ${errs} errors"
echo "http: ratio persons/healthz = $(awk "BEGIN { printf \"%.3f\", $rps / $base_rps }")"
awk "BEGIN { exit !($rps >= 20000 && $p99 < 10 && $errs == 0) }" &&
	echo "http: target met (>= 20,000 req/s, p99 < 10 ms, 0 errors)" ||
	echo "http: TARGET NOT MET (>= 20,000 req/s, p99 < 10 ms, 0 errors)"

export WRITTEN="$dir/written"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$here/http_mixed.lua" "$url" > "$dir/mixed.txt"
figures "$dir/mixed.txt"
grep '^http:' "$dir/mixed.txt" || true
n=$(wc -l < "$WRITTEN")
echo "http: mixed 9:1 read/write                ${rps} req/s, p99 ${p99} ms, ${errs} non-2xx/errors, ${n} writes answered 2xx"

kill -TERM "$pid"
wait "$pid" || true
pid=
# Every 2xx write: its batch is committed and its person and membership exist.
{
	echo "CREATE TEMP TABLE w(batch INTEGER);"
	sed 's/.*/INSERT INTO w VALUES (&);/' "$WRITTEN"
	echo "SELECT count(*) FROM w LEFT JOIN import_batches b ON b.id = w.batch
	  LEFT JOIN persons p ON p.nik = CAST(b.file_name AS INTEGER)
	  LEFT JOIN memberships m ON m.person_nik = p.nik AND m.segment = 'BPU' AND m.start_date = '2026-01-01'
	  WHERE b.id IS NULL OR b.rows_ok <> 1 OR p.nik IS NULL OR m.id IS NULL;"
} | sqlite3 "$JARING_DB" > "$dir/missing"
missing=$(tail -1 "$dir/missing")
[ "$missing" = 0 ] && echo "http: all $n acknowledged writes are in the database" ||
	echo "http: $missing OF $n ACKNOWLEDGED WRITES ARE MISSING"
