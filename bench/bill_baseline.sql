-- bill_baseline.sql - the baseline of bench/bill.sh: the bill lines of one
-- month computed by one INSERT ... SELECT in the sqlite3 shell, with the
-- rates of November 2024 written into the statement (JKK by risk group,
-- JKM 0.30 %, JHT 3.70 % + 2.00 %, JP 2 % + 1 % up to the 2024 cap of
-- Rp10,042,300, JKP not billed; BPU JKK 1 % and JHT 2 % of the declared
-- income (at least Rp1,000,000) and JKM Rp6,800; JAKON with a wage 1.74 %
-- + 0.30 %).  Each amount is floor(base x rate) in sen, then half-up to
-- whole rupiah, as rules/iuran.c does.  It reads the bills the program made
-- (copied in beforehand) to give each line its bill, as the program does.
-- The benchmark checks that both produce the same lines.
INSERT INTO bill_lines(period, membership_id, bill_id, programs, base_sen, jkk_sen, jkm_sen,
                       jht_sen, jp_sen, jkp_sen, worker_sen, total_sen)
SELECT 202411, id, bill_id, programs, wage_sen, jkk, jkm, jht_er + jht_w, jp_er + jp_w, 0,
       jht_w + jp_w, jkk + jkm + jht_er + jht_w + jp_er + jp_w
FROM (
  SELECT m.id, b.id AS bill_id, m.programs, m.wage_sen,
    CASE WHEN m.programs & 1 = 0 THEN 0
         WHEN m.segment = 'BPU' THEN (max(m.wage_sen, 100000000) * 10000 / 1000000 + 50) / 100 * 100
         WHEN m.segment = 'JAKON' THEN (m.wage_sen * 17400 / 1000000 + 50) / 100 * 100
         ELSE (m.wage_sen * (CASE e.risk_group WHEN 1 THEN 2400 WHEN 2 THEN 5400 WHEN 3 THEN 8900
                                               WHEN 4 THEN 12700 ELSE 17400 END)
               / 1000000 + 50) / 100 * 100 END AS jkk,
    CASE WHEN m.programs & 2 = 0 THEN 0
         WHEN m.segment = 'BPU' THEN 680000
         ELSE (m.wage_sen * 3000 / 1000000 + 50) / 100 * 100 END AS jkm,
    CASE WHEN m.programs & 4 = 0 THEN 0
         WHEN m.segment = 'BPU' THEN (max(m.wage_sen, 100000000) * 20000 / 1000000 + 50) / 100 * 100
         ELSE (m.wage_sen * 37000 / 1000000 + 50) / 100 * 100 END AS jht_er,
    CASE WHEN m.programs & 4 = 0 OR m.segment = 'BPU' THEN 0
         ELSE (m.wage_sen * 20000 / 1000000 + 50) / 100 * 100 END AS jht_w,
    CASE WHEN m.programs & 8 = 0 THEN 0
         ELSE (min(m.wage_sen, 1004230000) * 20000 / 1000000 + 50) / 100 * 100 END AS jp_er,
    CASE WHEN m.programs & 8 = 0 THEN 0
         ELSE (min(m.wage_sen, 1004230000) * 10000 / 1000000 + 50) / 100 * 100 END AS jp_w
  FROM memberships m
  LEFT JOIN employers e ON e.id = m.employer_id
  JOIN bills b ON b.period = 202411
              AND b.payer_kind = CASE WHEN m.payer_kind IS NOT NULL THEN m.payer_kind
                                      WHEN m.segment = 'BPU' OR m.employer_id IS NULL
                                      THEN 'participant' ELSE 'employer' END
              AND b.payer_ref = CASE WHEN m.payer_kind IS NOT NULL THEN m.payer_ref
                                     WHEN m.segment = 'BPU' OR m.employer_id IS NULL
                                     THEN m.person_nik ELSE m.employer_id END
  WHERE m.start_date <= '2024-11-30' AND (m.end_date IS NULL OR m.end_date >= '2024-11-01')
    AND m.segment != 'PMI' AND NOT (m.segment = 'JAKON' AND m.wage_sen = 0)
);
