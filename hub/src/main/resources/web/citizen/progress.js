import { api, clearProblems, formData } from '/assets/js/api.js';
import { showProblem } from '/citizen/common.js';
import { $, fill, h, notice, time } from '/assets/js/dom.js';

const form = $('#progress-form');
const ratingForm = $('#rating-form');
const result = $('#progress-result');
let asked = null;

const BADGES = { CLOSED: 'ok', FOLLOW_UP: 'warn', REJECTED: 'overdue' };

const preset = new URLSearchParams(location.search).get('ticketNo');
if (preset) {
  $('#ticketNo').value = preset;
  $('#phone').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblems(form);
  const { ticketNo = '', phone = '' } = formData(form);
  const problems = [];
  if (!ticketNo) problems.push({ field: 'ticketNo', detail: '请填写工单号' });
  if (!phone) problems.push({ field: 'phone', detail: '请填写办理时留下的联系电话' });
  if (problems.length) {
    showProblem(form, { fields: problems, status: 400, message: problems[0].detail });
    return;
  }
  await query(ticketNo.replace(/\s+/g, ''), phone, true);
});

async function query(ticketNo, phone, focus) {
  const button = $('#query');
  button.disabled = true;
  try {
    const progress = await api('GET',
      `/api/v1/requests/${encodeURIComponent(ticketNo)}?phone=${encodeURIComponent(phone)}`, undefined, { auth: false });
    asked = { ticketNo: progress.ticketNo, phone };
    show(progress);
    if (focus) $('#progress-title').focus();
  } catch (problem) {
    result.hidden = true;
    showProblem(form, problem);
  } finally {
    button.disabled = false;
  }
}

function show(p) {
  $('#progress-title').textContent = p.title || '我的诉求';
  $('#progress-ticket').textContent = p.ticketNo;
  const status = $('#progress-status');
  status.textContent = p.statusName;
  status.className = `badge ${BADGES[p.status] || ''}`.trim();
  status.dataset.status = p.status;
  $('#progress-created').textContent = time(p.createdAt);
  $('#progress-updated').textContent = time(p.updatedAt);
  $('#reply').hidden = !p.reply;
  $('#reply-text').textContent = p.reply || '';
  $('#rating').hidden = p.status !== 'FOLLOW_UP';
  fill($('#timeline'), [...p.timeline].reverse().map((step) => h('li', {},
    h('time', { datetime: step.at }, time(step.at)),
    h('span', { class: 'action' }, step.actionName),
    h('span', {}, step.description))));
  result.hidden = false;
}

ratingForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblems(ratingForm);
  if (!asked) return;
  const data = formData(ratingForm);
  const problems = [];
  if (data.resolved === undefined) problems.push({ field: 'resolved', detail: '请选择问题是否已解决' });
  if (!data.satisfaction) problems.push({ field: 'satisfaction', detail: '请选择满意程度' });
  if (problems.length) {
    showProblem(ratingForm, { fields: problems, status: 400, message: problems[0].detail });
    return;
  }
  const body = { phone: asked.phone, resolved: data.resolved === 'true', satisfaction: data.satisfaction };
  if (data.comment) body.comment = data.comment;
  const button = $('#rate');
  button.disabled = true;
  try {
    await api('POST', `/api/v1/requests/${encodeURIComponent(asked.ticketNo)}/rating`, body, { auth: false });
    ratingForm.reset();
    notice('感谢您的评价！');
    await query(asked.ticketNo, asked.phone, false);
    $('#progress-title').focus();
  } catch (problem) {
    showProblem(ratingForm, problem);
  } finally {
    button.disabled = false;
  }
});
