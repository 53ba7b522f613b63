#!/bin/sh
# CLI tests of `jaring coverage`: the aggregates against a plain count of the
# memberships, before and after changes, and the workforce and target figures.
. "$(dirname "$0")/lib.sh"
P="$FIX/partners"

# naive DAY BY: active memberships per key, counted straight from the tables.
naive() {
	case "$2" in
	district) key="substr(coalesce(m.region_code, e.region_code, p.region_code, ''), 1, 8)" ;;
	segment) key="m.segment" ;;
	sector) key="coalesce((select section from kbli where code = substr(e.kbli, 1, 2)), '')" ;;
	employer-kind) key="coalesce(e.kind, 'none')" ;;
	district,segment) key="substr(coalesce(m.region_code, e.region_code, p.region_code, ''), 1, 8) || '/' || m.segment" ;;
	esac
	sql "select $key, count(*) from memberships m left join employers e on e.id = m.employer_id
	     join persons p on p.nik = m.person_nik
	     where m.start_date <= '$1' and (m.end_date is null or m.end_date >= '$1')
	       and (m.inactive_since is null or m.inactive_since > '$1')
	     group by 1 order by 1" | python3 -c '
import sys, json
rows = {}
for line in sys.stdin:
    k, n = line.rstrip("\n").split("|")
    if sys.argv[1] == "district" and len(k) != 8:
        k = ""
    rows[k] = rows.get(k, 0) + int(n)
print(json.dumps(sorted(rows.items())))' "$2"
}

# same DAY BY DESCRIPTION: jaring coverage equals the naive count.
same() {
	run "$JARING" coverage --by "$2" --as-of "$1" --json
	got=$(json "json.dumps(sorted(((r['key'] or '') , r['active']) for r in j['rows'] if r['active']))")
	want=$(naive "$1" "$2")
	[ "$got" = "$want" ]
	r=$?
	[ $r -eq 0 ] || { echo "# got  $got" | cut -c1-400; echo "# want $want" | cut -c1-400; }
	ok $r "$3"
}

run "$JARING" demo --force
expect_rc 0 "demo database"
for day in 2026-11-22 2024-06-15 2019-01-01 2030-01-01; do
	same $day district "by district on $day equals a plain count"
done
same 2026-11-22 segment "by segment"
same 2026-11-22 district,segment "by district and segment"
same 2026-11-22 sector "by sector"
same 2026-11-22 employer-kind "by employer kind"
run "$JARING" coverage --json
expect_json "j['total']['active']" 22000 "the demo's 22,000 active participants"

# Changes after the aggregates were built go through the triggers.
run "$JARING" import workers "$FIX/workers.csv"
same 2026-11-22 district "after importing workers (new and ended memberships)"
same 2025-08-01 district "and on a day when a construction membership was active"
sql "update memberships set end_date = '2026-10-31' where id in (select id from memberships where end_date is null and segment = 'PU' limit 25)"
same 2026-11-22 district "lapsed memberships leave coverage"
same 2026-10-31 district "but count on their last day"
sql "update memberships set inactive_since = '2026-09-01' where id in (select id from memberships where segment = 'BPU' and end_date is null limit 30)"
same 2026-11-22 segment "BPU non-active after arrears leave coverage"
sql "update memberships set inactive_since = null where inactive_since = '2026-09-01'"
same 2026-11-22 segment "and come back when paid"
sql "update employers set region_code = '33.75.04' where id in (select id from employers where region_code like '33.26%' limit 5)"
same 2026-11-22 district "an employer moving district moves its workers"

# ---- workforce and targets on a small database ----
export JARING_DB="$TMP/small.db"
run "$JARING" init
run "$JARING" import employers "$FIX/employers.csv"
run "$JARING" import workers "$FIX/workers.csv"
run "$JARING" coverage --json
expect_json "(j['total']['active'], j['total']['workforce'], j['total']['coverage_pct'])" "(4, None, None)" "no workforce yet: null"
run "$JARING" import workforce "$P/workforce.csv" --errors "$TMP/w.csv"
expect_rc 3 "workforce import with bad rows"
expect_out "8 baris, 5 masuk (5 baru" "five figures in"
grep -q '^7,year,1985,tahun harus' "$TMP/w.csv"; ok $? "year out of range reported"
grep -q '^8,sector,Z,' "$TMP/w.csv"; ok $? "bad sector reported"
grep -q '^9,region_code,33.75.01.1002,' "$TMP/w.csv"; ok $? "a village is not a workforce region"
run "$JARING" import workforce "$P/workforce.csv"
expect_out "0 baru, 0 diperbarui, 5 sama" "workforce re-import changes nothing"
run "$JARING" import targets "$P/targets.csv"
expect_rc 3 "targets import"

run "$JARING" coverage --json
expect_json "(j['workforce_year'], j['total']['workforce'], j['total']['target'], j['total']['active'])" "(2025, 65000, 30000, 4)" "total: workforce 65.000 (Indonesian grouping), target of the year"
expect_json "j['total']['coverage_pct']" "0.01" "coverage % = 4 / 65,000"
expect_json "[(r['key'], r['workforce'], r['target']) for r in j['rows'] if r['key'] == 'BPU']" "[('BPU', 30000, 10000)]" "segment row with its workforce and target"
run "$JARING" coverage --by district --json
expect_json "[(r['key'], r['active'], r['workforce'], r['coverage_pct'], r['target'], r['gap']) for r in j['rows'] if r['key'] == '33.75.01']" "[('33.75.01', 1, 20000, 0.01, 9000, 8999)]" "district row: active, workforce, %, target, gap"
expect_json "[r['label'] for r in j['rows'] if r['key'] == '33.75.02']" "['Pekalongan Timur']" "district label"
run "$JARING" coverage --by region --json
expect_json "[(r['key'], r['label'], r['workforce']) for r in j['rows']]" "[('33.75', 'Kota Pekalongan', 65000)]" "by region: the city's own figure"
run "$JARING" coverage --by sector --json
expect_json "[(r['key'], r['workforce']) for r in j['rows'] if r['key'] == 'F']" "[('F', 702)]" "by sector: construction workforce"
expect_json "sorted(j.keys())" "['as_of', 'by', 'employers', 'rows', 'total', 'workforce_year']" "JSON shape"
expect_json "sorted(j['rows'][0].keys())" "['active', 'coverage_pct', 'gap', 'key', 'label', 'target', 'workforce']" "row fields"

# ---- coverage before and after an enrolment, month by month ----
run "$JARING" partner add --name "Bagian Kesra" --kind welfare_section --region 33.75
run "$JARING" mou add --partner 1 --title "PKS lebe" --signed 2026-11-01 --from 2026-12-01 --to 2027-11-30 --pays partner --target 4
run "$JARING" coverage --as-of 2026-12-15 --json
expect_json "j['total']['active']" 4 "before the enrolment: 4 active in December"
run "$JARING" cohort enrol --agreement 1 "$P/cohort.csv"
run "$JARING" coverage --as-of 2026-12-15 --json
expect_json "j['total']['active']" 7 "after: three more (one already covered, a duplicate and a bad row refused)"
run "$JARING" coverage --as-of 2026-11-30 --json
expect_json "j['total']['active']" 4 "not before the agreement starts"
run "$JARING" coverage --by partner --as-of 2026-12-15 --json
expect_json "[(r['key'], r['label'], r['active'], r['target']) for r in j['rows']]" "[(1, 'Bagian Kesra', 3, 4), (None, 'Tanpa mitra', 4, None)]" "by partner with the agreement's target"
run "$JARING" coverage --monthly 2026-11 2027-12 --json
expect_json "[(m['month'], m['active'], m['new'], m['lapsed'], m['growth']) for m in j['months'] if m['month'] in ('2026-12', '2027-11', '2027-12')]" "[('2026-12', 7, 3, 0, 3), ('2027-11', 7, 0, 0, 0), ('2027-12', 4, 0, 3, -3)]" "monthly: new in December, lapsed when the agreement ends"
expect_json "j['months'][0]['target']" 30000 "monthly target line"

# ---- targets one at a time ----
run "$JARING" target set --region 33.75.01 --year 2026 --target 9500 --source "rapat cabang"
expect_rc 0 "target set"
expect_out "diperbarui" "replaces the imported one"
run "$JARING" target set --region 3375 --year 2027 --segment BPU --target 12000
expect_out "baru" "a new one; bare region code"
run "$JARING" target set --region 99.99 --year 2027 --target 1
expect_rc 1 "unknown region refused"
run "$JARING" target set --region 33.75.01.1002 --year 2027 --target 1
expect_rc 2 "a village is not a target region"
run "$JARING" target list --json
expect_json "[(t['region_code'], t['year'], t['segment'], t['target']) for t in j['targets'] if t['year'] == 2027]" "[('33.75', 2027, 'BPU', 12000)]" "target list"
run "$JARING" coverage --by district --json
expect_json "[r['target'] for r in j['rows'] if r['key'] == '33.75.01']" "[9500]" "coverage uses the new target"

# ---- usage ----
run "$JARING" coverage --by planet
expect_rc 2 "unknown --by"
run "$JARING" coverage --monthly 2026-13 2027-01
expect_rc 2 "bad month"
run "$JARING" coverage --monthly 2027-01 2026-01
expect_rc 2 "reversed months"
run "$JARING" coverage --as-of 2026-02-30
expect_rc 2 "impossible date"
run "$JARING" coverage --help
expect_rc 0 "coverage --help"

finish
