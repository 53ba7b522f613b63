// Charts drawn by Chart.js (npm package chart.js, served by jaring from
// node_modules as /vendor/chart.js/dist/chart.umd.min.js, loaded by index.html
// as window.Chart).  Without the library the pages still show every number in
// their tables; only the pictures are missing.
import { h } from './dom.js';
import { num, pct } from './i18n.js';

const live = new Set();

const COLORS = {
  primary: '#0b7a3e', primaryFill: 'rgba(11, 122, 62, 0.15)', target: '#d9822b',
  low: '#c0392b', mid: '#e0a526', high: '#0b7a3e', grid: '#e4e8e5', text: '#33413a',
};

export function available() {
  return typeof window !== 'undefined' && typeof window.Chart === 'function';
}

// Charts of the previous page are dropped when the router clears the screen.
export function destroyAll() {
  for (const c of live) c.destroy();
  live.clear();
}

function base() {
  return {
    responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { labels: { color: COLORS.text, boxWidth: 14 } } },
  };
}

function make(canvas, config) {
  if (!available()) return null;
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  const c = new window.Chart(canvas, config);
  live.add(c);
  return c;
}

// The canvas goes into the page before the chart is made, so Chart.js can
// measure its box; the parent must already be in the document.
function frame(parent, label, height, testid) {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  const box = h('div', { class: 'chart', style: { height: `${height}px` }, 'data-testid': testid }, canvas);
  parent.appendChild(box);
  return { box, canvas };
}

// Active participants per month with the target as a dashed line.
export function growth(parent, { labels, active, target, activeLabel, targetLabel, title }) {
  const { box, canvas } = frame(parent, title, 260, 'chart-growth');
  const datasets = [{
    label: activeLabel, data: active, borderColor: COLORS.primary, backgroundColor: COLORS.primaryFill,
    fill: true, tension: 0.25, pointRadius: 2,
  }];
  if (target && target.some((v) => v !== null && v !== undefined))
    datasets.push({ label: targetLabel, data: target, borderColor: COLORS.target, borderDash: [6, 4], pointRadius: 0, fill: false, spanGaps: true });
  make(canvas, {
    type: 'line', data: { labels, datasets },
    options: {
      ...base(),
      scales: {
        y: { beginAtZero: true, ticks: { callback: (v) => num(v), color: COLORS.text }, grid: { color: COLORS.grid } },
        x: { ticks: { color: COLORS.text }, grid: { display: false } },
      },
      plugins: { ...base().plugins, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${num(c.parsed.y)}` } } },
    },
  });
  return box;
}

function pctColor(p) {
  if (p === null || p === undefined) return COLORS.grid;
  if (p < 30) return COLORS.low;
  if (p < 60) return COLORS.mid;
  return COLORS.high;
}

// Horizontal bars of coverage %, lowest first, coloured by level.
export function coverageBars(parent, { labels, values, targets, title, valueLabel, targetLabel, percent = true }) {
  const height = Math.max(160, 26 * labels.length + 60);
  const { box, canvas } = frame(parent, title, height, 'chart-district');
  const datasets = [{
    label: valueLabel, data: values, backgroundColor: percent ? values.map(pctColor) : COLORS.primary, borderRadius: 3, barPercentage: 0.8,
  }];
  if (targets && targets.some((v) => v !== null && v !== undefined))
    datasets.push({ type: 'line', label: targetLabel, data: targets, borderColor: COLORS.target, backgroundColor: COLORS.target, borderDash: [4, 3], pointRadius: 3, showLine: false });
  make(canvas, {
    type: 'bar', data: { labels, datasets },
    options: {
      ...base(), indexAxis: 'y',
      scales: {
        x: { beginAtZero: true, suggestedMax: percent ? 100 : undefined, ticks: { callback: (v) => (percent ? pct(v, 0) : num(v)), color: COLORS.text }, grid: { color: COLORS.grid } },
        y: { ticks: { color: COLORS.text, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        legend: { display: datasets.length > 1, labels: { color: COLORS.text, boxWidth: 14 } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${percent ? pct(c.parsed.x) : num(c.parsed.x)}` } },
      },
    },
  });
  return box;
}

// Segments as a doughnut.
export function segments(parent, { labels, values, title }) {
  const { box, canvas } = frame(parent, title, 200, 'chart-segments');
  make(canvas, {
    type: 'doughnut',
    data: { labels, datasets: [{ data: values, backgroundColor: ['#0b7a3e', '#2e86c1', '#d9822b', '#8e44ad'], borderWidth: 1 }] },
    options: {
      ...base(), cutout: '60%',
      plugins: {
        legend: { position: 'right', labels: { color: COLORS.text, boxWidth: 12 } },
        tooltip: { callbacks: { label: (c) => `${c.label}: ${num(c.parsed)}` } },
      },
    },
  });
  return box;
}
