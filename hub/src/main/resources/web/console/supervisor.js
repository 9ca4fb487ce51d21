// 督办与统计: the warned (预警) and overdue (超期) lists with 督办/催办, the centre's review of replies (审核),
// follow-up (回访), extensions and 重办, and the KPI dashboard.
import { api } from '/assets/js/api.js';
import { $, fill, h } from '/assets/js/dom.js';
import { enter } from '/assets/js/session.js';
import {
  actionForm, countdownEl, currentDue, refreshCountdowns, selectField, textField, ticketView,
} from '/console/casefile.js';
import { setUpKpi, showKpi } from '/console/kpi.js';

const QUEUES = {
  warned: { title: '预警工单', hint: '已发出预警、尚未超期的在办工单，可催办或督办。', path: '/api/v1/tickets/warned?limit=200' },
  overdue: { title: '超期工单', hint: '已超过签收、答复或回访时限的工单，请督办。', path: '/api/v1/tickets/overdue?limit=200' },
  review: { title: '答复审核', hint: '承办单位已答复、等待中心审核的工单：审核通过后答复发送给市民。',
    path: '/api/v1/tickets?status=REPLIED&limit=200' },
  followup: { title: '待回访', hint: '答复已发送、等待回访的工单。', path: '/api/v1/tickets?status=FOLLOW_UP&limit=200' },
};
const OPEN = ['DISPATCHED', 'IN_PROGRESS', 'RETURN_REQUESTED', 'PAUSED'];
const SATISFACTION = [['', '请选择'], ['SATISFIED', '满意'], ['BASICALLY_SATISFIED', '基本满意'], ['UNSATISFIED', '不满意']];
const METHOD = [['PHONE', '电话回访'], ['SMS', '短信'], ['VISIT', '上门'], ['WECHAT', '微信'], ['OTHER', '其他']];

await enter(['SUPERVISOR', 'ADMIN']);
let queue = 'warned';
let selected = null;
let kpiReady = false;

async function loadCounts() {
  await Promise.all(Object.entries(QUEUES).map(async ([name, q]) => {
    try {
      const page = await api('GET', q.path);
      $(`#count-${name}`).textContent = String(page.items.length) + (page.next ? '+' : '');
    } catch { /* shown when the list is opened */ }
  }));
}

async function loadQueue() {
  const q = QUEUES[queue];
  $('#list-h').textContent = q.title;
  $('#list-hint').textContent = q.hint;
  const body = $('#queue');
  try {
    const page = await api('GET', q.path);
    $(`#count-${queue}`).textContent = String(page.items.length) + (page.next ? '+' : '');
    fill(body, page.items.length === 0
      ? h('tr', {}, h('td', { colspan: '3', class: 'muted' }, '暂无工单'))
      : page.items.map(row));
  } catch (problem) {
    fill(body, h('tr', {}, h('td', { colspan: '3', class: 'muted' }, problem.message)));
  }
}

function row(t) {
  const due = currentDue(t);
  return h('tr', { 'data-ticket-no': t.ticketNo, class: t.ticketNo === selected ? 'selected' : null },
    h('td', {},
      h('button', { type: 'button', class: 'link open-ticket', onclick: () => open(t.ticketNo, true) }, t.ticketNo),
      h('div', {}, t.title || '（无标题）'),
      h('span', { class: 'badge' }, t.statusName), ' ',
      t.overdue ? h('span', { class: 'badge overdue' }, '已超期') : null),
    h('td', {}, t.lead?.name || '—'),
    h('td', { class: 'due' }, due.at ? [h('div', { class: 'muted' }, due.label), countdownEl(due.at)] : '—'));
}

async function open(ticketNo, focus = false) {
  selected = ticketNo;
  document.querySelectorAll('#queue tr').forEach((r) => r.classList.toggle('selected', r.dataset.ticketNo === ticketNo));
  try {
    const path = `/api/v1/tickets/${encodeURIComponent(ticketNo)}`;
    const [t, files] = await Promise.all([api('GET', path), api('GET', `${path}/attachments`)]);
    fill($('#detail'), ticketView(t, { attachments: files.items, actions: actions(t) }));
    if (focus) {
      $('#detail-title').focus();
      if (window.innerWidth < 900) $('#detail').scrollIntoView();
    }
  } catch (problem) {
    fill($('#detail'), h('p', { class: 'empty' }, problem.message));
  }
}

async function after() {
  await Promise.all([loadQueue(), open(selected), loadCounts()]);
}

function pendingExtension(t) {
  const last = [...(t.events || [])].reverse()
    .find((e) => ['REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'DENY_EXTENSION'].includes(e.action));
  return last && last.action === 'REQUEST_EXTENSION' ? last : null;
}

function actions(t) {
  const common = { ticketNo: t.ticketNo, done: after };
  const forms = [];
  if (t.status === 'REPLIED') {
    forms.push(actionForm({
      ...common, id: 'approve-form', action: 'approve', title: '审核通过', submit: '审核通过',
      fields: [textField('审核意见（可选）', 'note', { area: true, id: 'approve-note' })],
    }));
    forms.push(actionForm({
      ...common, id: 'reject-reply-form', action: 'reject-reply', title: '审核退回', submit: '退回重办', kind: 'danger',
      fields: [textField('退回原因', 'reason', { area: true, required: true, id: 'reject-reason' })],
    }));
  }
  if (OPEN.includes(t.status)) {
    forms.push(actionForm({
      ...common, id: 'supervise-form', action: 'supervise', title: '督办', submit: '督办', kind: 'danger',
      fields: [textField('督办意见', 'note', { area: true, required: true, id: 'supervise-note',
        placeholder: '如：请于今日17时前答复并报送办理情况' })],
    }));
    forms.push(actionForm({
      ...common, id: 'urge-form', action: 'urge', title: '催办', submit: '催办', kind: 'secondary',
      fields: [textField('催办说明', 'note', { area: true, id: 'urge-note' })],
    }));
  }
  const extension = pendingExtension(t);
  if (extension && ['DISPATCHED', 'IN_PROGRESS', 'PAUSED'].includes(t.status)) {
    const days = extension.payload?.days;
    forms.push(actionForm({
      ...common, id: 'approve-extension-form', action: 'approve-extension',
      title: `同意延期${days ? `（申请 ${days} 个工作日）` : ''}`, submit: '同意延期',
      fields: [h('p', { class: 'pre muted' }, extension.payload?.reason || ''),
        textField('意见（可选）', 'note', { id: 'approve-extension-note' })],
    }));
    forms.push(actionForm({
      ...common, id: 'deny-extension-form', action: 'deny-extension', title: '不同意延期', submit: '不同意',
      kind: 'secondary', fields: [textField('理由', 'reason', { area: true, required: true, id: 'deny-extension-reason' })],
    }));
  }
  if (t.status === 'FOLLOW_UP') {
    forms.push(actionForm({
      ...common, id: 'follow-up-form', action: 'follow-up', title: '回访', submit: '完成回访', wide: true,
      fields: [
        h('fieldset', { class: 'field' }, h('legend', {}, '诉求是否解决'),
          h('div', { class: 'radio-row' },
            h('label', {}, h('input', { type: 'radio', name: 'resolved', value: 'true', id: 'follow-up-resolved' }), '已解决'),
            h('label', {}, h('input', { type: 'radio', name: 'resolved', value: 'false', id: 'follow-up-unresolved' }),
              '未解决'))),
        selectField('满意度', 'satisfaction', SATISFACTION, { required: true, id: 'follow-up-satisfaction' }),
        selectField('回访方式', 'method', METHOD, { id: 'follow-up-method' }),
        textField('回访记录', 'comment', { area: true, id: 'follow-up-comment' }),
      ],
      body: (v) => ({ ...v, resolved: v.resolved === undefined ? undefined : v.resolved === 'true' }),
    }));
  }
  if (t.status === 'CLOSED' && t.satisfaction === 'UNSATISFIED') {
    forms.push(actionForm({
      ...common, id: 'reopen-form', action: 'reopen', title: `重办（已重办 ${t.reopenCount || 0} 次）`, submit: '重办',
      kind: 'danger', fields: [textField('重办原因', 'reason', { area: true, required: true, id: 'reopen-reason' })],
    }));
  }
  return h('section', { 'aria-labelledby': 'actions-h' },
    h('h3', { id: 'actions-h' }, '督办与审核'),
    forms.length ? h('div', { class: 'action-forms' }, forms) : h('p', { class: 'muted' }, '当前状态下无可执行操作'));
}

function select(tab) {
  document.querySelectorAll('[role=tab]').forEach((b) => b.setAttribute('aria-selected', String(b === tab)));
  const kpi = tab.id === 'tab-kpi';
  $('#panel-list').hidden = kpi;
  $('#panel-kpi').hidden = !kpi;
  if (kpi) {
    if (!kpiReady) {
      kpiReady = true;
      setUpKpi().then(showKpi);
    }
    return;
  }
  $('#panel-list').setAttribute('aria-labelledby', tab.id);
  queue = tab.dataset.queue;
  fill($('#detail'), h('p', { class: 'empty' }, '请在列表中选择工单'));
  selected = null;
  loadQueue();
}

document.querySelectorAll('[role=tab]').forEach((tab) => tab.addEventListener('click', () => select(tab)));
$('#refresh').addEventListener('click', () => Promise.all([loadQueue(), loadCounts()]));
setInterval(() => { if (!$('#panel-list').hidden) loadQueue(); loadCounts(); }, 60000);
setInterval(() => refreshCountdowns(), 30000);

const start = new URLSearchParams(location.search).get('tab');
if (start && $(`#tab-${start}`)) select($(`#tab-${start}`));
else loadQueue();
loadCounts();
