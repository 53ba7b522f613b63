#!/bin/sh
# Coverage benchmark: `jaring coverage --by district,segment` over N
# memberships (default 10,000,000) spread over Central Java's districts,
# against the naive GROUP BY over the memberships in the sqlite3 shell, in the
# same run on the same database (WAL, 1 GB page cache, warm file cache).
# Both answers are compared.  Also timed: building the aggregates the first
# time, and a question after 10,000 memberships changed (the triggers and the
# incremental refresh).
# usage: bench/coverage.sh BUILD_DIR [MEMBERSHIPS]
set -eu
build=${1:-build}
n=${2:-10000000}
jaring="$build/jaring"
dir=$(mktemp -d)
# KEEP=1 leaves the database for a closer look.
if [ -n "${KEEP:-}" ]; then echo "coverage: keeping $dir"; else trap 'rm -rf "$dir"' EXIT; fi
db="$dir/jaring.db"
export JARING_TODAY=2026-11-22
day=2026-11-22

now() { date +%s.%N; }
secs() { awk "BEGIN { printf \"%.3f\", $2 - $1 }"; }
ms() { awk "BEGIN { printf \"%.1f\", ($2 - $1) * 1000 }"; }

"$jaring" --db "$db" init > /dev/null
employers=$((n / 40))
echo "coverage: generating $n memberships, $n persons, $employers employers..."
t0=$(now)
sqlite3 "$db" <<SQL
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1048576;
CREATE TEMP TABLE d AS SELECT row_number() OVER (ORDER BY code) - 1 AS di, code
  FROM regions WHERE level = 3 AND code LIKE '33.%';
CREATE TEMP TABLE k AS SELECT row_number() OVER (ORDER BY code) - 1 AS ki, code
  FROM kbli WHERE level = 5;
BEGIN;
INSERT INTO employers(id, npp, name, kbli, region_code, kind)
  WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $employers)
  SELECT i, printf('%08d', i), 'Usaha ' || i,
         (SELECT code FROM k WHERE k.ki = (i * 7919) % (SELECT count(*) FROM k)),
         (SELECT code FROM d WHERE d.di = (i * 104729) % (SELECT count(*) FROM d)),
         CASE i % 20 WHEN 0 THEN 'government_office' WHEN 1 THEN 'religious_unit'
                     WHEN 2 THEN 'cooperative' ELSE 'company' END
  FROM c;
INSERT INTO persons(nik, name, region_code)
  WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $n)
  SELECT 3300000000000000 + i, 'Orang ' || i,
         (SELECT code FROM d WHERE d.di = (i * 7727) % (SELECT count(*) FROM d))
  FROM c;
INSERT INTO memberships(id, person_nik, employer_id, segment, wage_sen, programs, start_date,
                        end_date)
  WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $n),
  g AS MATERIALIZED (SELECT i, abs(random()) AS r, abs(random()) % 10 AS s,
                            abs(random()) % 4300 AS d FROM c)
  SELECT i, 3300000000000000 + i,
         CASE WHEN s < 2 THEN NULL ELSE 1 + r % $employers END,
         CASE WHEN s < 2 THEN 'BPU' WHEN s = 2 THEN 'JAKON' ELSE 'PU' END,
         300000000, 3, date('2015-01-01', '+' || d || ' days'),
         CASE WHEN r % 10 < 4 THEN date('2015-01-01', '+' || (d + r % 1500) || ' days') END
  FROM g;
COMMIT;
SQL
t1=$(now)
echo "coverage: generated in $(secs "$t0" "$t1") s"

t0=$(now)
"$jaring" --db "$db" coverage --by district,segment --json > "$dir/first.json"
t1=$(now)
echo "coverage: building the aggregates (first question)  $(secs "$t0" "$t1") s"

# Warm the file cache for both.
cat "$db" > /dev/null

best() { # best CMD...: the fastest of 5 runs: "WALL_MS CPU_MS" (CPU = user + sys)
	python3 - "$@" <<'PY'
import resource, subprocess, sys, time
walls, cpus = [], []
for _ in range(5):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
    walls.append((time.monotonic() - t0) * 1000)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
print("%.1f %.1f" % (min(walls), min(cpus)))
PY
}

naive_sql="PRAGMA cache_size = -1048576;
SELECT substr(coalesce(m.region_code, e.region_code, p.region_code, ''), 1, 8) AS district,
       m.segment, count(*)
FROM memberships m LEFT JOIN employers e ON e.id = m.employer_id
JOIN persons p ON p.nik = m.person_nik
WHERE m.start_date <= '$day' AND (m.end_date IS NULL OR m.end_date >= '$day')
  AND (m.inactive_since IS NULL OR m.inactive_since > '$day')
GROUP BY 1, 2;"

set -- $(best "$jaring" --db "$db" coverage --by district,segment --json)
ours=$1 ours_cpu=$2
"$jaring" --db "$db" coverage --by district,segment --json > "$dir/ours.json"
t0=$(now)
sqlite3 "$db" "$naive_sql" > "$dir/naive.txt"
t1=$(now)
naive=$(ms "$t0" "$t1")

check() { # compares jaring's JSON with the naive rows
	python3 - "$dir/ours.json" "$dir/naive.txt" <<'PY'
import json, sys
ours = {r["key"]: r["active"] for r in json.load(open(sys.argv[1]))["rows"] if r["active"]}
naive = {}
for line in open(sys.argv[2]):
    d, seg, c = line.rstrip("\n").split("|")
    if len(d) != 8:
        d = ""
    naive[d + "/" + seg] = naive.get(d + "/" + seg, 0) + int(c)
print("the same %d rows" % len(ours) if ours == naive else "ROWS DIFFER")
PY
}
verdict=$(check)
echo "coverage: sqlite3 naive GROUP BY        ${naive} ms"
echo "coverage: jaring coverage (best of 5)   ${ours} ms, CPU ${ours_cpu} ms (whole process, ${verdict})"
echo "coverage: ratio jaring/naive $(awk "BEGIN { printf \"%.4f\", $ours / $naive }") (target: under 50 ms)"

# 10,000 memberships change: 5,000 end, 5,000 new start this month.
sqlite3 "$db" "BEGIN;
  UPDATE memberships SET end_date = '2026-11-20' WHERE id IN
    (SELECT id FROM memberships WHERE end_date IS NULL LIMIT 5000);
  INSERT INTO memberships(person_nik, employer_id, segment, wage_sen, programs, start_date)
    SELECT nik, NULL, 'BPU', 100000000, 3, '2026-11-10' FROM persons LIMIT 5000;
  COMMIT;"
t0=$(now)
"$jaring" --db "$db" coverage --by district,segment --json > "$dir/ours.json"
t1=$(now)
sqlite3 "$db" "$naive_sql" > "$dir/naive.txt"
echo "coverage: after 10,000 changes          $(ms "$t0" "$t1") ms (incremental refresh, $(check))"
