// The pages in Debian's chromium against the real `jaring serve` on a fresh
// demo database: sign-in, the dashboard's total against the command line,
// registry search, an import with a bad row and its report, a partner refused
// another partner's cohort, the language switch.  Leaves a screenshot of the
// dashboard in BUILD/artifacts/dashboard.png.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, run, equal, ok, skip } from './tap.mjs';
import * as lib from './lib.mjs';
import { parseNumber } from '../../web/js/format.js';

const { jaring, build } = lib.args();
const why = await lib.missing();
if (why) {
  // Without the browser the suite cannot say anything: CI must not pass quietly.
  if (process.env.CI) {
    console.log('1..1\nnot ok 1 - browser tests # ' + why);
    process.exit(1);
  }
  console.log('1..0 # SKIP ' + why);
  process.exit(0);
}

let server, browser;
const artifacts = lib.artifactsDir(build);

// The officer signs in through the form once (the first test); later pages
// reuse that session's cookie, as a browser tab would: each sign-in costs an
// argon2id hash, slow under the sanitizers.
let officerState = null;

async function newPage(storageState) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'id-ID', storageState });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // HTTP errors the page handles (401 before sign-in, 403) are logged by the
  // browser as "Failed to load resource"; those are not script errors.
  page.on('console', (m) => { if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) errors.push(m.text()); });
  page.errors = errors;
  return page;
}

test('an officer signs in and the dashboard total equals jaring coverage --json', async () => {
  const page = await newPage();
  await lib.signIn(page, server.url, lib.USERS.officer);
  officerState = await page.context().storageState();
  const coverage = (await apiStatus(page, '/api/v1/coverage?by=district')) === 200;
  await page.waitForSelector('[data-testid=active-total-value]');
  // the charts are drawn by the vendored Chart.js
  await page.waitForSelector('[data-testid=chart-segments] canvas');
  ok(await page.evaluate(() => typeof window.Chart === 'function'), 'Chart.js loaded from /vendor/');
  if (coverage) {
    await page.waitForSelector('[data-testid=district-table]');
    await page.waitForSelector('[data-testid=chart-growth] canvas');
  }
  await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
  const shown = parseNumber(await page.textContent('[data-testid=active-total-value]'));
  equal(page.errors.join('\n'), '', 'no script errors');
  await page.context().close();
  if (!coverage) skip('jaring serve has no /api/v1/coverage in this build yet');
  const cov = lib.jaringJson(jaring, server.db, 'coverage');
  equal(shown, cov.total.active, 'active participants on the dashboard');
});

test('an officer finds a person by NIK and opens the person page', async () => {
  const csv = execText(jaring, ['--db', server.db, 'export', 'workers']);
  const nik = csv.split('\n')[1].split(',')[0];
  ok(/^\d{16}$/.test(nik), 'a NIK from the export: ' + nik);
  const page = await officerPage();
  await page.click('nav a[href="#/registry"]');
  await page.fill('[data-testid=search-input]', nik);
  await page.click('[data-testid=search-button]');
  await page.waitForSelector(`[data-testid=persons-table] a[href="#/persons/${nik}"]`);
  await page.click(`[data-testid=persons-table] a[href="#/persons/${nik}"]`);
  await page.waitForSelector('[data-testid=memberships]');
  ok((await page.textContent('[data-testid=person-nik]')).includes(nik), 'person page shows the NIK');
  ok(await page.$('[data-testid=memberships-table] tbody tr'), 'at least one membership');
  equal(page.errors.join('\n'), '', 'no script errors');
  await page.context().close();
});

test('an officer uploads a CSV with one bad row, sees the error and downloads the report', async () => {
  const csv = 'nik,name,birth_date,sex,segment,wage,programs,start_date,occupation,region_code\n' +
    '3375010101909991,Warsito Uji,1990-01-01,M,BPU,1500000,JKK JKM,2025-03-01,Nelayan,33.75.01\n' +
    '33750101019,Baris Salah,1990-01-01,M,BPU,1500000,JKK JKM,2025-03-01,Nelayan,33.75.01\n';
  const file = join(server.dir, 'unggah.csv');
  writeFileSync(file, csv);
  const page = await officerPage();
  await page.click('nav a[href="#/import"]');
  await page.selectOption('[data-testid=import-kind]', 'workers');
  await page.setInputFiles('[data-testid=import-file]', file);
  await page.click('[data-testid=import-check]');
  await page.waitForSelector('[data-testid=import-issues]');
  equal(await page.textContent('[data-testid=count-rejected] dd'), '1', 'rejected rows');
  const issue = await page.textContent('[data-testid=import-issues] tbody tr');
  ok(issue.includes('33750101019') && issue.includes('3'), 'the bad row with its line and value: ' + issue);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=import-report]')]);
  const report = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
  const lines = report.trim().split(/\r?\n/);
  equal(lines[0], 'line,column,value,reason', 'report header as jaring import --errors');
  equal(lines.length, 2, 'one rejected row in the report');
  ok(lines[1].startsWith('3,') && lines[1].includes('33750101019'), 'report row: ' + lines[1]);
  // nothing was saved by the check; saving stores the good row
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-note].ok-note');
  const people = execText(jaring, ['--db', server.db, 'export', 'workers']);
  ok(people.includes('3375010101909991'), 'the good row is saved');
  equal(page.errors.join('\n'), '', 'no script errors');
  await page.context().close();
});

test('bills and arrears list and download as CSV and XLSX', async () => {
  lib.execText(jaring, ['--db', server.db, 'bill', '--period', '2026-09']);
  const page = await officerPage();
  await page.click('nav a[href="#/bills"]');
  await page.waitForSelector('[data-testid=bills-table] tbody tr');
  await page.waitForSelector('[data-testid=arrears-table] tbody tr');
  const amount = await page.textContent('[data-testid=bills-table] tbody tr td.num:nth-of-type(6)');
  ok(/^Rp\d{1,3}(\.\d{3})*$/.test(amount), 'amounts as Rp2.450.915: ' + amount);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=bills-csv]')]);
  const text = readFileSync(await csv.path(), 'utf8');
  ok(text.split('\n').length > 2, 'the CSV has rows');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=arrears-xlsx]')]);
  const head = readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1');
  equal(head, 'PK', 'the XLSX is a zip (libxlsxwriter)');
  ok(/\.xlsx$/.test(xlsx.suggestedFilename()), 'named .xlsx: ' + xlsx.suggestedFilename());
  equal(page.errors.join('\n'), '', 'no script errors');
  await page.context().close();
});

test("a partner opening another partner's cohort by URL is refused", async () => {
  const officer = await officerPage();
  if ((await apiStatus(officer, '/api/v1/agreements')) !== 200) {
    await officer.context().close();
    skip('jaring serve has no /api/v1/agreements in this build yet');
  }
  const partners = await apiItems(officer, '/api/v1/partners?limit=500');
  const agreements = await apiItems(officer, '/api/v1/agreements?limit=500');
  await officer.context().close();
  // a partner with an agreement, and an agreement of another partner
  const owner = (a) => String(a.partner_id ?? a.partner?.id);
  const mine = agreements[0];
  if (!mine) skip('the demo database has no agreements yet');
  const other = agreements.find((a) => owner(a) !== owner(mine));
  ok(other, 'the demo has agreements of two partners');
  ok(partners.some((p) => String(p.id) === owner(mine)), 'the partner is listed');
  lib.addUser(jaring, server.db, lib.USERS.partner, owner(mine));
  const page = await newPage();
  await lib.signIn(page, server.url, lib.USERS.partner);
  // its own agreement opens, with its cohort
  await page.goto(`${server.url}#/agreements/${encodeURIComponent(mine.id)}`);
  await page.waitForSelector('[data-testid=cohort]');
  equal(await page.$('[data-testid=page-error]'), null, 'own agreement shown');
  await page.goto(`${server.url}#/agreements/${encodeURIComponent(other.id)}`);
  await page.waitForSelector('[data-testid=page-error]');
  const text = await page.textContent('[data-testid=page-error]');
  equal(text, 'Anda tidak berhak membuka halaman ini.', 'refusal in words');
  equal(await page.$('[data-testid=cohort-table]'), null, 'no member shown');
  const status = await page.evaluate(async (id) => (await fetch(`/api/v1/agreements/${id}/members`)).status, other.id);
  equal(status, 403, 'the server refuses the members too');
  await page.context().close();
});

test('the language switch turns the pages to English and back', async () => {
  const page = await officerPage();
  await page.waitForSelector('[data-testid=active-total-value]');
  equal(await page.getAttribute('html', 'lang'), 'id');
  equal(await page.textContent('[data-testid=active-total] .kpi-label'), 'Peserta aktif');
  await page.click('[data-testid=lang-switch]');
  await page.waitForSelector('html[lang=en]');
  await page.waitForSelector('[data-testid=active-total-value]');
  equal(await page.textContent('[data-testid=active-total] .kpi-label'), 'Active participants');
  equal(await page.textContent('nav a[href="#/dashboard"]'), 'Dashboard');
  // the choice is kept across a reload
  await page.reload();
  await page.waitForSelector('[data-testid=active-total-value]');
  equal(await page.getAttribute('html', 'lang'), 'en');
  await page.screenshot({ path: join(artifacts, 'dashboard-en.png'), fullPage: true });
  await page.click('[data-testid=lang-switch]');
  await page.waitForSelector('html[lang=id]');
  equal(await page.textContent('nav a[href="#/dashboard"]'), 'Dasbor');
  await page.context().close();
});

test('jaring serve stops on SIGTERM without a sanitizer report', async () => {
  const err = await server.stop();
  server = null;
  ok(!/ERROR: AddressSanitizer|runtime error:|LeakSanitizer/.test(err), 'sanitizer report from jaring serve:\n' + err);
});

async function officerPage() {
  if (!officerState) throw new Error('the officer did not sign in (first test)');
  const page = await newPage(officerState);
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=who]');
  return page;
}

// Status of an API call made by the signed-in page (its cookie session).
function apiStatus(page, path) {
  return page.evaluate(async (p) => (await fetch(p)).status, path);
}

function apiItems(page, path) {
  return page.evaluate(async (p) => (await (await fetch(p)).json()).items, path);
}

function execText(bin, argv) {
  return lib.execText(bin, argv);
}

await run({
  before: async () => {
    server = await lib.startServer(jaring);
    browser = await lib.launch();
  },
  after: async () => {
    if (browser) await browser.close();
    if (server) await server.stop();
  },
});
