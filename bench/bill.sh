#!/bin/sh
# Bill-run benchmark: `jaring bill` for one month on a demo database with about
# 1.1 million active memberships (scale 50), against bench/bill_baseline.sql:
# one INSERT ... SELECT in the sqlite3 shell computing the same lines, in the
# same run, on a copy of the same database.  Both get the connection settings
# jaring uses (WAL, synchronous NORMAL, 1 GB page cache) and start from a warm
# file cache.  The baseline reads the bills jaring made (copied in before the
# clock starts) to give each line its bill; jaring's time includes making
# them.  The lines of both are compared row by row.
# usage: bench/bill.sh BUILD_DIR [SCALE]   (SCALE default 50)
set -eu
build=${1:-build}
scale=${2:-50}
jaring="$build/jaring"
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

now() { date +%s.%N; }
# The demo is relative to "today": November 2024 is billed as of early December.
export JARING_TODAY=2024-12-05
period=2024-11

echo "bill: building the demo database (scale $scale)..."
"$jaring" --db "$dir/jaring.db" demo --scale "$scale" --force > "$dir/demo.txt"
grep 'peserta aktif' "$dir/demo.txt" | sed 's/^ */bill: /'
cp "$dir/jaring.db" "$dir/base.db"
cat "$dir/jaring.db" "$dir/base.db" > /dev/null
sync

t0=$(now)
rc=0
"$jaring" --db "$dir/jaring.db" bill --period "$period" > "$dir/bill.txt" 2> "$dir/bill.err" || rc=$?
t1=$(now)
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
	cat "$dir/bill.err" >&2
	exit 1
fi
ours=$(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }")
sed -n '1,2p' "$dir/bill.txt" | sed 's/^/bill: /'

# The baseline gets the same bills, then computes the lines in one statement.
sqlite3 "$dir/base.db" "ATTACH '$dir/jaring.db' AS j;
  INSERT INTO bills SELECT * FROM j.bills WHERE period = ${period%-*}${period#*-};" > /dev/null
cat "$dir/base.db" > /dev/null
sync
t0=$(now)
{
	echo "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY;"
	cat "$here/bill_baseline.sql"
} | sqlite3 "$dir/base.db"
t1=$(now)
base=$(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }")

same=$(sqlite3 "$dir/base.db" "ATTACH '$dir/jaring.db' AS j;
  SELECT (SELECT count(*) FROM (SELECT * FROM bill_lines EXCEPT SELECT * FROM j.bill_lines))
       + (SELECT count(*) FROM (SELECT * FROM j.bill_lines EXCEPT SELECT * FROM bill_lines));")
lines=$(sqlite3 "$dir/jaring.db" "SELECT count(*) FROM bill_lines")
[ "$same" = 0 ] && verdict="the same $lines lines" || verdict="$same LINES DIFFER"
echo "bill: sqlite3 INSERT ... SELECT  ${base} s (lines only, bills given)"
echo "bill: jaring bill                ${ours} s (bills and lines, $verdict)"
echo "bill: ratio jaring/sqlite3 = $(awk "BEGIN { printf \"%.3f\", $ours / $base }") (target <= 1.0, and jaring under 3 s)"
