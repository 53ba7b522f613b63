// The page shell: sign-in, navigation, language switch and a hash router
// (#/dashboard, #/registry?q=..., #/persons/NIK, #/employers/ID, #/partners,
// #/partners/ID, #/agreements/ID, #/import, #/bills).  Hash routes keep every
// page a plain static file: the server only serves web/ and the JSON API.
import { h, clear } from './dom.js';
import { api, setCsrf, ApiError } from './api.js';
import { t, lang, setLang } from './i18n.js';
import * as dashboard from './pages/dashboard.js';
import * as registry from './pages/registry.js';
import * as partners from './pages/partners.js';
import * as imports from './pages/import.js';
import * as bills from './pages/bills.js';
import { destroyAll } from './charts.js';

const state = { user: null };

const NAV = [
  { path: 'dashboard', key: 'nav_dashboard', roles: ['admin', 'officer', 'viewer'] },
  { path: 'registry', key: 'nav_registry', roles: ['admin', 'officer', 'viewer', 'partner'] },
  { path: 'partners', key: 'nav_partners', roles: ['admin', 'officer', 'viewer', 'partner'] },
  { path: 'import', key: 'nav_import', roles: ['admin', 'officer'] },
  { path: 'bills', key: 'nav_bills', roles: ['admin', 'officer', 'viewer', 'partner'] },
];

const ROUTES = [
  [/^dashboard$/, (ctx) => dashboard.render(ctx)],
  [/^registry$/, (ctx) => registry.renderSearch(ctx)],
  [/^persons\/([^/]+)$/, (ctx, m) => registry.renderPerson(ctx, decodeURIComponent(m[1]))],
  [/^employers\/([^/]+)$/, (ctx, m) => registry.renderEmployer(ctx, decodeURIComponent(m[1]))],
  [/^partners$/, (ctx) => partners.renderList(ctx)],
  [/^partners\/([^/]+)$/, (ctx, m) => partners.renderPartner(ctx, decodeURIComponent(m[1]))],
  [/^agreements\/([^/]+)$/, (ctx, m) => partners.renderAgreement(ctx, decodeURIComponent(m[1]))],
  [/^import$/, (ctx) => imports.render(ctx)],
  [/^bills$/, (ctx) => bills.render(ctx)],
];

function homeFor(user) {
  return user && user.role === 'partner' ? 'partners' : 'dashboard';
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, qs] = raw.split('?');
  return { path: path || '', params: new URLSearchParams(qs || '') };
}

export function go(path) {
  location.hash = '#/' + path;
}

// What a page shows when loading failed: refusals and absences in words.
export function showError(main, e) {
  let text;
  if (e instanceof ApiError && e.status === 403) text = t('forbidden');
  else if (e instanceof ApiError && e.status === 404) text = t('not_found');
  else text = t('error', { message: e && e.message ? e.message : String(e) });
  main.appendChild(h('p', { class: 'alert', role: 'alert', 'data-testid': 'page-error' }, text));
  // a refused or missing page (not a part of one) offers the way back
  if (main.id === 'main' && e instanceof ApiError && (e.status === 403 || e.status === 404))
    main.appendChild(h('p', null, h('a', { href: '#/' + homeFor(state.user) }, t('back'))));
}

function renderHeader() {
  const header = clear(document.getElementById('header'));
  const SECTION = { persons: 'registry', employers: 'registry', agreements: 'partners' };
  const first = parseHash().path.split('/')[0];
  const route = SECTION[first] || first;
  header.appendChild(h('a', { class: 'brand', href: '#/' + homeFor(state.user) },
    h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), t('app_title')));
  if (state.user) {
    header.appendChild(h('nav', { 'aria-label': 'menu' },
      NAV.filter((n) => n.roles.includes(state.user.role)).map((n) =>
        h('a', { href: '#/' + n.path, class: route === n.path ? 'active' : null, 'aria-current': route === n.path ? 'page' : null }, t(n.key)))));
  }
  const tools = h('div', { class: 'tools' });
  tools.appendChild(h('button', {
    type: 'button', class: 'link', 'data-testid': 'lang-switch', lang: lang() === 'id' ? 'en' : 'id',
    onclick: () => { setLang(lang() === 'id' ? 'en' : 'id'); route_(); },
  }, t('lang_switch')));
  if (state.user) {
    tools.appendChild(h('span', { class: 'who', 'data-testid': 'who' },
      t('signed_in_as', { name: state.user.name, role: t('role_' + state.user.role) })));
    tools.appendChild(h('button', { type: 'button', class: 'link', onclick: signOut }, t('sign_out')));
  }
  header.appendChild(tools);
}

function renderSignIn(main) {
  const err = h('p', { class: 'alert', role: 'alert', hidden: true });
  const user = h('input', { name: 'username', id: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'card signin', 'data-testid': 'signin' },
    h('h1', null, t('sign_in_title')),
    h('p', { class: 'muted' }, t('app_tagline')),
    h('label', { for: 'username' }, t('username')), user,
    h('label', { for: 'password' }, t('password')), pass,
    err,
    h('button', { type: 'submit', class: 'primary' }, t('sign_in')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.hidden = true;
    try {
      const s = await api('/session', { method: 'POST', json: { username: user.value, password: pass.value } });
      setCsrf(s.csrf);
      state.user = s.user;
      const { path } = parseHash();
      if (!path || path === 'signin') go(homeFor(state.user));
      else route_();
    } catch (e) {
      err.textContent = e instanceof ApiError && e.status === 401 ? t('sign_in_failed') : e.message || t('error', { message: e.status });
      err.hidden = false;
    }
  });
  main.appendChild(form);
  user.focus();
}

async function signOut() {
  try { await api('/session', { method: 'DELETE' }); } catch (_) { /* gone already */ }
  state.user = null;
  setCsrf(null);
  go('signin');
  route_();
}

let generation = 0;

async function route_() {
  const my = ++generation;
  document.documentElement.lang = lang();
  document.title = t('app_title');
  renderHeader();
  destroyAll();
  const main = clear(document.getElementById('main'));
  if (!state.user) {
    renderSignIn(main);
    return;
  }
  const { path, params } = parseHash();
  if (!path || path === 'signin') {
    go(homeFor(state.user));
    return;
  }
  const ctx = {
    main, params, user: state.user,
    // A page checks this after each await: a newer route owns the screen.
    stale: () => my !== generation,
  };
  for (const [re, fn] of ROUTES) {
    const m = re.exec(path);
    if (m) {
      main.setAttribute('aria-busy', 'true');
      try {
        await fn(ctx, m);
      } catch (e) {
        if (ctx.stale()) return;
        // the session ended (expired, signed out elsewhere): sign in again here
        if (e instanceof ApiError && e.status === 401) {
          state.user = null;
          setCsrf(null);
          route_();
          return;
        }
        showError(main, e);
      } finally {
        if (!ctx.stale()) main.removeAttribute('aria-busy');
      }
      return;
    }
  }
  showError(main, new ApiError(404, 'not_found'));
}

async function start() {
  setLang(lang());
  try {
    const s = await api('/session');
    setCsrf(s.csrf);
    state.user = s.user;
  } catch (_) {
    state.user = null;
  }
  window.addEventListener('hashchange', route_);
  route_();
}

start();
