// Unit tests of web/js/format.js: Indonesian and English numbers, money,
// percentages, dates and CSV fields.
import { test, run, equal } from './tap.mjs';
import * as f from '../../web/js/format.js';

test('rupiah in Indonesian groups with dots', () => {
  equal(f.rupiah(2450915), 'Rp2.450.915');
  equal(f.rupiah(0), 'Rp0');
  equal(f.rupiah(999), 'Rp999');
  equal(f.rupiah(1000), 'Rp1.000');
  equal(f.rupiah(-15000), '-Rp15.000');
  equal(f.rupiah('122190000'), 'Rp122.190.000');
  equal(f.rupiah('9007199254740993'), 'Rp9.007.199.254.740.993', 'beyond 2^53 as a string');
});

test('rupiah in English groups with commas; missing values are a dash', () => {
  equal(f.rupiah(2450915, 'en'), 'Rp2,450,915');
  equal(f.rupiah(null), '–');
  equal(f.rupiah('abc'), '–');
});

test('numbers', () => {
  equal(f.number(22000), '22.000');
  equal(f.number(65000, 'en'), '65,000');
  equal(f.number(7), '7');
  equal(f.number(-1234567), '-1.234.567');
  equal(f.number(undefined), '–');
});

test('percentages with a comma decimal in Indonesian', () => {
  equal(f.percent(94.82), '94,82 %');
  equal(f.percent(94.82, 'en'), '94.82%');
  equal(f.percent(33.846153), '33,85 %');
  equal(f.percent(0.125), '0,13 %', 'half rounds up on the decimal');
  equal(f.percent(18, 'id', 0), '18 %');
  equal(f.percent(100), '100,00 %');
  equal(f.percent(1234.5, 'id', 1), '1.234,5 %');
  equal(f.percent(null), '–');
  equal(f.percent(-0.001), '0,00 %', 'no negative zero');
});

test('share of a whole', () => {
  equal(f.share(128, 702).toFixed(4), '18.2336');
  equal(f.share(5, 0), null);
});

test('dates as 27 November 2019', () => {
  equal(f.date('2019-11-27'), '27 November 2019');
  equal(f.date('2019-08-01'), '1 Agustus 2019');
  equal(f.date('2019-08-01', 'en'), '1 August 2019');
  equal(f.date('2024-05-09T10:00:00Z'), '9 Mei 2024');
  equal(f.date(''), '–');
  equal(f.date('kemarin'), 'kemarin', 'unreadable text shown as it is');
});

test('weekday dates as Rabu, 27/11/2019', () => {
  equal(f.dayDate('2019-11-27'), 'Rabu, 27/11/2019');
  equal(f.dayDate('2019-11-27', 'en'), 'Wednesday, 27/11/2019');
  equal(f.dayDate('2024-02-29'), 'Kamis, 29/02/2024');
});

test('months', () => {
  equal(f.month('2024-08'), 'Agustus 2024');
  equal(f.month('2024-08', 'id', true), 'Agu 2024');
  equal(f.month('2024-10', 'en', true), 'Oct 2024');
  equal(f.month('2024-13'), '2024-13');
});

test('numbers read back', () => {
  equal(f.parseNumber('22.000'), 22000);
  equal(f.parseNumber('Rp2.450.915'), 2450915);
  equal(f.parseNumber('65,000', 'en'), 65000);
  equal(Number.isNaN(f.parseNumber('1.2.x')), true);
});

test('CSV fields are quoted and never formulas', () => {
  equal(f.csvField('plain'), 'plain');
  equal(f.csvField('a,b'), '"a,b"');
  equal(f.csvField('say "hi"'), '"say ""hi"""');
  equal(f.csvField('a;b'), '"a;b"', 'semicolons quoted for Indonesian Excel');
  equal(f.csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  equal(f.csvField(3), '3');
  equal(f.csvField(null), '');
  equal(f.csvLine([2, 'nik', '33750141019', 'NIK harus 16 digit']), '2,nik,33750141019,NIK harus 16 digit\r\n');
});

test('the rejected-rows report has the columns of jaring import --errors', () => {
  const csv = f.issuesCsv([
    { line: 3, column: 'nik', value: '33750101019', reason: 'NIK harus 16 digit', severity: 'error' },
    { line: 7, column: 'name', value: '=cmd()', reason: 'nama "aneh", ditolak', severity: 'error' },
  ]);
  equal(csv, 'line,column,value,reason\r\n3,nik,33750101019,NIK harus 16 digit\r\n' +
    `7,name,'=cmd(),"nama ""aneh"", ditolak"\r\n`);
});

run();
