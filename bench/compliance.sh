#!/bin/sh
# Compliance benchmark: `jaring compliance --json` on a demo database (scale 10,
# about 220,000 active memberships and 40,000 employers), against one naive
# query in the sqlite3 shell counting, on the same database in the same run,
# the employers with a wage below the UMK and those with too few programs for
# their size.  jaring does more (prices every worker three ways by the rate
# tables, arrears, licences, offices in the procurement plan, JSON); the
# baseline only counts.  The counts of both are compared; each side's time is
# the best of three runs.
# usage: bench/compliance.sh BUILD_DIR [SCALE]   (SCALE default 10)
set -eu
build=${1:-build}
scale=${2:-10}
jaring="$build/jaring"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

now() { date +%s.%N; }
export JARING_TODAY=2025-06-20
day=$JARING_TODAY

echo "compliance: building the demo database (scale $scale)..."
"$jaring" --db "$dir/jaring.db" demo --scale "$scale" --force > "$dir/demo.txt"
grep 'peserta aktif' "$dir/demo.txt" | sed 's/^ */compliance: /'
cat "$dir/jaring.db" > /dev/null
sync

# Best of three runs each: the machine is shared.
best() { awk "BEGIN { b = $1; if ($2 < b) b = $2; printf \"%.2f\", b }"; }
ours=999
base=999
for run in 1 2 3; do
t0=$(now)
"$jaring" --db "$dir/jaring.db" compliance --json > "$dir/c.json"
t1=$(now)
ours=$(best "$ours" "$(awk "BEGIN { print $t1 - $t0 }")")

t0=$(now)
base_counts=$(sqlite3 "$dir/jaring.db" "PRAGMA cache_size = -1048576;
WITH act AS (
  SELECT m.employer_id AS emp, m.wage_sen AS wage, m.programs AS progs, e.scale AS scale,
         substr(e.region_code, 1, 5) AS reg
  FROM memberships m JOIN employers e ON e.id = m.employer_id
  WHERE m.segment = 'PU' AND m.start_date <= '$day' AND (m.end_date IS NULL OR m.end_date >= '$day'))
SELECT (SELECT count(DISTINCT emp) FROM act
        JOIN umk u ON u.regency_code = act.reg
         AND u.year = (SELECT max(year) FROM umk WHERE regency_code = act.reg AND year <= ${day%%-*})
        WHERE act.wage < u.amount_sen)
  || ' ' ||
       (SELECT count(DISTINCT emp) FROM act
        WHERE (progs & CASE scale WHEN 'micro' THEN 3 WHEN 'small' THEN 7 ELSE 15 END)
              != CASE scale WHEN 'micro' THEN 3 WHEN 'small' THEN 7 ELSE 15 END);" | tail -1)
t1=$(now)
base=$(best "$base" "$(awk "BEGIN { print $t1 - $t0 }")")
done

ours_counts=$(python3 -c "
import json,sys
d=json.load(open('$dir/c.json'))
k=lambda n: sum(1 for f in d['findings'] if f['kind']==n and f['evidence'].get('source','umk')!='licence')
print(k('pds_upah'), k('pds_program'))")
[ "$ours_counts" = "$base_counts" ] && verdict="same counts" || verdict="COUNTS DIFFER: $ours_counts vs $base_counts"
n=$(python3 -c "import json; print(len(json.load(open('$dir/c.json'))['findings']))")
echo "compliance: sqlite3 naive counts   ${base} s (employers below UMK / too few programs: $base_counts)"
echo "compliance: jaring compliance      ${ours} s ($n findings priced, JSON; $verdict)"
echo "compliance: ratio jaring/sqlite3 = $(awk "BEGIN { printf \"%.3f\", $ours / $base }")"
