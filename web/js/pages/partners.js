// Partners and their MoUs/PKS: the list, one partner with its agreements
// (quota against realised), one agreement with its scorecard, cohort members
// and renewal list.  A partner user sees only its own; the server refuses the
// rest with 403, which the page says in words.
import { h, facts } from '../dom.js';
import { api, enc } from '../api.js';
import { t, num, pct, rp, day } from '../i18n.js';
import { share } from '../format.js';
import { autoTable, pick, section, items, pagedTable } from './common.js';
import { showError } from '../app.js';

const PARTNER_COLS = [
  ['name', ['name'], 'text', (r) => r.id !== undefined && '#/partners/' + enc(r.id)],
  ['kind', ['kind', 'type']],
  ['parent', ['parent_name', 'parent_id', 'parent']],
  ['region', ['region_name', 'region', 'region_code']],
  ['agreements', ['agreements', 'agreement_count'], 'num'],
];

const MEMBER_COLS = [
  ['nik', ['nik'], 'text', (r) => /^\d{16}$/.test(r.nik || '') && '#/persons/' + enc(r.nik)],
  ['name', ['name', 'nama']],
  ['kpj', ['kpj']],
  ['segment', ['segment']],
  ['start', ['start', 'start_date', 'enrolled_on'], 'date'],
  ['end', ['end', 'end_date'], 'date'],
  ['status', ['status'], 'status'],
];

function progress(done, goal) {
  const p = share(done, goal);
  const bar = h('span', { class: 'bar' }, h('span', { style: { width: `${Math.min(100, Math.round(p || 0))}%` } }));
  return h('span', { class: 'progress' }, bar, ' ', p === null ? '–' : pct(p, 1));
}

function agreementColumns() {
  return [
    ['agreement', ['title', 'name', 'number', 'id'], 'text', (r) => r.id !== undefined && '#/agreements/' + enc(r.id)],
    ['partner', ['partner_name', 'partner.name', 'partner_id']],
    ['start', ['start', 'start_date', 'signed_on'], 'date'],
    ['end', ['end', 'end_date'], 'date'],
    ['quota', ['target', 'quota'], 'num'],
    ['realised', ['enrolled', 'realised'], 'num'],
    ['active', ['active'], 'num'],
  ];
}

function agreementTable(list, testid) {
  const { el } = autoTable(list, agreementColumns(), { testid });
  // quota vs realised as a bar on every row that has both
  const head = el.querySelector('thead tr');
  head.appendChild(h('th', { scope: 'col' }, t('progress')));
  el.querySelectorAll('tbody tr').forEach((tr, i) => {
    const r = list[i];
    tr.appendChild(h('td', null, progress(pick(r, 'enrolled', 'realised') ?? 0, pick(r, 'target', 'quota'))));
  });
  return el;
}

export async function renderList(ctx) {
  const { main } = ctx;
  main.appendChild(h('div', { class: 'page-head' }, h('h1', null, t('partners_title'))));
  const [partners, agreements] = await Promise.allSettled([api('/partners'), api('/agreements')]);
  if (ctx.stale()) return;
  const ps = section(t('partner'), 'partners');
  main.appendChild(ps);
  if (partners.status === 'rejected') showError(ps, partners.reason);
  else {
    const list = items(partners.value);
    if (!list.length) ps.appendChild(h('p', { class: 'muted' }, t('none')));
    else ps.appendChild(h('div', { class: 'scroll' }, autoTable(list, PARTNER_COLS, { testid: 'partners-table' }).el));
  }
  const as = section(t('agreements'), 'agreements');
  main.appendChild(as);
  if (agreements.status === 'rejected') showError(as, agreements.reason);
  else {
    // soonest ending first: the renewal conversations to start
    const list = items(agreements.value).slice().sort((a, b) =>
      String(pick(a, 'end', 'end_date') || '9999').localeCompare(String(pick(b, 'end', 'end_date') || '9999')));
    if (!list.length) as.appendChild(h('p', { class: 'muted' }, t('none')));
    else as.appendChild(h('div', { class: 'scroll' }, agreementTable(list, 'agreements-table')));
  }
}

export async function renderPartner(ctx, id) {
  const p = await api('/partners/' + enc(id));
  if (ctx.stale()) return;
  const { main } = ctx;
  main.appendChild(h('div', { class: 'page-head' }, h('h1', null, pick(p, 'name') || id),
    h('p', { class: 'muted' }, t('partner'))));
  main.appendChild(h('section', { class: 'card' }, facts([
    [t('kind'), pick(p, 'kind', 'type')],
    pick(p, 'parent_name', 'parent_id') !== undefined && [t('parent'), pick(p, 'parent_name', 'parent_id')],
    pick(p, 'region_name', 'region', 'region_code') && [t('region'), pick(p, 'region_name', 'region', 'region_code')],
  ])));
  const list = items(p.agreements);
  const s = section(t('agreements'), 'partner-agreements');
  main.appendChild(s);
  if (!list.length) s.appendChild(h('p', { class: 'muted' }, t('none')));
  else s.appendChild(h('div', { class: 'scroll' }, agreementTable(list, 'partner-agreements-table')));
  const children = items(p.children);
  if (children.length) {
    const c = section(t('partner'), 'partner-children');
    main.appendChild(c);
    c.appendChild(autoTable(children, PARTNER_COLS).el);
  }
}

export async function renderAgreement(ctx, id) {
  const a = await api('/agreements/' + enc(id));
  if (ctx.stale()) return;
  const { main } = ctx;
  main.appendChild(h('div', { class: 'page-head', 'data-testid': 'agreement-head' },
    h('h1', null, pick(a, 'title', 'name', 'number') || `${t('agreement')} ${id}`),
    h('p', { class: 'muted' }, pick(a, 'partner_name', 'partner.name') || t('agreement'))));
  const target = pick(a, 'target', 'quota');
  const enrolled = pick(a, 'enrolled', 'realised');
  const kpis = h('div', { class: 'kpis' });
  const k = (label, value, sub, testid) => h('div', { class: 'kpi card', 'data-testid': testid },
    h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value), sub ? h('div', { class: 'kpi-sub' }, sub) : null);
  kpis.appendChild(k(t('quota'), num(target), null, 'quota'));
  kpis.appendChild(k(t('realised'), num(enrolled), target ? progress(enrolled ?? 0, target) : null, 'realised'));
  if (a.active !== undefined) kpis.appendChild(k(t('active'), num(a.active), null, 'active'));
  if (a.billed !== undefined) kpis.appendChild(k(t('billed'), rp(a.billed), a.paid !== undefined ? `${t('paid')}: ${rp(a.paid)}` : null, 'billed'));
  main.appendChild(kpis);
  main.appendChild(h('section', { class: 'card' }, facts([
    [t('partner'), pick(a, 'partner_name', 'partner.name', 'partner_id')],
    [t('start'), day(pick(a, 'start', 'start_date', 'signed_on'))],
    [t('end'), day(pick(a, 'end', 'end_date'))],
    pick(a, 'scope') && [t('scope'), a.scope],
    pick(a, 'payer', 'paid_by') && [t('payer'), pick(a, 'payer', 'paid_by')],
  ])));
  const members = section(t('cohort'), 'cohort');
  main.appendChild(members);
  await pagedTable(members, '/agreements/' + enc(id) + '/members', {}, MEMBER_COLS, { testid: 'cohort-table' });
  if (ctx.stale()) return;
  const ren = section(t('renewals'), 'renewals');
  ren.appendChild(h('p', { class: 'muted' }, t('renewals_hint')));
  main.appendChild(ren);
  try {
    await pagedTable(ren, '/agreements/' + enc(id) + '/renewals', {}, MEMBER_COLS, { testid: 'renewals-table' });
  } catch (e) {
    showError(ren, e);
  }
}
