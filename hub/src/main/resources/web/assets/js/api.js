// The hub's API from the browser: JSON in and out, the staff session as a bearer token (never a cookie, so
// cross-site requests carry no credentials), and problem details (application/problem+json) turned into errors that
// forms show next to their fields.
import { h } from './dom.js';

const TOKEN = 'hub.token';
const USER = 'hub.user';

/** An API problem: status, Chinese detail, and the fields it concerns. */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `请求失败（${status}）`);
    this.status = status;
    this.body = body;
    this.fields = [];
    if (body.field) this.fields.push({ field: body.field, detail: body.detail });
    for (const e of body.errors || []) {
      if (!this.fields.some((f) => f.field === e.field && f.detail === e.detail)) this.fields.push({ field: e.field, detail: e.detail });
    }
  }
}

export function token() { return sessionStorage.getItem(TOKEN); }
export function user() {
  try { return JSON.parse(sessionStorage.getItem(USER)); } catch { return null; }
}
export function remember(session) {
  sessionStorage.setItem(TOKEN, session.token);
  sessionStorage.setItem(USER, JSON.stringify(session.user));
}
export function forget() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(USER);
}

/** Calls the API; resolves with the JSON answer (or null), rejects with a Problem. */
export async function api(method, path, body, { auth = true, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (auth && token()) init.headers.Authorization = `Bearer ${token()}`;
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new Problem(0, { detail: '网络连接失败，请检查网络后重试' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (response.status === 401 && auth && token()) {
      forget();
      if (location.pathname.startsWith('/console/') && !location.pathname.endsWith('/console/')) {
        location.href = '/console/';
      }
    }
    throw new Problem(response.status, data || { detail: `请求失败（${response.status}）` });
  }
  return data;
}

/** Clears the problem shown on a form. */
export function clearProblems(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  form.querySelectorAll('.form-error').forEach((e) => e.replaceChildren());
}

/** Shows a Problem on a form: each field's detail under its input, the rest at the form's error area. */
export function showProblem(form, problem) {
  clearProblems(form);
  let shown = false;
  for (const { field, detail } of problem.fields || []) {
    const name = String(field || '').split('.').pop();
    const input = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const id = `${input.id || name}-error`;
      input.setAttribute('aria-describedby', id);
      input.closest('label, .field')?.append(h('span', { class: 'field-error', id }, detail));
      if (!shown) input.focus();
      shown = true;
    }
  }
  let area = form.querySelector('.form-error');
  if (!area) {
    area = h('p', { class: 'form-error', role: 'alert' });
    form.append(area);
  }
  if (!shown || problem.status >= 500 || problem.status === 429 || problem.status === 0) {
    area.textContent = problem.message;
  }
}

/** The form's fields as an object: trimmed strings, checkboxes as booleans, empty strings left out. */
export function formData(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === 'file') continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.type === 'radio') { if (el.checked) out[el.name] = el.value; }
    else if (el.value.trim() !== '') out[el.name] = el.value.trim();
  }
  return out;
}
