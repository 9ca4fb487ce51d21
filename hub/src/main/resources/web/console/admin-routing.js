// 责任清单: the versions, export, a new version uploaded as a draft with its validation report (a refused file shows
// each error by line and column), the what-if simulation of a version against the one in force, and publishing.
import { api, clearProblems, showProblem } from '/assets/js/api.js';
import { $, fill, h, notice, time } from '/assets/js/dom.js';
import { busy, download, field, reportTable, table, upload } from './admin-common.js';

const STATUS_BADGE = { PUBLISHED: 'ok', DRAFT: 'warn', ARCHIVED: '' };

export async function show(panel) {
  const form = h('form', { id: 'list-upload', novalidate: true },
    field('版本名称', h('input', { name: 'name', id: 'list-name', maxlength: 100, placeholder: '例如：2026年12月调整' })),
    field('清单文件（.xlsx 或 CSV）', h('input', { type: 'file', name: 'file', id: 'list-file', accept: '.xlsx,.csv', required: true }),
      '列：序号、一级分类、二级分类、关键词、区域、诉求类型、主办单位、协办单位、职责依据、生效日期、失效日期；可先导出现行清单修改后上传'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'list-upload-submit' }, '校验并保存为草稿')),
    h('p', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', (e) => { e.preventDefault(); uploadList(form); });
  fill(panel,
    h('div', { class: 'grid admin-split' },
      h('section', { class: 'card', 'aria-labelledby': 'lists-title' },
        h('h2', { id: 'lists-title' }, '清单版本'),
        h('div', { id: 'lists' })),
      h('section', { class: 'card', 'aria-labelledby': 'list-upload-title' },
        h('h2', { id: 'list-upload-title' }, '上传新版本'),
        form)),
    h('section', { class: 'card', id: 'list-result', 'aria-live': 'polite', hidden: true }),
    h('div', { id: 'publish-confirm', 'aria-live': 'polite' }),
    h('section', { class: 'card', id: 'list-whatif', hidden: true, 'aria-labelledby': 'whatif-title' }),
    h('section', { class: 'card', id: 'list-detail', hidden: true, 'aria-labelledby': 'list-detail-title' }));
  await loadVersions();
}

async function loadVersions() {
  const items = (await api('GET', '/api/v1/admin/responsibility-lists')).items || [];
  fill($('#lists'), table([
    ['版本', (v) => `v${v.version}`],
    ['名称', (v) => v.name],
    ['状态', (v) => h('span', { class: `badge ${STATUS_BADGE[v.status] || ''}` }, v.statusName || v.status)],
    ['条数', (v) => v.rows],
    ['提示', (v) => v.warnings || 0],
    ['创建', (v) => `${v.createdBy || ''} ${time(v.createdAt)}`],
    ['发布', (v) => (v.publishedAt ? `${v.publishedBy || ''} ${time(v.publishedAt)}` : '—')],
    ['操作', (v) => h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'link', 'data-action': 'view', onclick: () => view(v.version) }, '查看'),
      h('button', { type: 'button', class: 'link', 'data-action': 'export', onclick: () => exportList(v.version, 'xlsx') }, '导出 .xlsx'),
      h('button', { type: 'button', class: 'link', 'data-action': 'export-csv', onclick: () => exportList(v.version, 'csv') }, 'CSV'),
      v.status !== 'PUBLISHED'
        ? h('button', { type: 'button', class: 'link', 'data-action': 'what-if', onclick: () => whatIf(v.version) }, '模拟派单')
        : null,
      v.status !== 'PUBLISHED'
        ? h('button', { type: 'button', class: 'link', 'data-action': 'publish', onclick: () => confirmPublish(v) }, '发布')
        : null)],
  ], items, { id: 'lists-table', rowAttrs: (v) => ({ 'data-version': v.version, 'data-status': v.status }) }));
}

async function uploadList(form) {
  clearProblems(form);
  const result = $('#list-result');
  result.replaceChildren();
  result.hidden = true;
  const file = form.elements.file.files[0];
  const name = form.elements.name.value.trim();
  await busy(form, async () => {
    try {
      if (!file) throw { fields: [{ field: 'file', detail: '请选择责任清单文件' }], message: '请选择责任清单文件' };
      const query = name ? `?name=${encodeURIComponent(name)}` : '';
      const created = await upload('POST', `/api/v1/admin/responsibility-lists${query}`, file);
      const report = created.report || {};
      result.hidden = false;
      fill(result,
        h('p', { class: 'ok-text', id: 'list-upload-ok' },
          `校验通过，已保存为草稿 v${created.version}（${report.rows ?? ''} 条）。可先模拟派单，再发布。`),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', onclick: () => whatIf(created.version) }, '模拟派单'),
          h('button', { type: 'button', id: 'list-publish-new', onclick: () => confirmPublish({ version: created.version, name: name || '新版本' }) },
            `发布 v${created.version}`)),
        warnings(report, 'list-report'));
      form.reset();
      await loadVersions();
    } catch (problem) {
      const report = problem.body?.report;
      if (report) {
        result.hidden = false;
        fill(result,
          h('p', { class: 'form-error', role: 'alert', id: 'list-upload-error' }, problem.message),
          reportTable('list-report', report.errors, []),
          warnings(report, 'list-report-warnings'));
        result.querySelector('table')?.scrollIntoView({ block: 'nearest' });
      } else {
        showProblem(form, problem);
      }
    }
  });
}

function warnings(report, id) {
  const list = report?.warnings || [];
  return list.length
    ? h('details', { class: 'history' }, h('summary', {}, `另有 ${list.length} 条提示（不影响导入）`), reportTable(id, [], list))
    : null;
}

function confirmPublish(v) {
  const area = $('#publish-confirm');
  fill(area, h('div', { class: 'card confirm', role: 'alertdialog', 'aria-labelledby': 'publish-confirm-text' },
    h('p', { id: 'publish-confirm-text' }, `发布 v${v.version}「${v.name}」后，所有新诉求立即按此版本派单，现行版本将归档。确认发布吗？`),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'publish-confirm-yes', onclick: () => publish(v.version) }, `确认发布 v${v.version}`),
      h('button', { type: 'button', class: 'secondary', onclick: () => area.replaceChildren() }, '取消'))));
  area.querySelector('button').focus();
}

async function publish(version) {
  const area = $('#publish-confirm');
  try {
    await api('POST', `/api/v1/admin/responsibility-lists/${version}/publish`);
    area.replaceChildren();
    notice(`v${version} 已发布`);
    $('#list-result').hidden = false;
    fill($('#list-result'), h('p', { class: 'ok-text', id: 'list-published' }, `v${version} 已发布，现行派单依据已更新。`));
    await loadVersions();
  } catch (problem) {
    fill(area, h('p', { class: 'form-error', role: 'alert' }, problem.message));
  }
}

async function exportList(version, format) {
  try {
    await download(`/api/v1/admin/responsibility-lists/${version}/export?format=${format}`, `responsibility-list-v${version}.${format}`);
  } catch (problem) {
    notice(problem.message, 'error');
  }
}

async function whatIf(version) {
  const area = $('#list-whatif');
  area.hidden = false;
  const days = h('input', { type: 'number', name: 'days', id: 'whatif-days', min: 1, max: 366, value: 30 });
  const form = h('form', { class: 'inline-form', novalidate: true },
    field('回溯天数', days),
    h('button', { type: 'submit' }, '重新模拟'),
    h('p', { class: 'form-error', role: 'alert' }));
  const out = h('div', { id: 'whatif-result', 'aria-live': 'polite' }, h('p', { class: 'muted' }, '模拟中…'));
  const run = async () => {
    clearProblems(form);
    try {
      const r = await api('GET', `/api/v1/admin/responsibility-lists/${version}/what-if?days=${encodeURIComponent(days.value || 30)}`);
      fill(out,
        h('p', { id: 'whatif-summary' },
          `近 ${r.days} 天 ${r.tickets} 件工单中，按 v${r.simulatedVersion} 派单将有 ${r.changed} 件改变主办单位`
          + `（现行 v${r.currentVersion ?? '—'}）；新增无法派单 ${r.newlyUnroutable} 件，新增可派单 ${r.newlyRoutable} 件。`),
        table([
          ['工单号', (i) => i.ticketNo],
          ['标题', (i) => i.title],
          ['分类', (i) => i.category],
          ['现行主办', (i) => (i.currentLead ? `${i.currentLead.name}${i.currentRow ? `（第${i.currentRow}条）` : ''}` : '无法派单')],
          ['模拟主办', (i) => (i.simulatedLead ? `${i.simulatedLead.name}${i.simulatedRow ? `（第${i.simulatedRow}条）` : ''}` : '无法派单')],
        ], r.items || [], { id: 'whatif-table', empty: '没有工单会改变派单' }));
    } catch (problem) {
      showProblem(form, problem);
      out.replaceChildren();
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
  fill(area, h('h2', { id: 'whatif-title' }, `模拟派单：v${version} 与现行版本对比`), form, out);
  area.scrollIntoView({ block: 'start' });
  await run();
}

async function view(version) {
  const area = $('#list-detail');
  area.hidden = false;
  try {
    const list = await api('GET', `/api/v1/admin/responsibility-lists/${version}`);
    const report = list.report || {};
    fill(area,
      h('h2', { id: 'list-detail-title' }, `v${list.version}「${list.name}」· ${list.statusName}（${(list.rows || []).length} 条）`),
      report.errors?.length ? reportTable('list-detail-report', report.errors, []) : null,
      warnings(report, 'list-detail-warnings'),
      table([
        ['序号', (r) => r.rowNo],
        ['一级分类', (r) => r.category],
        ['二级分类', (r) => r.subcategory || '—'],
        ['关键词', (r) => (r.keywords || []).join('、') || '—'],
        ['区域', (r) => r.area?.name || '全域'],
        ['诉求类型', (r) => r.requestType || '全部'],
        ['主办单位', (r) => r.lead?.name || ''],
        ['协办单位', (r) => (r.coUnits || []).map((c) => c.name).join('、') || '—'],
        ['职责依据', (r) => r.basis],
        ['有效期', (r) => `${r.effectiveFrom || ''} ~ ${r.effectiveTo || ''}`],
      ], list.rows || [], { id: 'list-rows' }));
    area.scrollIntoView({ block: 'start' });
  } catch (problem) {
    notice(problem.message, 'error');
  }
}
