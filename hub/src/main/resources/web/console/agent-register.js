// 来电登记 with knowledge-base suggestions while typing, 直接答复, and the incoming-call screen-pop that starts it.
import { api, clearProblems, showProblem, Problem } from '/assets/js/api.js';
import { $, h, fill, time, notice } from '/assets/js/dom.js';
import { channelName, detail, linkCategories, loadTaxonomy, options, percent, statusBadge } from './agent-common.js';

const form = $('#register');
const kbBox = $('#kb-suggestion');
const result = $('#reg-result');
let idempotencyKey = newKey();
let lastQuery = '';
let kbTimer;
let kbSeq = 0;
let showTab = () => {};

function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `reg-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

export async function initRegister({ show }) {
  showTab = show;
  form.addEventListener('submit', (e) => { e.preventDefault(); register(false); });
  $('#reg-answer-submit').addEventListener('click', () => register(true));
  $('#reg-reset').addEventListener('click', reset);
  $('#reg-content').addEventListener('input', () => {
    clearTimeout(kbTimer);
    kbTimer = setTimeout(suggest, 500);
  });
  $('#screen-pop-close').addEventListener('click', closePop);
  try {
    const tax = await loadTaxonomy();
    options($('#reg-type'), tax.types || []);
    options($('#reg-category'), (tax.categories || []).map((c) => c.name));
    linkCategories($('#reg-category'), $('#reg-subcategory'), tax);
  } catch (problem) {
    notice(`分类体系加载失败：${problem.message}`, 'error');
  }
}

function body(withAnswer) {
  const v = (name) => form.elements[name].value.trim();
  const out = { caller: { phone: v('phone') }, content: v('content'), urgency: v('urgency') || 'NORMAL' };
  if (v('name')) out.caller.name = v('name');
  for (const key of ['title', 'type', 'category', 'subcategory', 'address', 'callId']) {
    if (v(key)) out[key] = v(key);
  }
  if (form.elements.publicConsent.checked) out.publicConsent = true;
  if (withAnswer) out.answer = v('answer');
  return out;
}

async function register(withAnswer) {
  clearProblems(form);
  if (withAnswer) {
    if (!form.elements.answer.value.trim()) {
      showProblem(form, new Problem(400, { detail: '请填写直接答复的内容', field: 'answer' }));
      return;
    }
    if (!form.elements.type.value) form.elements.type.value = '咨询';
  }
  const buttons = [$('#reg-submit'), $('#reg-answer-submit')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const headers = form.elements.callId.value ? {} : { 'Idempotency-Key': idempotencyKey };
    const made = await api('POST', '/api/v1/tickets', body(withAnswer), { headers });
    showResult(made, withAnswer);
    reset(false);
  } catch (problem) {
    showProblem(form, problem);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function showResult(made, answered) {
  fill(result, h('div', { class: 'reg-result' },
    h('p', {}, answered ? '已直接答复并办结，工单号 ' : '工单已登记，工单号 ',
      h('strong', { id: 'reg-ticket-no' }, made.ticketNo), '，状态：',
      h('span', { id: 'reg-ticket-status' }, made.statusName || made.status),
      made.duplicate ? '（同一来电已登记过）' : ''),
    h('button', { type: 'button', class: 'link', onclick: () => detail.open(made.ticketNo) }, '查看工单详情')));
  notice(`工单 ${made.ticketNo} 已登记`);
}

function reset(clearResult = true) {
  form.reset();
  form.elements.subcategory.replaceChildren(h('option', { value: '' }, '（可不选）'));
  clearProblems(form);
  idempotencyKey = newKey();
  lastQuery = '';
  fill(kbBox, h('p', { class: 'muted' }, '输入诉求内容后，这里会显示知识库中的参考答案。'));
  if (clearResult !== false) result.replaceChildren();
}

async function suggest(question) {
  const q = (question || form.elements.content.value).trim().slice(0, 500);
  if (q.length < 4 || q === lastQuery) return;
  lastQuery = q;
  const seq = ++kbSeq;
  fill(kbBox, h('p', { class: 'muted' }, '正在检索知识库…'));
  try {
    const answer = await api('GET', `/api/v1/kb/answer?channel=hotline&q=${encodeURIComponent(q)}`);
    if (seq === kbSeq) drawAnswer(answer);
  } catch (problem) {
    if (seq === kbSeq) fill(kbBox, h('p', { class: 'form-error' }, problem.message));
  }
}

function drawAnswer(a) {
  const parts = [];
  if (a.answered) {
    const src = a.source;
    parts.push(h('div', { class: 'kb-answer', id: 'kb-answer' },
      h('h3', {}, a.question || '参考答案'),
      h('p', { class: 'pre' }, a.answer),
      h('p', { class: 'muted' }, `匹配度 ${percent(a.confidence)}`),
      src ? h('p', { class: 'kb-source', id: 'kb-source' }, '依据：', src.title,
        src.docNo ? `（${src.docNo}）` : '', src.issuer ? ` ${src.issuer}` : '', src.date ? ` ${src.date}` : '') : null,
      a.passage ? h('p', { class: 'kb-source' }, '出处：', a.passage.citation || a.passage.label) : null,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', id: 'kb-use', onclick: () => useAnswer(a.answer) },
          '带入直接答复'))));
  } else {
    parts.push(h('div', { class: 'kb-answer weak', id: 'kb-answer' },
      h('p', {}, '知识库中没有把握的答案。'),
      h('p', { class: 'muted pre' }, a.answer || '')));
  }
  const alternatives = (a.alternatives || []).filter((x) => x.question);
  if (alternatives.length) {
    parts.push(h('h3', {}, '您是不是想问'),
      h('ul', { class: 'kb-alternatives', id: 'kb-alternatives' }, alternatives.map((alt) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => { lastQuery = ''; suggest(alt.question); } },
          alt.question),
        h('span', { class: 'muted' }, ` ${percent(alt.confidence)}`)))));
  }
  fill(kbBox, parts);
}

function useAnswer(text) {
  form.elements.answer.value = text;
  if ([...form.elements.type.options].some((o) => o.value === '咨询')) form.elements.type.value = '咨询';
  form.elements.answer.focus();
}

/** Shows the screen-pop of a `screen-pop` live event. */
export function screenPop(event) {
  const pop = $('#screen-pop');
  const history = event.history || {};
  fill($('#screen-pop-caller'), event.caller || '未知号码');
  fill($('#screen-pop-time'), event.answeredAt ? `接通于 ${time(event.answeredAt)}` : '');
  const citizen = history.citizen;
  fill($('#screen-pop-citizen'), citizen
    ? `已识别市民：${citizen.name || '（未留姓名）'}，共 ${(history.tickets || []).length} 件历史工单`
    : '未找到已核验的市民档案');
  const rows = [
    ...(history.tickets || []).map((t) => [t, false]),
    ...(history.unverifiedTickets || []).map((t) => [t, true]),
  ];
  fill($('#screen-pop-history tbody'), rows.length ? rows.map(([t, unverified]) => h('tr', {
    class: unverified ? 'unverified' : null,
  },
  h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => detail.open(t.ticketNo) }, t.ticketNo)),
  h('td', {}, t.channelName || channelName(t.channel)),
  h('td', {}, t.title, unverified ? [' ', h('span', { class: 'badge warn' }, '未核验同号码')] : null),
  h('td', {}, statusBadge(t.status, t.statusName)),
  h('td', {}, time(t.createdAt)))) : h('tr', {}, h('td', { colspan: 5, class: 'muted' }, '该号码没有历史工单')));
  $('#screen-pop-register').onclick = () => startFromCall(event);
  pop.hidden = false;
  pop.focus();
  notice(`来电：${event.caller || '未知号码'}`);
}

function startFromCall(event) {
  showTab('register');
  reset();
  form.elements.phone.value = event.caller || '';
  form.elements.callId.value = event.callId || '';
  const citizen = event.history && event.history.citizen;
  if (citizen && citizen.name) form.elements.name.value = citizen.name;
  form.elements.content.focus();
}

function closePop() {
  $('#screen-pop').hidden = true;
  $('#tab-register').focus();
}

/** Starts a new registration (shortcut). */
export function newRegistration() {
  showTab('register');
  form.elements.content.focus();
}
