#!/bin/sh
# Linkage benchmark: `jaring link` (100,000 licences against 1,000,000
# employers: identifiers, regency + word blocking, scoring, decisions and
# leads written) against two baselines in the same run: an exact-name join
# in the sqlite3 shell (fast, blind to any spelling difference), and the
# same similarity without blocking (every licence against every employer),
# timed on a sample and extrapolated.
# usage: bench/link.sh BUILD_DIR [EMPLOYERS] [LICENCES]
set -eu
build=${1:-build}
n_emp=${2:-1000000}
n_lic=${3:-100000}
jaring="$build/jaring"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
now() { date +%s.%N; }

echo "link: generating $n_emp employers and $n_lic licences..."
python3 "$(dirname "$0")/gen_link.py" "$n_emp" "$n_lic" "$dir"
export JARING_DB="$dir/jaring.db" JARING_TODAY=2026-11-22
"$jaring" init > /dev/null
# Loaded with the sqlite3 shell (not timed): the registry as an import would leave it.
sqlite3 -bail "$JARING_DB" <<SQL
.mode csv
.import $dir/employers.csv emp_raw
.import $dir/licences.csv lic_raw
INSERT INTO employers(npp, name, nib, region_code, kind)
  SELECT npp, name, nullif(nib, ''), region_code, 'company' FROM emp_raw;
INSERT INTO licences(nib, name, region_code, kbli, employees, avg_wage_sen, licensed_on)
  SELECT nib, name, region_code, kbli, employees, avg_wage * 100, licensed_on FROM lic_raw;
DROP TABLE emp_raw; DROP TABLE lic_raw;
SQL
sync

# Wall and CPU (user + system) time: on a shared machine the wall time
# includes waiting for other processes' turn, the CPU time does not.
set -- $(python3 -c '
import resource, subprocess, sys, time
t = time.monotonic()
with open(sys.argv[2], "w") as out:
    rc = subprocess.call([sys.argv[1], "link", "--json"], stdout=out)
w = time.monotonic() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.2f %.2f %d" % (w, r.ru_utime + r.ru_stime, rc))' "$jaring" "$dir/links.json")
ours=$1 ours_cpu=$2
[ "$3" = 0 ] || { echo "link: jaring link failed ($3)"; exit 1; }
counts=$(sqlite3 "$JARING_DB" "select group_concat(decision || ' ' || n, ', ') from (select decision, count(*) n from licence_links group by decision)")
leads=$(sqlite3 "$JARING_DB" "select count(*) from leads")

# Baseline 1: exact (case-folded) name within the regency, in the sqlite3 shell.
t0=$(now)
exact=$(sqlite3 "$JARING_DB" "create temp table k as select lower(name) name,
  substr(region_code, 1, 5) regency from employers; create index temp.k_name on k(name, regency);
  select count(distinct l.id) from licences l join k
  on k.name = lower(l.name) and k.regency = substr(l.region_code, 1, 5)")
t1=$(now)
base=$(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }")

# Baseline 2: no blocking, on a sample.
sample=20
set -- $("$build/bench/link_naive" "$dir/employers.csv" "$dir/licences.csv" "$sample")
per=$2
naive=$(awk "BEGIN { printf \"%.0f\", $per * $n_lic }")

echo "link: jaring link           ${ours} s wall, ${ours_cpu} s CPU on 2 threads ($counts; $leads leads)"
echo "link: load average          $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine)"
echo "link: sqlite3 exact join    ${base} s ($exact licences with an identically written name)"
echo "link: unblocked scorer      ${naive} s extrapolated ($sample licences x $n_emp employers, $per s each)"
echo "link: ratio jaring/exact join = $(awk "BEGIN { printf \"%.2f\", $ours / $base }")"
echo "link: ratio jaring/unblocked  = $(awk "BEGIN { printf \"%.5f\", $ours / $naive }") (target: jaring < 10 s)"
