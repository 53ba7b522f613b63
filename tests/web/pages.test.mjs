// Static checks of web/: every word the pages ask for exists in both
// languages, and no script writes markup from strings (innerHTML and kin),
// so data is always text.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, run, equal, ok } from './tap.mjs';
import { _strings, t, setLang } from '../../web/js/i18n.js';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

function scripts(dir = join(WEB, 'js')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []);
}

test('Indonesian and English have the same keys', () => {
  const id = Object.keys(_strings.id).sort(), en = Object.keys(_strings.en).sort();
  equal(id.filter((k) => !en.includes(k)).join(' '), '', 'keys missing in English');
  equal(en.filter((k) => !id.includes(k)).join(' '), '', 'keys missing in Indonesian');
});

test("every t('key') in the pages exists", () => {
  const missing = [];
  for (const f of scripts()) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([a-z0-9_]+)'\s*[,)]/g))
      if (!(m[1] in _strings.id)) missing.push(`${f.slice(WEB.length + 1)}: ${m[1]}`);
  }
  equal(missing.join(', '), '', 'unknown keys');
});

test('every code word the API sends has its words', () => {
  const vocab = {
    seg_: ['PU', 'BPU', 'JAKON', 'PMI'],
    role_: ['admin', 'officer', 'viewer', 'partner', 'pays', 'encourages', 'data'],
    kind_: ['workers', 'employers', 'payments'],
    status_: ['open', 'paid', 'active', 'inactive'],
    payer_: ['employer', 'participant', 'partner'],
    pays_: ['partner', 'members', 'none'],
    sev_: ['error', 'warning'],
    sex_: ['M', 'F'],
    agr_: ['current', 'soon', 'ended', 'future'],
    sc_: ['micro', 'small', 'medium', 'large'],
    ek_: ['company', 'government_office', 'religious_unit', 'market', 'cooperative', 'other'],
    // partners.kind in src/store/schema/003_partners.sql
    w_: ['government', 'office', 'licensing_office', 'trade_office', 'welfare_section',
      'religious_org', 'association', 'company', 'village'],
  };
  const missing = Object.entries(vocab).flatMap(([p, words]) => words.map((w) => p + w)).filter((k) => !(k in _strings.id));
  equal(missing.join(' '), '', 'words missing');
});

test('no markup from strings in any script', () => {
  const bad = [];
  for (const f of scripts()) {
    const src = readFileSync(f, 'utf8');
    for (const re of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/])
      if (re.test(src)) bad.push(`${f.slice(WEB.length + 1)}: ${re.source}`);
  }
  equal(bad.join(', '), '', 'markup written from strings');
});

test('index.html loads only same-origin scripts and styles', () => {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => u !== 'data:,');
  ok(urls.length >= 3, 'scripts and stylesheet found');
  equal(urls.filter((u) => !u.startsWith('/')).join(' '), '', 'no outside address (no CDN)');
  ok(urls.includes('/vendor/chart.js/dist/chart.umd.min.js'), 'Chart.js from /vendor/');
});

test('words switch with the language and fill their parameters', () => {
  setLang('en');
  equal(t('signed_in_as', { name: 'kesra', role: t('role_partner') }), 'Signed in as kesra (partner)');
  setLang('id');
  equal(t('signed_in_as', { name: 'kesra', role: t('role_partner') }), 'Masuk sebagai kesra (mitra)');
  equal(t('no_such_key'), 'no_such_key', 'a missing key shows itself');
});

run();
