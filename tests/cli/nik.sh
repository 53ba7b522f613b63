#!/bin/sh
# CLI tests of `jaring nik`.
. "$(dirname "$0")/lib.sh"

run "$JARING" nik --json 3375014101900001
expect_rc 0 "valid female NIK"
expect_out '"nik": "3375014101900001"' "digits"
expect_out '"valid": true' "valid"
expect_out '"province": "Jawa Tengah"' "province name"
expect_out '"regency_code": "33.75"' "regency code"
expect_out '"regency": "Kota Pekalongan"' "regency name"
expect_out '"district_code": "33.75.01"' "district code"
expect_out '"district": "Pekalongan Barat"' "district name"
expect_out '"birth_date": "1990-01-01"' "birth date with day - 40"
expect_out '"sex": "F"' "female"
expect_out '"serial": "0001"' "serial"
keys=$(printf '%s\n' "$OUT" | grep -o '^  "[a-z_]*"' | tr -d ' "' | tr '\n' ' ')
[ "$keys" = "nik valid errors warnings province_code province regency_code regency district_code district birth_date sex serial " ]
ok $? "exactly the documented fields, in order"

run "$JARING" nik --json "33.7501-0101 900001" 3375013002900001
expect_rc 3 "one invalid among several"
expect_out '^\[' "an array when several"
expect_out '"nik": "3375010101900001"' "spaces, dots and dashes ignored"
expect_out '"birth_date": null' "impossible date gives null birth date"

run "$JARING" nik --json 3375012902230001
expect_rc 3 "29 February 2023 is not a date"
run "$JARING" nik --json 3375012902240001
expect_rc 0 "29 February 2024 is"
run "$JARING" nik --json --as-of 2026-11-22 3375010112270001
expect_rc 0 "year 27 after 2026 means 1927"
expect_out '"birth_date": "1927-12-01"' "century rule"
run "$JARING" nik --json --as-of 2026-11-22 3375010112260001
expect_out '"birth_date": "2026-12-01"' "year 26 is 2026"
expect_out 'warnings": \[$' "birth after the reference date warns"
run "$JARING" nik --json 3399010101900001
expect_rc 0 "unknown regency is only a warning"
expect_out '"regency": null' "unknown regency name is null"
run "$JARING" nik --json 9901010101900001
expect_rc 3 "unknown province is an error"
run "$JARING" nik --json 3375010101900000
expect_rc 3 "serial 0000"
run "$JARING" nik --json 33750101019000011
expect_rc 3 "17 digits"
run "$JARING" nik --json 33750A0101900001
expect_rc 3 "a letter"
run "$JARING" nik 3375014101900001
expect_rc 0 "readable output"
expect_out "SAH" "says valid"
expect_out "Kota Pekalongan" "names the city"
run "$JARING" nik
expect_rc 2 "no NIK is a usage error"
run "$JARING" nik --bogus 1
expect_rc 2 "unknown option"
run "$JARING" --db
expect_rc 2 "--db without a path"
expect_err "PATH" "says a path is needed"
run "$JARING" frobnicate
expect_rc 2 "unknown command"
run "$JARING" nik --help
expect_rc 0 "help"

finish
