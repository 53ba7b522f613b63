#!/bin/sh
# CLI tests of `jaring iuran`: the JSON shape, the worked cases, the error exits.
. "$(dirname "$0")/lib.sh"

run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --programs "JKK JKM JHT JP" --period 2024-11 --json
expect_rc 0 "PU case from the issue"
expect_json 'list(j)' "['segment', 'period', 'base', 'lines', 'employer', 'worker', 'total']" \
	"exactly the documented fields, in order"
expect_json 'sorted({tuple(l) for l in j["lines"]})' \
	"[('program', 'base', 'rate', 'employer', 'worker', 'total', 'rule')]" \
	"every line has exactly the documented fields"
expect_json 'j["segment"], j["period"], j["base"]' "('PU', '2024-11', 5000000)" "segment, period, base"
expect_json '[l["program"] for l in j["lines"]]' "['JKK', 'JKM', 'JHT', 'JP']" "one line per program"
expect_json '[l["rate"] for l in j["lines"]]' "['0.24%', '0.30%', '5.70%', '3.00%']" "rates as strings"
expect_json '[(l["employer"], l["worker"], l["total"]) for l in j["lines"]]' \
	"[(12000, 0, 12000), (15000, 0, 15000), (185000, 100000, 285000), (100000, 50000, 150000)]" \
	"amounts per line"
expect_json 'j["employer"], j["worker"], j["total"]' "(312000, 150000, 462000)" "totals"
expect_json 'all(type(v) is int for l in j["lines"] for v in (l["base"], l["employer"], l["worker"], l["total"]))' \
	"True" "whole rupiah are JSON integers"
expect_json 'all(l["rule"] for l in j["lines"])' "True" "every line cites its rule"
expect_json 'j["lines"][0]["rule"]' "PP 44/2015 Lampiran I (kelompok I)" "JKK cites PP 44/2015 Lampiran I"

run "$JARING" iuran --segment PU --wage 20000000 --risk 1 --programs "JKK JKM JHT JP" --period 2024-11 --json
expect_json '[(l["base"], l["employer"], l["worker"]) for l in j["lines"] if l["program"] == "JP"]' \
	"[(10042300, 200846, 100423)]" "JP on the 2024 cap 10,042,300"
run "$JARING" iuran --segment PU --wage 20000000 --risk 1 --programs JP --period 2024-02 --json
expect_json 'j["lines"][0]["base"]' "9559600" "February 2024 still uses the 2023 cap"

run "$JARING" iuran --segment PU --wage 2.680.485,72 --risk I --programs JKK --period 2025-06 --json
expect_rc 0 "Indonesian amount with sen, roman risk group"
expect_json 'j["base"], j["lines"][0]["employer"]' "(2680485.72, 6433)" "base keeps its sen, the line is whole rupiah"

run "$JARING" iuran --segment BPU --income 1000000 --programs "JKK JKM" --period 2024-11 --json
expect_json 'j["total"], [l["rate"] for l in j["lines"]]' "(16800, ['1.00%', 'flat'])" "BPU Rp16,800"
run "$JARING" iuran --segment BPU --income Rp1.000.000 --programs "JKK JKM JHT" --period 2024-11 --json
expect_json 'j["total"]' "36800" "BPU with JHT Rp36,800"
run "$JARING" iuran --segment BPU --income 1000000 --sector 49421 --period 2026-01 --json
expect_json 'j["total"]' "8400" "PP 50/2025: transport BPU pays half"
run "$JARING" iuran --segment BPU --income 1000000 --sector 49421 --payer apbd --period 2026-01 --json
expect_json 'j["total"]' "16800" "PP 50/2025: not for APBD-paid BPU"

for pair in 200000000:430000 1000000000:1750000 5000000000:6550000 10000000000:11550000; do
	v=${pair%%:*}
	want=${pair#*:}
	run "$JARING" iuran --segment JAKON --contract-value "$v" --period 2024-11 --json
	expect_json 'j["total"], [l["rate"] for l in j["lines"]]' "($want, ['tiered', 'tiered'])" \
		"JAKON contract Rp$v -> Rp$want"
done
run "$JARING" iuran --segment JAKON --wage 5000000 --period 2024-11 --json
expect_json 'j["total"]' "102000" "JAKON wage known: 2.04%"

run "$JARING" iuran --segment PMI --months 24 --period 2024-11 --json
expect_json 'j["total"], [l["program"] for l in j["lines"]]' "(370000, ['JKK+JKM', 'JKK+JKM'])" \
	"PMI 24 months Rp370,000"

run "$JARING" iuran --segment PU --wage 5000000 --risk 3 --programs JKK --sector 13111 --participants 50 --period 2025-03 --json
expect_json 'j["total"], j["lines"][0]["rate"]' "(22250, '0.445%')" "PP 7/2025 textile discount"
run "$JARING" iuran --segment PU --wage 5000000 --risk 3 --programs JKK --sector 13111 --participants 49 --period 2025-03 --json
expect_json 'j["total"]' "44500" "PP 7/2025 needs 50 participants"
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --programs "JKK JKM JP" --period 2020-08 --json
expect_json 'j["total"]' "1770" "PP 49/2020 month pays 1%"
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --programs "JKK JKM JP" --period 2020-08 --in-arrears --json
expect_json 'j["total"]' "177000" "no PP 49/2020 relief when in arrears"

run "$JARING" iuran --segment PU --wage 20000000 --risk 1 --programs "JKK JKM JKP" --period 2024-11 --json
expect_json '[(l["program"], l["total"]) for l in j["lines"]]' "[('JKK', 48000), ('JKM', 60000), ('JKP', 0)]" \
	"JKP billed 0, employer total unchanged"

saved_today=$JARING_TODAY
export JARING_TODAY=2024-11-22
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --json
export JARING_TODAY="$saved_today"
expect_json 'j["period"], len(j["lines"])' "('2024-11', 4)" "default period this month, default PU programs"

run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --period 2024-11
expect_rc 0 "readable table"
expect_out "Iuran PU, bulan November 2024" "title in Bahasa Indonesia"
expect_out "Rp5.000.000" "amounts as Rp5.000.000"
expect_out "0,24%" "rates with a decimal comma"
expect_out "Rp462.000" "grand total"
expect_out "PP 44/2015 Lampiran I" "cites the rule"

# Errors: exit 2 with a reason.
run "$JARING" iuran --segment XYZ --wage 5000000 --risk 1
expect_rc 2 "unknown segment"
expect_err "segmen 'XYZ' tidak dikenal" "says the segment is unknown"
run "$JARING" iuran --wage 5000000
expect_rc 2 "no segment"
run "$JARING" iuran --segment PU --risk 1 --period 2024-11
expect_rc 2 "missing wage"
expect_err "wage" "names --wage"
run "$JARING" iuran --segment PU --wage -5000000 --risk 1 --period 2024-11
expect_rc 2 "negative wage"
expect_err "negatif" "says negative"
run "$JARING" iuran --segment BPU --income -1 --period 2024-11
expect_rc 2 "negative income"
run "$JARING" iuran --segment JAKON --contract-value -100 --period 2024-11
expect_rc 2 "negative contract value"
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --period 2015-06
expect_rc 2 "period before July 2015"
expect_err "sebelum Juli 2015" "says why"
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --period 2024-13
expect_rc 2 "month 13"
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --period 11-2024
expect_rc 2 "period not YYYY-MM"
run "$JARING" iuran --segment PU --wage 5000000 --programs "JKK JKM"
expect_rc 2 "JKK without a risk group"
run "$JARING" iuran --segment PU --wage 5000000 --risk 6
expect_rc 2 "risk group 6"
run "$JARING" iuran --segment PU --wage lima --risk 1
expect_rc 2 "wage not a number"
run "$JARING" iuran --segment BPU --income 1000000 --programs "JKK JP"
expect_rc 2 "JP is not for BPU"
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --programs "JKK XYZ"
expect_rc 2 "unknown program"
run "$JARING" iuran --segment PU --income 5000000 --risk 1
expect_rc 2 "income for PU"
run "$JARING" iuran --segment JAKON --contract-value 1000000 --wage 1000000
expect_rc 2 "JAKON with both contract value and wage"
run "$JARING" iuran --segment PMI
expect_rc 2 "PMI without months"
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --programs JKP --period 2020-06
expect_rc 2 "JKP before PP 37/2021"
run "$JARING" iuran --segment BPU --income 1000000 --payer bank
expect_rc 2 "unknown payer"
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 --sector 123
expect_rc 2 "KBLI not 5 digits"
run "$JARING" iuran --segment PU --wage 5000000 --risk 1 extra
expect_rc 2 "stray argument"
run "$JARING" iuran --bogus
expect_rc 2 "unknown option"
run "$JARING" iuran --help
expect_rc 0 "help"
expect_out "Pemakaian: jaring iuran" "help text"

finish
