// Dashboard: the four numbers a branch head wants on Monday (peserta aktif by
// segment, cakupan against workforce and target, growth since last month,
// tunggakan), then growth month by month against the target line, coverage by
// kecamatan, and the sectors with most workers still outside.
import { h, table } from '../dom.js';
import { api, query } from '../api.js';
import { t, num, pct, rp, day, mon } from '../i18n.js';
import { share } from '../format.js';
import * as charts from '../charts.js';
import { showError } from '../app.js';
import { arrearsTotal } from './common.js';

const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'];
const LOWEST = 15; // districts in the bar chart

// Settles every request: one missing part never blanks the whole dashboard.
async function settle(promises) {
  const out = await Promise.allSettled(promises);
  return out.map((r) => (r.status === 'fulfilled' ? { ok: r.value } : { err: r.reason }));
}

function addMonths(ym, delta) {
  const [y, m] = ym.split('-').map(Number);
  const i = y * 12 + (m - 1) + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

function kpi(label, value, sub, testid) {
  return h('div', { class: 'kpi card', 'data-testid': testid },
    h('div', { class: 'kpi-label' }, label),
    h('div', { class: String(value).length > 12 ? 'kpi-value long' : 'kpi-value', 'data-testid': testid ? testid + '-value' : null }, value),
    sub ? h('div', { class: 'kpi-sub' }, sub) : null);
}

// A part the server does not offer (yet) is said plainly, not as an error.
function sectionError(el, e) {
  if (e && e.status === 404) el.appendChild(h('p', { class: 'muted', 'data-testid': 'unavailable' }, t('unavailable')));
  else showError(el, e);
}

function section(title, testid) {
  return h('section', { class: 'card', 'data-testid': testid }, h('h2', null, title));
}

// The monthly series as [{month, active, target}], whatever the row's key is called.
function monthlyRows(m) {
  const rows = (m && (m.rows || m.months || m.items || m.series)) || [];
  return rows.map((r) => ({
    month: r.month || r.period || r.key,
    active: r.active ?? r.total?.active ?? null,
    target: r.target ?? null,
  }));
}

export async function render(ctx) {
  const { main } = ctx;
  // The branch head takes this page to the mayor's meeting: print or save as PDF.
  const head = h('div', { class: 'page-head with-action' }, h('h1', null, t('dash_title')),
    h('button', { type: 'button', class: 'secondary print', onclick: () => window.print() }, t('print')));
  main.appendChild(head);
  const summaryRes = await settle([api('/summary')]);
  if (ctx.stale()) return;
  if (summaryRes[0].err) throw summaryRes[0].err;
  const summary = summaryRes[0].ok;
  const asOf = summary.as_of;
  if (asOf) head.appendChild(h('p', { class: 'muted', 'data-testid': 'as-of' }, t('as_of', { date: day(asOf) })));
  const to = (asOf || new Date().toISOString()).slice(0, 7);
  const from = addMonths(to, -11);
  const [district, sector, monthly, arrears] = await settle([
    api('/coverage' + query({ by: 'district', as_of: asOf })),
    api('/coverage' + query({ by: 'sector', as_of: asOf })),
    api('/coverage/monthly' + query({ from, to })),
    api('/arrears' + query({ as_of: asOf, limit: 500 })),
  ]);
  if (ctx.stale()) return;

  const total = district.ok ? district.ok.total : null;
  const months = monthly.ok ? monthlyRows(monthly.ok) : [];

  // Headline numbers.
  const kpis = h('div', { class: 'kpis' });
  kpis.appendChild(kpi(t('active_participants'), num(summary.active),
    `${t('employers')}: ${num(summary.employers)}`, 'active-total'));
  if (total) {
    kpis.appendChild(kpi(t('coverage_of_workforce'), pct(total.coverage_pct ?? share(total.active, total.workforce)),
      total.workforce ? `${num(total.active)} / ${num(total.workforce)} ${t('workforce').toLowerCase()}` : t('no_workforce_short'),
      'coverage-pct'));
    if (total.target)
      kpis.appendChild(kpi(t('target_reached'), pct(share(total.active, total.target)),
        `${t('target')}: ${num(total.target)}`, 'target-pct'));
  }
  if (months.length >= 2) {
    const last = months[months.length - 1], prev = months[months.length - 2];
    if (last.active !== null && prev.active !== null) {
      const d = last.active - prev.active;
      kpis.appendChild(kpi(t('growth_kpi'), (d > 0 ? '+' : '') + num(d),
        `${mon(prev.month, true)} → ${mon(last.month, true)} · ${pct(share(d, prev.active))}`, 'growth'));
    }
  }
  const owed = arrears.ok ? arrearsTotal(arrears.ok) : null;
  if (owed) {
    const sub = h('a', { href: '#/bills' }, owed.partial
      ? t('arrears_partial', { n: num(owed.payers), fines: rp(owed.fines) })
      : `${t('fines')}: ${rp(owed.fines)}`);
    kpis.appendChild(kpi(t('arrears'), (owed.partial ? '≥ ' : '') + rp(owed.owed), sub, 'arrears-total'));
  }
  main.appendChild(kpis);

  // Segments and growth side by side.
  const row1 = h('div', { class: 'grid-2' });
  main.appendChild(row1);
  const seg = section(t('by_segment'), 'segments');
  row1.appendChild(seg);
  const bySeg = summary.active_by_segment || {};
  seg.appendChild(table([
    { label: t('segment'), get: (s) => t('seg_' + s) },
    { label: t('active_participants'), num: true, get: (s) => num(bySeg[s] ?? 0) },
    { label: '%', num: true, get: (s) => pct(share(bySeg[s] ?? 0, summary.active), 1) },
  ], SEGMENTS, { testid: 'segment-table' }));
  charts.segments(seg, { labels: SEGMENTS.map((s) => s), values: SEGMENTS.map((s) => bySeg[s] ?? 0), title: t('by_segment') });

  const growth = section(t('growth_title'), 'growth');
  row1.appendChild(growth);
  if (monthly.err) sectionError(growth, monthly.err);
  else if (!months.length) growth.appendChild(h('p', { class: 'muted' }, t('none')));
  else
    charts.growth(growth, {
      title: t('growth_title'), labels: months.map((r) => mon(r.month, true)),
      active: months.map((r) => r.active), target: months.map((r) => r.target),
      activeLabel: t('active_participants'), targetLabel: t('growth_target'),
    });

  // Coverage by district: lowest first, the ones to visit.  Without workforce
  // figures (not imported yet) the districts are ranked by active participants.
  const dist = section(t('district_title'), 'districts');
  main.appendChild(dist);
  if (district.err) sectionError(dist, district.err);
  else {
    const all = district.ok.rows;
    const hasPct = all.some((r) => r.coverage_pct !== null && r.coverage_pct !== undefined);
    const rows = [...all].sort(hasPct
      ? (a, b) => (a.coverage_pct ?? Infinity) - (b.coverage_pct ?? Infinity)
      : (a, b) => (a.active ?? 0) - (b.active ?? 0));
    if (!hasPct) dist.appendChild(h('p', { class: 'muted', 'data-testid': 'no-workforce' }, t('no_workforce_district')));
    const wrap = h('div', { class: 'grid-2 tight' });
    dist.appendChild(wrap);
    const left = h('div', { class: 'scroll tall' });
    wrap.appendChild(left);
    left.appendChild(table([
      { label: t('district'), get: (r) => r.label || r.key },
      { label: t('active_participants'), num: true, get: (r) => num(r.active) },
      { label: t('workforce'), num: true, get: (r) => num(r.workforce) },
      { label: t('coverage'), num: true, get: (r) => pct(r.coverage_pct) },
      { label: t('target'), num: true, get: (r) => num(r.target) },
    ], rows, { testid: 'district-table' }));
    const right = h('div');
    wrap.appendChild(right);
    const lowest = rows.slice(0, LOWEST);
    right.appendChild(h('p', { class: 'chart-title' }, t(hasPct ? 'lowest_coverage' : 'lowest_active', { n: lowest.length })));
    charts.coverageBars(right, {
      title: t('district_title'), labels: lowest.map((r) => r.label || r.key), percent: hasPct,
      values: lowest.map((r) => (hasPct ? r.coverage_pct : r.active)),
      valueLabel: hasPct ? t('coverage') : t('active_participants'), targetLabel: t('target'),
      targets: hasPct ? lowest.map((r) => (r.target && r.workforce ? share(r.target, r.workforce) : null)) : null,
    });
  }

  // Sectors with the most workers not yet covered (workforce less active).
  const sec = section(t('sectors_title'), 'sectors');
  main.appendChild(sec);
  if (sector.err) sectionError(sec, sector.err);
  else if (!sector.ok.rows.some((r) => r.workforce)) {
    sec.querySelector('h2').textContent = t('sectors_active_title');
    sec.appendChild(h('p', { class: 'muted' }, t('no_workforce_sector')));
    sec.appendChild(table([
      { label: t('sector'), get: (r) => r.label || r.key },
      { label: t('active_participants'), num: true, get: (r) => num(r.active) },
    ], [...sector.ok.rows].sort((a, b) => (b.active ?? 0) - (a.active ?? 0)), { testid: 'sector-table' }));
  } else {
    const rows = sector.ok.rows
      .map((r) => ({ ...r, uncovered: Math.max(0, (r.workforce || 0) - (r.active || 0)) }))
      .filter((r) => r.uncovered > 0)
      .sort((a, b) => b.uncovered - a.uncovered)
      .slice(0, 8);
    const max = rows.length ? rows[0].uncovered : 1;
    sec.appendChild(table([
      { label: t('sector'), get: (r) => r.label || r.key },
      { label: t('uncovered'), num: true, get: (r) => num(r.uncovered) },
      { label: t('workforce'), num: true, get: (r) => num(r.workforce) },
      { label: t('coverage'), num: true, get: (r) => pct(r.coverage_pct) },
      { label: '', get: (r) => h('span', { class: 'bar' }, h('span', { style: { width: `${Math.round((100 * r.uncovered) / max)}%` } })) },
    ], rows, { testid: 'sector-table' }));
  }
}
