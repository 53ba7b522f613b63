// Registry: search people (NIK, KPJ, name) and employers (NPP, NIB, name);
// a person's page with memberships and bills; an employer's page with its
// workers, bills and compliance findings.
import { h, facts } from '../dom.js';
import { api, enc } from '../api.js';
import { t, num, day } from '../i18n.js';
import { autoTable, pick, section, items, word, pagedTable } from './common.js';
import { showError, go } from '../app.js';

const PERSON_COLS = [
  ['nik', ['nik'], 'text', (r) => /^\d{16}$/.test(r.nik || '') && '#/persons/' + enc(r.nik)],
  ['name', ['name', 'nama']],
  ['kpj', ['kpj', 'kpjs']],
  ['birth_date', ['birth_date'], 'date'],
  ['region', ['region_name', 'region', 'region_code']],
  ['segment', ['segment', 'segments']],
  ['status', ['status'], 'status'],
];

const EMPLOYER_COLS = [
  ['name', ['name'], 'text', (r) => r.id !== undefined && '#/employers/' + enc(r.id)],
  ['npp', ['npp']],
  ['nib', ['nib']],
  ['sector_kbli', ['kbli_title', 'kbli', 'sector']],
  ['region', ['region_name', 'region', 'region_code']],
  ['workers', ['memberships', 'workers', 'active', 'worker_count'], 'num'],
];

const MEMBERSHIP_COLS = [
  ['kpj', ['kpj']],
  ['segment', ['segment']],
  ['employer', ['employer_name', 'employer.name', 'employer', 'employer_npp'], 'text',
    (r) => pick(r, 'employer_id', 'employer.id') !== undefined && '#/employers/' + enc(pick(r, 'employer_id', 'employer.id'))],
  ['occupation', ['occupation']],
  ['programs', ['programs']],
  ['wage', ['wage', 'income', 'reported_wage'], 'rp'],
  ['start', ['start_date', 'start', 'started'], 'date'],
  ['end', ['end_date', 'end', 'ended'], 'date'],
  ['payer', ['payer_kind', 'payer'], 'payer'],
  ['status', ['status'], 'status'],
];

const BILL_COLS = [
  ['period', ['period'], 'month'],
  ['payer', ['payer_name', 'payer', 'payer_code']],
  ['kpj', ['kpj']],
  ['due_date', ['due_date'], 'date'],
  ['amount', ['total', 'amount', 'billed'], 'rp'],
  ['paid', ['paid'], 'rp'],
  ['fines', ['fine'], 'rp'],
  ['outstanding', ['outstanding'], 'rp'],
  ['status', ['status'], 'status'],
];

const FINDING_COLS = [
  ['kind', ['kind', 'type', 'category']],
  ['detail', ['detail', 'evidence', 'description', 'reason']],
  ['amount', ['missing', 'missing_contribution', 'amount'], 'rp'],
  ['period', ['period'], 'month'],
  ['status', ['status'], 'status'],
];

export async function renderSearch(ctx) {
  const { main, params } = ctx;
  const q = params.get('q') || '';
  main.appendChild(h('div', { class: 'page-head' }, h('h1', null, t('registry_title'))));
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: t('search_placeholder'), 'aria-label': t('search_placeholder'), 'data-testid': 'search-input' });
  const form = h('form', { class: 'search card', role: 'search' }, input, h('button', { type: 'submit', class: 'primary', 'data-testid': 'search-button' }, t('search')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('registry?q=' + enc(input.value.trim()));
  });
  main.appendChild(form);
  if (!q.trim()) {
    input.focus();
    return;
  }
  // One below the other: names and addresses need the width.
  for (const [title, path, cols, testid] of [
    [t('persons_found'), '/persons', PERSON_COLS, 'persons'],
    [t('employers_found'), '/employers', EMPLOYER_COLS, 'employers'],
  ]) {
    const s = section(title, testid + '-results');
    main.appendChild(s);
    try {
      await pagedTable(s, path, { q }, cols, { testid: testid + '-table', limit: 25 });
    } catch (e) {
      if (ctx.stale()) return;
      showError(s, e);
    }
    if (ctx.stale()) return;
  }
}

function listSection(parent, title, rows, cols, testid) {
  const s = section(title, testid);
  parent.appendChild(s);
  if (!rows.length) s.appendChild(h('p', { class: 'muted' }, t('none')));
  else s.appendChild(h('div', { class: 'scroll' }, autoTable(rows, cols, { testid: testid + '-table' }).el));
}

export async function renderPerson(ctx, nik) {
  const p = await api('/persons/' + enc(nik));
  if (ctx.stale()) return;
  const { main } = ctx;
  main.appendChild(h('div', { class: 'page-head' },
    h('h1', null, pick(p, 'name', 'nama') || nik),
    h('p', { class: 'muted', 'data-testid': 'person-nik' }, `${t('nik')} ${p.nik || nik}`)));
  main.appendChild(h('section', { class: 'card' }, facts([
    [t('nik'), p.nik],
    [t('name'), pick(p, 'name', 'nama')],
    pick(p, 'birth_date') && [t('birth_date'), day(p.birth_date)],
    pick(p, 'sex') && [t('sex'), word('sex_', p.sex)],
    pick(p, 'region_name', 'region', 'region_code') && [t('region'), pick(p, 'region_name', 'region', 'region_code')],
    pick(p, 'address') && [t('address'), p.address],
    pick(p, 'phone') && [t('phone'), p.phone],
  ])));
  listSection(main, t('memberships'), items(p.memberships), MEMBERSHIP_COLS, 'memberships');
  listSection(main, t('bills'), items(p.bills), BILL_COLS, 'person-bills');
}

export async function renderEmployer(ctx, id) {
  const e = await api('/employers/' + enc(id));
  if (ctx.stale()) return;
  const { main } = ctx;
  main.appendChild(h('div', { class: 'page-head' },
    h('h1', null, pick(e, 'name') || id),
    h('p', { class: 'muted' }, t('employer_title'))));
  main.appendChild(h('section', { class: 'card' }, facts([
    [t('npp'), pick(e, 'npp')],
    [t('nib'), pick(e, 'nib')],
    pick(e, 'npwp') && [t('npwp'), e.npwp],
    [t('sector_kbli'), [pick(e, 'kbli'), pick(e, 'kbli_title')].filter(Boolean).join(' – ') || undefined],
    [t('region'), pick(e, 'region_name', 'region', 'region_code')],
    pick(e, 'kind') && [t('kind'), word('ek_', e.kind)],
    pick(e, 'scale') && [t('scale'), word('sc_', e.scale)],
    pick(e, 'risk_group', 'jkk_risk') && [t('risk'), pick(e, 'risk_group', 'jkk_risk')],
    pick(e, 'memberships', 'workers_count') !== undefined && [t('memberships'), num(pick(e, 'memberships', 'workers_count'))],
    pick(e, 'address') && [t('address'), e.address],
  ])));
  listSection(main, t('workers'), items(e.workers), PERSON_COLS.concat(MEMBERSHIP_COLS.filter(([k]) => k === 'wage' || k === 'start')), 'workers');
  listSection(main, t('bills'), items(e.bills), BILL_COLS, 'employer-bills');
  listSection(main, t('findings'), items(e.findings), FINDING_COLS, 'findings');
}
