#!/bin/sh
# Import benchmark: `jaring import workers` (validating every row, writing
# persons + memberships) against the sqlite3 shell's `.import` of the same
# file into one table with the same primary key, in the same run.
# usage: bench/import.sh BUILD_DIR [ROWS]   (ROWS default 1,000,000)
set -eu
build=${1:-build}
rows=${2:-1000000}
jaring="$build/jaring"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

now() { date +%s.%N; }

echo "import: generating $rows worker rows..."
python3 "$(dirname "$0")/gen_workers.py" "$rows" "$dir"
ls -l "$dir/workers.csv" | awk '{printf "import: workers.csv %.1f MB\n", $5 / 1048576}'

# Baseline: the sqlite3 shell loading the same CSV into an equivalent table.
cat > "$dir/base.sql" <<SQL
CREATE TABLE workers (nik TEXT, name TEXT, birth_date TEXT, sex TEXT, kpj TEXT,
  employer_npp TEXT, segment TEXT, wage TEXT, programs TEXT, start_date TEXT,
  end_date TEXT, occupation TEXT, region_code TEXT, phone TEXT,
  PRIMARY KEY (nik, employer_npp, segment, start_date));
.mode csv
.import --skip 1 $dir/workers.csv workers
SQL
sync
t0=$(now)
sqlite3 "$dir/base.db" < "$dir/base.sql"
t1=$(now)
base=$(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }")

JARING_DB="$dir/jaring.db" "$jaring" init > /dev/null
JARING_DB="$dir/jaring.db" "$jaring" import employers "$dir/employers.csv" > /dev/null
sync
t0=$(now)
JARING_DB="$dir/jaring.db" "$jaring" import workers "$dir/workers.csv" < /dev/null 2> /dev/null
t1=$(now)
ours=$(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }")

got=$(sqlite3 "$dir/jaring.db" "select count(*) from memberships")
ref=$(sqlite3 "$dir/base.db" "select count(*) from workers")
echo "import: sqlite3 .import  ${base} s ($ref rows)"
echo "import: jaring import    ${ours} s ($got memberships, every row validated)"
echo "import: ratio jaring/sqlite3 = $(awk "BEGIN { printf \"%.3f\", $ours / $base }") (target <= 0.4)"
