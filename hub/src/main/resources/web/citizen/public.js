import { api, clearProblems } from '/assets/js/api.js';
import { showProblem } from '/citizen/common.js';
import { $, fill, h, time } from '/assets/js/dom.js';

const CHANNELS = { web: '网友留言', mailbox: '领导信箱', hotline: '12345热线', wechat: '微信', miniprogram: '小程序' };

// ---- 留言答复, newest first, paged by the API's cursor ----
const replies = $('#replies');
const more = $('#more-replies');
let next = null;
let loaded = 0;

async function loadReplies() {
  more.disabled = true;
  try {
    const page = await api('GET', `/api/v1/public/replies?limit=10${next ? `&before=${next}` : ''}`, undefined,
      { auth: false });
    if (!loaded) replies.replaceChildren();
    page.items.forEach((item) => replies.append(card(item)));
    loaded += page.items.length;
    if (!loaded) fill(replies, h('p', { class: 'empty' }, '暂无公开的留言答复。'));
    next = page.next;
    more.hidden = !next;
  } catch (problem) {
    replies.append(h('p', { class: 'form-error', role: 'alert' }, `加载失败：${problem.message}`));
  } finally {
    more.disabled = false;
  }
}

function card(item) {
  return h('article', { class: 'card reply-card', 'data-ticket': item.ticketNo },
    h('h3', {}, item.title || '（无标题）'),
    h('p', { class: 'meta' },
      h('span', {}, `工单号 ${item.ticketNo}`),
      h('span', {}, item.mailbox || CHANNELS[item.channel] || item.channel),
      item.category ? h('span', {}, item.category) : null,
      h('span', {}, `提交于 ${time(item.createdAt)}`)),
    h('p', { class: 'content pre' }, item.content),
    item.reply ? h('div', { class: 'reply' },
      h('h4', {}, `${item.department || '承办单位'}答复`),
      h('p', { class: 'pre' }, item.reply),
      h('p', { class: 'meta' }, `公开于 ${time(item.publishedAt)}`)) : null);
}

more.addEventListener('click', loadReplies);

// ---- 月度统计 ----
const statsForm = $('#stats-form');
const monthInput = $('#stats-month');
const stats = $('#stats');

function thisMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .formatToParts(new Date()).reduce((all, p) => ({ ...all, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}`;
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function figure(label, value, basis, share) {
  const meter = share === undefined ? null : h('div', { class: 'meter', 'aria-hidden': 'true' }, h('span'));
  if (meter) meter.firstChild.style.width = `${Math.max(0, Math.min(1, share || 0)) * 100}%`;
  return h('div', { class: 'figure' }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value),
    basis ? h('span', { class: 'basis' }, basis) : null, meter);
}

function rateFigure(label, r, id) {
  const el = figure(label, percent(r.rate), r.denominator ? `${r.numerator} / ${r.denominator}` : '本月暂无数据', r.rate ?? 0);
  el.id = id;
  return el;
}

function bars(title, id, items) {
  const max = Math.max(1, ...items.map((i) => i.count));
  const list = h('ul', { class: 'bars', id, 'aria-label': title });
  for (const item of items) {
    const bar = h('div', { class: 'bar' });
    bar.style.width = `${(item.count / max) * 100}%`;
    list.append(h('li', {}, h('span', { class: 'name' }, item.label), h('div', { class: 'track', 'aria-hidden': 'true' }, bar),
      h('span', { class: 'count' }, String(item.count))));
  }
  return [h('h3', {}, title), items.length ? list : h('p', { class: 'empty', id }, '本月暂无数据')];
}

async function loadStats(month) {
  clearProblems(statsForm);
  try {
    const s = await api('GET', `/api/v1/public/stats?month=${encodeURIComponent(month)}`, undefined, { auth: false });
    const [year, mm] = s.month.split('-');
    fill(stats,
      h('p', { class: 'muted', id: 'stats-period' }, `${year}年${Number(mm)}月（${s.from} 至 ${s.to}），数据更新于 ${time(s.generatedAt)}`),
      h('div', { class: 'figures' },
        Object.assign(figure('受理诉求', `${s.total} 件`), { id: 'stats-total' }),
        Object.assign(figure('公开答复', `${s.published} 件`), { id: 'stats-published' }),
        rateFigure('响应率', s.responseRate, 'rate-response'),
        rateFigure('按时办结率', s.onTimeCloseRate, 'rate-on-time'),
        rateFigure('满意率', s.satisfactionRate, 'rate-satisfaction')),
      h('p', { class: 'hint' }, '响应率：按时签收的派单占应签收派单的比例；按时办结率：按期答复办结的工单占应办结工单的比例；满意率：回访中“满意”和“基本满意”占回访总数的比例。'),
      h('div', { class: 'charts' },
        h('div', {}, bars('按诉求类型', 'stats-by-type', s.byType)),
        h('div', {}, bars('按问题分类', 'stats-by-category', s.byCategory)),
        h('div', {}, bars('按承办单位', 'stats-by-department', s.byDepartment))));
  } catch (problem) {
    fill(stats);
    showProblem(statsForm, problem);
  }
}

statsForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const month = monthInput.value.trim();
  if (!month) {
    showProblem(statsForm, { fields: [{ field: 'month', detail: '请选择统计月份' }], status: 400, message: '请选择统计月份' });
    return;
  }
  loadStats(month);
});

const month = thisMonth();
monthInput.value = month;
monthInput.max = month;
loadStats(month);
loadReplies();
