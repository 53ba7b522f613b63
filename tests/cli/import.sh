#!/bin/sh
# CLI tests of `jaring init`, `jaring import` and the error report.
. "$(dirname "$0")/lib.sh"

run "$JARING" import workers "$FIX/workers.csv"
expect_rc 1 "import before init fails"
expect_err "init" "and says to run init"
[ ! -e "$JARING_DB" ]; ok $? "and creates no database"

run "$JARING" init
expect_rc 0 "init"
expect_sql "select count(*) from regions where code like '33.75%'" 32 "Kota Pekalongan regions installed"
expect_sql "select amount_sen from umk where regency_code='33.75' and year=2025" 254513800 "UMK 2025 Kota Pekalongan"
expect_sql "select title from kbli where code='13134'" "Industri Batik" "KBLI installed"
# One version per migration file: every migration ran.
expect_sql "pragma user_version" "$(ls "$(dirname "$0")"/../../src/store/schema/*.sql | wc -l)" "schema version"
expect_sql "pragma journal_mode" wal "WAL mode"
run "$JARING" init
expect_rc 0 "init again is harmless"

run "$JARING" import employers "$FIX/employers.csv" --errors "$TMP/e.csv"
expect_rc 0 "import employers"
expect_out "5 masuk (5 baru" "summary counts new employers"
expect_sql "select name||'|'||scale||'|'||risk_group||'|'||kind from employers where npp='23456789'" \
	"Dinas Pendidikan Kota Pekalongan|medium|1|government_office" "employer fields stored"

run "$JARING" import pemberi_kerja "$FIX/employers_id.csv"
expect_rc 0 "Indonesian headers, semicolons, BOM, CRLF"
expect_sql "select region_code||'|'||address||'|'||scale||'|'||risk_group||'|'||kind from employers where npp='67890123'" \
	"33.75.01.1002|Jl. Pesindon; Gg. 3|micro|2|cooperative" "Indonesian values mapped (mikro, II, koperasi, bare region code)"

run "$JARING" import workers "$FIX/workers.csv" --errors "$TMP/w.csv"
expect_rc 0 "import workers"
expect_sql "select count(*) from persons" 5 "five persons"
expect_sql "select count(*) from memberships" 5 "five memberships"
expect_sql "select wage_sen||'|'||programs from memberships where person_nik=3375010101900001" "254513800|15" "wage in sen, programs bits"
expect_sql "select phone from persons where nik=3375024505920002" "081234567891" "phone normalised"
expect_sql "select programs from memberships where person_nik=3375010707700005" 7 \
	"empty programs: mandatory set of a small employer (JKK JKM JHT)"
expect_sql "select birth_date||sex from persons where nik=3375045703880004" "1988-03-17F" "DD/MM/YYYY date and P sex"
expect_sql "select count(*) from import_batches" 3 "batches recorded"

before=$(sql "select group_concat(nik||name) from persons")
run "$JARING" import workers "$FIX/workers.csv"
expect_rc 0 "re-import"
expect_out "0 baru, 0 diperbarui, 5 sama" "re-import changes nothing"
[ "$before" = "$(sql "select group_concat(nik||name) from persons")" ]; ok $? "persons identical after re-import"
expect_sql "select count(*) from memberships" 5 "still five memberships"

run "$JARING" import tenaga_kerja "$FIX/workers_id.csv"
expect_rc 0 "workers with Indonesian headers and amounts"
expect_sql "select wage_sen from memberships where person_nik=3375016001950006" 254513850 "Rp 2.545.138,50 -> sen"
expect_sql "select start_date from memberships where person_nik=3375016001950006" 2024-02-01 "01/02/2024 -> 2024-02-01"

run "$JARING" import workers "$FIX/workers_bad.csv" --errors "$TMP/bad.csv"
expect_rc 3 "bad rows rejected, good rows in"
expect_out "13 baris" "counts 13 data rows"
grep -q '^3,nik,337501010190001,' "$TMP/bad.csv"; ok $? "short NIK reported on line 3"
grep -q '^4,nik,.*30-02\|^4,nik,.*tidak ada' "$TMP/bad.csv"; ok $? "impossible NIK date on line 4"
grep -q '^5,nik,.*provinsi' "$TMP/bad.csv"; ok $? "unknown province on line 5"
grep -q '^6,nik,.*0000' "$TMP/bad.csv"; ok $? "serial 0000 on line 6"
grep -q '^7,employer_npp,99999999,' "$TMP/bad.csv"; ok $? "unknown NPP on line 7"
grep -q '^8,wage,-5000,' "$TMP/bad.csv"; ok $? "negative wage on line 8"
grep -q '^9,segment,XYZ,' "$TMP/bad.csv"; ok $? "unknown segment on line 9"
grep -q '^10,start_date,29-02-2023,' "$TMP/bad.csv"; ok $? "29 Feb 2023 on line 10"
grep -q '^14,programs,' "$TMP/bad.csv"; ok $? "JP for BPU rejected on line 14 (after a 3-line quoted record)"
grep -q '^15,birth_date,.*peringatan' "$TMP/bad.csv"; ok $? "birth date differing from NIK is a warning on line 15"
grep -q '^16,kpj,.*KPJ 10000000001' "$TMP/bad.csv"; ok $? "KPJ held by another membership rejected on line 16"
expect_sql "select name from persons where nik=3375010606900001" "Alamat Dua Baris" "quoted newline kept as a space"
expect_sql "select occupation from memberships where person_nik=3375010606900001" "Pembatik cap" "multi-line cell folded"
expect_sql "select count(*) from persons where nik=3375010808900001" 1 "warned row still imported"
expect_sql "select count(*) from persons where nik=3375010909900001" 0 "row rejected by the database leaves no person"
head -1 "$TMP/bad.csv" | grep -q '^line,column,value,reason$'; ok $? "report header"

run "$JARING" import workers "$FIX/missing_column.csv"
expect_rc 1 "missing required column"
expect_err "nik" "names the missing column"
run "$JARING" import workers "$FIX/unknown_columns.csv"
expect_rc 0 "unknown columns are ignored"
expect_out "hobi" "and named"
run "$JARING" import workers "$FIX/empty.csv"
expect_rc 1 "0-byte file"
expect_err "kosong" "says it is empty"
run "$JARING" import workers "$FIX/header_only.csv"
expect_rc 0 "header-only file imports nothing"
run "$JARING" import workers "$FIX/binary.csv"
expect_rc 1 "binary file"
expect_err "biner" "says it is binary"
run "$JARING" import workers "$FIX/zip.csv"
expect_rc 1 "XLSX/ZIP file"
run "$JARING" import workers "$FIX/latin1.csv" --errors "$TMP/l.csv"
expect_rc 0 "Windows-1252 file imported"
expect_sql "select name from persons where nik=3375011212900001" "José María" "decoded to UTF-8"
run "$JARING" import workers "$FIX/long_field.csv" --errors "$TMP/long.csv"
expect_rc 3 "10,000-character name rejected, next row in"
grep -q '^2,name,' "$TMP/long.csv"; ok $? "long field reported on line 2"
expect_sql "select count(*) from persons where nik=3375011401900001" 1 "row after the long field imported"
run "$JARING" import workers "$TMP/does-not-exist.csv"
expect_rc 1 "missing file"

count=$(sql "select count(*) from memberships")
run "$JARING" import workers "$FIX/workers_bad.csv" --dry-run
expect_rc 3 "dry run reports the same rejections"
expect_sql "select count(*) from memberships" "$count" "dry run writes nothing"

# A file larger than one write batch: every 997th row has a bad segment and
# every 1,009th row reuses the KPJ of the row before it.
awk 'BEGIN {
	print "nik,name,segment,wage,start_date,kpj"
	for (i = 1; i <= 10000; i++) {
		nik = sprintf("337501%02d%02d%02d%04d", i % 28 + 1, int(i / 28) % 12 + 1, 70 + int(i / 336) % 30, i % 9999 + 1)
		seg = (i % 997 == 0) ? "XYZ" : "BPU"
		kpj = sprintf("3%010d", (i % 1009 == 0) ? i - 1 : i)
		printf "%s,Peserta %d,%s,1000000,2025-01-01,%s\n", nik, i, seg, kpj
	}
}' > "$TMP/big.csv"
run "$JARING" import workers "$TMP/big.csv" --errors "$TMP/big-errors.csv"
expect_rc 3 "10,000 rows over several batches"
expect_out "10.000 baris, 9.981 masuk" "10 bad segments and 9 KPJ clashes rejected, the rest in"
[ "$(tail -n +2 "$TMP/big-errors.csv" | wc -l)" -eq 19 ]; ok $? "19 report lines"
tail -n +2 "$TMP/big-errors.csv" | cut -d, -f1 | sort -n -c; ok $? "report in line order across batches and kinds of problem"
grep -q '^1010,kpj,30000001008,' "$TMP/big-errors.csv"; ok $? "KPJ clash on line 1010 names the KPJ"

cp "$FIX/workers.csv" "$TMP/keep.csv"
run "$JARING" import workers "$TMP/keep.csv" --errors "$TMP/keep.csv"
expect_rc 2 "--errors naming the input file is refused"
cmp -s "$FIX/workers.csv" "$TMP/keep.csv"; ok $? "and the input is untouched"

run "$JARING" import things "$FIX/workers.csv"
expect_rc 2 "unknown kind is a usage error"
run "$JARING" import workers
expect_rc 2 "missing file argument"
run "$JARING" import --help
expect_rc 0 "help"
expect_out "Pemakaian" "help text"

finish
