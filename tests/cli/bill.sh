#!/bin/sh
# CLI tests of `jaring bill`, `jaring import payments` and `jaring arrears`
# on a small branch whose every figure is worked out by hand below
# (rates: tests/cli/fixtures/billing/README and docs/rules.md).
. "$(dirname "$0")/lib.sh"
B="$FIX/billing"

# the bill of one payer in `bill --json`
bill_of() { echo "[b for b in d['bills'] if b['payer'] == '$1'][0]"; }
payer_of() { echo "[p for p in d['payers'] if p['payer'] == '$1'][0]"; }

A=11111111          # PT Bank Perkreditan Rakyat Kota: risk group I (JKK 0.24 %)
K=22222222          # CV Bangun Karya Pesisir: risk group III (JKK 0.89 %), JAKON workers
P1=3375011010900010 # BPU, income Rp1,000,000, JKK JKM
P2=3375015111910011 # BPU, income Rp2,500,000, JKK JKM JHT
P3=3375011212920012 # BPU, income Rp800,000 (billed on the Rp1,000,000 minimum)

export JARING_TODAY=2024-12-01
run "$JARING" init
run "$JARING" import employers "$B/employers.csv"
expect_rc 0 "billing employers imported"
run "$JARING" import workers "$B/workers.csv"
expect_rc 0 "billing workers imported"

run "$JARING" bill
expect_rc 2 "bill without --period"
run "$JARING" bill --period 2024-13
expect_rc 2 "month 13"
run "$JARING" bill --period 2015-06
expect_rc 2 "before July 2015"
expect_err "Juli 2015" "says why"

# November 2024.  JP cap Rp10,042,300; JKP is not an extra charge.
#  A: Wahyu  5,000,000: JKK 12,000 + JKM 15,000 + JHT 185,000+100,000 + JP 100,000+50,000 = 462,000
#     Bambang 20,000,000: 48,000 + 60,000 + 740,000+400,000 + JP on the cap 200,846+100,423 = 1,549,269
#     Agus 3,000,000 from 20 Nov (active on some day): 7,200 + 9,000 + 111,000+60,000 = 187,200
#     Dedi ended 31 Oct: no line.                                       A = 2,198,469, 3 lines
#  K: Sri 2,545,138.50: JKK 22,651.73->22,652 + JKM 7,635.41->7,635 + JHT 94,170.12->94,170
#     + 50,902.77->50,903 = 175,360; Joko (JAKON, wage 4,000,000): 1.74 % 69,600 + 0.30 % 12,000
#     = 81,600; Rudi (JAKON, no wage): paid per project, no line.      K = 256,960, 2 lines
#  P1 10,000 + 6,800 = 16,800; P2 25,000 + 6,800 + 50,000 = 81,800; P3 on Rp1,000,000 = 16,800
#  Total 2,198,469 + 256,960 + 16,800 + 81,800 + 16,800 = 2,570,829
run "$JARING" bill --period 2024-11 --json
expect_rc 0 "bill November 2024"
expect_json "d['period']" "2024-11" "period"
expect_json "len(d['bills'])" 5 "one bill per payer: 2 employers, 3 participants"
expect_json "$(bill_of $A)['total'], $(bill_of $A)['lines'], $(bill_of $A)['payer_kind']" \
	"(2198469, 3, 'employer')" "employer A: 462,000 + 1,549,269 + 187,200 on 3 lines"
expect_json "$(bill_of $K)['total'], $(bill_of $K)['lines']" "(256960, 2)" \
	"employer K: 175,360 + JAKON 81,600; the JAKON worker without a wage is not a line"
expect_json "$(bill_of $P1)['total'], $(bill_of $P1)['payer_kind']" "(16800, 'participant')" "BPU JKK+JKM Rp16,800"
expect_json "$(bill_of $P2)['total']" 81800 "BPU with JHT 2 %"
expect_json "$(bill_of $P3)['total']" 16800 "BPU income below the minimum band billed on Rp1,000,000"
expect_json "d['total']" 2570829 "period total"
expect_json "sorted(d.keys()) == ['bills', 'period', 'total'] and all(sorted(b) == ['lines', 'payer', 'payer_kind', 'total'] for b in d['bills'])" \
	True "exactly the documented fields"
expect_sql "select jkk_sen||' '||jkm_sen||' '||jht_sen||' '||jp_sen||' '||jkp_sen||' '||worker_sen||' '||total_sen from bill_lines where membership_id = (select id from memberships where person_nik = 3375010202810002)" \
	"4800000 6000000 114000000 30126900 0 50042300 154926900" "a line keeps each program's amount and the worker's share"
expect_sql "select count(*) from bills b where total_sen != (select sum(total_sen) from bill_lines l where l.bill_id = b.id) or lines != (select count(*) from bill_lines l where l.bill_id = b.id)" \
	0 "every bill total is the sum of its lines"
expect_sql "select due_date||' '||fine_ppm from bills where payer_kind = 'employer' and payer_ref = (select id from employers where npp = '$A')" \
	"2024-12-15 20000" "employer due the 15th of the next month, 2 % fine"
expect_sql "select due_date||' '||fine_ppm from bills where payer_ref = $P1" "2024-11-15 0" "BPU due the 15th of the same month, no fine"

run "$JARING" bill --period 2024-11
expect_rc 0 "the same month again"
expect_out "0 baris baru, 0 diubah, 0 dihapus; 0 tagihan baru" "adds nothing twice"
expect_out "1 Jakon tanpa upah" "says the project worker is not billed here"
expect_sql "select count(*)||' '||sum(total_sen) from bill_lines" "8 257082900" "still 8 lines"

# A membership added later gets its line on the next run:
# Eko 2,000,000 at A: 4,800 + 6,000 + 74,000+40,000 + 40,000+20,000 = 184,800 -> A = 2,383,269.
run "$JARING" import workers "$B/workers_later.csv"
expect_rc 0 "a worker registered late (Indonesian headers)"
run "$JARING" bill --period 2024-11 --json
expect_json "$(bill_of $A)['total'], $(bill_of $A)['lines'], d['total']" "(2383269, 4, 2755629)" \
	"the late membership gets its line on the next run"

# Payments in December: A pays part, K pays part, both on time.
export JARING_TODAY=2024-12-12
run "$JARING" import payments "$B/payments_dec.csv"
expect_rc 0 "import payments"
expect_out "2 masuk (2 baru" "two payments applied"
expect_sql "select paid_sen from bills where period = 202411 and payer_ref = (select id from employers where npp = '$A')" \
	100000000 "partial payment on A's November bill"

# Wages change; November is partly paid, so its lines stay as they were.
run "$JARING" import workers "$B/workers_raise.csv"
run "$JARING" bill --period 2024-11 --json
expect_json "$(bill_of $A)['total'], $(bill_of $K)['total']" "(2383269, 256960)" "a paid bill's lines never change"
expect_sql "select base_sen from bill_lines where membership_id = (select id from memberships where person_nik = 3375010101800001)" \
	500000000 "the old wage stays on the paid line"

# December: Wahyu now 6,000,000: 14,400 + 18,000 + 222,000+120,000 + 120,000+60,000 = 554,400
# -> A = 554,400 + 1,549,269 + 187,200 + 184,800 = 2,475,669;
# Joko now 5,000,000: 87,000 + 15,000 = 102,000 -> K = 175,360 + 102,000 = 277,360.
export JARING_TODAY=2025-01-02
run "$JARING" bill --period 2024-12 --json
expect_json "$(bill_of $A)['total'], $(bill_of $K)['total'], $(bill_of $P1)['total']" \
	"(2475669, 277360, 16800)" "December bills with the new wages"

# January 2025, Indonesian headers, semicolons, Rp amounts, DD/MM/YYYY dates.
#  K pays 200,000 on 20 Jan 2025 -> November's 156,960 is 2 months late (due 15 Dec 2024:
#  16 Dec-15 Jan is month 1, 16 Jan-15 Feb month 2): fine 2 % x 2 x 156,960 = 6,278.40 -> 6,278,
#  paid from the same money; the 36,762 left goes to December (due 15 Jan, 1 month late):
#  fine 2 % x 36,762 = 735.24 -> 735.
#  P2 pays 245,400 on 10 Jan: November and December (163,600, no fine for BPU), 81,800 credit.
export JARING_TODAY=2025-01-31
run "$JARING" import pembayaran "$B/payments_jan_id.csv" --errors "$TMP/pay1.csv"
expect_rc 0 "payments with Indonesian headers"
expect_sql "select paid_sen||' '||fine_sen||' '||fine_paid_sen from bills where period = 202411 and payer_kind = 'employer' and payer_ref = (select id from employers where npp = '$K')" \
	"25696000 627800 627800" "late money across the year boundary: 2 months, fine Rp6,278, paid"
expect_sql "select paid_sen||' '||fine_sen||' '||fine_paid_sen from bills where period = 202412 and payer_kind = 'employer' and payer_ref = (select id from employers where npp = '$K')" \
	"3676200 73500 0" "the rest to December, 1 month late: fine Rp735"
expect_sql "select group_concat(months_late||':'||fine_sen, ' ') from payment_allocations a join payments p on p.id = a.payment_id where p.reference = 'BPU-P2-1'" \
	"2:0 1:0" "BPU money late: no fine"
expect_sql "select unallocated_sen from payments where reference = 'BPU-P2-1'" 8180000 "overpayment kept as credit"
grep -q 'kredit' "$TMP/pay1.csv"; ok $? "the overpayment is reported"

#  The same reference again is not applied twice; another payment under it is refused.
#  K pays 300,000 on 25 Jan: December's 240,598 (1 month late, fine 4,811.96 -> 4,812),
#  then its fines 735 + 4,812, and 53,855 is left as credit.
run "$JARING" import payments "$B/payments_jan_again.csv" --errors "$TMP/pay2.csv"
expect_rc 3 "bad payment rows rejected, good ones applied"
expect_out "1 baru" "one new payment"
expect_out "1 sama" "the repeated reference is left alone"
grep -q '^3,reference,TRF-B-002,.*sudah dipakai' "$TMP/pay2.csv"; ok $? "same reference, other payment: rejected"
grep -q '^5,payer,99999999,.*tidak dikenal' "$TMP/pay2.csv"; ok $? "unknown payer rejected"
grep -q '^6,period,2024-13,' "$TMP/pay2.csv"; ok $? "bad period rejected"
grep -q '^7,amount,-5000,' "$TMP/pay2.csv"; ok $? "negative amount rejected"
grep -q '^8,paid_on,2031-01-25,' "$TMP/pay2.csv"; ok $? "payment date in the future rejected"
grep -q '^9,reference,,' "$TMP/pay2.csv"; ok $? "missing reference rejected"
tail -n +2 "$TMP/pay2.csv" | cut -d, -f1 | sort -n -c; ok $? "the report is in line order"
expect_sql "select count(*)||' '||sum(amount_sen) from payments" "5 184540000" "five payments, each once"
expect_sql "select paid_sen||' '||fine_sen||' '||fine_paid_sen from bills where period = 202412 and payer_kind = 'employer' and payer_ref = (select id from employers where npp = '$K')" \
	"27736000 554700 554700" "December paid with its fines"
expect_sql "select unallocated_sen from payments where reference = 'TRF-B-003'" 5385500 "the rest is credit"
run "$JARING" import payments "$B/payments_jan_again.csv"
expect_sql "select count(*)||' '||sum(amount_sen) from payments" "5 184540000" "importing the file again applies nothing"

# January's bill run uses the credits: K 53,855 and P2 81,800 (paid before the due date: no fine).
export JARING_TODAY=2025-02-01
run "$JARING" bill --period 2025-01
expect_rc 0 "bill January 2025"
expect_out "Kredit lebih bayar dipakai: Rp135.655" "credits applied to the new bills"
expect_sql "select paid_sen||' '||fine_sen from bills where period = 202501 and payer_kind = 'employer' and payer_ref = (select id from employers where npp = '$K')" \
	"5385500 0" "K's credit on January, no fine"
expect_sql "select paid_sen||' '||total_sen from bills where period = 202501 and payer_ref = $P2" "8180000 8180000" \
	"P2's credit pays January"
expect_sql "select inactive_since from memberships where person_nik = $P1" 2025-01-16 \
	"P1: three unpaid months (due 15 Nov, 15 Dec, 15 Jan): non-active from 16 January"

# February: P1 and P3 are non-active and not billed; P2 is.
run "$JARING" bill --period 2025-02 --json
expect_json "len(d['bills'])" 3 "February: A, K and P2 only"
expect_json "[b['payer'] for b in d['bills'] if b['payer_kind'] == 'participant']" "['$P2']" "lapsed BPU not billed"

# P1 pays one month on 10 February: November is paid, two unpaid months remain: active again,
# and the next run bills February.
export JARING_TODAY=2025-02-12
run "$JARING" import payments "$B/payments_feb.csv"
expect_rc 0 "P1 pays"
expect_sql "select coalesce(inactive_since, 'aktif') from memberships where person_nik = $P1" aktif "active again when paid"
expect_sql "select coalesce(inactive_since, 'aktif') from memberships where person_nik = $P3" 2025-01-16 "P3 still non-active"
run "$JARING" bill --period 2025-02
expect_out "1 baris baru" "P1 billed for February again"

# Arrears.
#  K on 20 Feb 2025: January 277,360 - 53,855 = 223,505, 1 month late (due 15 Feb), fine
#  2 % = 4,470.10 -> 4,470; February 277,360 not yet due (15 Mar).
run "$JARING" arrears --as-of 2025-02-20 --json
expect_rc 0 "arrears"
expect_json "d['as_of']" 2025-02-20 "as_of"
expect_json "[$(payer_of $K)[k] for k in ('owed', 'fines', 'current', 'months_1_3', 'over_3', 'employer_pays_jkk_first')]" \
	"[500865, 4470, 277360, 223505, 0, False]" "K: aged, fine accrued on what is late"
expect_json "[$(payer_of $P1)[k] for k in ('owed', 'fines', 'months_1_3', 'employer_pays_jkk_first')]" \
	"[50400, 0, 50400, False]" "P1: three BPU months owed, no fine"
expect_json "sorted(d.keys())" "['as_of', 'payers', 'total_fines', 'total_owed']" "top-level fields"
expect_json "d['total_owed'] == sum(p['owed'] for p in d['payers']) and d['total_fines'] == sum(p['fines'] for p in d['payers'])" \
	True "totals are the sums"
#  A on 20 Apr 2025: November 2,383,269 - 1,000,000 = 1,383,269, 5 months late (fine 10 % =
#  138,326.90 -> 138,327); December 2,475,669, 4 months (8 % = 198,053.52 -> 198,054); January
#  3 months (6 % = 148,540.14 -> 148,540) and February 2 months (4 % = 99,026.76 -> 99,027).
run "$JARING" arrears --as-of 2025-04-20 --json
expect_json "[$(payer_of $A)[k] for k in ('owed', 'fines', 'current', 'months_1_3', 'over_3', 'employer_pays_jkk_first')]" \
	"[8810276, 583948, 0, 4951338, 3858938, True]" "A: over 3 months late, JKK benefits the employer's to pay first"
run "$JARING" arrears --as-of 2025-04-20
expect_rc 0 "arrears as a table"
expect_out "JKK ditanggung PK dulu" "the flag shows in the table"
run "$JARING" arrears --as-of 2025-02-30
expect_rc 2 "impossible date"

# PP 49/2020 (August 2020 - January 2021): JKK and JKM at 1 %, JP 1 % with 99 % deferred, due
# the 30th of the next month, fine 0.5 % - for employers that paid up to July 2020.
# Hadi, Rp4,000,000 from 1 July 2020 (JP cap Rp8,939,700):
#  July: JKK 9,600 + JKM 12,000 + JHT 148,000+80,000 + JP 80,000+40,000 = 369,600.
#  August while July is unpaid: no relief, 369,600.  Once July is paid the unpaid August bill
#  follows: JKK 96 + JKM 120 + JHT 228,000 + JP 800+400 = 229,416.
export JARING_DB="$TMP/pp49.db" JARING_TODAY=2020-09-01
run "$JARING" init
run "$JARING" import employers "$B/employers.csv"
run "$JARING" import workers "$B/workers_2020.csv"
run "$JARING" bill --period 2020-07 --json
expect_json "d['total']" 369600 "July 2020 at the full rates"
run "$JARING" bill --period 2020-08 --json
expect_json "d['total']" 369600 "August 2020 without the relief while July is unpaid"
expect_sql "select due_date||' '||fine_ppm from bills where period = 202008" "2020-09-30 5000" \
	"PP 49/2020: due the 30th of the next month, fine 0.5 %"
run "$JARING" import payments "$B/payments_2020.csv"
expect_rc 0 "July paid on 14 August"
run "$JARING" bill --period 2020-08 --json
expect_json "d['total']" 229416 "then August with the relief: an unpaid bill follows the rules"
expect_sql "select jp_sen||' '||worker_sen from bill_lines where period = 202008" "120000 8040000" \
	"JP 1 % billed (the deferred 99 % is not on the monthly bill)"

# A demonstration branch (scale 2: 44,000 active participants, read in two halves and priced
# in chunks while the lines are written): every line equals the one computed by the
# benchmark's baseline, one INSERT ... SELECT with the November 2024 rates written out.
export JARING_DB="$TMP/demo.db" JARING_TODAY=2024-12-05
run "$JARING" demo --scale 2
run "$JARING" bill --period 2024-11
expect_rc 0 "bill the demo branch"
cp "$TMP/demo.db" "$TMP/base.db"
sqlite3 "$TMP/base.db" "DELETE FROM bill_lines" && sqlite3 "$TMP/base.db" < "$FIX/../../../bench/bill_baseline.sql"
expect_sql "ATTACH '$TMP/base.db' AS b; SELECT (SELECT count(*) FROM (SELECT * FROM bill_lines EXCEPT SELECT * FROM b.bill_lines)) + (SELECT count(*) FROM (SELECT * FROM b.bill_lines EXCEPT SELECT * FROM bill_lines)), (SELECT count(*) > 40000 FROM bill_lines)" \
	"0|1" "every demo line equals the SQL baseline's"
expect_sql "SELECT count(*) FROM bills b JOIN (SELECT bill_id, sum(total_sen) t, count(*) n FROM bill_lines GROUP BY bill_id) l ON l.bill_id = b.id WHERE b.total_sen != l.t OR b.lines != l.n" \
	0 "every demo bill is the sum of its lines"
expect_sql "SELECT count(*) = (SELECT count(DISTINCT bill_id) FROM bill_lines) FROM bills" 1 "no bill without lines"
run "$JARING" bill --period 2024-11
expect_out "0 baris baru, 0 diubah, 0 dihapus; 0 tagihan baru" "the demo month again writes nothing"

finish
