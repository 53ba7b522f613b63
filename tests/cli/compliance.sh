#!/bin/sh
# CLI tests of `jaring compliance`: one worked example per finding kind, the
# filters and the JSON shape.  Reference month June 2025 (UMK Kota Pekalongan
# 2025: Rp2,545,138).
. "$(dirname "$0")/lib.sh"
C="$FIX/compliance"
ASOF="--as-of 2025-06-20"

run "$JARING" init
run "$JARING" compliance $ASOF --json
expect_rc 0 "an empty registry"
expect_json 'd["as_of"], d["findings"], d["totals"]["findings"]' "('2025-06-20', [], 0)" "no findings"

run "$JARING" import employers "$C/employers.csv"
expect_rc 0 "employers"
run "$JARING" import workers "$C/workers.csv"
expect_rc 0 "workers"

run "$JARING" compliance $ASOF --json
expect_rc 0 "compliance as JSON"
expect_json 'list(d)' "['as_of', 'findings', 'totals']" "top-level fields"
expect_json 'sorted({tuple(f) for f in d["findings"]})' \
	"[('employer_npp', 'employer_name', 'kind', 'evidence', 'missing_monthly_sen', 'summary')]" \
	"every finding has the documented fields"
expect_json 'sorted((f["employer_npp"], f["kind"]) for f in d["findings"])' \
	"[('41000001', 'pds_program'), ('41000002', 'pds_upah'), ('41000003', 'pds_program'), ('41000004', 'opd_unregistered')]" \
	"one finding per condition"

# PDS program, large employer without JP: 3% (2% + 1%) of Rp3,000,000 = Rp90,000.
run "$JARING" compliance $ASOF --json --employer 41000001
expect_json '[(f["kind"], f["missing_monthly_sen"], f["evidence"]["missing_programs"], f["evidence"]["required"]) for f in d["findings"]]' \
	"[('pds_program', 9000000, 'JP', 'JKK JKM JHT JP')]" "large: JP missing, Rp90,000 a month"

# PDS upah: Rp2,000,000 reported against the UMK Rp2,545,138 (risk group II):
#   at the UMK JKK 13,744 + JKM 7,635 + JHT 145,073 = 166,452
#   reported   JKK 10,800 + JKM 6,000 + JHT 114,000 = 130,800   -> Rp35,652 a month.
# The other worker (Rp2,600,000) is above the UMK.
run "$JARING" compliance $ASOF --json --kind pds_upah
expect_json '[(f["employer_npp"], f["missing_monthly_sen"]) for f in d["findings"]]' \
	"[('41000002', 3565200)]" "small: one worker under the UMK, Rp35,652 a month"
expect_json 'd["findings"][0]["evidence"]' \
	"{'source': 'umk', 'regency': '33.75', 'umk_year': 2025, 'umk_sen': 254513800, 'workers_below': 1, 'active_workers': 2, 'lowest_wage_sen': 200000000}" \
	"evidence: the UMK, who is below, the lowest wage"

# PDS program, medium employer with JKK JKM only: JHT 5.7% (148,200) + JP 3% (78,000)
# of Rp2,600,000 = Rp226,200.  (A small employer needs no JP: CV Contoh Kecil has none.)
run "$JARING" compliance $ASOF --json --employer 41000003
expect_json '[(f["missing_monthly_sen"], f["evidence"]["missing_programs"]) for f in d["findings"]]' \
	"[(22620000, 'JHT JP')]" "medium: JHT and JP missing, Rp226,200 a month"

# An OPD whose only worker left: registered, no active worker.
run "$JARING" compliance $ASOF --json --kind opd_unregistered
expect_json '[(f["employer_npp"], f["evidence"]["registered"], f["evidence"]["active_workers"]) for f in d["findings"]]' \
	"[('41000004', True, 0)]" "OPD without an active worker"

# Offices buying construction but not registered.
run "$JARING" import sirup "$C/sirup.csv"
expect_rc 0 "procurement plan"
run "$JARING" compliance $ASOF --json --kind opd-unregistered
expect_json 'sorted((f["employer_npp"], f["employer_name"], f["evidence"]["registered"], f["evidence"].get("packages")) for f in d["findings"])' \
	"[('', 'DINAS PEMADAM KEBAKARAN', False, 2), ('41000004', 'Dinas Sosial Kota Pekalongan', True, None)]" \
	"the fire service buys two packages and is not registered; Dinas Sosial is matched by name + local government"

# Arrears: March to May 2025 billed, nothing paid.  As of 20 June 2025 three
# months are late; the monthly figure is one month's bill (JKK 7,200 + JKM
# 9,000 + JHT 171,000 = Rp187,200 for PT Contoh Besar).
for p in 2025-03 2025-04 2025-05; do run "$JARING" bill --period $p; done
expect_rc 0 "bills"
run "$JARING" compliance $ASOF --json --kind arrears --employer 41000001
expect_json '[(f["missing_monthly_sen"], f["evidence"]["owed_sen"], f["evidence"]["oldest_period"]) for f in d["findings"]]' \
	"[(18720000, 56160000, '2025-03')]" "arrears: Rp561,600 owed since March, Rp187,200 a month"
run "$JARING" compliance $ASOF --json
expect_json 'd["totals"]["by_kind"]["arrears"]["findings"], d["totals"]["employers"]' "(3, 5)" \
	"totals by kind; employers counted once (the fire service included)"
expect_json 'd["totals"]["missing_monthly_sen"] == sum(f["missing_monthly_sen"] for f in d["findings"])' \
	"True" "the total is the sum of the findings"

# Licences (PDS tenaga kerja, and PDS upah against the licence's average wage),
# linked by `jaring link`; a link an officer rejects does not count.
run "$JARING" import licensing "$C/licences.csv"
expect_rc 0 "licences"
run "$JARING" link
expect_rc 0 "link the licences"
expect_sql "SELECT count(*) FROM licence_links WHERE decision = 'match'" "3" "three licences matched by name"
run "$JARING" link review --reject 2 --officer Rina
expect_rc 0 "an officer rejects CV Contoh Kecil's link"
# PT Contoh Besar: the licence says 10 workers, 1 is active; the 9 others at the
# active one's Rp187,200 (JKK 7,200 + JKM 9,000 + JHT 171,000) = Rp1,684,800.
run "$JARING" compliance $ASOF --json --kind pds_tk
expect_json '[(f["employer_npp"], f["missing_monthly_sen"], f["evidence"]["licence_employees"], f["evidence"]["active_workers"], f["evidence"]["missing_workers"]) for f in d["findings"]]' \
	"[('41000001', 168480000, 10, 1, 9)]" \
	"PDS tenaga kerja from the licence; CV Contoh Kecil's rejected link does not count"
# A partner's list as a second source: PT Contoh Besar's partner says 12 (more
# than its licence's 10): 11 missing at Rp187,200 = Rp2,059,200.
run "$JARING" partner add --name "Asosiasi Contoh" --kind association
printf 'npp,partner,reported_workers\n41000001,Asosiasi Contoh,12\n' > "$TMP/units.csv"
run "$JARING" import units "$TMP/units.csv"
expect_rc 0 "units with the workers their partner reported"
run "$JARING" compliance $ASOF --json --kind pds_tk
expect_json '[(f["employer_npp"], f["missing_monthly_sen"], f["evidence"]["source"], f["evidence"]["partner_reported"], f["evidence"]["licence_employees"], f["evidence"]["missing_workers"]) for f in d["findings"]]' \
	"[('41000001', 205920000, 'partner_list', 12, 10, 11)]" \
	"PDS tenaga kerja from the partner's list when it says more than the licence"
printf 'npp,partner,reported_workers\n41000001,Asosiasi Contoh,4\n' > "$TMP/units.csv"
run "$JARING" import units "$TMP/units.csv"
run "$JARING" compliance $ASOF --json --kind pds_tk
expect_json '[(f["evidence"]["source"], f["evidence"]["missing_workers"]) for f in d["findings"]]' \
	"[('licence', 9)]" "and the licence when it says more"
# PT Contoh Menengah: average reported Rp2,600,000, the licence says Rp3,900,000
# (x1.5): on JKK JKM, 0.24% + 0.30% of Rp1,300,000 = 3,120 + 3,900 = Rp7,020.
run "$JARING" compliance $ASOF --json --kind pds_upah --employer 41000003
expect_json '[(f["missing_monthly_sen"], f["evidence"]["source"], f["evidence"]["licence_avg_wage_sen"], f["evidence"]["reported_avg_wage_sen"]) for f in d["findings"]]' \
	"[(702000, 'licence', 390000000, 260000000)]" "PDS upah against the licence's average wage"

run "$JARING" compliance $ASOF
expect_rc 0 "table"
expect_out "Temuan kepatuhan per 20 Juni 2025" "heading in Bahasa Indonesia"
expect_out "PDS upah" "kinds named for people"

run "$JARING" compliance --kind bogus
expect_rc 2 "unknown kind"
run "$JARING" compliance --as-of 2025-13-01
expect_rc 2 "bad date"
run "$JARING" compliance --help
expect_rc 0 "help"
finish
