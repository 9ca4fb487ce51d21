// 用户与单位: staff accounts (role, department, unmasking, extension, disabling) and the department directory with
// its .xlsx/CSV import and export (departments and areas).
import { api, clearProblems, formData, showProblem } from '/assets/js/api.js';
import { $, fill, h, notice } from '/assets/js/dom.js';
import { busy, check, download, field, reveal, select, table, upload } from './admin-common.js';

export const ROLES = [
  ['AGENT', '话务员'], ['DISPATCHER', '派单员'], ['DEPARTMENT_STAFF', '承办人'], ['DEPARTMENT_ADMIN', '承办单位管理员'],
  ['SUPERVISOR', '督办员'], ['ADMIN', '系统管理员'], ['KB_ADMIN', '知识库管理员'],
];
const KINDS = [['FUNCTIONAL', '职能部门'], ['TOWNSHIP', '乡镇（街道）'], ['ENTERPRISE', '企事业单位']];

let departments = [];
let users = [];

export async function show(panel) {
  fill(panel,
    h('div', { class: 'grid admin-split' },
      h('section', { class: 'card', 'aria-labelledby': 'users-title' },
        h('div', { class: 'card-head' },
          h('h2', { id: 'users-title' }, '工作人员账号'),
          h('button', { type: 'button', id: 'user-new', class: 'secondary', onclick: () => editUser(null) }, '新建用户')),
        h('label', { class: 'field filter' }, '筛选',
          h('input', { type: 'search', id: 'users-filter', placeholder: '用户名、姓名、角色或单位', oninput: renderUsers })),
        h('div', { id: 'users-list' })),
      h('section', { class: 'card', id: 'user-editor', 'aria-labelledby': 'user-form-title' })),
    h('div', { class: 'grid admin-split' },
      h('section', { class: 'card', 'aria-labelledby': 'departments-title' },
        h('div', { class: 'card-head' },
          h('h2', { id: 'departments-title' }, '承办单位'),
          h('button', { type: 'button', id: 'department-new', class: 'secondary', onclick: () => editDepartment(null) }, '新增单位')),
        h('label', { class: 'field filter' }, '筛选',
          h('input', { type: 'search', id: 'departments-filter', placeholder: '代码、名称或简称', oninput: renderDepartments })),
        h('div', { id: 'departments-list' })),
      h('div', {},
        h('section', { class: 'card', id: 'department-editor', 'aria-labelledby': 'department-form-title' }),
        directoryFiles())));
  await Promise.all([loadDepartments(), loadUsers()]);
  editUser(null);
  editDepartment(null);
}

async function loadDepartments() {
  departments = (await api('GET', '/api/v1/departments')).items || [];
  renderDepartments();
}

function renderDepartments() {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const shown = departments.filter((d) => matches('#departments-filter', [d.code, d.name, ...(d.aliases || [])]));
  fill($('#departments-list'), table([
    ['代码', (d) => d.code],
    ['名称', (d) => [d.name, d.aliases?.length ? h('span', { class: 'aliases muted' }, `简称：${d.aliases.join('、')}`) : null]],
    ['类型', (d) => d.kindName || d.kind],
    ['上级单位', (d) => byId.get(d.parentId)?.name || '—'],
    ['联系人', (d) => (d.contactName || d.contactPhone
      ? [d.contactName || '', d.contactPhone ? h('span', { class: 'aliases' }, d.contactPhone) : null] : '—')],
    ['状态', (d) => (d.active ? '启用' : h('span', { class: 'badge' }, '停用'))],
    ['', (d) => h('button', { type: 'button', class: 'link', 'data-code': d.code, 'aria-label': `编辑 ${d.name}`,
      onclick: () => editDepartment(d) }, '编辑')],
  ], shown, { id: 'departments-table', empty: '没有符合条件的单位' }));
  $('#departments-list .table-wrap').classList.add('scroll-y');
}

function matches(input, texts) {
  const q = ($(input)?.value || '').trim().toLowerCase();
  return !q || texts.some((t) => String(t || '').toLowerCase().includes(q));
}

async function loadUsers() {
  users = (await api('GET', '/api/v1/admin/users')).users || [];
  renderUsers();
}

function renderUsers() {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const shown = users.filter((u) => matches('#users-filter',
    [u.username, u.displayName, u.roleName, u.extension, byId.get(u.departmentId)?.name]));
  fill($('#users-list'), table([
    ['用户名', (u) => u.username],
    ['姓名', (u) => u.displayName],
    ['角色', (u) => u.roleName || u.role],
    ['所属单位', (u) => byId.get(u.departmentId)?.name || '—'],
    ['分机号', (u) => u.extension || '—'],
    ['查看完整信息', (u) => (u.canUnmask ? '可以' : '否')],
    ['状态', (u) => (u.active === false ? h('span', { class: 'badge overdue' }, '已停用') : '正常')],
    ['', (u) => h('button', { type: 'button', class: 'link', 'data-username': u.username, 'aria-label': `编辑 ${u.username}`,
      onclick: () => editUser(u) }, '编辑')],
  ], shown, { id: 'users-table', empty: '没有符合条件的用户', rowAttrs: (u) => ({ 'data-username': u.username }) }));
}

function departmentOptions(withNone) {
  return [['', withNone], ...departments.map((d) => [d.id, `${d.name}（${d.code}）`])];
}

function editUser(u) {
  const creating = !u;
  const form = h('form', { id: 'user-form', novalidate: true, 'data-mode': creating ? 'create' : 'edit' },
    field('用户名', h('input', { name: 'username', id: 'user-username', required: true, maxlength: 64,
      autocomplete: 'off', readonly: creating ? null : true, value: u?.username || '' }),
      creating ? '3–64 位字母、数字、下划线、点或连字符' : null),
    field('姓名', h('input', { name: 'displayName', id: 'user-displayName', required: true, maxlength: 64, value: u?.displayName || '' })),
    field(creating ? '初始密码' : '新密码（不修改请留空）', h('input', { name: 'password', id: 'user-password', type: 'password',
      autocomplete: 'new-password', required: creating ? true : null, maxlength: 72 }), '8–72 位，须同时包含字母和数字'),
    field('角色', select({ name: 'role', id: 'user-role' }, ROLES, u?.role || 'AGENT')),
    field('所属单位', select({ name: 'departmentId', id: 'user-departmentId' }, departmentOptions('（无）'), u?.departmentId),
      '承办人和承办单位管理员必须选择单位'),
    field('坐席分机号', h('input', { name: 'extension', id: 'user-extension', maxlength: 32, value: u?.extension || '' })),
    check('可查看完整市民信息（需填写理由并留痕）', { name: 'canUnmask', id: 'user-canUnmask', checked: u?.canUnmask ? true : null }),
    creating ? null : check('账号启用', { name: 'active', id: 'user-active', checked: u?.active === false ? null : true }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, creating ? '创建用户' : '保存修改'),
      creating ? null : h('button', { type: 'button', class: 'secondary', onclick: () => editUser(null) }, '取消')),
    h('p', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', (e) => { e.preventDefault(); saveUser(form, u); });
  fill($('#user-editor'), h('h2', { id: 'user-form-title' }, creating ? '新建用户' : `编辑用户 ${u.username}`), form);
  if (!creating) {
    reveal($('#user-editor'));
    form.elements.displayName.focus();
  }
}

async function saveUser(form, u) {
  clearProblems(form);
  const data = formData(form);
  if (data.departmentId) data.departmentId = Number(data.departmentId);
  await busy(form, async () => {
    try {
      if (!u) {
        const extension = data.extension;
        delete data.extension;
        const created = await api('POST', '/api/v1/admin/users', data);
        notice(`已创建用户 ${created.username}`);
        if (extension) {
          try {
            await api('PATCH', `/api/v1/admin/users/${encodeURIComponent(created.username)}`, { extension });
          } catch (problem) {
            await loadUsers();
            editUser(users.find((x) => x.username === created.username) || created);
            showProblem($('#user-form'), problem);
            return;
          }
        }
      } else {
        delete data.username;
        if (!data.extension) data.extension = null;
        if (!data.departmentId) delete data.departmentId;
        await api('PATCH', `/api/v1/admin/users/${encodeURIComponent(u.username)}`, data);
        notice(`已保存用户 ${u.username}`);
      }
      await loadUsers();
      editUser(null);
    } catch (problem) {
      showProblem(form, problem);
    }
  });
}

function editDepartment(d) {
  const creating = !d;
  const parent = departments.find((p) => p.id === d?.parentId);
  const form = h('form', { id: 'department-form', novalidate: true },
    field('单位代码', h('input', { name: 'code', id: 'department-code', required: true, maxlength: 32,
      readonly: creating ? null : true, value: d?.code || '' }), creating ? '字母、数字、下划线或连字符，不超过 32 位' : null),
    field('单位名称', h('input', { name: 'name', id: 'department-name', required: true, maxlength: 100, value: d?.name || '' })),
    field('单位类型', select({ name: 'kind', id: 'department-kind' }, KINDS, d?.kind || 'FUNCTIONAL')),
    field('上级单位', select({ name: 'parentCode', id: 'department-parentCode' },
      [['', '（无）'], ...departments.filter((p) => p.code !== d?.code).map((p) => [p.code, p.name])], parent?.code)),
    field('联系人', h('input', { name: 'contactName', id: 'department-contactName', maxlength: 64, value: d?.contactName || '' })),
    field('联系电话', h('input', { name: 'contactPhone', id: 'department-contactPhone', maxlength: 32, value: d?.contactPhone || '' })),
    field('简称（多个以 | 分隔）', h('input', { name: 'aliases', id: 'department-aliases', value: (d?.aliases || []).join('|') })),
    check('启用（停用后不再向其派单）', { name: 'active', id: 'department-active', checked: d?.active === false ? null : true }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, creating ? '新增单位' : '保存单位'),
      creating ? null : h('button', { type: 'button', class: 'secondary', onclick: () => editDepartment(null) }, '取消')),
    h('p', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    const data = formData(form);
    const code = data.code || '';
    delete data.code;
    await busy(form, async () => {
      try {
        if (!code) throw { fields: [{ field: 'code', detail: '请填写单位代码' }], message: '请填写单位代码' };
        const saved = await api('PUT', `/api/v1/admin/departments/${encodeURIComponent(code)}`, data);
        // The directory is served from a snapshot every hub reloads within seconds: show the stored row at once.
        const at = departments.findIndex((x) => x.code === saved.code);
        if (at >= 0) departments[at] = saved; else departments.push(saved);
        renderDepartments();
        notice(`已保存单位 ${code}，各节点数秒内生效`);
        editDepartment(null);
      } catch (problem) {
        showProblem(form, problem);
      }
    });
  });
  fill($('#department-editor'), h('h2', { id: 'department-form-title' }, creating ? '新增单位' : `编辑单位 ${d.name}`), form);
  if (!creating) {
    reveal($('#department-editor'));
    form.elements.name.focus();
  }
}

function directoryFiles() {
  const form = h('form', { id: 'directory-import', novalidate: true },
    field('导入内容', select({ name: 'target', id: 'directory-target' }, [['departments', '承办单位'], ['areas', '行政区划']], 'departments')),
    field('文件（.xlsx 或 CSV，按代码新增或更新，上级在前）',
      h('input', { type: 'file', name: 'file', id: 'directory-file', accept: '.xlsx,.csv', required: true })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, '导入'),
      h('button', { type: 'button', class: 'secondary', id: 'export-departments',
        onclick: () => exportFile('departments') }, '导出单位 .xlsx'),
      h('button', { type: 'button', class: 'secondary', onclick: () => exportFile('departments', 'csv') }, '导出单位 CSV'),
      h('button', { type: 'button', class: 'secondary', onclick: () => exportFile('areas') }, '导出区划 .xlsx')),
    h('p', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    const file = form.elements.file.files[0];
    const target = form.elements.target.value;
    await busy(form, async () => {
      try {
        if (!file) throw { fields: [{ field: 'file', detail: '请选择要导入的文件' }], message: '请选择要导入的文件' };
        const result = await upload('POST', `/api/v1/admin/${target}/import`, file);
        notice(`已导入 ${result.saved} 条，各节点数秒内生效`);
        form.reset();
        if (target === 'departments') setTimeout(() => loadDepartments().catch(() => {}), 6000);
      } catch (problem) {
        showProblem(form, problem);
      }
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'directory-files-title' },
    h('h2', { id: 'directory-files-title' }, '单位与区划的导入导出'), form);
}

async function exportFile(target, format = 'xlsx') {
  try {
    await download(`/api/v1/admin/${target}/export?format=${format}`, `${target}.${format}`);
  } catch (problem) {
    notice(problem.message, 'error');
  }
}
