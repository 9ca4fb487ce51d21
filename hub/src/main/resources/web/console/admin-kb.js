// 知识库: entries with search and status filter, the editor with the review workflow (submit, approve, reject,
// retire) and version history, import/export, policy documents, the synonym dictionary, and the gap report.
import { api, clearProblems, formData, showProblem } from '/assets/js/api.js';
import { $, fill, h, notice, time } from '/assets/js/dom.js';
import { ACTIONS, busy, check, confirmButton, download, field, reportTable, reveal, select, table, upload } from './admin-common.js';

const STATUSES = [['', '全部状态'], ['DRAFT', '草稿'], ['PENDING_REVIEW', '待审核'], ['PUBLISHED', '已发布'],
  ['EXPIRED', '已失效'], ['REPEALED', '已废止']];
const BADGE = { PUBLISHED: 'ok', PENDING_REVIEW: 'warn', DRAFT: '', EXPIRED: '', REPEALED: 'overdue' };
const DOC_STATUS = { ACTIVE: '现行有效', REPEALED: '已废止', EXPIRED: '已失效' };
const DOC_BADGE = { ACTIVE: 'ok', REPEALED: 'overdue', EXPIRED: '' };
const VIEWS = [['entries', '问答条目'], ['documents', '政策文件'], ['synonyms', '同义词'], ['gaps', '未解答问题'], ['files', '导入导出']];

let me;
let entries = [];
let next = null;
let seq = 0;

export async function show(panel, user) {
  me = user;
  fill(panel,
    h('div', { class: 'actions subnav', role: 'group', 'aria-label': '知识库功能', id: 'kb-views' },
      VIEWS.map(([key, name]) => h('button', { type: 'button', class: 'secondary', 'data-view': key,
        'aria-pressed': 'false', onclick: () => view(key) }, name))),
    VIEWS.map(([key]) => h('div', { id: `kb-view-${key}`, hidden: true })));
  await view('entries');
}

async function view(key) {
  for (const b of document.querySelectorAll('#kb-views [data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === key));
  for (const [k] of VIEWS) $(`#kb-view-${k}`).hidden = k !== key;
  const area = $(`#kb-view-${key}`);
  try {
    if (key === 'entries' && !area.childElementCount) await entriesView(area);
    if (key === 'documents') await documentsView(area);
    if (key === 'synonyms') await synonymsView(area);
    if (key === 'gaps' && !area.childElementCount) await gapsView(area);
    if (key === 'files' && !area.childElementCount) filesView(area);
  } catch (problem) {
    notice(problem.message, 'error');
  }
}

// ---- entries

async function entriesView(area) {
  const filter = h('form', { id: 'kb-filter', class: 'inline-form', role: 'search', novalidate: true },
    field('搜索', h('input', { type: 'search', name: 'q', id: 'kb-q', placeholder: '问题、答复、分类或单位' })),
    field('状态', select({ name: 'status', id: 'kb-status' }, STATUSES, '')),
    h('button', { type: 'submit' }, '查询'),
    h('button', { type: 'button', class: 'secondary', id: 'kb-entry-new', onclick: () => editEntry(null) }, '新建条目'));
  let typing;
  const reload = () => loadEntries().catch((problem) => showProblem(filter, problem));
  filter.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(typing); reload(); });
  filter.elements.q.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(reload, 400); });
  filter.elements.status.addEventListener('change', reload);
  fill(area,
    h('div', { class: 'grid admin-split' },
      h('section', { class: 'card', 'aria-labelledby': 'kb-entries-title' },
        h('h2', { id: 'kb-entries-title' }, '问答条目'), filter,
        h('div', { id: 'kb-entries-list' }),
        h('div', { class: 'actions', id: 'kb-more' })),
      h('section', { class: 'card', id: 'kb-editor', 'aria-labelledby': 'kb-editor-title' })));
  editEntry(null);
  await loadEntries();
}

async function loadEntries(more = false) {
  const status = $('#kb-status').value;
  const q = $('#kb-q').value.trim();
  const params = new URLSearchParams({ limit: '100' });
  if (status) params.set('status', status);
  if (q) params.set('q', q);
  if (more && next) params.set('after', next);
  const mine = ++seq;
  const page = await api('GET', `/api/v1/kb/entries?${params}`);
  if (mine !== seq) return;
  entries = more ? [...entries, ...(page.items || [])] : (page.items || []);
  next = page.next ?? null;
  renderEntries();
}

function renderEntries() {
  const q = $('#kb-q').value.trim();
  const shown = entries;
  fill($('#kb-entries-list'), table([
    ['编号', (e) => e.id],
    ['标准问题', (e) => h('button', { type: 'button', class: 'link', 'data-entry': e.id, onclick: () => openEntry(e.id) }, e.question)],
    ['分类', (e) => e.category || '—'],
    ['责任单位', (e) => e.department || '—'],
    ['状态', (e) => h('span', { class: `badge ${BADGE[e.status] || ''}` }, e.statusName || e.status)],
    ['版本', (e) => e.version],
  ], shown, { id: 'kb-entries', empty: q ? '没有符合条件的条目' : '暂无条目', rowAttrs: (e) => ({ 'data-id': e.id, 'data-status': e.status }) }));
  fill($('#kb-more'),
    h('span', { class: 'muted' }, `已显示 ${entries.length} 条${next ? '，还有更多' : ''}`),
    next ? h('button', { type: 'button', class: 'secondary', onclick: () => loadEntries(true) }, '载入更多') : null);
}

async function openEntry(id) {
  try {
    editEntry(await api('GET', `/api/v1/kb/entries/${id}`));
    reveal($('#kb-editor'));
  } catch (problem) {
    notice(problem.message, 'error');
  }
}

export function editEntry(e, prefill = {}) {
  const creating = !e;
  const src = e?.source || {};
  const admin = ['ADMIN', 'KB_ADMIN'].includes(me.role);
  const form = h('form', { id: 'kb-entry-form', novalidate: true, 'data-id': e?.id || '' },
    field('标准问题', h('input', { name: 'question', id: 'kb-question', required: true, maxlength: 500, value: e?.question || prefill.question || '' })),
    field('相似问法（每行一个）', h('textarea', { name: 'similar', id: 'kb-similar', rows: 3 }, (e?.similar || []).join('\n'))),
    field('答复', h('textarea', { name: 'answer', id: 'kb-answer', required: true, rows: 6 }, e?.answer || '')),
    h('div', { class: 'pair' },
      field('分类', h('input', { name: 'category', id: 'kb-category', maxlength: 64, value: e?.category || '' })),
      field('责任单位', h('input', { name: 'department', id: 'kb-department', maxlength: 100, value: e?.department || '' }))),
    h('fieldset', {}, h('legend', {}, '政策来源'),
      h('div', { class: 'pair' },
        field('文件标题', h('input', { name: 'sourceTitle', id: 'kb-source-title', value: src.title || '' })),
        field('发文字号', h('input', { name: 'sourceDocNo', id: 'kb-source-docNo', value: src.docNo || '' })),
        field('发布机构', h('input', { name: 'sourceIssuer', id: 'kb-source-issuer', value: src.issuer || '' })),
        field('发布日期', h('input', { name: 'sourceDate', id: 'kb-source-date', type: 'date', value: src.date || '' })))),
    h('div', { class: 'pair' },
      field('生效日期', h('input', { name: 'validFrom', id: 'kb-validFrom', type: 'date', value: e?.validFrom || '' })),
      field('失效日期', h('input', { name: 'validTo', id: 'kb-validTo', type: 'date', value: e?.validTo || '' }))),
    field('修改说明', h('input', { name: 'note', id: 'kb-note', maxlength: 500 })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', value: 'draft', id: 'kb-save' }, creating ? '保存为草稿' : '保存（转为草稿）'),
      h('button', { type: 'submit', value: 'submit', class: 'secondary', id: 'kb-save-submit' }, '保存并提交审核'),
      admin ? h('button', { type: 'submit', value: 'publish', class: 'secondary', id: 'kb-save-publish' }, '保存并直接发布') : null,
      creating ? null : h('button', { type: 'button', class: 'link', onclick: () => editEntry(null) }, '新建另一条')),
    h('p', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); saveEntry(form, e, ev.submitter?.value || 'draft'); });
  fill($('#kb-editor'),
    h('h2', { id: 'kb-editor-title' }, creating ? '新建问答条目' : `条目 ${e.id}`,
      e ? h('span', { class: `badge ${BADGE[e.status] || ''}`, id: 'kb-entry-status' }, e.statusName || e.status) : null),
    e ? review(e, admin) : null,
    form,
    e?.versions?.length ? history(e.versions) : null);
  $('#kb-editor').scrollTop = 0;
}

async function saveEntry(form, e, mode) {
  clearProblems(form);
  const d = formData(form);
  const body = {
    question: d.question, answer: d.answer, category: d.category, department: d.department,
    similar: (form.elements.similar.value || '').split('\n').map((s) => s.trim()).filter(Boolean),
    validFrom: d.validFrom, validTo: d.validTo, note: d.note,
  };
  const source = { title: d.sourceTitle, docNo: d.sourceDocNo, issuer: d.sourceIssuer, date: d.sourceDate };
  if (Object.values(source).some(Boolean)) body.source = source;
  if (mode === 'submit') body.submit = true;
  if (mode === 'publish') body.publish = true;
  await busy(form, async () => {
    try {
      const saved = e
        ? await api('PUT', `/api/v1/kb/entries/${e.id}`, body)
        : await api('POST', '/api/v1/kb/entries', body);
      notice(`条目 ${saved.id} 已保存（${saved.statusName}）`);
      await loadEntries();
      await openEntry(saved.id);
    } catch (problem) {
      showProblem(form, problem);
    }
  });
}

function review(e, admin) {
  const note = h('textarea', { name: 'note', id: 'kb-review-note', rows: 2, placeholder: '退回时请写明理由' });
  const form = h('form', { id: 'kb-review', novalidate: true }, field('审核意见', note),
    h('div', { class: 'actions' },
      e.status === 'DRAFT' ? h('button', { type: 'button', id: 'kb-submit', onclick: () => move(e, 'submit', form) }, '提交审核') : null,
      admin && e.status === 'PENDING_REVIEW' ? h('button', { type: 'button', id: 'kb-approve', onclick: () => move(e, 'approve', form) }, '审核通过并发布') : null,
      admin && e.status === 'PENDING_REVIEW' ? h('button', { type: 'button', id: 'kb-reject', class: 'danger', onclick: () => move(e, 'reject', form) }, '退回修改') : null,
      admin && e.status === 'PUBLISHED'
        ? confirmButton('下架', '确认下架？', () => move(e, 'retire', form), { id: 'kb-retire', class: 'danger' })
        : null),
    h('p', { class: 'form-error', role: 'alert' }));
  return h('section', { class: 'review', 'aria-label': '审核' }, h('h3', {}, '审核'), form);
}

async function move(e, transition, form) {
  clearProblems(form);
  const note = form.elements.note.value.trim();
  if (transition === 'reject' && !note) {
    showProblem(form, { fields: [{ field: 'note', detail: '退回时请填写理由' }], message: '退回时请填写理由' });
    return;
  }
  await busy(form, async () => {
    try {
      const moved = await api('POST', `/api/v1/kb/entries/${e.id}/${transition}`, note ? { note } : {});
      notice(`条目 ${moved.id}：${moved.statusName}`);
      await loadEntries();
      await openEntry(moved.id);
    } catch (problem) {
      showProblem(form, problem);
    }
  });
}

function history(versions) {
  return h('details', { class: 'history' }, h('summary', {}, `修改记录（${versions.length}）`),
    table([
      ['版本', (v) => v.version ?? ''],
      ['操作', (v) => ACTIONS[v.action] || v.action || ''],
      ['操作人', (v) => v.actor || ''],
      ['说明', (v) => v.note || ''],
      ['时间', (v) => time(v.at || v.createdAt)],
    ], versions, { id: 'kb-versions' }));
}

// ---- policy documents

async function documentsView(area) {
  const items = (await api('GET', '/api/v1/kb/documents')).items || [];
  const admin = ['ADMIN', 'KB_ADMIN'].includes(me.role);
  const form = h('form', { id: 'kb-document-form', novalidate: true },
    field('标题', h('input', { name: 'title', id: 'doc-title', required: true, maxlength: 300 })),
    h('div', { class: 'pair' },
      field('发文字号', h('input', { name: 'docNo', id: 'doc-docNo', maxlength: 100 })),
      field('发布机构', h('input', { name: 'issuer', id: 'doc-issuer', maxlength: 200 })),
      field('发布日期', h('input', { name: 'date', id: 'doc-date', type: 'date' })),
      field('索引号', h('input', { name: 'indexNo', id: 'doc-indexNo', maxlength: 100 }))),
    field('原文链接', h('input', { name: 'link', id: 'doc-link', type: 'url', maxlength: 500 })),
    field('正文（或在下方选择 .docx / 纯文本文件）', h('textarea', { name: 'text', id: 'doc-text', rows: 6 })),
    field('文件', h('input', { type: 'file', name: 'file', id: 'doc-file', accept: '.docx,.txt' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '导入政策文件')),
    h('p', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', (e) => { e.preventDefault(); saveDocument(form, area); });
  fill(area, h('div', { class: 'grid admin-split' },
    h('section', { class: 'card', 'aria-labelledby': 'kb-docs-title' },
      h('h2', { id: 'kb-docs-title' }, '政策文件'),
      h('p', { class: 'muted' }, '文件废止或失效后，引用它的条目同时下架，不再答复市民。'),
      table([
        ['标题', (d) => d.title],
        ['发文字号', (d) => d.docNo || '—'],
        ['发布机构', (d) => d.issuer || '—'],
        ['发布日期', (d) => d.date || '—'],
        ['状态', (d) => h('span', { class: `badge ${DOC_BADGE[d.status] || ''}` }, DOC_STATUS[d.status] || d.status)],
        ['段落', (d) => d.passages],
        ['条目', (d) => d.entries],
        ['操作', (d) => (admin && d.status === 'ACTIVE' ? h('div', { class: 'actions' },
          confirmButton('废止', '确认废止？', () => retireDocument(d, 'repeal', area)),
          confirmButton('失效', '确认失效？', () => retireDocument(d, 'expire', area))) : '—')],
      ], items, { id: 'kb-documents' })),
    admin ? h('section', { class: 'card', 'aria-labelledby': 'kb-doc-form-title' },
      h('h2', { id: 'kb-doc-form-title' }, '导入政策文件'),
      h('p', { class: 'muted' }, '按“第X条”“（一）”等自动拆分为可引用的段落。'), form) : null));
}

async function saveDocument(form, area) {
  clearProblems(form);
  const d = formData(form);
  const file = form.elements.file.files[0];
  await busy(form, async () => {
    try {
      let created;
      if (file) {
        const params = new URLSearchParams();
        for (const k of ['title', 'docNo', 'issuer', 'date', 'indexNo', 'link']) if (d[k]) params.set(k, d[k]);
        created = await upload('POST', `/api/v1/kb/documents?${params}`, file);
      } else {
        created = await api('POST', '/api/v1/kb/documents', d);
      }
      notice(`已导入政策文件，拆分为 ${created.passages} 段`);
      await documentsView(area);
    } catch (problem) {
      showProblem(form, problem);
    }
  });
}

async function retireDocument(d, state, area) {
  try {
    const r = await api('POST', `/api/v1/kb/documents/${d.id}/${state}`);
    notice(`《${d.title}》已${state === 'repeal' ? '废止' : '失效'}，下架条目 ${r.entriesRetired} 条`);
    await documentsView(area);
  } catch (problem) {
    notice(problem.message, 'error');
  }
}

// ---- synonyms

async function synonymsView(area) {
  const s = await api('GET', '/api/v1/kb/synonyms');
  const form = h('form', { id: 'kb-synonyms-form', novalidate: true },
    field(`同义词表（共 ${s.groups} 组；每行一组，规范词在前，以空格分隔）`,
      h('textarea', { name: 'text', id: 'kb-synonyms', rows: 16, spellcheck: 'false' }, s.text || '')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '保存同义词表')),
    h('p', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    await busy(form, async () => {
      try {
        const r = await api('PUT', '/api/v1/kb/synonyms', { text: form.elements.text.value });
        notice(`已保存 ${r.groups} 组同义词，检索索引正在重建`);
      } catch (problem) {
        showProblem(form, problem);
      }
    });
  });
  fill(area, h('section', { class: 'card', 'aria-labelledby': 'kb-syn-title' },
    h('h2', { id: 'kb-syn-title' }, '同义词'),
    h('p', { class: 'muted' }, '市民的说法会先改写为规范词再检索，例如“社保”改写为“社会保险”。'), form));
}

// ---- gaps

async function gapsView(area) {
  const form = h('form', { id: 'kb-gaps-form', class: 'inline-form', novalidate: true },
    field('统计天数', h('input', { type: 'number', name: 'days', id: 'kb-gaps-days', min: 1, max: 366, value: 30 })),
    h('button', { type: 'submit' }, '统计'),
    h('p', { class: 'form-error', role: 'alert' }));
  const out = h('div', { id: 'kb-gaps' });
  const run = async () => {
    clearProblems(form);
    try {
      const r = await api('GET', `/api/v1/kb/gaps?days=${encodeURIComponent(form.elements.days.value || 30)}`);
      fill(out, table([
        ['主题', (t) => t.topic],
        ['未答出', (t) => t.unanswered],
        ['答复无帮助', (t) => t.unhelpful],
        ['市民的提问', (t) => h('ul', { class: 'questions' }, (t.questions || []).map((q) => h('li', {}, q, ' ',
          h('button', { type: 'button', class: 'link', onclick: () => { view('entries').then(() => editEntry(null, { question: q })); } }, '补充条目'))))],
      ], r.topics || [], { id: 'kb-gaps-table', empty: `近 ${r.days} 天没有未解答的问题` }));
    } catch (problem) {
      showProblem(form, problem);
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
  fill(area, h('section', { class: 'card', 'aria-labelledby': 'kb-gaps-title' },
    h('h2', { id: 'kb-gaps-title' }, '未解答问题'),
    h('p', { class: 'muted' }, '知识库答不上或市民认为没有帮助的问题，按主题归类，多者在前。'), form, out));
  await run();
}

// ---- import / export

function filesView(area) {
  const form = h('form', { id: 'kb-import-form', novalidate: true },
    field('文件（JSON Lines 或 .xlsx）', h('input', { type: 'file', name: 'file', id: 'kb-import-file', accept: '.jsonl,.ndjson,.xlsx', required: true }),
      'xlsx 列：标准问题、相似问法（|分隔）、答复、分类、责任单位、政策来源、发文字号、发布机构、发布日期、生效日期、失效日期'),
    check('先下架全部现有条目（整体替换）', { name: 'replace', id: 'kb-import-replace' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, '导入并发布'),
      h('button', { type: 'button', class: 'secondary', onclick: () => exportKb('jsonl') }, '导出 JSON Lines'),
      h('button', { type: 'button', class: 'secondary', onclick: () => exportKb('xlsx') }, '导出 .xlsx')),
    h('p', { class: 'form-error', role: 'alert' }));
  const result = h('div', { id: 'kb-import-result', 'aria-live': 'polite' });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    result.replaceChildren();
    const file = form.elements.file.files[0];
    await busy(form, async () => {
      try {
        if (!file) throw { fields: [{ field: 'file', detail: '请选择要导入的文件' }], message: '请选择要导入的文件' };
        const r = await upload('POST', `/api/v1/kb/import${form.elements.replace.checked ? '?replace=true' : ''}`, file);
        fill(result, h('p', { class: 'ok-text' }, `已导入并发布 ${r.imported} 条`));
        form.reset();
        if ($('#kb-view-entries').childElementCount) await loadEntries();
      } catch (problem) {
        const lines = (problem.body?.errors || []).filter((x) => typeof x === 'string');
        if (lines.length) {
          fill(result, h('p', { class: 'form-error', role: 'alert' }, problem.message),
            reportTable('kb-import-report', lines.map((text) => {
              const m = /^第(\d+)行[：:]?(.*)$/.exec(text);
              return m ? { line: Number(m[1]), message: m[2] || text } : { line: 0, message: text };
            })));
        } else {
          showProblem(form, problem);
        }
      }
    });
  });
  fill(area, h('section', { class: 'card', 'aria-labelledby': 'kb-files-title' },
    h('h2', { id: 'kb-files-title' }, '导入导出'),
    h('p', { class: 'muted' }, '导入的条目直接发布；文件有任何一行错误时整体不导入，并列出错误行。'), form, result));
}

async function exportKb(format) {
  try {
    await download(`/api/v1/kb/export?format=${format}`, format === 'xlsx' ? '政策问答库.xlsx' : 'kb-entries.jsonl');
  } catch (problem) {
    notice(problem.message, 'error');
  }
}
