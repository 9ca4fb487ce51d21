// 承办单位 portal: the department's tickets ordered by deadline, and one ticket with what the unit may do with it —
// 签收, 退单, 延期申请, 待补充材料/恢复, 办理记录, 协办意见 and the lead's 答复 with attached documents.
import { api, token } from '/assets/js/api.js';
import { $, fill, h, notice } from '/assets/js/dom.js';
import { live } from '/assets/js/live.js';
import { enter } from '/assets/js/session.js';
import { tiles } from '/console/kpi.js';
import {
  actionForm, countdownEl, currentDue, filesField, refreshCountdowns, selectField, textField, ticketView, uploadFiles,
  urgency,
} from '/console/casefile.js';

const RETURN_REASONS = [['', '请选择退单原因'], ['NOT_OUR_DUTY', '非本单位职责'], ['WRONG_AREA', '属地不符'],
  ['INCOMPLETE', '信息不全'], ['OTHER', '其他']];
const CONTACT = [['PHONE', '电话'], ['SMS', '短信'], ['VISIT', '上门'], ['WECHAT', '微信'], ['OTHER', '其他']];

const me = await enter(['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN']);
const inbox = $('#inbox');
const detail = $('#detail');
let statuses = $('#filter-open').dataset.status;
let selected = new URLSearchParams(location.search).get('ticket');

api('GET', '/api/v1/departments').then((answer) => {
  const mine = (answer.items || []).find((d) => d.id === me.departmentId);
  if (mine) $('#dept-name').textContent = `· ${mine.name}`;
}).catch(() => {});

if (me.role === 'DEPARTMENT_ADMIN') {
  api('GET', '/api/v1/stats/kpi').then((kpi) => {
    $('#dept-kpi-period').textContent = `统计期间：${kpi.from} 至 ${kpi.to}；派单 ${kpi.counts?.dispatched ?? 0} 件`;
    fill($('#dept-kpi-rates'), tiles(kpi));
    $('#dept-kpi').hidden = false;
  }).catch(() => {});
}

function dueOf(t) {
  return currentDue(t).at;
}

function byDeadline(a, b) {
  const x = dueOf(a) ? new Date(dueOf(a)).getTime() : Infinity;
  const y = dueOf(b) ? new Date(dueOf(b)).getTime() : Infinity;
  return x - y;
}

async function loadInbox() {
  const params = new URLSearchParams({ status: statuses, limit: '200' });
  const q = $('#search-q').value.trim();
  if (q) params.set('q', q);
  try {
    const page = await api('GET', `/api/v1/tickets?${params}`);
    const items = [...page.items].sort(byDeadline);
    const late = items.filter((t) => t.overdue || urgency(dueOf(t)) === 'late').length;
    $('#inbox-summary').textContent = `共 ${items.length}${page.next ? '+' : ''} 件${late ? `，其中超期 ${late} 件` : ''}`
      + (page.next ? '（仅显示最近 200 件，请用搜索查找更早的工单）' : '');
    fill(inbox, items.length === 0 ? h('li', { class: 'empty' }, '暂无工单') : items.map(inboxItem));
  } catch (problem) {
    fill(inbox, h('li', { class: 'empty' }, problem.message));
  }
}

function inboxItem(t) {
  const due = currentDue(t);
  const state = t.overdue ? 'late' : urgency(due.at);
  return h('li', {},
    h('button', {
      type: 'button', class: `inbox-item ${state === 'late' ? 'is-overdue' : state === 'soon' ? 'is-soon' : ''}`,
      'data-ticket-no': t.ticketNo, 'aria-current': t.ticketNo === selected ? 'true' : 'false',
      onclick: () => open(t.ticketNo, true),
    },
    h('span', { class: 'title' }, t.title || '（无标题）'),
    h('span', { class: 'meta' },
      h('span', {}, t.ticketNo),
      h('span', { class: 'badge' }, t.statusName),
      t.overdue ? h('span', { class: 'badge overdue' }, '已超期') : null,
      t.lead && t.lead.id !== me.departmentId ? h('span', { class: 'badge' }, '协办') : null,
      t.category ? h('span', {}, t.category) : null),
    due.at ? h('span', { class: 'meta' }, `${due.label} `, countdownEl(due.at)) : null));
}

async function open(ticketNo, focus = false) {
  selected = ticketNo;
  inbox.querySelectorAll('.inbox-item').forEach((b) => b.setAttribute('aria-current',
    String(b.dataset.ticketNo === ticketNo)));
  history.replaceState(null, '', `?ticket=${encodeURIComponent(ticketNo)}`);
  try {
    const path = `/api/v1/tickets/${encodeURIComponent(ticketNo)}`;
    const [t, files] = await Promise.all([api('GET', path), api('GET', `${path}/attachments`)]);
    fill(detail, ticketView(t, { attachments: files.items, mayUnmask: me.canUnmask, actions: actions(t) }));
    if (focus) {
      $('#detail-title').focus();
      if (window.innerWidth < 900) detail.scrollIntoView();
    }
  } catch (problem) {
    fill(detail, h('p', { class: 'empty' }, problem.message));
  }
}

async function after() {
  await Promise.all([loadInbox(), open(selected)]);
}

function actions(t) {
  const lead = t.lead && t.lead.id === me.departmentId;
  const co = (t.coUnits || []).some((c) => c.id === me.departmentId);
  const no = t.ticketNo;
  const forms = [];
  const common = { ticketNo: no, done: after };
  if (lead && t.status === 'DISPATCHED') {
    forms.push(acceptForm(no));
  }
  if (lead && t.status === 'IN_PROGRESS') {
    forms.push(actionForm({
      ...common, id: 'reply-form', action: 'reply', title: '答复（提交中心审核）', submit: '提交答复', wide: true,
      fields: [
        textField('答复内容', 'content', { area: true, required: true, max: 5000, id: 'reply-content',
          placeholder: '办理过程、结果及依据' }),
        h('label', { class: 'field inline' },
          h('input', { type: 'checkbox', name: 'resolved', id: 'reply-resolved', checked: true }), '诉求已解决'),
        coRepliesNote(t),
        filesField(),
      ],
      before: (form) => uploadFiles(no, form),
    }));
  }
  if (co && ['DISPATCHED', 'IN_PROGRESS', 'PAUSED'].includes(t.status)) {
    forms.push(actionForm({
      ...common, id: 'sub-reply-form', action: 'sub-reply', title: '协办意见（由主办单位汇总答复）', submit: '提交协办意见',
      wide: true,
      fields: [textField('协办意见', 'content', { area: true, required: true, max: 5000, id: 'sub-reply-content' }),
        filesField()],
      before: (form) => uploadFiles(no, form),
    }));
  }
  if (lead && ['DISPATCHED', 'IN_PROGRESS'].includes(t.status)) {
    forms.push(actionForm({
      ...common, id: 'return-form', action: 'return', title: '退单', submit: '申请退单', kind: 'danger',
      fields: [selectField('退单原因', 'reasonCode', RETURN_REASONS, { required: true, id: 'return-reason-code' }),
        textField('退单说明', 'reason', { area: true, required: true, id: 'return-reason',
          placeholder: '说明理由，如建议承办单位' })],
    }));
  }
  if (lead && ['DISPATCHED', 'IN_PROGRESS', 'PAUSED'].includes(t.status)) {
    forms.push(actionForm({
      ...common, id: 'extension-form', action: 'request-extension', title: '延期申请', submit: '提交延期申请',
      kind: 'secondary',
      fields: [h('label', { class: 'field' }, '延期工作日',
        h('input', { type: 'number', name: 'days', id: 'extension-days', min: '1', max: '30', required: true })),
      textField('延期理由', 'reason', { area: true, required: true, id: 'extension-reason' })],
      body: (v) => ({ ...v, days: v.days === undefined ? undefined : Number(v.days) }),
    }));
  }
  if (lead && t.status === 'IN_PROGRESS') {
    forms.push(actionForm({
      ...common, id: 'pause-form', action: 'pause', title: '待补充材料（暂停计时）', submit: '暂停办理',
      kind: 'secondary', fields: [textField('需补充的材料', 'reason', { area: true, required: true, id: 'pause-reason' })],
    }));
  }
  if (lead && t.status === 'PAUSED') {
    forms.push(actionForm({
      ...common, id: 'resume-form', action: 'resume', title: '恢复办理', submit: '恢复办理',
      fields: [textField('说明', 'note', { id: 'resume-note' })],
    }));
  }
  if ((lead || co) && ['DISPATCHED', 'IN_PROGRESS', 'PAUSED', 'RETURN_REQUESTED', 'REPLIED', 'FOLLOW_UP']
    .includes(t.status)) {
    forms.push(actionForm({
      ...common, id: 'note-form', action: 'note', title: '办理记录', submit: '保存记录', kind: 'secondary',
      fields: [textField('记录内容', 'note', { area: true, required: true, id: 'note-text' }),
        selectField('联系方式', 'contactMethod', [['', '（无）'], ...CONTACT], { id: 'note-contact' })],
    }));
  }
  const waiting = { RETURN_REQUESTED: '退单申请已提交，等待中心审核。', REPLIED: '答复已提交，等待中心审核。' }[t.status];
  return h('section', { 'aria-labelledby': 'actions-h' },
    h('h3', { id: 'actions-h' }, '办理'),
    waiting ? h('p', { class: 'muted', id: 'waiting' }, waiting) : null,
    forms.length ? h('div', { class: 'action-forms' }, forms) : h('p', { class: 'muted' }, '当前状态下无可办理操作'));
}

function coRepliesNote(t) {
  const subs = (t.replies || []).filter((r) => r.kind === 'SUB');
  if (!(t.coUnits || []).length) return null;
  return h('p', { class: 'muted' }, subs.length
    ? `已收到 ${subs.length} 条协办意见，提交答复时将一并汇总。`
    : '协办单位尚未提交意见；提交答复时将汇总已收到的协办意见。');
}

function acceptForm(no) {
  const button = h('button', { type: 'button', id: 'accept' }, '签收');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const result = await api('POST', `/api/v1/tickets/${encodeURIComponent(no)}/actions/accept`, {});
      notice(`已签收，工单状态：${result.statusName}`);
      await after();
      $('#reply-content')?.focus();
    } catch (problem) {
      notice(problem.message, 'error');
      button.disabled = false;
    }
  });
  return h('div', { class: 'card', id: 'accept-card' },
    h('h3', {}, '签收'), h('p', { class: 'muted' }, '签收后开始办理；如非本单位职责，请在退单时限内退单。'), button);
}

document.querySelectorAll('[role=tab][data-status]').forEach((tab) => tab.addEventListener('click', () => {
  document.querySelectorAll('[role=tab][data-status]').forEach((t) => t.setAttribute('aria-selected', 'false'));
  tab.setAttribute('aria-selected', 'true');
  statuses = tab.dataset.status;
  loadInbox();
}));
$('#search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadInbox();
});
$('#refresh').addEventListener('click', () => loadInbox());

let pending;
live(token(), () => {
  clearTimeout(pending);
  pending = setTimeout(loadInbox, 500);
});
setInterval(loadInbox, 60000);
setInterval(() => refreshCountdowns(), 30000);

await loadInbox();
if (selected) open(selected);
