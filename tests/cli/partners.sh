#!/bin/sh
# CLI tests of partners, agreements (MoU/PKS), units and partner-funded cohorts.
. "$(dirname "$0")/lib.sh"
P="$FIX/partners"

run "$JARING" init
run "$JARING" import employers "$FIX/employers.csv"
run "$JARING" import workers "$FIX/workers.csv"

# ---- partners ----
run "$JARING" partner add --name "Pemerintah Kota Pekalongan" --kind government --region 33.75
expect_rc 0 "partner add"
[ "$OUT" = "1" ]; ok $? "partner add prints the new id"
run "$JARING" partner add --name "Bagian Kesra Setda Kota Pekalongan" --kind kesra --region 3375 --parent 1 --json
expect_json "j['id']" 2 "partner add --json gives {id}; Indonesian kind word and bare region code accepted"
expect_sql "select kind || ' ' || region_code || ' ' || parent_id from partners where id = 2" "welfare_section 33.75 1" "kind, region and parent stored canonically"
run "$JARING" partner add --name "Pemerintah Kota Pekalongan" --kind government --region 33.75
expect_rc 1 "a partner with the same name and region is refused"
expect_err "sudah ada (id 1)" "and names the existing one"
run "$JARING" partner add --name X --kind warung
expect_rc 2 "unknown kind is a usage error"
run "$JARING" partner add --name X --kind office --parent 99
expect_rc 1 "unknown parent refused"
expect_err "induk 99 tidak ada" "and says so"
run "$JARING" partner add --name X --kind office --region 99.99
expect_rc 1 "unknown region refused"
expect_sql "select count(*) from partners" 2 "failed adds wrote nothing"
run "$JARING" partner add --kind office
expect_rc 2 "add without --name"

# ---- importing partners, agreements, units ----
run "$JARING" import partners "$P/partners.csv" --errors "$TMP/p.csv"
expect_rc 3 "partners import with bad rows"
expect_out "9 baris, 5 masuk (3 baru, 2 diperbarui, 0 sama), 4 ditolak" "new partners in, contacts added to known ones, bad rows out"
grep -q '^7,kind,warung,' "$TMP/p.csv"; ok $? "unknown kind reported with line and column"
grep -q '^9,parent,Mitra Tidak Ada,' "$TMP/p.csv"; ok $? "unknown parent name reported"
grep -q '^10,name,,wajib diisi' "$TMP/p.csv"; ok $? "missing name reported"
expect_sql "select p.name from partners p join partners c on c.parent_id = p.id where c.name like 'DPMPTSP%'" "Pemerintah Kota Pekalongan" "parent given by name"
run "$JARING" import partners "$P/partners.csv"
expect_out "0 baru, 0 diperbarui, 5 sama" "re-import changes nothing"

# A parent named by a row must not close a loop: DPMPTSP's parent is the city.
printf 'name,kind,region_code,parent\nPemerintah Kota Pekalongan,government,33.75,DPMPTSP Kota Pekalongan\nDPMPTSP Kota Pekalongan,licensing_office,33.75,DPMPTSP Kota Pekalongan\n' > "$TMP/loop.csv"
run "$JARING" import partners "$TMP/loop.csv" --errors "$TMP/loop_err.csv"
expect_rc 3 "parents closing a loop are rejected"
expect_out "2 baris, 0 masuk" "neither row goes in"
grep -q '^2,,,"\?mitra induk' "$TMP/loop_err.csv" && grep -q '^3,,,"\?mitra induk' "$TMP/loop_err.csv"; ok $? "both reported with their line"
expect_sql "select parent_id from partners where name = 'Pemerintah Kota Pekalongan'" "" "the city keeps no parent"

run "$JARING" import agreements "$P/agreements.csv" --errors "$TMP/a.csv"
expect_rc 3 "agreements import with bad rows"
expect_out "7 baris, 3 masuk" "three agreements in"
grep -q '^5,valid_to,2026-01-01,tanggal akhir sebelum tanggal mulai' "$TMP/a.csv"; ok $? "reversed dates reported"
grep -q '^6,partner,Tidak Ada,' "$TMP/a.csv"; ok $? "unknown partner reported"
grep -q '^7,,,sumber dana hanya' "$TMP/a.csv"; ok $? "funding without partner paying reported"
grep -q '^8,,,sektor harus' "$TMP/a.csv"; ok $? "bad sector reported"
expect_sql "select funding || ' ' || segments from agreements where number = '400/17/PKS/2026'" "SG BPU" "a city's paying agreement defaults to funding SG"
expect_sql "select sectors || ' ' || pays || ' ' || role from agreements where number = 'MOU/MU/2023'" "P,Q members encourages" "sector list normalised; role follows who pays"
run "$JARING" import agreements "$P/agreements.csv"
expect_out "0 baru, 0 diperbarui, 3 sama" "agreements re-import changes nothing"

run "$JARING" import units "$P/units.csv" --errors "$TMP/u.csv"
expect_rc 3 "units import"
grep -q '^3,npp,99999999,"NPP 99999999 belum terdaftar' "$TMP/u.csv"; ok $? "unknown NPP reported"
expect_sql "select reported_workers from employers where npp = '34567890'" 12 "reported workers stored on the unit"

# ---- mou add / list / show ----
run "$JARING" mou add --partner 1 --title "Percepatan kepesertaan" --signed 2019-11-27 --from 2019-11-27 --to 2019-11-26
expect_rc 1 "an agreement ending before it starts is refused"
run "$JARING" mou add --partner 77 --title T --signed 2026-01-01 --from 2026-01-01 --to 2026-12-31
expect_rc 1 "unknown partner refused"
run "$JARING" mou add --partner 1 --title T --signed 2026-01-01 --from 2026-13-01 --to 2026-12-31
expect_rc 2 "a bad date is a usage error"
run "$JARING" mou add --partner 1 --title "Percepatan kepesertaan" --signed 2019-11-27 --from 2019-11-27 --to 2020-12-31 --target 5000 --json
expect_rc 0 "mou add"
expect_json "j['id']" 4 "mou add --json gives the id"
run "$JARING" mou add --partner 1 --title dup --number MOU/DPMPTSP/2019 --signed 2019-11-27 --from 2019-11-27 --to 2020-12-31
expect_rc 1 "a number already used is refused"
run "$JARING" mou list --json
expect_json "len(j['agreements'])" 4 "mou list"
run "$JARING" mou list --partner 2 --json
expect_json "[a['number'] for a in j['agreements']]" "['400/17/PKS/2026']" "mou list of one partner"

# ---- cohort enrolment ----
run "$JARING" cohort enrol --agreement 2 "$P/cohort.csv"
expect_rc 1 "a data-exchange agreement takes no cohort"
expect_err "pertukaran data" "and says why"
run "$JARING" cohort enrol --agreement 1 "$P/cohort.csv" --dry-run
expect_rc 3 "dry run reports the bad rows"
expect_sql "select count(*) from cohorts" 0 "dry run writes no cohort"
expect_sql "select count(*) from memberships where cohort_id is not null" 0 "dry run writes no membership"
run "$JARING" cohort enrol --agreement 1 "$P/cohort.csv" --errors "$TMP/c.csv" --date 2026-08-15
expect_rc 3 "cohort enrolment with duplicates and bad rows"
expect_out "6 baris, 3 masuk (3 baru" "three members enrolled"
grep -q '^4,nik,3375031212850003,"sudah terdaftar aktif' "$TMP/c.csv"; ok $? "someone already actively covered is a rejected row"
grep -q '^5,nik,3375011503650006,NIK sama dengan baris 3' "$TMP/c.csv"; ok $? "a NIK twice in the list is rejected the second time"
grep -q '^6,nik,3375019999990007,' "$TMP/c.csv"; ok $? "a bad NIK is rejected"
expect_sql "select count(*) from memberships where cohort_id = 1 and segment = 'BPU' and payer_kind = 'partner' and payer_ref = 2" 3 "members are BPU paid by the partner"
expect_sql "select distinct start_date || ' ' || end_date || ' ' || programs || ' ' || wage_sen from memberships where cohort_id = 1" "2026-09-01 2027-08-31 3 100000000" "cover from the agreement's start (enrolled earlier) to its end, JKK+JKM on Rp1,000,000"
expect_sql "select address from persons where nik = 3375016101700005" "Jl. Kurinci 7" "address kept"
run "$JARING" cohort enrol --agreement 1 "$P/cohort.csv"
expect_rc 3 "re-enrolling the same list"
expect_out "0 baru, 0 diperbarui, 3 sama" "enrols nobody twice"
expect_sql "select count(*) from memberships where cohort_id is not null" 3 "still three cohort memberships"
expect_sql "select count(*) from cohorts" 1 "and no empty cohort"

run "$JARING" cohort members --agreement 1 --json
expect_json "sorted(m['name'] for m in j['members'])" "['Abdul Karim', 'Khadijah', 'Umar']" "cohort members"
run "$JARING" cohort renewals --as-of 2027-08-10 --json
expect_json "len(j['members'])" 3 "cover ending within 30 days: all three to renew"
run "$JARING" cohort renewals --as-of 2027-07-01 --json
expect_json "len(j['members'])" 0 "none to renew two months before"

# quota vs realised, bills through the contributions engine
run "$JARING" bill --period 2026-11
expect_rc 0 "bill run"
run "$JARING" bill --period 2026-11 --json
expect_json "[b['total'] for b in j['bills'] if b['payer_kind'] == 'partner']" "[50400]" "the city pays 3 x Rp16,800 (APBD-funded: no PP 50/2025 discount)"
run "$JARING" mou show 1 --json
expect_json "(j['id'], j['target'], j['enrolled'], j['active'], j['billed'], j['paid'])" "(1, 4, 3, 3, 50400, 0)" "scorecard: target, enrolled, active, billed, paid"
expect_json "(j['realised_pct'], j['bills_unpaid'])" "(75.0, 1)" "quota vs realised and unpaid bills"
run "$JARING" mou show 1 --as-of 2027-09-15 --json
expect_json "(j['enrolled'], j['active'], j['in_force'])" "(3, 0, False)" "after the agreement ends nobody is active"
run "$JARING" mou show 99
expect_rc 1 "unknown agreement"

run "$JARING" partner show 4 --json
expect_json "[(u['npp'], u['registered'], u['reported'], u['unregistered']) for u in j['units']]" "[('34567890', 1, 12, 11)]" "a unit: registered vs reported"
run "$JARING" partner list --json
expect_json "len(j['partners'])" 5 "partner list"

run "$JARING" cohort enrol --agreement 1 "$P/cohort.csv" --date 2027-09-01
expect_rc 1 "an ended agreement takes no enrolment"
run "$JARING" cohort enrol "$P/cohort.csv"
expect_rc 2 "enrol without --agreement"
run "$JARING" partner --help
expect_rc 0 "partner --help"
run "$JARING" mou --help
expect_rc 0 "mou --help"
run "$JARING" cohort --help
expect_rc 0 "cohort --help"

finish
