// The KPI dashboard: 三率 and the other rates as tiles, volumes as bar charts drawn by the page itself (CSS bars with
// widths set through the CSSOM, and an SVG column chart per day), and the rates of the departments that received
// tickets in the period, side by side (one KPI query per department).
import { api, clearProblems } from '/assets/js/api.js';
import { showProblem } from '/console/casefile.js';
import { $, fill, h } from '/assets/js/dom.js';

const RATES = [
  ['responseRate', '响应率'], ['onTimeCloseRate', '按时办结率'], ['resolutionRate', '解决率'],
  ['satisfactionRate', '满意率'], ['returnRate', '退单率'], ['extensionRate', '延期率'], ['reopenRate', '重办率'],
];
const SVG = 'http://www.w3.org/2000/svg';
let departments = [];

function percent(rate) {
  return rate?.rate === null || rate?.rate === undefined ? '—' : `${(rate.rate * 100).toFixed(1)}%`;
}

function meter(rate) {
  const inner = h('span');
  inner.style.width = `${Math.max(0, Math.min(1, rate?.rate || 0)) * 100}%`;
  return h('div', { class: 'meter', 'aria-hidden': 'true' }, inner);
}

/** The rate tiles of one KPI answer. */
export function tiles(kpi) {
  return RATES.map(([key, name]) => h('div', { class: 'kpi-tile', 'data-kpi': key },
    h('div', { class: 'name' }, name),
    h('div', { class: 'value' }, percent(kpi[key])),
    h('div', { class: 'ratio' }, `${kpi[key]?.numerator ?? 0} / ${kpi[key]?.denominator ?? 0}`),
    meter(kpi[key])));
}

/** Horizontal bars, biggest first. */
export function barChart(items, label) {
  if (!items || items.length === 0) return h('p', { class: 'muted' }, '本期无数据');
  const sorted = [...items].sort((a, b) => b.count - a.count).slice(0, 12);
  const max = Math.max(...sorted.map((i) => i.count), 1);
  return h('ul', { class: 'hbars', 'aria-label': label }, sorted.map((item) => {
    const bar = h('div', { class: 'bar' });
    bar.style.width = `${(item.count / max) * 100}%`;
    return h('li', { 'data-key': item.key },
      h('span', { class: 'label', title: item.label || item.key }, item.label || item.key || '—'),
      h('span', { class: 'track', 'aria-hidden': 'true' }, bar),
      h('span', { class: 'n' }, String(item.count)));
  }));
}

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** One column per day of the period, days without tickets included. */
export function dayChart(items, from, to) {
  const counts = new Map((items || []).map((i) => [i.key, i.count]));
  const days = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`) && days.length < 400;
    d.setUTCDate(d.getUTCDate() + 1)) {
    const key = d.toISOString().slice(0, 10);
    days.push({ key, count: counts.get(key) || 0 });
  }
  if (days.length === 0) return h('p', { class: 'muted' }, '本期无数据');
  const max = Math.max(...days.map((d) => d.count), 1);
  const width = 600;
  const height = 180;
  const top = 16;
  const bottom = 22;
  const step = width / days.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', id: 'day-chart',
    'aria-label': `每日受理量，共 ${days.reduce((s, d) => s + d.count, 0)} 件` });
  chart.append(svg('line', { class: 'axis', x1: 0, y1: height - bottom, x2: width, y2: height - bottom }));
  const labelEvery = Math.ceil(days.length / 10);
  days.forEach((d, i) => {
    const barHeight = ((height - top - bottom) * d.count) / max;
    const barWidth = Math.max(Math.min(step * 0.7, 36), 1);
    const rect = svg('rect', { class: 'col', x: i * step + (step - barWidth) / 2, y: height - bottom - barHeight,
      width: barWidth, height: barHeight, 'data-day': d.key });
    rect.append(svg('title', {}, `${d.key}：${d.count} 件`));
    chart.append(rect);
    if (d.count > 0 && step >= 14) {
      chart.append(svg('text', { x: i * step + step / 2, y: height - bottom - barHeight - 3, 'text-anchor': 'middle' },
        String(d.count)));
    }
    if (i % labelEvery === 0) {
      chart.append(svg('text', { x: i * step + step / 2, y: height - 6, 'text-anchor': 'middle' }, d.key.slice(5)));
    }
  });
  return chart;
}

function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

async function departmentRates(from, to, ids) {
  const body = $('#kpi-departments tbody');
  fill(body, h('tr', {}, h('td', { colspan: '6', class: 'muted' }, '正在计算…')));
  const rows = [];
  const queue = departments.filter((d) => ids.has(String(d.id)));
  const worker = async () => {
    while (queue.length) {
      const d = queue.shift();
      try {
        const kpi = await api('GET', `/api/v1/stats/kpi?${new URLSearchParams({ from, to, department: d.id })}`);
        if ((kpi.counts?.dispatched || 0) > 0 || (kpi.counts?.closed || 0) > 0) rows.push({ d, kpi });
      } catch { /* a department's figures are skipped if they fail */ }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  rows.sort((a, b) => (b.kpi.counts?.dispatched || 0) - (a.kpi.counts?.dispatched || 0));
  const cell = (rate) => h('td', { class: 'rate-cell' }, percent(rate), meter(rate));
  fill(body, rows.length === 0 ? h('tr', {}, h('td', { colspan: '6', class: 'muted' }, '本期无派单'))
    : rows.map(({ d, kpi }) => h('tr', { 'data-department': d.id },
      h('th', { scope: 'row' }, d.name), h('td', {}, String(kpi.counts?.dispatched ?? 0)),
      cell(kpi.responseRate), cell(kpi.onTimeCloseRate), cell(kpi.satisfactionRate), cell(kpi.resolutionRate))));
}

/** Loads the figures of the form's period and draws them. */
export async function showKpi() {
  const form = $('#kpi-form');
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'department']) {
    const value = form.elements[name].value;
    if (value) params.set(name, value);
  }
  clearProblems(form);
  let kpi;
  try {
    kpi = await api('GET', `/api/v1/stats/kpi?${params}`);
  } catch (problem) {
    showProblem(form, problem);
    return;
  }
  const dept = departments.find((d) => d.id === kpi.department);
  $('#kpi-period').textContent = `统计期间：${kpi.from} 至 ${kpi.to}${dept ? `，${dept.name}` : '，全部单位'}；`
    + `派单 ${kpi.counts?.dispatched ?? 0} 件，办结 ${kpi.counts?.closed ?? 0} 件，回访 ${kpi.counts?.followedUp ?? 0} 件`;
  fill($('#kpi-rates'), tiles(kpi));
  const v = kpi.volumes || {};
  fill($('#chart-byDay'), dayChart(v.byDay, kpi.from, kpi.to));
  for (const [key, label] of [['byDepartment', '按承办单位'], ['byCategory', '按诉求分类'], ['byArea', '按区域'],
    ['byChannel', '按渠道'], ['byType', '按诉求类型']]) {
    fill($(`#chart-${key}`), barChart(v[key], label));
  }
  if (!kpi.department) await departmentRates(kpi.from, kpi.to, new Set((v.byDepartment || []).map((i) => i.key)));
  else fill($('#kpi-departments tbody'), h('tr', {}, h('td', { colspan: '6', class: 'muted' }, '选择“全部单位”时显示各单位对比')));
}

/** Sets the form up once: the department choices and this month as the period. */
export async function setUpKpi() {
  const form = $('#kpi-form');
  const now = today();
  form.elements.from.value = `${now.slice(0, 8)}01`;
  form.elements.to.value = now;
  try {
    departments = (await api('GET', '/api/v1/departments')).items || [];
  } catch { departments = []; }
  form.elements.department.append(...departments.map((d) => h('option', { value: d.id }, d.name)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showKpi();
  });
}
