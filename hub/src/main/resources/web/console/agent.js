// 坐席工作台: tabs for registration, the two queues, live chat and search; the staff live socket feeds screen-pops
// and chat events to them.
import { token } from '/assets/js/api.js';
import { $, fill } from '/assets/js/dom.js';
import { live } from '/assets/js/live.js';
import { enter } from '/assets/js/session.js';
import { initChat, loadChats, onChatEvent } from './agent-chat.js';
import { initQueues, loadDispatch, loadTriage } from './agent-queues.js';
import { initRegister, newRegistration, screenPop } from './agent-register.js';
import { initTickets } from './agent-tickets.js';

const TABS = ['register', 'triage', 'dispatch', 'chat', 'search'];
const LOADERS = { triage: loadTriage, dispatch: loadDispatch, chat: loadChats };

function show(name, focus = false) {
  for (const tab of TABS) {
    const selected = tab === name;
    const button = $(`#tab-${tab}`);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`#panel-${tab}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
  if (LOADERS[name]) LOADERS[name]();
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
}

function current() {
  return TABS.find((t) => $(`#tab-${t}`).getAttribute('aria-selected') === 'true');
}

function initTabs() {
  for (const tab of TABS) $(`#tab-${tab}`).addEventListener('click', () => show(tab));
  $('.tabs').addEventListener('keydown', (e) => {
    const i = TABS.indexOf(current());
    let to = null;
    if (e.key === 'ArrowRight') to = TABS[(i + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') to = TABS[(i + TABS.length - 1) % TABS.length];
    else if (e.key === 'Home') to = TABS[0];
    else if (e.key === 'End') to = TABS[TABS.length - 1];
    if (to) { e.preventDefault(); show(to, true); }
  });
  document.addEventListener('keydown', (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const n = Number(e.key);
    if (n >= 1 && n <= TABS.length) { e.preventDefault(); show(TABS[n - 1], true); }
    else if (e.key === 'n' || e.key === 'N') { e.preventDefault(); newRegistration(); }
  });
}

// A field's problem goes away as soon as the agent corrects the field.
function clearFieldProblems() {
  document.addEventListener('input', forget);
  document.addEventListener('change', forget);
  function forget(e) {
    const input = e.target;
    if (!input.getAttribute || input.getAttribute('aria-invalid') !== 'true') return;
    input.removeAttribute('aria-invalid');
    const id = input.getAttribute('aria-describedby');
    if (id) document.getElementById(id)?.remove();
    input.removeAttribute('aria-describedby');
  }
}

let queuesTimer;
function refreshQueuesSoon() {
  clearTimeout(queuesTimer);
  queuesTimer = setTimeout(() => { loadTriage(); loadDispatch(); }, 400);
}

function connect() {
  const state = $('#live-state');
  live(token(), (event) => {
    if (event.type === 'hello') {
      fill(state, '实时连接正常：来电弹屏与在线客服消息会自动推送');
      document.body.dataset.live = 'ready';
    } else if (event.type === 'screen-pop') screenPop(event);
    else if (event.type === 'ticket-queues') refreshQueuesSoon();
    else if (event.type && event.type.startsWith('chat-')) onChatEvent(event);
  }, {
    onState: (s) => {
      fill(state, s === 'open' ? '实时连接中…' : '实时连接已断开，正在重连…');
      state.classList.toggle('down', s !== 'open');
      document.body.dataset.live = s;
    },
  });
}

const me = await enter(['AGENT', 'DISPATCHER', 'SUPERVISOR', 'ADMIN']);
initTabs();
clearFieldProblems();
await Promise.all([initRegister({ show }), initTickets()]);
initQueues();
initChat(me);
connect();
const start = TABS.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'register';
show(start);
for (const [tab, load] of Object.entries(LOADERS)) if (tab !== start) load();
setInterval(() => {
  if (document.hidden) return;
  loadChats();
  if (current() === 'triage') loadTriage();
  if (current() === 'dispatch') loadDispatch();
}, 30000);
document.body.dataset.ready = 'true';
