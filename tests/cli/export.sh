#!/bin/sh
# CLI tests of `jaring export`: the CSV it writes imports back unchanged.
. "$(dirname "$0")/lib.sh"

run "$JARING" init
run "$JARING" import employers "$FIX/employers.csv"
run "$JARING" import employers "$FIX/employers_id.csv"
run "$JARING" import workers "$FIX/workers.csv"
run "$JARING" import workers "$FIX/workers_id.csv"

run "$JARING" export employers -o "$TMP/emp.csv"
expect_rc 0 "export employers"
head -1 "$TMP/emp.csv" | grep -qx 'npp,name,nib,npwp,kbli,region_code,address,scale,risk_group,kind'
ok $? "employer columns as documented"
[ "$(wc -l < "$TMP/emp.csv")" -eq 8 ]; ok $? "header + 7 employers"
grep -q '"Jl. Hayam Wuruk No. 12, Pekalongan"' "$TMP/emp.csv"; ok $? "comma in a field is quoted"

run "$JARING" export workers -o "$TMP/w.csv"
expect_rc 0 "export workers"
head -1 "$TMP/w.csv" | grep -qx 'nik,name,birth_date,sex,kpj,employer_npp,segment,wage,programs,start_date,end_date,occupation,region_code,phone'
ok $? "worker columns as documented"
grep -q '^3375016001950006,Rina Marlina,1995-01-20,F,10000000006,12345678,PU,2545138.50,JKK JKM JHT JP,2024-02-01,' "$TMP/w.csv"
ok $? "a worker row in canonical form"

run "$JARING" export workers
expect_rc 0 "export to stdout"
[ "$OUT" = "$(cat "$TMP/w.csv")" ]; ok $? "stdout equals the file"

# Round trip into a fresh database, then export again: identical.
export JARING_DB="$TMP/second.db"
run "$JARING" init
run "$JARING" import employers "$TMP/emp.csv"
expect_rc 0 "exported employers import"
run "$JARING" import workers "$TMP/w.csv"
expect_rc 0 "exported workers import"
run "$JARING" export employers -o "$TMP/emp2.csv"
run "$JARING" export workers -o "$TMP/w2.csv"
cmp -s "$TMP/emp.csv" "$TMP/emp2.csv"; ok $? "employers round-trip byte for byte"
cmp -s "$TMP/w.csv" "$TMP/w2.csv"; ok $? "workers round-trip byte for byte"

run "$JARING" export things
expect_rc 2 "unknown kind"
run "$JARING" export workers --format xlsx
expect_rc 2 "unsupported format"
run "$JARING" export workers -o /nonexistent-dir/x.csv
expect_rc 1 "unwritable output"
[ ! -e /nonexistent-dir/x.csv.tmp ]; ok $? "leaves nothing behind"

finish
