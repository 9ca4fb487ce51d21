// Shared by the citizen pages: random ids that work without a secure context, and the web-form submission with a
// formId per form fill, so that a retry (double click, lost answer, network error) finds the ticket already made.
import { api, clearProblems, formData, showProblem as showEach } from '/assets/js/api.js';
import { fill, h } from '/assets/js/dom.js';

/**
 * Shows a Problem on a form, each field's detail once: the API names a single offending field both as `field` and in
 * `errors`, which api.js's Problem lists twice.
 */
export function showProblem(form, problem) {
  const seen = new Set();
  const fields = (problem.fields || []).filter(({ field, detail }) => {
    const key = `${field}\u0000${detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  showEach(form, Object.assign(Object.create(Object.getPrototypeOf(problem)), problem, { fields, message: problem.message }));
}

/** A random id of `bytes` bytes as hex (crypto.getRandomValues works on plain-http intranets too). */
export function randomId(bytes = 16) {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Wires a 网友留言 or 领导信箱 form: `path()` answers the API path (or null when the form cannot be sent yet),
 * `extra()` more problems to show first. On success the form is hidden and `result` shows the ticket number.
 */
export function submission(form, result, { path, intro }) {
  let formId = randomId();
  const button = form.querySelector('button[type=submit]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    const target = path();
    if (!target) return;
    const body = formData(form);
    delete body.mailbox;
    body.formId = formId;
    button.disabled = true;
    button.textContent = '正在提交…';
    try {
      const answer = await api('POST', target, body, { auth: false });
      showResult(answer);
    } catch (problem) {
      showProblem(form, problem);
    } finally {
      button.disabled = false;
      button.textContent = button.dataset.label;
    }
  });
  button.dataset.label = button.textContent;

  function showResult(answer) {
    const progress = `/citizen/progress.html?ticketNo=${encodeURIComponent(answer.ticketNo)}`;
    fill(result,
      h('h2', { id: 'result-title', tabindex: '-1' }, '提交成功'),
      h('p', {}, intro(answer)),
      h('p', { class: 'muted' }, '工单号'),
      h('p', { class: 'ticket-no', id: 'ticket-no' }, answer.ticketNo),
      answer.duplicate ? h('p', { class: 'muted', id: 'duplicate-note' }, '这份内容此前已提交成功，本次没有重复登记。') : null,
      h('p', {}, '请记下工单号。凭工单号和填写的联系电话，可随时在“办理进度查询”查看办理进度和答复；办结后可对办理结果进行评价。'),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: progress, id: 'to-progress' }, '查询办理进度'),
        h('button', { type: 'button', class: 'secondary', id: 'write-another', onclick: another }, '再写一条')));
    form.hidden = true;
    result.hidden = false;
    result.querySelector('#result-title').focus();
  }

  function another() {
    form.reset();
    clearProblems(form);
    formId = randomId();
    result.hidden = true;
    form.hidden = false;
    form.querySelector('textarea, input:not([type=hidden])')?.focus();
  }
}
