// Partners and their MoUs/PKS: the list, one partner with its agreements
// (quota against realised) and units, one agreement with its scorecard,
// cohort members and renewal list.  A partner user sees only its own; the
// server refuses the rest with 403, which the page says in words.
import { h, facts } from '../dom.js';
import { api, enc, query } from '../api.js';
import { t, num, pct, rp, day } from '../i18n.js';
import { share } from '../format.js';
import { autoTable, pick, section, items, pagedTable, word } from './common.js';
import { showError } from '../app.js';

function partnerColumns(names) {
  return [
    ['name', ['name'], 'text', (r) => r.id !== undefined && '#/partners/' + enc(r.id)],
    ['kind', ['kind'], 'word'],
    ['parent', ['parent_name', 'parent_id'], 'text', null, (r) => r.parent_name ?? names.get(String(r.parent_id)) ?? '–'],
    ['region', ['region_name', 'region_code']],
  ];
}

const MEMBER_COLS = [
  ['nik', ['nik'], 'text', (r) => /^\d{16}$/.test(r.nik || '') && '#/persons/' + enc(r.nik)],
  ['name', ['name']],
  ['kpj', ['kpj']],
  ['occupation', ['occupation']],
  ['start', ['start_date'], 'date'],
  ['end', ['end_date'], 'date'],
  ['status', ['active'], 'active'],
];

const UNIT_COLS = [
  ['name', ['name'], 'text', (r) => r.employer_id !== undefined && '#/employers/' + enc(r.employer_id)],
  ['npp', ['npp']],
  ['kind', ['kind'], 'ekind'],
  ['active', ['active'], 'num'],
  ['reported', ['reported'], 'num'],
];

function progress(done, goal) {
  const p = share(done, goal);
  const bar = h('span', { class: 'bar' }, h('span', { style: { width: `${Math.min(100, Math.round(p || 0))}%` } }));
  return h('span', { class: 'progress' }, bar, ' ', p === null ? '–' : pct(p, 1));
}

const SOON_DAYS = 90; // "segera berakhir": time to talk about renewal

function today() {
  return new Date().toISOString().slice(0, 10);
}

function addDays(iso, n) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// In force, ending within SOON_DAYS, ended, or not started yet.
function agreementState(a, now) {
  if (a.valid_from && a.valid_from > now) return 'agr_future';
  if (a.valid_to && a.valid_to < now) return 'agr_ended';
  if (a.valid_to && a.valid_to <= addDays(now, SOON_DAYS)) return 'agr_soon';
  return 'agr_current';
}

// In force first, soonest ending first (the renewal talks to start); ended last.
function agreementOrder(now) {
  const rank = { agr_soon: 0, agr_current: 1, agr_future: 2, agr_ended: 3 };
  return (a, b) => rank[agreementState(a, now)] - rank[agreementState(b, now)] ||
    String(a.valid_to || '').localeCompare(String(b.valid_to || '')) * (agreementState(a, now) === 'agr_ended' ? -1 : 1);
}

function agreementTable(list, names, testid) {
  const now = today();
  list = list.slice().sort(agreementOrder(now));
  const { el } = autoTable(list, [
    ['agreement', ['title', 'number', 'id'], 'text', (r) => r.id !== undefined && '#/agreements/' + enc(r.id)],
    ['partner', ['partner_id'], 'text', null, (r) => names.get(String(r.partner_id)) ?? r.partner_id],
    ['start', ['valid_from'], 'date'],
    ['end', ['valid_to'], 'date'],
    ['quota', ['target'], 'num'],
    ['realised', ['enrolled'], 'num'],
    ['active', ['active'], 'num'],
    ['status', ['valid_to'], 'text', null, (r) => t(agreementState(r, now))],
  ], { testid });
  // quota against realised as a bar on every row
  el.querySelector('thead tr').appendChild(h('th', { scope: 'col' }, t('progress')));
  el.querySelectorAll('tbody tr').forEach((tr, i) => {
    const r = list[i];
    tr.appendChild(h('td', null, r.target ? progress(r.enrolled ?? 0, r.target) : '–'));
  });
  return el;
}

async function partnerNames() {
  try {
    const list = items(await api('/partners' + query({ limit: 500 })));
    return { list, names: new Map(list.map((p) => [String(p.id), p.name])) };
  } catch (_) {
    return { list: [], names: new Map() };
  }
}

export async function renderList(ctx) {
  const { main } = ctx;
  main.appendChild(h('div', { class: 'page-head' }, h('h1', null, t('partners_title'))));
  const [partners, agreements] = await Promise.allSettled([api('/partners' + query({ limit: 500 })), api('/agreements' + query({ limit: 500 }))]);
  if (ctx.stale()) return;
  const list = partners.status === 'fulfilled' ? items(partners.value) : [];
  const names = new Map(list.map((p) => [String(p.id), p.name]));
  const as = section(t('agreements'), 'agreements');
  main.appendChild(as);
  if (agreements.status === 'rejected') showError(as, agreements.reason);
  else {
    const ag = items(agreements.value);
    if (!ag.length) as.appendChild(h('p', { class: 'muted' }, t('none')));
    else as.appendChild(h('div', { class: 'scroll' }, agreementTable(ag, names, 'agreements-table')));
  }
  const ps = section(t('partner'), 'partners');
  main.appendChild(ps);
  if (partners.status === 'rejected') showError(ps, partners.reason);
  else if (!list.length) ps.appendChild(h('p', { class: 'muted' }, t('none')));
  else ps.appendChild(h('div', { class: 'scroll' }, autoTable(list, partnerColumns(names), { testid: 'partners-table' }).el));
}

export async function renderPartner(ctx, id) {
  const p = await api('/partners/' + enc(id));
  const { names } = await partnerNames();
  if (ctx.stale()) return;
  const { main } = ctx;
  main.appendChild(h('div', { class: 'page-head' }, h('h1', null, pick(p, 'name') || id),
    h('p', { class: 'muted' }, word('w_', p.kind))));
  main.appendChild(h('section', { class: 'card' }, facts([
    [t('kind'), word('w_', p.kind)],
    p.parent_id != null && [t('parent'), h('a', { href: '#/partners/' + enc(p.parent_id) }, names.get(String(p.parent_id)) ?? String(p.parent_id))],
    pick(p, 'region_name', 'region_code') && [t('region'), pick(p, 'region_name', 'region_code')],
    pick(p, 'contact') && [t('name'), p.contact],
    pick(p, 'phone') && [t('phone'), p.phone],
  ])));
  const list = items(p.agreements);
  const s = section(t('agreements'), 'partner-agreements');
  main.appendChild(s);
  if (!list.length) s.appendChild(h('p', { class: 'muted' }, t('none')));
  else s.appendChild(h('div', { class: 'scroll' }, agreementTable(list, names, 'partner-agreements-table')));
  const units = section(t('units'), 'partner-units');
  main.appendChild(units);
  try {
    await pagedTable(units, '/partners/' + enc(id) + '/units', {}, UNIT_COLS, { testid: 'units-table', tall: true });
  } catch (e) {
    if (!ctx.stale()) showError(units, e);
  }
}

export async function renderAgreement(ctx, id) {
  const a = await api('/agreements/' + enc(id));
  let partnerName = null;
  try { partnerName = (await api('/partners/' + enc(a.partner_id))).name; } catch (_) { /* name only */ }
  if (ctx.stale()) return;
  const { main } = ctx;
  main.appendChild(h('div', { class: 'page-head', 'data-testid': 'agreement-head' },
    h('h1', null, a.title || `${t('agreement')} ${id}`),
    h('p', { class: 'muted' }, [a.number, partnerName].filter(Boolean).join(' · '))));
  const kpis = h('div', { class: 'kpis' });
  const k = (label, value, sub, testid) => h('div', { class: 'kpi card', 'data-testid': testid },
    h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value), sub ? h('div', { class: 'kpi-sub' }, sub) : null);
  kpis.appendChild(k(t('quota'), num(a.target), null, 'quota'));
  kpis.appendChild(k(t('realised'), num(a.enrolled), a.target ? progress(a.enrolled ?? 0, a.target) : null, 'realised'));
  if (a.active !== undefined) kpis.appendChild(k(t('active'), num(a.active), null, 'active'));
  if (a.billed !== undefined) kpis.appendChild(k(t('billed'), rp(a.billed), `${t('paid')}: ${rp(a.paid)}`, 'billed'));
  main.appendChild(kpis);
  main.appendChild(h('section', { class: 'card' }, facts([
    [t('partner'), a.partner_id !== undefined ? h('a', { href: '#/partners/' + enc(a.partner_id) }, partnerName || String(a.partner_id)) : '–'],
    a.number && [t('number'), a.number],
    a.signed_on && [t('signed_on'), day(a.signed_on)],
    [t('start'), day(a.valid_from)],
    [t('end'), day(a.valid_to)],
    a.role && [t('role_in'), word('role_', a.role)],
    a.pays && [t('pays'), word('pays_', a.pays)],
    a.funding && [t('funding'), a.funding],
    a.segments && [t('segment'), a.segments],
    a.sectors && [t('sectors'), a.sectors],
    a.cohorts !== undefined && [t('cohorts'), num(a.cohorts)],
  ])));
  const members = section(t('cohort'), 'cohort');
  main.appendChild(members);
  await pagedTable(members, '/agreements/' + enc(id) + '/members', {}, MEMBER_COLS, { testid: 'cohort-table', tall: true });
  if (ctx.stale()) return;
  const ren = section(t('renewals'), 'renewals');
  main.appendChild(ren);
  try {
    const r = await pagedTable(ren, '/agreements/' + enc(id) + '/renewals', {}, MEMBER_COLS, { testid: 'renewals-table', tall: true });
    if (ctx.stale()) return;
    ren.insertBefore(h('p', { class: 'muted' }, r.from ? t('renewals_between', { from: day(r.from), to: day(r.to) }) : t('renewals_hint')), ren.children[1]);
  } catch (e) {
    if (!ctx.stale()) showError(ren, e);
  }
}
