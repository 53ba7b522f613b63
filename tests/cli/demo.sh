#!/bin/sh
# CLI tests of `jaring demo`: deterministic, valid, shaped like Kota Pekalongan.
. "$(dirname "$0")/lib.sh"

run "$JARING" demo --json
expect_rc 0 "demo at scale 1"
active=$(sql "select count(distinct person_nik) from memberships where start_date <= '2026-11-22' and (end_date is null or end_date >= '2026-11-22')")
[ "$active" -ge 18000 ] && [ "$active" -le 26000 ]; ok $? "about 22,000 active participants ($active)"
emp=$(sql "select count(*) from employers")
[ "$emp" -ge 3500 ] && [ "$emp" -le 4500 ]; ok $? "about 4,000 employers ($emp)"
for seg in PU BPU JAKON; do
	c=$(sql "select count(*) from memberships where segment='$seg'")
	[ "$c" -gt 0 ]; ok $? "has $seg memberships ($c)"
done
for k in company government_office religious_unit market cooperative; do
	c=$(sql "select count(*) from employers where kind='$k'")
	[ "$c" -gt 0 ]; ok $? "has $k employers ($c)"
done
expect_sql "select count(*) from persons where region_code is not null and region_code not in (select code from regions)" 0 \
	"every person's region is a real region"
expect_sql "select count(*) from memberships where segment='PU' and employer_id is null" 0 "every PU membership has an employer"
expect_out '"active":' "JSON summary"

# Every NIK the demo made is valid.
sql "select nik from persons order by random() limit 200" > "$TMP/niks"
run "$JARING" nik --json $(cat "$TMP/niks")
expect_rc 0 "200 sampled demo NIKs are all valid"

# Export and re-import change nothing.
run "$JARING" export workers -o "$TMP/w.csv"
expect_rc 0 "export the demo"
run "$JARING" import workers "$TMP/w.csv"
expect_rc 0 "re-import the demo's own export"
expect_out "(0 baru, 0 diperbarui" "nothing changes"

# Same seed, same data; another seed, other data.
cp "$JARING_DB" "$TMP/first.db"
run "$JARING" demo
expect_rc 1 "refuses to overwrite without --force"
run "$JARING" demo --force
expect_rc 0 "rebuild with --force"
a=$(sqlite3 "$TMP/first.db" "select group_concat(nik||name, ',') from (select * from persons order by nik)" | md5sum)
b=$(sql "select group_concat(nik||name, ',') from (select * from persons order by nik)" | md5sum)
[ "$a" = "$b" ]; ok $? "same seed gives the same people"
run "$JARING" demo --force --seed 7
c=$(sql "select group_concat(nik||name, ',') from (select * from persons order by nik)" | md5sum)
[ "$a" != "$c" ]; ok $? "another seed gives other people"

run "$JARING" demo --scale 0 --force
expect_rc 2 "scale 0 is a usage error"
run "$JARING" demo --scale abc --force
expect_rc 2 "non-numeric scale"

finish
