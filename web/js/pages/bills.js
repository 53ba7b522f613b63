// Bills by payer and period, arrears by payer and age; each list downloads as
// CSV and XLSX (the server writes the XLSX with libxlsxwriter).
import { h } from '../dom.js';
import { api, query } from '../api.js';
import { t, rp, num } from '../i18n.js';
import { pagedTable, section, arrearsTotal } from './common.js';
import { showError } from '../app.js';

const BILL_COLS = [
  ['payer', ['payer_name', 'payer', 'payer_code'], 'text', (r) => r.payer_kind === 'employer' && r.payer_ref !== undefined && '#/employers/' + encodeURIComponent(r.payer_ref)],
  ['payer_kind', ['payer_kind'], 'payer'],
  ['period', ['period'], 'month'],
  ['due_date', ['due_date'], 'date'],
  ['lines', ['lines'], 'num'],
  ['amount', ['total', 'amount'], 'rp'],
  ['paid', ['paid'], 'rp'],
  ['fines', ['fine'], 'rp'],
  ['outstanding', ['outstanding'], 'rp'],
  ['status', ['status'], 'status'],
];

const ARREARS_COLS = [
  ['payer', ['payer_name', 'payer', 'payer_code']],
  ['payer_kind', ['payer_kind'], 'payer'],
  ['current', ['current'], 'rp'],
  ['months_1_3', ['months_1_3'], 'rp'],
  ['over_3', ['over_3'], 'rp'],
  ['owed', ['owed'], 'rp'],
  ['fines', ['fines'], 'rp'],
  ['oldest_period', ['oldest_period'], 'month'],
];

function downloads(path, params) {
  return h('div', { class: 'downloads' },
    h('a', { class: 'button secondary', href: `/api/v1/${path}.csv${query(params)}`, download: '', 'data-testid': `${path}-csv` }, t('export_csv')),
    h('a', { class: 'button secondary', href: `/api/v1/${path}.xlsx${query(params)}`, download: '', 'data-testid': `${path}-xlsx` }, t('export_xlsx')));
}

function select(name, options, value) {
  return h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

export async function render(ctx) {
  const { main, params } = ctx;
  main.appendChild(h('div', { class: 'page-head' }, h('h1', null, t('bills_title'))));
  const f = {
    period: params.get('period') || '', payer_kind: params.get('payer_kind') || '',
    status: params.get('status') || '', as_of: params.get('as_of') || '',
  };
  const period = h('input', { type: 'month', name: 'period', value: f.period });
  const payerKind = select('payer_kind', [['', t('all')], ['employer', t('payer_employer')], ['participant', t('payer_participant')], ['partner', t('payer_partner')]], f.payer_kind);
  const status = select('status', [['', t('all')], ['open', t('status_open')], ['paid', t('status_paid')]], f.status);
  const asOf = h('input', { type: 'date', name: 'as_of', value: f.as_of });
  const form = h('form', { class: 'card filters' },
    h('label', null, t('period'), period), h('label', null, t('payer_kind'), payerKind),
    h('label', null, t('status'), status), h('label', null, t('as_of_date'), asOf),
    h('button', { type: 'submit', class: 'primary' }, t('show')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = '#/bills' + query({ period: period.value, payer_kind: payerKind.value, status: status.value, as_of: asOf.value });
  });
  main.appendChild(form);

  const arrears = section(t('arrears'), 'arrears');
  main.appendChild(arrears);
  const bills = section(t('bills'), 'bills');
  main.appendChild(bills);

  const ap = { as_of: f.as_of, payer_kind: f.payer_kind };
  arrears.appendChild(downloads('arrears', ap));
  try {
    const a = await pagedTable(arrears, '/arrears', ap, ARREARS_COLS, { testid: 'arrears-table', limit: 500, tall: true });
    if (ctx.stale()) return;
    const total = arrearsTotal(a);
    if (total)
      arrears.insertBefore(h('p', { class: 'total', 'data-testid': 'arrears-total' }, total.partial
        ? t('arrears_partial_total', { n: num(total.payers), owed: rp(total.owed), fines: rp(total.fines) })
        : `${t('total_owed')}: ${rp(total.owed)} · ${t('fines')}: ${rp(total.fines)}`), arrears.children[2] || null);
  } catch (e) {
    if (ctx.stale()) return;
    showError(arrears, e);
  }
  const bp = { period: f.period, payer_kind: f.payer_kind, status: f.status };
  bills.appendChild(downloads('bills', bp));
  try {
    await pagedTable(bills, '/bills', bp, BILL_COLS, { testid: 'bills-table', tall: true });
  } catch (e) {
    if (ctx.stale()) return;
    showError(bills, e);
  }
}
