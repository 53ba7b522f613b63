#!/bin/sh
# CLI tests of `jaring import sirup`, `jaring import projects` and `jaring construction`:
# the LKPP file's quirks, the JAKON tiers on a package, matching packages to projects.
. "$(dirname "$0")/lib.sh"
P="$FIX/procurement"

run "$JARING" init
expect_rc 0 "init"

run "$JARING" construction --json
expect_rc 0 "an empty report"
expect_json 'd["packages"], d["total_expected"], d["total_registered"]' "([], 0, 0)" "nothing yet"

run "$JARING" import sirup "$P/tenders_kab_bandung.csv" --dry-run
expect_rc 0 "dry run of the LKPP sample"
expect_sql "SELECT count(*) FROM procurement_packages" "0" "a dry run writes nothing"

run "$JARING" import sirup "$P/tenders_kab_bandung.csv" --json
expect_rc 0 "LKPP sample imports"
expect_json 'd["rows"], d["accepted"], d["rejected"], d["inserted"]' "(9, 9, 0, 5)" \
	"9 tender rows, 5 construction packages"
expect_json 'd["procurement"]' "{'other_kinds': 2, 'superseded': 2, 'failed': 0}" \
	"2 consultancy rows skipped, 2 failed tenders replaced by their second tender"
expect_sql "SELECT kd_rup FROM procurement_packages WHERE name LIKE 'PENGURUGAN%'" \
	"56168859;56168861;56168878" "three RUP codes in one unquoted field stay one package"
expect_sql "SELECT status, priced_on FROM procurement_packages WHERE kd_rup = '55137926'" \
	"Selesai|2025-08-01" "the second tender of a plan entry replaces the failed one"
expect_sql "SELECT hps_sen, value_sen, value_source FROM procurement_packages WHERE kd_rup = '59146103'" \
	"1579997335671|1579997335671|hps" "HPS with decimals kept to the sen; the value is the HPS"

run "$JARING" import sirup "$P/tenders_kab_bandung.csv" --json
expect_json 'd["inserted"], d["updated"], d["unchanged"]' "(0, 0, 9)" "importing again changes nothing"

run "$JARING" construction --json
expect_rc 0 "construction report"
expect_json 'sorted(d["packages"][0])[:6]' \
	"['contractor_name', 'contractor_npp', 'expected_iuran', 'expected_workers', 'kd_rup', 'match']" \
	"package fields"
# Worked example, HPS Rp425,643,856 (Permenaker 44/2015 jo. 5/2021, marginal):
#   JKK 0.21% x 100,000,000 + 0.17% x 325,643,856 = 210,000 + 553,594.55 -> 763,595
#   JKM 0.03% x 100,000,000 + 0.02% x 325,643,856 =  30,000 +  65,128.77 ->  95,129
expect_json '[(p["value"], p["expected_iuran"], p["expected_workers"]) for p in d["packages"] if p["kd_rup"] == "54430532"]' \
	"[(425643856, 858724, 5)]" "JAKON tiers on a package: Rp858,724; 5 workers expected"
expect_json 'd["total_expected"], d["total_registered"], d["workers"]' \
	"(29609694, 0, {'expected': 248, 'registered': 0})" "totals before any project is registered"

run "$JARING" import employers "$P/employers.csv"
expect_rc 0 "contractors"
run "$JARING" import workers "$P/workers.csv"
expect_rc 0 "their JAKON workers"
run "$JARING" import projects "$P/projects.csv"
expect_rc 3 "projects: one contractor unknown"
expect_err "baris 4, kolom employer_npp: kontraktor belum terdaftar" "the unknown contractor is reported"
expect_sql "SELECT count(*) FROM memberships WHERE project_id IS NOT NULL" "5" \
	"JAKON workers starting within a project's dates are assigned to it"

run "$JARING" construction --json
expect_json '[(p["kd_rup"], p["match"], p["contractor_npp"], p["registered_workers"]) for p in d["packages"] if p["registered"]]' \
	"[('59146103', 'name', '33333333', 2), ('56168859;56168861;56168878', 'kd_rup', '22222222', 3)]" \
	"matched by one of the RUP codes, and by name + owner + year"
expect_json 'd["total_registered"], d["workers"]' "(19602712, {'expected': 248, 'registered': 5})" \
	"registered contribution and workers"
run "$JARING" construction --unregistered --json
expect_json 'len(d["packages"])' "3" "--unregistered lists the other three"
run "$JARING" construction
expect_rc 0 "table"
expect_out "Tenaga kerja konstruksi: 5 terdaftar dari perkiraan 248" "coverage line in Bahasa Indonesia"
expect_out "BELUM" "unregistered packages marked"

run "$JARING" construction --leads
expect_rc 0 "unregistered packages become leads"
expect_out "Prospek konstruksi: 3 baru" "three leads"
# 54430532: Rp858,724 over 7 months = Rp122,674.86 -> Rp122,675; 5 workers expected.
expect_sql "SELECT source_ref, workers, monthly_sen FROM leads WHERE source = 'sirup' AND source_ref = '54430532'" \
	"54430532|5|12267500" "a lead: the RUP code, expected workers, the JAKON contribution over seven months"
expect_sql "SELECT name FROM leads WHERE source_ref = '54430532'" \
	"DINAS KESEHATAN: Belanja Modal Bangunan Kesehatan (Pelaksanaan Penambahan Pembangunan Puskesmas Margaasih 01.02)" \
	"the lead names the office that bought the work"
run "$JARING" construction --leads
expect_out "0 baru, 0 diperbarui, 3 sama, 0 gugur" "refreshing again changes nothing"

run "$JARING" import pengadaan "$P/sirup_id.csv" --errors "$TMP/bad.csv"
expect_rc 3 "Indonesian headers, semicolons and amounts; bad rows rejected"
expect_sql "SELECT contract_sen, value_source FROM procurement_packages WHERE kd_rup = '70000001'" \
	"95000000000|contract" "the contract value wins over the pagu"
expect_sql "SELECT failed FROM procurement_packages WHERE kd_rup = '70000002'" "1" "a failed-only tender is kept, flagged"
expect_sql "SELECT count(*) FROM procurement_packages WHERE kd_rup = '70000007'" "0" "goods are not kept"
expect_out "4 ditolak" "four rows rejected"
got=$(cut -d, -f1,2 "$TMP/bad.csv" | tr '\n' ' ')
[ "$got" = "line,column 4,kd_rup 5,nama_paket 6,pagu 7,tahun_anggaran " ]
ok $? "each rejected row with its line and column ($got)"
run "$JARING" construction --json
expect_json 'd["packages_failed"], "70000002" in [p["kd_rup"] for p in d["packages"]]' "(1, False)" \
	"failed tenders are left out of the report"

run "$JARING" import sirup "$FIX/missing_column.csv"
expect_rc 1 "a file without the LKPP columns"
run "$JARING" construction --bogus
expect_rc 2 "unknown option"
run "$JARING" construction --help
expect_rc 0 "help"

# The demo's procurement plan: 702 construction workers expected, 128 registered.
export JARING_DB="$TMP/demo.db"
run "$JARING" demo --json
expect_rc 0 "demo"
expect_json 'd["construction"]["workers_expected"], d["construction"]["workers_registered"]' "(702, 128)" \
	"demo summary: 128 of 702 construction workers registered"
run "$JARING" construction --json
expect_json 'd["workers"], d["packages_failed"]' "({'expected': 702, 'registered': 128}, 3)" \
	"the report finds the demo's 128 of 702 and leaves its failed tenders out"
expect_json 'sorted({p["match"] for p in d["packages"] if p["registered"]})' "['kd_rup', 'name']" \
	"demo projects are matched both by RUP code and by name"
run "$JARING" compliance --kind opd_unregistered --json
expect_json 'sorted(f["employer_name"] for f in d["findings"] if not f["employer_npp"])' \
	"['DINAS PEMADAM KEBAKARAN DAN PENYELAMATAN', 'RSUD KRATON']" \
	"the demo's two buying offices that are not registered"
run "$JARING" compliance --json
expect_json 'sorted(k for k, v in d["totals"]["by_kind"].items() if v["findings"] > 0)' \
	"['opd_unregistered', 'pds_program', 'pds_tk', 'pds_upah']" \
	"the demo has a story for every finding kind but arrears (no bills in the demo)"
finish
