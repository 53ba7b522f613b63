#!/bin/sh
# licensing.sh - the licensing office's lists: import (English and Indonesian
# headers, bad rows reported, idempotent), linkage to the registry with an
# officer's review, and the leads that unlinked licences become.
. "$(dirname "$0")/lib.sh"
L=$FIX/licensing

run "$JARING" init
run "$JARING" import employers "$L/employers.csv"
expect_rc 0 "registry employers"

# ---- import ----
run "$JARING" import licensing "$L/licences.csv"
expect_rc 0 "licensing list imported"
expect_out "8 masuk (8 baru" "eight licences"
expect_sql "select legal_form from licences where nib='9120001234567'" "pt" "legal form taken from the name"
expect_sql "select legal_form from licences where nib='8120000000001'" "cv" "legal form from its column"
expect_sql "select avg_wage_sen from licences where nib='8120000000001'" 300000000 "wage in sen"
run "$JARING" import licensing "$L/licences.csv"
expect_out "8 sama" "importing again changes nothing"
expect_sql "select count(*) from licences" 8 "no duplicate licence"

run "$JARING" import perizinan "$L/licences_id.csv" --errors "$TMP/ditolak.csv"
expect_rc 3 "Indonesian headers, some rows rejected"
expect_sql "select employees, avg_wage_sen, licensed_on, legal_form from licences where nib='8120000000008'" \
	"1200|265000050|2026-08-01|perorangan" "1.200 workers, Rp2.650.000,50, DD-MM-YYYY, perorangan"
grep -q '^4,nib,12345,' "$TMP/ditolak.csv"; ok $? "bad NIB reported with line and column"
grep -q '^6,licensed_on,' "$TMP/ditolak.csv"; ok $? "bad date reported"
grep -q '^7,licensed_on,2027-01-01,tanggal izin di masa depan' "$TMP/ditolak.csv"; ok $? "future licence date refused"
grep -q '^8,employees,-2,' "$TMP/ditolak.csv"; ok $? "negative workers refused"
grep -q '^9,avg_wage,.*di bawah UMK' "$TMP/ditolak.csv"; ok $? "wage below the UMK is a warning"
expect_sql "select count(*) from licences where nib='8120000000014'" 1 "warned row imported"
grep -q "^3,legal_form,Persekutuan,\"\?peringatan" "$TMP/ditolak.csv"; ok $? "unknown legal form is a warning"

run "$JARING" import licensing "$L/licences.csv" --dry-run --json
expect_json "d['unchanged']" 8 "dry run as JSON"

# ---- linkage ----
run env JARING_TODAY=2026-09-30 "$JARING" link --json
expect_rc 0 "link"
expect_json "len(d)" 11 "every licence printed"
expect_json "[r['decision'] for r in d if r['nib']=='9120001234567'][0]" match "NIB match"
expect_json "[r['why'] for r in d if r['nib']=='9120001234567'][0]" "NIB sama dengan NPP 12345678" "why names the NPP"
expect_json "[r['employer_npp'] for r in d if r['nib']=='8120000000001'][0]" 45678901 "NPWP match"
expect_json "[r['employer_npp'] for r in d if r['nib']=='8120000000002'][0]" 56789012 "'SUMBER REJEKI, UD' matched by name"
expect_json "[r['employer_npp'] for r in d if r['nib']=='8120000000003'][0]" 67890123 "same name in two regencies: the licence's regency decides"
expect_json "[(r['decision'], r['employer_npp'], r['score']) for r in d if r['nib']=='8120000000005'][0]" "('none', None, 0.0)" "unregistered firm: none"
expect_sql "select count(*) from licence_links" 11 "decisions stored"
expect_sql "select count(*) from leads" 6 "unlinked businesses are leads"
expect_sql "select workers, monthly_sen from leads where source_ref='8120000000005'" "30|801090000" \
	"30 workers x 9.89 % of Rp2,700,000 (group III, medium: JKK JKM JHT JP)"
expect_sql "select workers, monthly_sen from leads where source_ref='8120000000007'" "4|12114800" \
	"4 workers (micro: JKK JKM) x 1.19 % of the UMK Rp2,545,138"

run "$JARING" leads --json
expect_json "[r['source_ref'] for r in d][:2]" "['8120000000008', '8120000000005']" "ranked by potential"
run "$JARING" leads
expect_out "6 prospek" "leads as a table"

# ---- the officer's review ----
run "$JARING" link review --confirm 5 --officer "Andi"
expect_rc 0 "confirm"
expect_sql "select decision, confirmed, decided_by from licence_links where licence_id=5" "match|1|Andi" "confirmation stored"
run "$JARING" link review --reject 4 --officer "Andi"
expect_rc 0 "reject"
expect_sql "select decision, confirmed, employer_id is null from licence_links where licence_id=4" "none|-1|1" "rejection stored"
expect_sql "select count(*) from leads where source_ref='8120000000003'" 1 "a rejected licence becomes a lead"
run "$JARING" link
expect_out "2 keputusan petugas dipertahankan" "link keeps the officers' decisions"
expect_sql "select decision, confirmed from licence_links where licence_id=4" "none|-1" "rejection survives a new link run"
run "$JARING" link review --confirm 6 --officer "Andi"
expect_rc 1 "confirming a licence without a candidate needs --npp"
run "$JARING" link review --confirm 6 --npp 99999999 --officer "Andi"
expect_rc 1 "unknown NPP"
run "$JARING" link review --confirm 6 --npp 12345678 --officer "Andi"
expect_rc 0 "confirm with another employer"
expect_sql "select count(*) from leads where source_ref='8120000000005'" 0 "an untouched lead goes once its licence is linked"
run "$JARING" link review --reject 1
expect_rc 2 "officer required"
run "$JARING" link review --json
expect_rc 0 "review queue"

# ---- follow-up ----
id=$(sql "select id from leads where source_ref='8120000000006'")
run "$JARING" leads step "$id" contacted --officer Budi --date 2026-10-01 --note "telepon"
expect_rc 0 "contacted"
run "$JARING" leads step "$id" visited --officer Budi --date 2026-09-01
expect_rc 1 "a step before the last one is refused"
run "$JARING" leads step "$id" new --officer Budi
expect_rc 2 "new is not a step"
run "$JARING" leads step "$id" visited --officer Budi --date 2026-10-05
run "$JARING" leads step "$id" registered --officer Budi --date 2026-11-02 --note "NPP terbit"
expect_rc 0 "registered"
run "$JARING" leads step "$id" refused --officer Budi
expect_rc 1 "a finished lead stays finished"
run "$JARING" leads step "$id" visited --officer Budi --date 2027-01-01
expect_rc 1 "no step in the future"
id2=$(sql "select id from leads where source_ref='8120000000007'")
run "$JARING" leads step "$id2" refused --officer Citra --date 2026-11-10
expect_rc 0 "refused (steps may be skipped)"
run "$JARING" leads --status registered --json
expect_json "[(r['source_ref'], r['officer'], r['status_on']) for r in d]" "[('8120000000006', 'Budi', '2026-11-02')]" "status filter"
run "$JARING" leads history "$id" --json
expect_json "[r['status'] for r in d]" "['new', 'contacted', 'visited', 'registered']" "history"
run "$JARING" leads conversion --by officer --json
expect_json "[(r['officer'], r['registered'], r['refused']) for r in d]" "[('Budi', 1, 0), ('Citra', 0, 1)]" "conversion per officer"
run "$JARING" leads conversion --json
expect_json "[(r['month'], r['new'], r['contacted'], r['registered'], r['refused'], r['conversion']) for r in d]" \
	"[('2026-09', 5, 0, 0, 0, None), ('2026-10', 0, 1, 0, 0, None), ('2026-11', 1, 0, 1, 1, 0.5)]" \
	"conversion per month (the rejected licence's lead appeared in November)"
expect_json "d[2]['registered_monthly']" 2149680 "potential registered in rupiah"
run "$JARING" link
expect_sql "select status from leads where id=$id" registered "a new link run keeps the follow-up"
run "$JARING" leads --help
expect_rc 0 "leads --help"
run "$JARING" link --help
expect_rc 0 "link --help"
finish
