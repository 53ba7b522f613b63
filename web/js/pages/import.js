// Import: choose the kind and a CSV (or XLSX) file, check it without saving
// (dry run), see every rejected row with its line, column, value and reason,
// download those rows as a report, then save the good rows.
import { h, clear, table } from '../dom.js';
import { api, query } from '../api.js';
import { t, num } from '../i18n.js';
import { issuesCsv } from '../format.js';
import { showError } from '../app.js';
import { word } from './common.js';

// The kinds POST /api/v1/imports reads (docs/api.yaml); each has its words in i18n.js.
const KINDS = ['workers', 'employers', 'payments'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The server reads CSV only so far; when it reads XLSX (sent with XLSX_TYPE),
// this becomes true and the file picker offers .xlsx again.
const XLSX_SUPPORTED = false;

function isXlsx(file) {
  return /\.xlsx$/i.test(file.name);
}

function contentType(file) {
  return isXlsx(file) ? XLSX_TYPE : 'text/csv';
}

function download(name, text) {
  // BOM so Excel opens the UTF-8 names right.
  const blob = new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function counts(r) {
  const items = [
    ['rows', r.rows], ['rows_ok', r.ok], ['rejected', r.rejected],
    ['inserted', r.inserted], ['updated', r.updated], ['unchanged', r.unchanged],
  ].filter(([, v]) => v !== undefined && v !== null);
  return h('dl', { class: 'counts', 'data-testid': 'import-counts' },
    items.map(([k, v]) => h('div', { class: k === 'rejected' && v ? 'bad' : null, 'data-testid': 'count-' + k },
      h('dt', null, t(k)), h('dd', null, num(v)))));
}

export function render(ctx) {
  const { main } = ctx;
  main.appendChild(h('div', { class: 'page-head' }, h('h1', null, t('import_title'))));
  const kind = h('select', { id: 'import-kind', name: 'kind', 'data-testid': 'import-kind' },
    KINDS.map((k) => h('option', { value: k }, t('kind_' + k))));
  const file = h('input', { id: 'import-file', type: 'file', name: 'file', accept: XLSX_SUPPORTED ? '.csv,.txt,.xlsx,text/csv,' + XLSX_TYPE : '.csv,.txt,text/csv', 'data-testid': 'import-file' });
  const check = h('button', { type: 'submit', class: 'primary', 'data-testid': 'import-check' }, t('check'));
  const form = h('form', { class: 'card import' },
    h('p', { class: 'muted' }, t('import_hint')),
    XLSX_SUPPORTED ? null : h('p', { class: 'muted' }, t('xlsx_unsupported')),
    h('div', { class: 'fields' },
      h('label', null, t('import_kind'), kind),
      h('label', null, t('import_file'), file)),
    check);
  const result = h('div', { 'data-testid': 'import-result', 'aria-live': 'polite' });
  main.appendChild(form);
  main.appendChild(result);

  let checked = null; // {kind, file, response} of the last dry run

  async function send(dryRun) {
    const f = file.files && file.files[0];
    if (!f) {
      clear(result).appendChild(h('p', { class: 'alert', role: 'alert' }, t('choose_file')));
      return null;
    }
    if (isXlsx(f) && !XLSX_SUPPORTED) {
      clear(result).appendChild(h('p', { class: 'alert', role: 'alert', 'data-testid': 'xlsx-unsupported' }, t('xlsx_unsupported')));
      return null;
    }
    const body = await f.arrayBuffer();
    return api('/imports' + query({ kind: kind.value, dry_run: dryRun ? 1 : undefined }), {
      method: 'POST', body, type: contentType(f),
    });
  }

  function show(r, dryRun, f) {
    clear(result);
    const box = h('section', { class: 'card' },
      h('h2', null, f.name),
      h('p', { class: r.committed ? 'ok-note' : 'muted', 'data-testid': 'import-note' }, r.committed ? t('committed_note') : t('checked_note')),
      counts(r));
    result.appendChild(box);
    const issues = r.issues || [];
    if (issues.length) {
      box.appendChild(h('div', { class: 'scroll' }, table([
        { label: t('line'), num: true, get: (i) => num(i.line) },
        { label: t('column'), get: (i) => i.column ?? '' },
        { label: t('value'), get: (i) => h('code', null, i.value ?? '') },
        { label: t('reason'), get: (i) => i.reason ?? '' },
        { label: t('severity'), get: (i) => (i.severity ? word('sev_', i.severity) : '') },
      ], issues, { testid: 'import-issues' })));
      const base = f.name.replace(/\.[^.]+$/, '');
      box.appendChild(h('button', {
        type: 'button', class: 'secondary', 'data-testid': 'import-report',
        onclick: () => download(`${base}-ditolak.csv`, issuesCsv(issues)),
      }, t('download_report')));
    }
    if (dryRun && (r.ok ?? 0) > 0) {
      const confirm = h('button', { type: 'button', class: 'primary', 'data-testid': 'import-confirm' }, t('confirm'));
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        try {
          const done = await send(false);
          if (done) show(done, false, f);
        } catch (e) {
          confirm.disabled = false;
          showError(box, e);
        }
      });
      box.appendChild(confirm);
    }
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    check.disabled = true;
    try {
      const f = file.files && file.files[0];
      const r = await send(true);
      if (r) {
        checked = { kind: kind.value, file: f, response: r };
        show(r, true, f);
      }
    } catch (e) {
      clear(result);
      showError(result, e);
    } finally {
      check.disabled = false;
    }
  });
  // A different file or kind needs a new check before saving.
  const reset = () => { if (checked) { checked = null; clear(result); } };
  file.addEventListener('change', reset);
  kind.addEventListener('change', reset);
}
