// One ticket as the department portal and the supervisor console show it (facts, citizen, replies, attachments,
// history), and the small forms that perform workflow actions. Citizen text only ever becomes text nodes.
import { api, clearProblems, formData, Problem, showProblem as show, token } from '/assets/js/api.js';
import { countdown, h, notice, time } from '/assets/js/dom.js';

const HOUR = 3600000;
const MAX_FILES = 5;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Shows a Problem on a form, each field's detail once (a problem names its first field twice). */
export function showProblem(form, problem) {
  const seen = new Set();
  if (Array.isArray(problem.fields)) {
    problem.fields = problem.fields.filter((f) => {
      const key = `${f.field}\u0000${f.detail}`;
      return seen.has(key) ? false : seen.add(key);
    });
  }
  show(form, problem);
}

/** 'late', 'soon' (within a day) or 'ok' for a deadline. */
export function urgency(iso, now = Date.now()) {
  if (!iso) return 'ok';
  const left = new Date(iso).getTime() - now;
  return left < 0 ? 'late' : left < 24 * HOUR ? 'soon' : 'ok';
}

/** A countdown element that the page refreshes through `refreshCountdowns`. */
export function countdownEl(iso) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  return h('span', { class: `countdown ${urgency(iso)}`, 'data-due': iso }, countdown(iso));
}

/** Rewrites every countdown on the page (call every half minute). */
export function refreshCountdowns(root = document) {
  root.querySelectorAll('.countdown[data-due]').forEach((el) => {
    el.textContent = countdown(el.dataset.due);
    el.classList.remove('ok', 'soon', 'late');
    el.classList.add(urgency(el.dataset.due));
  });
}

/** The deadline that matters now for a ticket of this status, with its Chinese name. */
export function currentDue(t) {
  if (t.status === 'DISPATCHED') return { label: '签收时限', at: t.acceptDueAt || t.replyDueAt };
  if (t.status === 'FOLLOW_UP') return { label: '回访时限', at: t.followUpDueAt };
  return { label: '答复时限', at: t.replyDueAt };
}

export const URGENCY = { NORMAL: '一般', URGENT: '紧急', CRITICAL: '特急' };
const REVIEW = { PENDING: '待审核', APPROVED: '审核通过', REJECTED: '审核退回' };
const KIND = { SUB: '协办意见', FINAL: '答复' };
const VISIBILITY = { FULL: '完整信息', MASKED: '已脱敏', HIDDEN: '举报类诉求，不提供举报人身份信息' };

/** Size in people's units. */
export function size(bytes) {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function fact(name, ...value) {
  return [h('dt', {}, name), h('dd', {}, ...value)];
}

function deptName(ref) {
  return ref ? ref.name || `单位 ${ref.id}` : '—';
}

/**
 * The ticket's sections. `mayUnmask` says whether the user may ask for the full citizen data (the form is drawn when
 * the data is masked); `actions`, the page's forms, go before the history.
 */
export function ticketView(t, { attachments = [], mayUnmask = false, actions = null } = {}) {
  const citizenName = h('span', { id: 'citizen-name' }, t.citizen?.name ?? '—');
  const citizenPhone = h('span', { id: 'citizen-phone' }, t.citizen?.phone ?? '—');
  const visibility = h('span', { id: 'citizen-visibility', class: 'badge' },
    VISIBILITY[t.citizen?.visibility] || '');
  const citizen = h('section', { 'aria-labelledby': 'citizen-h' },
    h('h3', { id: 'citizen-h' }, '诉求人'),
    h('p', { class: 'citizen-line' },
      h('span', {}, '姓名：', citizenName), h('span', {}, '电话：', citizenPhone), visibility));
  if (mayUnmask && t.citizen?.visibility === 'MASKED') {
    citizen.append(unmaskForm(t.ticketNo, { citizenName, citizenPhone, visibility }));
  }

  const due = currentDue(t);
  return h('article', { class: 'casefile', 'data-ticket-no': t.ticketNo },
    h('h2', { id: 'detail-title', tabindex: '-1' }, t.title || '（无标题）'),
    h('p', { class: 'actions' },
      h('span', { class: 'badge', id: 'detail-status' }, t.statusName),
      t.overdue ? h('span', { class: 'badge overdue' }, '已超期') : null,
      h('span', { class: 'muted' }, t.ticketNo),
      due.at ? h('span', {}, `${due.label}：`, countdownEl(due.at)) : null),
    h('dl', { class: 'facts' },
      fact('诉求类型', [t.type, t.category, t.subcategory].filter(Boolean).join(' / ') || '—'),
      fact('紧急程度', URGENCY[t.urgency] || t.urgency || '—'),
      fact('地址', t.address || '—'),
      fact('区域', t.area || t.areaCode || '—'),
      fact('主办单位', deptName(t.lead)),
      fact('协办单位', (t.coUnits || []).map(deptName).join('、') || '—'),
      fact('派单时间', time(t.dispatchedAt) || '—'),
      fact('签收时限', time(t.acceptDueAt) || '—'),
      fact('答复时限', time(t.replyDueAt) || '—', t.extendedDays ? `（已延期 ${t.extendedDays} 个工作日）` : ''),
      t.followUpDueAt ? fact('回访时限', time(t.followUpDueAt)) : null),
    h('section', { 'aria-labelledby': 'content-h' },
      h('h3', { id: 'content-h' }, '诉求内容'),
      h('p', { class: 'pre', id: 'detail-content' }, t.content || '')),
    citizen,
    repliesView(t.replies || []),
    attachmentsView(t.ticketNo, attachments),
    actions,
    historyView(t.events || []));
}

function unmaskForm(ticketNo, { citizenName, citizenPhone, visibility }) {
  const form = h('form', { id: 'unmask-form', novalidate: true, 'aria-label': '查看完整诉求人信息' },
    h('label', { class: 'field' }, '查看原因（将记入审计日志）',
      h('input', { name: 'reason', id: 'unmask-reason', maxlength: '500', required: true,
        placeholder: '如：需电话核实现场位置' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, '查看完整信息')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    try {
      const full = await api('POST', `/api/v1/tickets/${encodeURIComponent(ticketNo)}/unmask`, formData(form));
      citizenName.textContent = full.name ?? '—';
      citizenPhone.textContent = full.phone ?? '—';
      visibility.textContent = '完整信息（已记录查看原因）';
      form.remove();
      notice('已显示完整信息，本次查看已记入审计日志');
    } catch (problem) {
      showProblem(form, problem);
    }
  });
  return form;
}

function repliesView(replies) {
  return h('section', { 'aria-labelledby': 'replies-h', id: 'replies' },
    h('h3', { id: 'replies-h' }, '答复与协办意见'),
    replies.length === 0 ? h('p', { class: 'muted' }, '暂无答复') : replies.map((r) => h('div', {
      class: `reply ${r.kind === 'SUB' ? 'sub' : 'final'}`, 'data-kind': r.kind, 'data-review': r.review || '',
    },
    h('div', { class: 'head' },
      h('strong', {}, KIND[r.kind] || r.kind),
      h('span', {}, deptName(r.department)),
      h('span', {}, r.author || ''),
      h('span', {}, time(r.at)),
      r.review ? h('span', { class: `badge ${r.review === 'APPROVED' ? 'ok' : r.review === 'REJECTED' ? 'overdue' : 'warn'}` },
        REVIEW[r.review] || r.review) : null),
    h('p', { class: 'pre' }, r.content || ''),
    r.reviewNote ? h('p', { class: 'muted' }, `审核意见：${r.reviewNote}`) : null)));
}

function attachmentsView(ticketNo, items) {
  return h('section', { 'aria-labelledby': 'attachments-h' },
    h('h3', { id: 'attachments-h' }, `附件（${items.length}）`),
    items.length === 0 ? h('p', { class: 'muted' }, '暂无附件') : h('ul', { class: 'files', id: 'attachments' },
      items.map((a) => h('li', { 'data-attachment-id': a.id },
        h('button', { type: 'button', class: 'link', onclick: () => download(ticketNo, a) }, a.fileName),
        h('span', { class: 'muted' }, `${size(a.size)} · ${a.uploadedBy || ''} · ${time(a.createdAt)}`)))));
}

/** Downloads an attachment with the session's token (a plain link could not carry it). */
export async function download(ticketNo, attachment) {
  try {
    const response = await fetch(
      `/api/v1/tickets/${encodeURIComponent(ticketNo)}/attachments/${attachment.id}`,
      { headers: { Authorization: `Bearer ${token()}` } });
    if (!response.ok) throw new Error(`下载失败（${response.status}）`);
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: attachment.fileName, class: 'visually-hidden' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    notice(error.message || '下载失败', 'error');
  }
}

function eventText(e) {
  const p = e.payload || {};
  const parts = [];
  if (p.reasonName) parts.push(p.reasonName);
  for (const key of ['reason', 'note', 'content', 'comment']) if (typeof p[key] === 'string') parts.push(p[key]);
  if (p.days) parts.push(`${p.days} 个工作日`);
  return parts.join('：');
}

function historyView(events) {
  return h('section', { 'aria-labelledby': 'history-h' },
    h('h3', { id: 'history-h' }, '办理记录'),
    h('ol', { class: 'timeline', id: 'history' }, [...events].reverse().map((e) => h('li', { 'data-action': e.action },
      h('div', {}, h('strong', {}, e.actionName), ' ', h('span', { class: 'muted' }, e.actor)),
      eventText(e) ? h('div', { class: 'pre' }, eventText(e)) : null,
      h('div', { class: 'when' }, time(e.at))))));
}

/** A text input or textarea in a label. */
export function textField(label, name, { area = false, required = false, max = 1000, placeholder, id } = {}) {
  const attrs = { name, id, maxlength: String(max), required, placeholder };
  return h('label', { class: 'field' }, label, area ? h('textarea', attrs) : h('input', attrs));
}

/** A select in a label; options are [value, text] pairs. */
export function selectField(label, name, options, { required = false, id } = {}) {
  return h('label', { class: 'field' }, label,
    h('select', { name, id, required }, options.map(([value, text]) => h('option', { value }, text))));
}

/**
 * A form that performs `action` on the ticket: its fields' values (turned by `body`) are the JSON body; problems are
 * shown next to the fields; `before` may run first (e.g. an upload) and `done` runs after success.
 */
export function actionForm({ id, title, ticketNo, action, fields = [], submit, kind = '', body = (v) => v,
  before, done, wide = false }) {
  const button = h('button', { type: 'submit', class: kind || null }, submit);
  const form = h('form', { id, novalidate: true, class: wide ? 'wide' : null, 'aria-labelledby': `${id}-h` },
    h('h3', { id: `${id}-h` }, title), ...fields, h('div', { class: 'actions' }, button),
    h('p', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    button.disabled = true;
    try {
      if (before) await before(form);
      const result = await api('POST',
        `/api/v1/tickets/${encodeURIComponent(ticketNo)}/actions/${action}`, body(formData(form), form));
      notice(`${result.actionName || submit}成功，工单状态：${result.statusName}`);
      if (done) await done(result);
    } catch (problem) {
      showProblem(form, problem);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** Uploads the files chosen in the form's `files` input, if any; throws the API's Problem. */
export async function uploadFiles(ticketNo, form) {
  const input = form.querySelector('input[type=file][name=files]');
  if (!input || input.files.length === 0) return null;
  const tooBig = [...input.files].find((f) => f.size > MAX_FILE_BYTES);
  const refuse = (detail) => new Problem(400, { detail, field: 'files' });
  if (input.files.length > MAX_FILES) throw refuse(`一次最多上传 ${MAX_FILES} 个附件`);
  if (tooBig) throw refuse(`单个附件不能超过 10 MB：${tooBig.name}`);
  const data = new FormData();
  for (const file of input.files) data.append('files', file, file.name);
  const answer = await api('POST', `/api/v1/tickets/${encodeURIComponent(ticketNo)}/attachments`, data);
  input.value = '';
  return answer;
}

/** The file input of reply forms. */
export function filesField() {
  return h('label', { class: 'field' }, '附件（可选，最多 5 个，每个不超过 10 MB）',
    h('input', { type: 'file', name: 'files', id: 'reply-files', multiple: true,
      accept: '.pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xls,.xlsx,.txt' }),
    h('span', { class: 'muted' }, '支持 PDF、图片、Word、Excel、文本文件'));
}
