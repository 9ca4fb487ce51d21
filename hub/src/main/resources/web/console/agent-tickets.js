// 工单查询 (filters, keyset pages) and the ticket detail dialog (timeline, replies, calls, attachments).
import { api, clearProblems, showProblem, token, user } from '/assets/js/api.js';
import { $, h, fill, time, countdown, notice } from '/assets/js/dom.js';
import {
  CHANNELS, STATUSES, URGENCIES, channelName, detail, loadDepartments, loadTaxonomy, options, statusBadge,
} from './agent-common.js';

const form = $('#search');
const tbody = $('#search-results tbody');
const more = $('#search-more');
const dialog = $('#ticket-detail');
let next = null;
let lastQuery = '';
let shown = 0;
let opener = null;

export async function initTickets() {
  options($('#search-status'), Object.entries(STATUSES));
  options($('#search-channel'), Object.entries(CHANNELS));
  form.addEventListener('submit', (e) => { e.preventDefault(); search(false); });
  more.addEventListener('click', () => search(true));
  $('#detail-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { if (opener && opener.isConnected) opener.focus(); });
  detail.open = openDetail;
  try {
    const [tax, departments] = await Promise.all([loadTaxonomy(), loadDepartments()]);
    options($('#search-type'), tax.types || []);
    options($('#search-category'), (tax.categories || []).map((c) => c.name));
    options($('#search-department'), departments.map((d) => [d.id, d.name]));
  } catch (problem) {
    notice(problem.message, 'error');
  }
}

function startOfDay(date, plusDays = 0) {
  const d = new Date(`${date}T00:00:00+08:00`);
  d.setTime(d.getTime() + plusDays * 86400000);
  return d.toISOString();
}

function query() {
  const p = new URLSearchParams();
  const v = (name) => form.elements[name].value.trim();
  for (const key of ['q', 'status', 'type', 'category', 'channel', 'department']) if (v(key)) p.set(key, v(key));
  if (v('createdFrom')) p.set('createdFrom', startOfDay(v('createdFrom')));
  if (v('createdTo')) p.set('createdTo', startOfDay(v('createdTo'), 1));
  if (form.elements.overdue.checked) p.set('overdue', 'true');
  p.set('limit', '20');
  return p;
}

export async function search(append) {
  clearProblems(form);
  const p = append ? new URLSearchParams(lastQuery) : query();
  if (append && next !== null) p.set('before', String(next));
  else if (!append) lastQuery = p.toString();
  const button = $('#search-submit');
  button.disabled = true;
  try {
    const page = await api('GET', `/api/v1/tickets?${p}`);
    const items = page.items || [];
    if (!append) { tbody.replaceChildren(); shown = 0; }
    shown += items.length;
    tbody.append(...items.map(row));
    if (!shown) tbody.append(h('tr', {}, h('td', { colspan: 8, class: 'muted' }, '没有符合条件的工单')));
    next = page.next ?? null;
    more.hidden = next === null;
    fill($('#search-summary'), `已显示 ${shown} 件${next === null ? '' : '，还有更多'}`);
  } catch (problem) {
    showProblem(form, problem);
  } finally {
    button.disabled = false;
  }
}

function row(t) {
  return h('tr', { 'data-ticket': t.ticketNo },
    h('td', {}, h('button', { type: 'button', class: 'link open-ticket', onclick: () => openDetail(t.ticketNo) }, t.ticketNo)),
    h('td', {}, t.title || ''),
    h('td', { class: 'opt' }, channelName(t.channel)),
    h('td', { class: 'opt' }, [t.type, t.category].filter(Boolean).join(' / ')),
    h('td', {}, statusBadge(t.status, t.statusName), t.overdue ? [' ', h('span', { class: 'badge overdue' }, '超期')] : null),
    h('td', { class: 'opt' }, t.lead ? t.lead.name : ''),
    h('td', { class: 'opt' }, t.replyDueAt ? time(t.replyDueAt) : ''),
    h('td', {}, time(t.createdAt)));
}

const CONTACT = { PHONE: '电话', SMS: '短信', VISIT: '上门', WECHAT: '微信', CITIZEN: '市民评价', OTHER: '其他' };
const CLOCK = { ACCEPT: '签收', REPLY: '答复', FOLLOW_UP: '回访' };

function item(label, value) {
  if (value === null || value === undefined || value === '') return null;
  return [h('dt', {}, label), h('dd', {}, value)];
}

function actorName(actor) {
  if (!actor) return '';
  if (actor.startsWith('user:')) return actor.slice(5);
  if (actor.startsWith('system')) return '系统';
  if (actor.startsWith('citizen')) return '市民';
  return actor;
}

function payloadText(p) {
  if (!p) return '';
  return ['reason', 'note', 'answer', 'content', 'comment'].map((k) => p[k]).filter((x) => typeof x === 'string' && x)
    .join('；');
}

async function openDetail(ticketNo) {
  if (!dialog.open) opener = document.activeElement;
  fill($('#detail-title'), `工单 ${ticketNo}`);
  fill($('#detail-body'), h('p', { class: 'muted' }, '正在加载…'));
  if (!dialog.open) dialog.showModal();
  try {
    const [t, files] = await Promise.all([
      api('GET', `/api/v1/tickets/${encodeURIComponent(ticketNo)}`),
      api('GET', `/api/v1/tickets/${encodeURIComponent(ticketNo)}/attachments`).catch(() => null),
    ]);
    drawDetail(t, files);
  } catch (problem) {
    fill($('#detail-body'), h('p', { class: 'form-error' }, problem.message));
  }
}

function drawDetail(t, files) {
  const citizen = t.citizen || {};
  const due = t.replyDueAt && !['CLOSED', 'REJECTED', 'MERGED'].includes(t.status);
  fill($('#detail-body'),
    h('p', {}, statusBadge(t.status, t.statusName), t.overdue ? [' ', h('span', { class: 'badge overdue' }, '超期')] : null,
      ' ', h('strong', { id: 'detail-ticket-title' }, t.title || '')),
    h('dl', { class: 'detail-grid' },
      item('渠道', channelName(t.channel)),
      item('类型/分类', [t.type, t.category, t.subcategory].filter(Boolean).join(' / ')),
      item('紧急程度', URGENCIES[t.urgency] || t.urgency),
      item('市民', [citizen.name, citizen.phone].filter(Boolean).join(' ')),
      item('地址', t.address),
      item('主办单位', t.lead ? t.lead.name : null),
      item('协办单位', (t.coUnits || []).map((c) => c.name).join('、')),
      item('登记时间', time(t.createdAt)),
      item('答复期限', due ? `${time(t.replyDueAt)}（${countdown(t.replyDueAt)}）` : t.replyDueAt ? time(t.replyDueAt) : null),
      item('办结时间', time(t.closedAt)),
      item('并入工单', t.masterTicketNo)),
    h('h3', {}, '诉求内容'),
    h('p', { class: 'pre', id: 'detail-content' }, t.content || ''),
    h('h3', {}, '办理过程'),
    h('ol', { class: 'timeline', id: 'detail-timeline' }, (t.events || []).map((e) => h('li', {},
      h('span', { class: 'when' }, time(e.at)), h('strong', {}, e.actionName || e.action), ' ',
      h('span', { class: 'muted' }, actorName(e.actor)),
      payloadText(e.payload) ? h('div', { class: 'pre' }, payloadText(e.payload)) : null))),
    (t.replies || []).length ? [h('h3', {}, '答复'), h('ul', {}, t.replies.map((r) => h('li', {},
      h('strong', {}, r.kind === 'SUB' ? '协办意见' : '答复'), ' ', r.department ? r.department.name : '', ' ',
      h('span', { class: 'muted' }, time(r.at)), h('div', { class: 'pre' }, r.content))))] : null,
    (t.followUps || []).length ? [h('h3', {}, '回访'), h('ul', {}, t.followUps.map((f) => h('li', {},
      time(f.at), ' ', CONTACT[f.method] || f.method, ' ', f.satisfactionName || f.satisfaction || '',
      f.resolved ? '（已解决）' : '（未解决）', f.comment ? ` ${f.comment}` : '')))] : null,
    (t.calls || []).length ? [h('h3', {}, '通话记录'), h('ul', { id: 'detail-calls' }, t.calls.map((c) => h('li', {},
      `${c.caller || '号码已隐藏'} · 接通 ${time(c.answeredAt) || '—'}`,
      c.durationSeconds !== null && c.durationSeconds !== undefined ? ` · 通话 ${c.durationSeconds} 秒` : '',
      c.agentExtension ? ` · 分机 ${c.agentExtension}` : '')))] : null,
    files && (files.items || []).length ? [h('h3', {}, '附件'), h('ul', { id: 'detail-attachments' }, files.items.map((f) => h('li', {},
      h('a', { href: '#', class: 'attachment', onclick: (e) => { e.preventDefault(); download(t.ticketNo, f); } }, f.fileName),
      h('span', { class: 'muted' }, ` ${Math.max(1, Math.round((f.size || 0) / 1024))} KB · ${time(f.createdAt)}`))))] : null,
    actionForm(t),
    (t.clocks || []).length ? [h('h3', {}, '时限提醒'), h('ul', {}, t.clocks.map((c) => h('li', {},
      `${CLOCK[c.kind] || c.kind}${c.stage === 'WARN' ? '预警' : '到期'} ${time(c.fireAt)}`,
      c.outcome ? h('span', { class: 'muted' }, c.outcome === 'FIRED' ? '（已触发）' : '（已跳过）') : null)))] : null);
  $('#detail-close').focus();
}

const METHODS = { PHONE: '电话', SMS: '短信', VISIT: '上门', WECHAT: '微信', OTHER: '其他' };
const OPEN = ['RECEIVED', 'PENDING_DISPATCH', 'DISPATCHED', 'IN_PROGRESS', 'RETURN_REQUESTED', 'PAUSED', 'REPLIED', 'FOLLOW_UP'];
const HANDLING = ['DISPATCHED', 'IN_PROGRESS', 'PAUSED', 'RETURN_REQUESTED', 'REPLIED', 'FOLLOW_UP'];
const REGISTERING = ['AGENT', 'DISPATCHER', 'ADMIN'];
const CENTRE = ['AGENT', 'DISPATCHER', 'SUPERVISOR', 'ADMIN'];

/** The ticket actions of the centre's agents, with the statuses and roles they apply to and their fields. */
const ACTIONS = [
  { action: 'note', name: '办理记录', statuses: HANDLING, roles: CENTRE, fields: [
    { name: 'note', label: '记录内容', kind: 'textarea', required: true },
    { name: 'contactMethod', label: '联系方式', kind: 'select', choices: METHODS }] },
  { action: 'follow-up', name: '回访', statuses: ['FOLLOW_UP'], roles: CENTRE, fields: [
    { name: 'resolved', label: '问题是否解决', kind: 'select', choices: { true: '已解决', false: '未解决' } },
    { name: 'satisfaction', label: '满意度', kind: 'select', choices: { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', UNSATISFIED: '不满意' } },
    { name: 'method', label: '回访方式', kind: 'select', choices: METHODS },
    { name: 'comment', label: '市民意见', kind: 'textarea' }] },
  { action: 'answer', name: '直接答复', statuses: ['RECEIVED', 'PENDING_DISPATCH'], roles: REGISTERING, fields: [
    { name: 'answer', label: '答复内容（仅限咨询类，提交后办结）', kind: 'textarea', required: true }] },
  { action: 'reject', name: '不予受理', statuses: ['RECEIVED', 'PENDING_DISPATCH'], roles: REGISTERING, fields: [
    { name: 'reason', label: '不予受理的原因（将告知市民）', kind: 'textarea', required: true }] },
  { action: 'merge', name: '并单', statuses: OPEN.filter((s) => !['REPLIED', 'FOLLOW_UP'].includes(s)), roles: REGISTERING,
    fields: [
      { name: 'masterTicketNo', label: '并入的工单号', kind: 'input', required: true },
      { name: 'reason', label: '并单原因', kind: 'textarea' }] },
  { action: 'urge', name: '催办', statuses: OPEN, roles: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'], fields: [
    { name: 'note', label: '催办意见', kind: 'textarea' }] },
];

function actionForm(t) {
  const role = (user() || {}).role;
  const available = ACTIONS.filter((a) => a.statuses.includes(t.status) && a.roles.includes(role));
  if (!available.length) return null;
  const kind = h('select', { name: 'action', id: 'detail-action-kind' },
    available.map((a) => h('option', { value: a.action }, a.name)));
  const fields = h('div', { class: 'action-fields' });
  const form = h('form', { id: 'detail-action', novalidate: true },
    h('label', { class: 'field' }, '办理操作', kind), fields,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'detail-action-submit' }, '提交')),
    h('p', { class: 'form-error', role: 'alert' }));
  const draw = () => {
    const a = available.find((x) => x.action === kind.value);
    fill(fields, a.fields.map((f) => h('label', { class: 'field' }, f.label,
      f.kind === 'select'
        ? h('select', { name: f.name, id: `detail-${f.name}` },
          Object.entries(f.choices).map(([value, label]) => h('option', { value }, label)))
        : h(f.kind, { name: f.name, id: `detail-${f.name}`, maxlength: f.kind === 'input' ? 32 : 1000, rows: 3 }))));
    clearProblems(form);
  };
  kind.addEventListener('change', draw);
  draw();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    const a = available.find((x) => x.action === kind.value);
    const body = {};
    for (const f of a.fields) {
      const value = form.elements[f.name].value.trim();
      if (!value) continue;
      body[f.name] = f.name === 'resolved' ? value === 'true' : value;
    }
    const missing = a.fields.find((f) => f.required && !body[f.name]);
    if (missing) {
      showProblem(form, { status: 400, message: `请填写${missing.label}`, fields: [{ field: missing.name, detail: `请填写${missing.label}` }] });
      return;
    }
    const button = $('#detail-action-submit');
    button.disabled = true;
    try {
      const done = await api('POST', `/api/v1/tickets/${encodeURIComponent(t.ticketNo)}/actions/${a.action}`, body);
      notice(`工单 ${done.ticketNo}：${done.actionName || a.name}已完成，当前状态 ${done.statusName || done.status}`);
      await openDetail(t.ticketNo);
    } catch (problem) {
      showProblem(form, problem);
      button.disabled = false;
    }
  });
  return [h('h3', {}, '办理'), form];
}

async function download(ticketNo, file) {
  try {
    const response = await fetch(`/api/v1/tickets/${encodeURIComponent(ticketNo)}/attachments/${file.id}`, {
      headers: { Authorization: `Bearer ${token()}` },
    });
    if (!response.ok) throw new Error(`下载失败（${response.status}）`);
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: file.fileName });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    notice(e.message, 'error');
  }
}
