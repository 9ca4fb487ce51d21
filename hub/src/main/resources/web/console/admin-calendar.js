// 节假日与调休: the legal working-day calendar per year (shipped or imported), its holidays and make-up workdays on a
// year view, and replacing a year from a form, an uploaded JSON document or a spreadsheet (with its validation report).
import { api, clearProblems, showProblem } from '/assets/js/api.js';
import { $, fill, h, notice } from '/assets/js/dom.js';
import { busy, download, field, reportTable, table, upload } from './admin-common.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
let data = { years: [], workingHours: [], warnings: [] };
let current = null;

export async function show(panel) {
  fill(panel,
    h('div', { id: 'calendar-warnings', 'aria-live': 'polite' }),
    h('div', { class: 'actions calendar-years', id: 'calendar-years', role: 'group', 'aria-label': '年份' }),
    h('div', { class: 'grid admin-split' },
      h('section', { class: 'card', id: 'calendar-year', 'aria-labelledby': 'calendar-year-title' }),
      h('section', { class: 'card', id: 'calendar-editor', 'aria-labelledby': 'calendar-form-title' })),
    h('section', { class: 'card', id: 'calendar-months', 'aria-label': '全年日历' }));
  await load();
}

async function load(year) {
  data = await api('GET', '/api/v1/admin/calendar');
  const hours = (data.workingHours || []).map((p) => `${p.from}–${p.to}`).join('、');
  fill($('#calendar-warnings'),
    hours ? h('p', { class: 'muted' }, `工作时间：${hours}。法定节假日放假，调休日上班，其余周末休息。`) : null,
    (data.warnings || []).map((w) => h('p', { class: 'warning-text', role: 'note' }, w)));
  const years = data.years || [];
  const thisYear = new Date().getFullYear();
  const pick = year || current?.year || (years.find((y) => y.year === thisYear) || years[years.length - 1])?.year || thisYear;
  fill($('#calendar-years'),
    years.map((y) => h('button', { type: 'button', class: 'secondary', 'data-year': y.year,
      'aria-pressed': String(y.year === pick), onclick: () => choose(y.year) }, `${y.year}年`)),
    h('button', { type: 'button', class: 'link', id: 'calendar-new-year', onclick: () => newYear() }, '新增年份'));
  choose(pick);
}

function choose(year) {
  current = (data.years || []).find((y) => y.year === year) || { year, holidays: [], workdays: [], source: null };
  for (const b of document.querySelectorAll('#calendar-years [data-year]')) {
    b.setAttribute('aria-pressed', String(Number(b.dataset.year) === year));
  }
  const y = current;
  fill($('#calendar-year'),
    h('h2', { id: 'calendar-year-title' }, `${y.year}年节假日安排`,
      y.source ? h('span', { class: 'badge source' }, y.source === 'imported' ? '已导入' : '系统内置') : h('span', { class: 'badge warn' }, '未载入')),
    h('h3', {}, '放假安排'),
    table([
      ['节日', (d) => d.name],
      ['放假', (d) => `${d.from} 至 ${d.to}`],
      ['天数', (d) => `${days(d.from, d.to)} 天`],
    ], y.holidays || [], { id: 'calendar-holidays', empty: '该年没有载入放假安排' }),
    h('h3', {}, '调休上班日'),
    table([
      ['名称', (d) => d.name],
      ['日期', (d) => d.date],
      ['星期', (d) => `星期${WEEKDAYS[new Date(`${d.date}T00:00:00`).getDay()]}`],
    ], y.workdays || [], { id: 'calendar-workdays', empty: '没有调休上班日' }));
  editor(y);
  months(y);
}

function days(from, to) {
  return Math.round((new Date(`${to}T00:00:00Z`) - new Date(`${from}T00:00:00Z`)) / 86400000) + 1;
}

function newYear() {
  const last = Math.max(new Date().getFullYear(), ...(data.years || []).map((y) => y.year));
  choose(last + 1);
  $('#calendar-form textarea')?.focus();
}

function editor(y) {
  const holidays = h('textarea', { name: 'holidays', id: 'calendar-holidays-text', rows: 8, spellcheck: 'false' },
    (y.holidays || []).map((d) => `${d.name} ${d.from} ${d.to}`).join('\n'));
  const workdays = h('textarea', { name: 'workdays', id: 'calendar-workdays-text', rows: 5, spellcheck: 'false' },
    (y.workdays || []).map((d) => `${d.name} ${d.date}`).join('\n'));
  const form = h('form', { id: 'calendar-form', novalidate: true },
    field('年份', h('input', { name: 'year', id: 'calendar-year-input', type: 'number', min: 2000, max: 2100, value: y.year })),
    field('放假安排（每行：名称 开始日期 结束日期）', holidays, '例如：春节 2027-02-06 2027-02-13'),
    field('调休上班日（每行：名称 日期）', workdays, '例如：春节调休 2027-01-31'),
    field('或上传国务院放假通知的 JSON 文件', h('input', { type: 'file', name: 'file', id: 'calendar-file', accept: '.json,application/json' }),
      '格式：{"year":2027,"holidays":[{"name","from","to"}],"workdays":[{"name","date"}]}，选择后会填入上面的表单'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'calendar-save' }, `替换 ${y.year} 年安排`)),
    h('p', { class: 'form-error', role: 'alert' }));
  form.elements.file.addEventListener('change', () => readFile(form));
  form.elements.year.addEventListener('input', () => {
    form.querySelector('#calendar-save').textContent = `替换 ${form.elements.year.value} 年安排`;
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); save(form); });
  fill($('#calendar-editor'), h('h2', { id: 'calendar-form-title' }, '导入或替换一年的安排'),
    h('p', { class: 'muted' }, '保存后本中心立即按新安排计算办理时限，其他节点 30 秒内同步。'), form,
    spreadsheetForm(y));
}

// The Excel route: one row per holiday (类型 放假) or make-up workday (类型 调休上班); errors come back line by line.
function spreadsheetForm(y) {
  const result = h('div', { id: 'calendar-import-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'calendar-import', novalidate: true },
    h('h3', {}, '从 Excel 导入'),
    field('年份', h('input', { name: 'year', id: 'calendar-import-year', type: 'number', min: 2000, max: 2100, value: y.year })),
    field('Excel 或 CSV 文件', h('input', { type: 'file', name: 'file', id: 'calendar-import-file', accept: '.xlsx,.csv' }),
      '列依次为：类型（放假 / 调休上班）、名称、开始日期、结束日期；可先导出现有安排作为模板'),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'calendar-import-submit' }, '校验并导入'),
      h('button', { type: 'button', class: 'secondary', id: 'calendar-export',
        onclick: () => download(`/api/v1/admin/calendar/${Number(form.elements.year.value)}/export?format=xlsx`,
          `calendar-${form.elements.year.value}.xlsx`).catch((problem) => showProblem(form, problem)) }, '导出为 Excel')),
    h('p', { class: 'form-error', role: 'alert' }),
    result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    result.replaceChildren();
    const year = Number(form.elements.year.value);
    const file = form.elements.file.files[0];
    if (!file) {
      showProblem(form, { fields: [{ field: 'file', detail: '请选择要导入的文件' }], message: '请选择要导入的文件' });
      return;
    }
    await busy(form, async () => {
      try {
        const done = await upload('POST', `/api/v1/admin/calendar/${year}/import`, file);
        notice(`已导入 ${year} 年节假日安排`);
        fill(result, h('p', { class: 'ok-text', id: 'calendar-import-ok' }, `已导入 ${year} 年节假日安排。`),
          (done.report?.warnings || []).length ? reportTable('calendar-import-report', [], done.report.warnings) : null);
        await load(year);
      } catch (problem) {
        const report = problem.body?.report;
        if (report) {
          fill(result, h('p', { class: 'form-error', role: 'alert', id: 'calendar-import-error' }, problem.message),
            reportTable('calendar-import-report', report.errors, report.warnings));
        } else {
          showProblem(form, problem);
        }
      }
    });
  });
  return form;
}

async function readFile(form) {
  clearProblems(form);
  const file = form.elements.file.files[0];
  if (!file) return;
  try {
    const doc = JSON.parse(await file.text());
    form.elements.year.value = doc.year ?? '';
    form.elements.holidays.value = (doc.holidays || []).map((d) => `${d.name} ${d.from} ${d.to}`).join('\n');
    form.elements.workdays.value = (doc.workdays || []).map((d) => `${d.name} ${d.date}`).join('\n');
    form.querySelector('#calendar-save').textContent = `替换 ${doc.year} 年安排`;
    notice('已读取文件，请核对后保存');
  } catch {
    showProblem(form, { fields: [{ field: 'file', detail: '文件不是有效的 JSON 放假安排' }], message: '文件不是有效的 JSON 放假安排' });
  }
}

function parseLines(text, fieldName, parts, label) {
  const out = [];
  const errors = [];
  text.split('\n').map((l) => l.trim()).forEach((line, i) => {
    if (!line) return;
    const cells = line.split(/[\s,，]+/);
    if (cells.length !== parts.length || !cells.slice(1).every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c))) {
      errors.push(`第 ${i + 1} 行“${line}”格式不对，应为：${label}`);
      return;
    }
    out.push(Object.fromEntries(parts.map((p, k) => [p, cells[k]])));
  });
  return { out, errors: errors.length ? [{ field: fieldName, detail: errors.join('；') }] : [] };
}

async function save(form) {
  clearProblems(form);
  const year = Number(form.elements.year.value);
  const holidays = parseLines(form.elements.holidays.value, 'holidays', ['name', 'from', 'to'], '名称 开始日期 结束日期');
  const workdays = parseLines(form.elements.workdays.value, 'workdays', ['name', 'date'], '名称 日期');
  const errors = [...holidays.errors, ...workdays.errors];
  if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.unshift({ field: 'year', detail: '年份须为 2000 到 2100 之间的整数' });
  if (errors.length) {
    showProblem(form, { fields: errors, message: errors[0].detail });
    return;
  }
  await busy(form, async () => {
    try {
      await api('PUT', `/api/v1/admin/calendar/${year}`, { year, holidays: holidays.out, workdays: workdays.out });
      notice(`已保存 ${year} 年节假日安排`);
      await load(year);
    } catch (problem) {
      showProblem(form, problem);
    }
  });
}

function months(y) {
  const holiday = new Map();
  for (const d of y.holidays || []) {
    for (let t = new Date(`${d.from}T00:00:00Z`); t <= new Date(`${d.to}T00:00:00Z`); t = new Date(t.getTime() + 86400000)) {
      holiday.set(t.toISOString().slice(0, 10), d.name);
    }
  }
  const workday = new Map((y.workdays || []).map((d) => [d.date, d.name]));
  const grid = [];
  for (let m = 0; m < 12; m += 1) {
    const first = new Date(Date.UTC(y.year, m, 1));
    const cells = [];
    for (let i = 0; i < first.getUTCDay(); i += 1) cells.push(h('td', {}));
    for (let d = new Date(first); d.getUTCMonth() === m; d = new Date(d.getTime() + 86400000)) {
      const iso = d.toISOString().slice(0, 10);
      const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
      const kind = holiday.has(iso) ? 'holiday' : workday.has(iso) ? 'makeup' : weekend ? 'weekend' : '';
      const title = holiday.get(iso) ? `${iso} ${holiday.get(iso)}（放假）` : workday.get(iso) ? `${iso} ${workday.get(iso)}（调休上班）` : iso;
      cells.push(h('td', { class: kind, title }, d.getUTCDate()));
    }
    const rows = [];
    for (let i = 0; i < cells.length; i += 7) rows.push(h('tr', {}, cells.slice(i, i + 7)));
    grid.push(h('table', { class: 'month' },
      h('caption', {}, `${m + 1}月`),
      h('thead', {}, h('tr', {}, WEEKDAYS.map((w) => h('th', { scope: 'col' }, w)))),
      h('tbody', {}, rows)));
  }
  fill($('#calendar-months'),
    h('h2', {}, `${y.year}年全年日历`),
    h('p', { class: 'legend' },
      h('span', { class: 'swatch holiday' }, '放假'), h('span', { class: 'swatch makeup' }, '调休上班'),
      h('span', { class: 'swatch weekend' }, '周末')),
    h('div', { class: 'months' }, grid));
}
