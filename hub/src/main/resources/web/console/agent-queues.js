// The 待分类 queue (correct the classifier) and the 待派单 queue (routing explanation, manual dispatch).
import { api, clearProblems, showProblem } from '/assets/js/api.js';
import { $, h, fill, time, notice } from '/assets/js/dom.js';
import { channelName, detail, linkCategories, loadDepartments, loadTaxonomy, options, percent } from './agent-common.js';

const triageList = $('#triage-list');
const dispatchList = $('#dispatch-list');

export function initQueues() {
  $('#triage-refresh').addEventListener('click', loadTriage);
  $('#dispatch-refresh').addEventListener('click', loadDispatch);
}

function count(id, n, more) {
  fill($(id), n ? `${n}${more ? '+' : ''}` : '');
}

function ticketHead(t) {
  return h('div', { class: 'item-head' },
    h('button', { type: 'button', class: 'link', onclick: () => detail.open(t.ticketNo) }, t.ticketNo),
    h('span', { class: 'title' }, t.title || '（无标题）'),
    h('span', { class: 'muted' }, channelName(t.channel)),
    h('span', { class: 'muted' }, time(t.createdAt)));
}

function empty(list, text) {
  fill(list, h('li', { class: 'empty' }, text));
}

// Refreshes a queue without touching the tickets already shown, so a form an agent is filling in survives a live
// refresh: gone tickets leave, new ones join at the end (the queues are oldest first).
function sync(list, items, make, emptyText) {
  if (!items.length) { empty(list, emptyText); return; }
  const wanted = new Set(items.map((t) => t.ticketNo));
  list.querySelectorAll('li').forEach((li) => { if (!wanted.has(li.dataset.ticket)) li.remove(); });
  const shown = new Set([...list.querySelectorAll('li[data-ticket]')].map((li) => li.dataset.ticket));
  items.filter((t) => !shown.has(t.ticketNo)).forEach((t) => list.append(make(t)));
}

export async function loadTriage() {
  try {
    const [page, tax] = await Promise.all([api('GET', '/api/v1/tickets/triage?limit=50'), loadTaxonomy()]);
    const items = page.items || [];
    count('#count-triage', items.length, page.next !== null && page.next !== undefined);
    sync(triageList, items, (t) => triageItem(t, tax), '没有待分类的工单。');
  } catch (problem) {
    empty(triageList, `加载失败：${problem.message}`);
  }
}

function triageItem(t, tax) {
  const s = t.suggestion || {};
  const type = h('select', { name: 'type', required: true }, h('option', { value: '' }, '请选择'));
  const category = h('select', { name: 'category', required: true }, h('option', { value: '' }, '请选择'));
  const sub = h('select', { name: 'subcategory' }, h('option', { value: '' }, '（可不选）'));
  options(type, tax.types || [], s.type);
  options(category, (tax.categories || []).map((c) => c.name), s.category);
  linkCategories(category, sub, tax);
  const form = h('form', { class: 'inline-form reclassify', novalidate: true },
    h('label', { class: 'field' }, '诉求类型', type),
    h('label', { class: 'field' }, '业务分类', category),
    h('label', { class: 'field' }, '二级分类', sub),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '确认分类')));
  const li = h('li', { id: `triage-${t.ticketNo}`, 'data-ticket': t.ticketNo },
    ticketHead(t),
    h('p', { class: 'excerpt' }, t.excerpt || ''),
    h('p', { class: 'suggestion' }, '系统建议：',
      h('strong', {}, s.type || '—'), ` (${percent(s.typeConfidence)}) · `,
      h('strong', {}, s.category || '—'), ` (${percent(s.categoryConfidence)})`,
      s.modelVersion ? h('span', { class: 'muted' }, ` 模型 ${s.modelVersion}`) : null),
    form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    const body = { type: type.value, category: category.value };
    if (sub.value) body.subcategory = sub.value;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const done = await api('POST', `/api/v1/tickets/${encodeURIComponent(t.ticketNo)}/actions/reclassify`, body);
      notice(`工单 ${done.ticketNo} 已确认为 ${done.type} / ${done.category}`);
      li.remove();
      if (!triageList.children.length) empty(triageList, '没有待分类的工单。');
      fill($('#count-triage'), triageList.querySelectorAll('li[data-ticket]').length || '');
    } catch (problem) {
      showProblem(form, problem);
      button.disabled = false;
    }
  });
  return li;
}

export async function loadDispatch() {
  try {
    const [page, departments] = await Promise.all([
      api('GET', '/api/v1/tickets/pending-dispatch?limit=50'), loadDepartments()]);
    const items = page.items || [];
    count('#count-dispatch', items.length, page.next !== null && page.next !== undefined);
    sync(dispatchList, items, (t) => dispatchItem(t, departments), '没有待派单的工单。');
  } catch (problem) {
    empty(dispatchList, `加载失败：${problem.message}`);
  }
}

function dispatchItem(t, departments) {
  const explainBox = h('div', { class: 'explain', hidden: true, 'aria-live': 'polite' });
  const lead = h('select', { name: 'leadDepartmentId', required: true }, h('option', { value: '' }, '请选择主办单位'));
  options(lead, departments.map((d) => [d.id, d.name]));
  const co = h('fieldset', { class: 'co-units wide field' }, h('legend', {}, '协办单位（可多选）'),
    departments.map((d) => h('label', {}, h('input', { type: 'checkbox', name: 'coDepartmentIds', value: d.id }), d.name)));
  const reason = h('textarea', { name: 'reason', maxlength: 1000, rows: 2, placeholder: '如：责任清单未覆盖，经核实由该单位办理' });
  const form = h('form', { class: 'dispatch-form', novalidate: true },
    h('label', { class: 'field' }, '主办单位', lead),
    h('label', { class: 'field' }, '派单说明', reason),
    co,
    h('div', { class: 'actions wide' },
      h('button', { type: 'submit', class: 'dispatch-submit' }, '派单'),
      h('button', { type: 'button', class: 'secondary', onclick: () => send(true) }, '按责任清单重新派单')));
  const recorded = t.routing && t.routing.explanation;
  const li = h('li', { id: `dispatch-${t.ticketNo}`, 'data-ticket': t.ticketNo },
    ticketHead(t),
    h('p', { class: 'excerpt' }, t.excerpt || ''),
    h('p', { class: 'suggestion' }, '分类：', [t.type, t.category, t.subcategory].filter(Boolean).join(' / ') || '未分类',
      t.address ? ` · 地址：${t.address}` : ''),
    recorded ? h('p', { class: 'muted' }, '未能自动派单：', recorded) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary explain-button', 'aria-expanded': 'false',
        onclick: (e) => explain(t, explainBox, e.currentTarget) }, '查看派单依据')),
    explainBox,
    form);
  async function send(byList) {
    clearProblems(form);
    let body = {};
    if (!byList) {
      body = {
        leadDepartmentId: lead.value ? Number(lead.value) : undefined,
        coDepartmentIds: [...form.querySelectorAll('input[name=coDepartmentIds]:checked')].map((c) => Number(c.value)),
        reason: reason.value.trim() || undefined,
      };
      if (!body.leadDepartmentId) {
        showProblem(form, { status: 400, message: '请选择主办单位', fields: [{ field: 'leadDepartmentId', detail: '请选择主办单位' }] });
        return;
      }
    }
    form.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const done = await api('POST', `/api/v1/tickets/${encodeURIComponent(t.ticketNo)}/actions/dispatch`, body);
      notice(`工单 ${done.ticketNo} ${done.statusName || '已派单'}`);
      li.remove();
      if (!dispatchList.children.length) empty(dispatchList, '没有待派单的工单。');
      fill($('#count-dispatch'), dispatchList.querySelectorAll('li[data-ticket]').length || '');
    } catch (problem) {
      showProblem(form, problem);
      form.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); send(false); });
  return li;
}

async function explain(t, box, button) {
  if (!box.hidden) {
    box.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  box.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  if (!t.category) {
    fill(box, h('p', {}, '该工单尚未分类，请先在“待分类”中确认分类。'));
    return;
  }
  fill(box, h('p', { class: 'muted' }, '正在查询责任清单…'));
  const params = new URLSearchParams({ category: t.category });
  if (t.subcategory) params.set('subcategory', t.subcategory);
  if (t.type) params.set('type', t.type);
  if (t.address) params.set('area', t.address);
  else if (t.areaCode) params.set('area', t.areaCode);
  if (t.excerpt) params.set('text', t.excerpt.slice(0, 200));
  try {
    const d = await api('GET', `/api/v1/routing/explain?${params}`);
    fill(box,
      h('p', { class: 'routing-explanation' }, h('strong', {}, d.routed ? '清单建议：' : '清单结论：'), d.explanation || ''),
      d.lead ? h('p', {}, '建议主办：', d.lead.name, (d.coUnits || []).length ? `，协办：${d.coUnits.map((c) => c.name).join('、')}` : '') : null,
      (d.areaChain || []).length ? h('p', { class: 'muted' }, '属地：', d.areaChain.join(' › ')) : null,
      (d.candidates || []).length ? h('ul', {}, d.candidates.map((c) => h('li', { class: c.matches ? 'match' : null },
        `第${c.rowNo}条 ${c.category}${c.subcategory ? `/${c.subcategory}` : ''} → ${c.lead ? c.lead.name : '—'}：`,
        c.matches ? '适用' : (c.reason || '不适用')))) : h('p', { class: 'muted' }, '该分类在责任清单中没有条目。'));
    if (d.lead && d.lead.id) {
      const select = box.parentElement.querySelector('select[name=leadDepartmentId]');
      if (select && !select.value) select.value = String(d.lead.id);
    }
  } catch (problem) {
    fill(box, h('p', { class: 'form-error' }, problem.message));
  }
}
