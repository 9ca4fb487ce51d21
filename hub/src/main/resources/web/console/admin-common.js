// Helpers shared by the admin tabs: raw-file uploads and authenticated downloads (the admin API takes the file itself
// as the body), tables built from data, and the line-by-line validation report of an import.
import { Problem, forget, token } from '/assets/js/api.js';
import { h } from '/assets/js/dom.js';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};

/** The media type of a chosen file, from its extension when the browser does not know it. */
export function fileType(file) {
  const ext = (file.name.split('.').pop() || '').toLowerCase();
  return TYPES[ext] || file.type || 'application/octet-stream';
}

async function send(method, path, init) {
  const headers = { Accept: 'application/json', ...(init.headers || {}) };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  let response;
  try {
    response = await fetch(path, { method, ...init, headers });
  } catch {
    throw new Problem(0, { detail: '网络连接失败，请检查网络后重试' });
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json().catch(() => null) : null;
    if (response.status === 401) {
      forget();
      location.href = '/console/';
    }
    throw new Problem(response.status, data || { detail: `请求失败（${response.status}）` });
  }
  return response;
}

/** Sends a chosen file as the request body; resolves with the JSON answer, rejects with a Problem. */
export async function upload(method, path, file) {
  const response = await send(method, path, { body: file, headers: { 'Content-Type': fileType(file) } });
  return response.status === 204 ? null : response.json().catch(() => null);
}

/** Downloads a file with the session's token and hands it to the browser as `fallbackName`. */
export async function download(path, fallbackName) {
  const response = await send('GET', path, { headers: { Accept: '*/*' } });
  const disposition = response.headers.get('Content-Disposition') || '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = utf8 ? decodeURIComponent(utf8[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

/** A table inside a horizontally scrolling wrapper; `columns` are [header, cell(row)] pairs. */
export function table(columns, rows, { id, caption, empty = '暂无数据', rowAttrs, cls } = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', { id, class: cls },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map(([title]) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, rows.length === 0
        ? h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, empty))
        : rows.map((row) => h('tr', rowAttrs ? rowAttrs(row) : {}, columns.map(([, cell]) => h('td', {}, cell(row))))))));
}

/** A labelled input, select or textarea; `control` is the element. */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, label, control, hint ? h('span', { class: 'hint muted' }, hint) : null);
}

/** A checkbox with its label on the right. */
export function check(label, attrs) {
  return h('label', { class: 'field inline' }, h('input', { type: 'checkbox', ...attrs }), label);
}

/** A select of [value, text] options with `selected` chosen. */
export function select(attrs, options, selected) {
  return h('select', attrs, options.map(([value, text]) => h('option', {
    value, selected: String(value) === String(selected ?? '') ? true : null,
  }, text)));
}

/**
 * The validation report of an import as a readable table: line, column, problem — errors first, then warnings.
 * `issues` items have `line`, `column`, `message` (and `level`).
 */
export function reportTable(id, errors = [], warnings = []) {
  const rows = [
    ...errors.map((e) => ({ ...e, level: '错误' })),
    ...warnings.map((w) => ({ ...w, level: '提示' })),
  ];
  return table([
    ['行号', (r) => (r.line ? `第 ${r.line} 行` : '整表')],
    ['列', (r) => r.column || '—'],
    ['级别', (r) => h('span', { class: `badge ${r.level === '错误' ? 'overdue' : 'warn'}` }, r.level)],
    ['问题', (r) => r.message || r.detail || ''],
  ], rows, { id, caption: '校验报告', empty: '没有发现问题', cls: 'report' });
}

/** Runs `work` with the form's submit button disabled. */
export async function busy(form, work) {
  const buttons = form.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    return await work();
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** Chinese names of the audit log's and the knowledge base's actions. */
export const ACTIONS = {
  LOGIN: '登录', CREATE_USER: '新建用户', UPDATE_USER: '修改用户', VIEW_TICKET: '查看工单', UNMASK: '查看完整信息',
  SAVE_DEPARTMENTS: '保存承办单位', SAVE_AREAS: '保存行政区划', IMPORT_RESPONSIBILITY_LIST: '导入责任清单',
  PUBLISH_RESPONSIBILITY_LIST: '发布责任清单', SAVE_SLA_POLICY: '保存时限规则', DELETE_SLA_POLICY: '删除时限规则',
  SAVE_MAILBOX: '保存信箱', CITIZEN_MERGE: '合并市民档案', CITIZEN_SPLIT: '拆分市民档案', CITIZEN_LINK: '关联市民身份',
  CREATE: '新建', UPDATE: '修改', SUBMIT: '提交审核', APPROVE: '审核通过', REJECT: '退回', RETIRE: '下架', IMPORT: '导入',
};

/** On narrow screens, where an editor sits below its list, brings it into view. */
export function reveal(el) {
  if (window.matchMedia('(max-width: 900px)').matches) el.scrollIntoView({ block: 'start' });
}

/** A button that asks once more before an action that cannot be undone from here: click, then click “确认…”. */
export function confirmButton(label, confirmLabel, action, attrs = {}) {
  let armed = false;
  let timer;
  const button = h('button', { type: 'button', class: 'link', ...attrs, onclick: () => {
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      button.classList.add('armed');
      timer = setTimeout(() => { armed = false; button.textContent = label; button.classList.remove('armed'); }, 5000);
      return;
    }
    clearTimeout(timer);
    action();
  } }, label);
  return button;
}
