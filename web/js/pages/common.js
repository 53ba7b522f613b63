// Pieces every page uses: columns chosen from what the API sent, paged lists
// with "load more", and value formatting by field kind.
import { h, table } from '../dom.js';
import { api, query } from '../api.js';
import { t, hasKey, num, pct, rp, day, mon } from '../i18n.js';

// The first present field among a few names (the API grows; pages stay readable).
export function pick(r, ...keys) {
  for (const k of keys) {
    const v = k.split('.').reduce((o, p) => (o == null ? undefined : o[p]), r);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

// A code word shown in the reader's language when there is one (open -> Belum lunas).
export function word(prefix, v) {
  return hasKey(prefix + v) ? t(prefix + v) : String(v);
}

const FORMAT = {
  text: (v) => (Array.isArray(v) ? v.join(' ') : String(v)),
  num: (v) => num(v),
  rp: (v) => rp(v),
  pct: (v) => pct(v),
  date: (v) => day(v),
  month: (v) => mon(v),
  status: (v) => word('status_', v),
  payer: (v) => word('payer_', v),
  active: (v) => t(v ? 'status_active' : 'status_inactive'),
  word: (v) => word('w_', v),
  ekind: (v) => word('ek_', v),
};

// spec: [[labelKey, [field names], kind, href(row)?, show(row)?], ...]; only columns with
// a value in some row are shown.
export function autoTable(rows, spec, opts = {}) {
  const cols = spec
    .filter(([, keys]) => rows.some((r) => pick(r, ...keys) !== undefined))
    .map(([label, keys, kind = 'text', href, show]) => ({
      label: t(label),
      num: kind === 'num' || kind === 'rp' || kind === 'pct',
      nowrap: kind === 'date' || kind === 'month',
      get: (r) => {
        const v = pick(r, ...keys);
        if (v === undefined) return '–';
        const text = show ? String(show(r)) : FORMAT[kind](v);
        const to = href && href(r);
        return to ? h('a', { href: to }, text) : text;
      },
    }));
  return { cols, el: table(cols, rows, opts) };
}

// A list endpoint with ?limit and ?cursor, shown as a table with "load more".
export async function pagedTable(parent, path, params, spec, opts = {}) {
  const first = await api(path + query({ ...params, limit: opts.limit || 50 }));
  const items = first.items || [];
  if (!items.length) {
    parent.appendChild(h('p', { class: 'muted', 'data-testid': opts.testid ? opts.testid + '-empty' : null }, t('none')));
    return first;
  }
  const { el } = autoTable(items, spec, { testid: opts.testid });
  parent.appendChild(h('div', { class: opts.tall ? 'scroll tall' : 'scroll' }, el));
  let cursor = first.next_cursor;
  if (cursor) {
    const more = h('button', { type: 'button', class: 'secondary' }, t('more'));
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        const next = await api(path + query({ ...params, limit: opts.limit || 50, cursor }));
        el.addRows(next.items || []);
        cursor = next.next_cursor;
      } catch (e) {
        more.after(h('p', { class: 'alert', role: 'alert' }, t('error', { message: e.message })));
      }
      more.disabled = false;
      if (!cursor) more.remove();
    });
    parent.appendChild(more);
  }
  return first;
}

export function section(title, testid) {
  return h('section', { class: 'card', 'data-testid': testid }, h('h2', null, title));
}

export function items(list) {
  if (!list) return [];
  return Array.isArray(list) ? list : list.items || [];
}

// Total arrears and fines: the server's totals when it sends them, else the
// sum of the rows.  When more pages follow, the sum is of the largest payers
// only (the list is largest first): partial, a lower bound, and said so.
export function arrearsTotal(a) {
  if (!a) return null;
  if (a.total_owed !== undefined) return { owed: a.total_owed, fines: a.total_fines, partial: false };
  const list = items(a.payers || a);
  const sum = list.reduce((s, r) => ({ owed: s.owed + (r.owed || 0), fines: s.fines + (r.fines || 0) }), { owed: 0, fines: 0 });
  return { ...sum, partial: Boolean(a.next_cursor), payers: list.length };
}
