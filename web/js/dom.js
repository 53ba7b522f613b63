// Building the page from data without innerHTML: every value becomes a text
// node, so a name like "<b>" is shown as typed and never runs.

// h('a', {href: '#/x', class: 'btn', onclick: fn}, 'text', child...)
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'class') el.className = v;
      else if (k === 'dataset') Object.assign(el.dataset, v);
      // Styles through the CSSOM, never a style attribute: allowed under a strict CSP.
      else if (k === 'style') Object.assign(el.style, v);
      else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'selected') el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// A table from column specs: {label, get(row) -> text or Node, num: right-aligned}.
export function table(columns, rows, { caption, testid } = {}) {
  const body = h('tbody', null, rows.map((r) => row(columns, r)));
  const t = h('table', { class: 'data', 'data-testid': testid },
    caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, columns.map((c) => h('th', { class: c.num ? 'num' : null, scope: 'col' }, c.label)))),
    body);
  t.addRows = (more) => more.forEach((r) => body.appendChild(row(columns, r)));
  return t;
}

function row(columns, r) {
  return h('tr', null, columns.map((c) => h('td', { class: c.num ? 'num' : c.nowrap ? 'nowrap' : null }, c.get(r))));
}

// A label/value list for one record.
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter((p) => p).map(([k, v]) => [h('dt', null, k), h('dd', null, v ?? '–')]));
}

export function link(href, text) {
  return h('a', { href }, text);
}
