// Shared by the workbench's screens: Chinese names of codes, the taxonomy and the department directory (loaded once),
// and filling <select>s from them.
import { api } from '/assets/js/api.js';
import { h, fill } from '/assets/js/dom.js';

export const CHANNELS = {
  hotline: '12345热线', web: '网友留言', mailbox: '领导信箱', wechat: '微信公众号', miniprogram: '微信小程序', app: '政务服务App',
};
export const STATUSES = {
  RECEIVED: '已受理', PENDING_DISPATCH: '待派单', DISPATCHED: '已派单', IN_PROGRESS: '办理中',
  RETURN_REQUESTED: '退单审核中', PAUSED: '待补充材料', REPLIED: '已答复待审核', FOLLOW_UP: '待回访',
  CLOSED: '已办结', REJECTED: '不予受理', MERGED: '已并单',
};
export const URGENCIES = { NORMAL: '一般', URGENT: '紧急', CRITICAL: '特急' };

export function channelName(code) { return CHANNELS[code] || code || ''; }

let taxonomy;
let departments;

/** The taxonomy in force ({ types, categories: [{ name, children }] }). */
export function loadTaxonomy() {
  taxonomy ||= api('GET', '/api/v1/taxonomy').catch((e) => { taxonomy = null; throw e; });
  return taxonomy;
}

/** The active departments, by name. */
export function loadDepartments() {
  departments ||= api('GET', '/api/v1/departments')
    .then((d) => (d.items || []).filter((x) => x.active !== false))
    .catch((e) => { departments = null; throw e; });
  return departments;
}

/** Replaces a select's options after its first (the "none" choice) with `values` ([value, label] or strings). */
export function options(select, values, selected) {
  const first = select.options[0] && select.options[0].value === '' ? select.options[0] : null;
  fill(select, first, values.map((v) => {
    const [value, label] = Array.isArray(v) ? v : [v, v];
    return h('option', { value, selected: String(value) === String(selected ?? '') }, label);
  }));
  if (selected !== undefined && selected !== null) select.value = String(selected);
}

/** Keeps a subcategory select in step with its category select. */
export function linkCategories(categorySelect, subSelect, tax) {
  const update = (selected) => {
    const category = (tax.categories || []).find((c) => c.name === categorySelect.value);
    options(subSelect, (category?.children || []).map((c) => c.name), selected);
    subSelect.disabled = !category || !(category.children || []).length;
  };
  categorySelect.addEventListener('change', () => update());
  update();
  return update;
}

/** A confidence 0..1 as a percentage. */
export function percent(value) {
  return value === null || value === undefined ? '—' : `${Math.round(Number(value) * 100)}%`;
}

/** A badge for a ticket status. */
export function statusBadge(status, name) {
  const kind = status === 'CLOSED' ? 'ok' : status === 'PENDING_DISPATCH' || status === 'RETURN_REQUESTED' ? 'warn' : '';
  return h('span', { class: `badge ${kind}`.trim() }, name || STATUSES[status] || status);
}

/** Opens a ticket's detail (set by the search screen). */
export const detail = { open: () => {} };
