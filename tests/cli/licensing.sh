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
finish
