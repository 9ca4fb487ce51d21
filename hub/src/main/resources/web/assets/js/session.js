// The staff consoles' frame: who is signed in, the header with the consoles their role may open, sign-out.
import { api, forget, user } from './api.js';
import { h, fill } from './dom.js';

/** The consoles and the roles that may open them. */
export const CONSOLES = [
  { path: '/console/agent.html', name: '坐席工作台', roles: ['AGENT', 'DISPATCHER', 'SUPERVISOR', 'ADMIN'] },
  { path: '/console/department.html', name: '承办单位', roles: ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'] },
  { path: '/console/supervisor.html', name: '督办与统计', roles: ['SUPERVISOR', 'ADMIN'] },
  { path: '/console/admin.html', name: '系统管理', roles: ['ADMIN', 'KB_ADMIN'] },
];

const HOMES = {
  AGENT: '/console/agent.html',
  DISPATCHER: '/console/agent.html',
  DEPARTMENT_STAFF: '/console/department.html',
  DEPARTMENT_ADMIN: '/console/department.html',
  SUPERVISOR: '/console/supervisor.html',
  ADMIN: '/console/admin.html',
  KB_ADMIN: '/console/admin.html',
};

/** The console a role opens first. */
export function home(role) {
  return HOMES[role] || '/console/';
}

/**
 * Checks the signed-in user may open this console (else back to sign-in) and draws the header.
 * Resolves with the user.
 */
export function enter(roles) {
  const me = user();
  if (!me || !roles.includes(me.role)) {
    location.replace('/console/');
    return new Promise(() => {});
  }
  let header = document.querySelector('header.top');
  if (!header) {
    header = h('header', { class: 'top' });
    document.body.prepend(header);
  }
  const nav = h('nav', { 'aria-label': '控制台' },
    CONSOLES.filter((c) => c.roles.includes(me.role)).map((c) => h('a', {
      href: c.path, 'aria-current': location.pathname === c.path ? 'page' : null,
    }, c.name)));
  fill(header,
    h('span', { class: 'brand' }, '12345 政务服务便民热线'),
    nav,
    h('span', { class: 'who' }, `${me.displayName}（${me.roleName}）`),
    h('button', { type: 'button', class: 'link', onclick: signOut }, '退出'));
  return Promise.resolve(me);
}

async function signOut() {
  try { await api('POST', '/api/v1/auth/logout'); } catch { /* already gone */ }
  forget();
  location.href = '/console/';
}
