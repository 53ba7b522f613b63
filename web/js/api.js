// The JSON API under /api/v1/ (docs/api.yaml): one fetch wrapper that sends
// the session cookie, adds the CSRF token to writes and turns the server's
// {"error": {...}} into an ApiError the pages can show.

export class ApiError extends Error {
  constructor(status, code, message, fields) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

let csrf = null;

export function setCsrf(token) {
  csrf = token || null;
}

// api('/summary'), api('/imports?kind=workers', {method: 'POST', body: file, type: 'text/csv'})
export async function api(path, { method = 'GET', body, json, type } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (body !== undefined && type) {
    headers['Content-Type'] = type;
  }
  let res;
  try {
    res = await fetch('/api/v1' + path, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', e.message);
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (_) { data = null; }
  }
  if (!res.ok) {
    const err = (data && data.error) || {};
    throw new ApiError(res.status, err.code, err.message || res.statusText, err.fields);
  }
  return data;
}

// Query string from an object, leaving out empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {}))
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

export function enc(s) {
  return encodeURIComponent(String(s));
}
