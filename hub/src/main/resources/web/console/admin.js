// 系统管理: one page, a tab per area. ADMIN sees every tab; KB_ADMIN only the knowledge base.
import { enter } from '/assets/js/session.js';
import { notice } from '/assets/js/dom.js';

const TABS = {
  users: { roles: ['ADMIN'], module: './admin-users.js' },
  routing: { roles: ['ADMIN'], module: './admin-routing.js' },
  calendar: { roles: ['ADMIN'], module: './admin-calendar.js' },
  kb: { roles: ['ADMIN', 'KB_ADMIN'], module: './admin-kb.js' },
  audit: { roles: ['ADMIN'], module: './admin-audit.js' },
};

const me = await enter(['ADMIN', 'KB_ADMIN']);
const buttons = [...document.querySelectorAll('#admin-tabs [role=tab]')]
  .filter((b) => TABS[b.dataset.tab].roles.includes(me.role));
const loaded = new Set();

async function select(button, focus = false, remember = true) {
  for (const b of buttons) {
    const on = b === button;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    document.getElementById(b.getAttribute('aria-controls')).hidden = !on;
  }
  if (focus) button.focus();
  const name = button.dataset.tab;
  if (remember) history.replaceState(null, '', `#${name}`);
  if (!loaded.has(name)) {
    loaded.add(name);
    try {
      const module = await import(TABS[name].module);
      await module.show(document.getElementById(`panel-${name}`), me);
    } catch (problem) {
      loaded.delete(name);
      notice(problem.message || '加载失败', 'error');
    }
  }
}

for (const [i, b] of buttons.entries()) {
  b.hidden = false;
  b.addEventListener('click', () => select(b));
  b.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (step) select(buttons[(i + step + buttons.length) % buttons.length], true);
    if (e.key === 'Home') select(buttons[0], true);
    if (e.key === 'End') select(buttons[buttons.length - 1], true);
  });
}
const wanted = buttons.find((b) => `#${b.dataset.tab}` === location.hash) || buttons[0];
select(wanted, false, false);
window.addEventListener('hashchange', () => {
  const b = buttons.find((x) => `#${x.dataset.tab}` === location.hash);
  if (b && b.getAttribute('aria-selected') !== 'true') select(b);
});
