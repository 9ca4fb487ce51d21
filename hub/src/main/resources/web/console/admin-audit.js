// 审计日志: who saw or changed what and when, filtered by actor, action, target and time, newest first.
import { api, clearProblems, formData, showProblem } from '/assets/js/api.js';
import { fill, h } from '/assets/js/dom.js';
import { ACTIONS, busy, field, table } from './admin-common.js';

let items = [];
let next = null;
let query = {};

export async function show(panel) {
  const form = h('form', { id: 'audit-filter', class: 'filters', novalidate: true },
    field('操作人', h('input', { name: 'actor', id: 'audit-actor', maxlength: 64, placeholder: '如 user:admin' })),
    field('操作', h('input', { name: 'action', id: 'audit-action', maxlength: 48, list: 'audit-actions', placeholder: '如 CREATE_USER' })),
    h('datalist', { id: 'audit-actions' }, Object.entries(ACTIONS).filter(([k]) => k.includes('_') || k === 'UNMASK' || k === 'LOGIN')
      .map(([k, v]) => h('option', { value: k }, v))),
    field('对象类型', h('input', { name: 'targetType', id: 'audit-targetType', maxlength: 32, placeholder: '如 staff_user、ticket' })),
    field('对象编号', h('input', { name: 'targetId', id: 'audit-targetId', maxlength: 64 })),
    field('开始时间', h('input', { name: 'from', id: 'audit-from', type: 'datetime-local' })),
    field('结束时间', h('input', { name: 'to', id: 'audit-to', type: 'datetime-local' })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'audit-search' }, '查询'),
      h('button', { type: 'reset', class: 'secondary' }, '清空')),
    h('p', { class: 'form-error', role: 'alert' }));
  const out = h('div', { id: 'audit-list' });
  const more = h('div', { class: 'actions', id: 'audit-more' });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    query = formData(form);
    for (const k of ['from', 'to']) if (query[k]) query[k] = `${query[k]}:00+08:00`;
    await busy(form, () => load(form, out, more, false));
  });
  form.addEventListener('reset', () => setTimeout(() => form.requestSubmit(), 0));
  fill(panel, h('section', { class: 'card', 'aria-labelledby': 'audit-title' },
    h('h2', { id: 'audit-title' }, '审计日志'),
    h('p', { class: 'muted' }, '记录查看工单（含市民信息是否脱敏）、查看完整信息及理由、账号、单位、责任清单和时限规则的变更。时间为北京时间。'),
    form, out, more));
  await load(form, out, more, false);
}

async function load(form, out, more, older) {
  clearProblems(form);
  const params = new URLSearchParams({ ...query, limit: '100' });
  if (older && next) params.set('before', next);
  try {
    const page = await api('GET', `/api/v1/admin/audit?${params}`);
    items = older ? [...items, ...(page.items || [])] : (page.items || []);
    next = page.next ?? null;
  } catch (problem) {
    showProblem(form, problem);
    return;
  }
  fill(out, table([
    ['时间', (r) => stamp(r.at)],
    ['操作人', (r) => r.actor || '—'],
    ['操作', (r) => h('span', { title: r.action }, ACTIONS[r.action] ? `${ACTIONS[r.action]}（${r.action}）` : r.action)],
    ['对象', (r) => [r.targetType, r.targetId].filter(Boolean).join(' ') || '—'],
    ['详情', (r) => h('span', { class: 'pre detail' }, detail(r.detail))],
  ], items, { id: 'audit-table', empty: '没有符合条件的记录', rowAttrs: (r) => ({ 'data-action': r.action }) }));
  fill(more, h('span', { class: 'muted' }, `共显示 ${items.length} 条`),
    next ? h('button', { type: 'button', class: 'secondary', onclick: () => load(form, out, more, true) }, '更早的记录') : null);
}

function detail(d) {
  if (!d || typeof d !== 'object') return d ?? '';
  return Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n');
}

const STAMP = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

function stamp(iso) {
  if (!iso) return '';
  const p = STAMP.formatToParts(new Date(iso)).reduce((all, x) => ({ ...all, [x.type]: x.value }), {});
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
