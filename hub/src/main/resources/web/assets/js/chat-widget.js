// The citizens' live chat, reusable on any page: the bot first, a person on request ("转人工"); lines appear as they
// come; the visitor id stays in localStorage so a reload or a dropped connection resumes the same conversation.
// Enter sends, Shift+Enter makes a new line, and Enter while an input method is composing (拼音 → 汉字) never sends.
import { h, fill, time } from './dom.js';
import { socket } from './live.js';

const VISITOR = 'hub.chat.visitor';
const WHO = { citizen: '我', bot: '智能客服', agent: '话务员', system: '' };

/** The browser's visitor id (32 hex characters), made once and kept. */
export function visitorId() {
  let id = localStorage.getItem(VISITOR);
  if (!id || !/^[0-9a-zA-Z_-]{16,64}$/.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(VISITOR, id);
  }
  return id;
}

/** True when a keydown belongs to an input method's composition rather than to the page. */
export function composing(event, composition) {
  return event.isComposing || event.keyCode === 229 || composition.active;
}

/** Builds the chat inside `container` and connects; returns { close } to leave the page's socket. */
export function mountChat(container, { visitor = visitorId() } = {}) {
  const state = h('span', { id: 'chat-state', class: 'state' }, '正在连接…');
  const conn = h('span', { id: 'chat-connection', class: 'conn' }, '');
  const log = h('div', {
    id: 'chat-log', class: 'chat', role: 'log', 'aria-live': 'polite', 'aria-label': '会话记录', tabindex: '0',
  });
  const input = h('textarea', {
    id: 'chat-input', name: 'text', rows: '2', maxlength: '500', 'aria-label': '输入消息', enterkeyhint: 'send',
    placeholder: '请输入您的问题，按回车发送',
  });
  const send = h('button', { type: 'submit', id: 'chat-send' }, '发送');
  const form = h('form', { id: 'chat-form', class: 'chat-compose', novalidate: true }, input, send);
  const person = h('button', { type: 'button', id: 'chat-person', class: 'secondary' }, '转人工');
  const end = h('button', { type: 'button', id: 'chat-end', class: 'secondary' }, '结束会话');
  const restart = h('button', { type: 'button', id: 'chat-restart', hidden: true }, '开始新的会话');
  fill(container,
    h('p', { class: 'chat-state' }, state, conn),
    log, form,
    h('div', { class: 'chat-tools' }, person, end, restart));

  let current = null;
  let connection = null;
  let online = false;
  const composition = { active: false };

  function line(l) {
    const who = l.from === 'agent' ? (l.name ? `话务员 ${l.name}` : WHO.agent) : WHO[l.from] ?? '';
    return h('div', { class: `line ${['citizen', 'bot', 'agent', 'system'].includes(l.from) ? l.from : 'system'}` },
      who ? h('span', { class: 'who' }, who, l.at ? h('time', { datetime: l.at }, time(l.at).slice(11)) : null) : null,
      l.text);
  }

  function scroll() {
    log.scrollTop = log.scrollHeight;
  }

  function note(text, kind = '') {
    log.append(h('div', { class: `line system ${kind}`.trim() }, text));
    scroll();
  }

  function showState(chat) {
    current = chat;
    const name = chat.state === 'AGENT' && chat.agentName ? `话务员 ${chat.agentName} 为您服务` : chat.stateName;
    state.textContent = name;
    state.dataset.state = chat.state;
    container.dataset.state = chat.state;
    container.dataset.chatId = chat.id;
    const closed = chat.state === 'CLOSED';
    person.disabled = !online || chat.state !== 'BOT';
    end.disabled = !online || closed;
    input.disabled = closed;
    send.disabled = !online || closed;
    restart.hidden = !closed;
    if (closed && connection) {
      connection.close();
      connection = null;
      conn.textContent = '';
    }
  }

  function onMessage(m) {
    switch (m.type) {
      case 'chat-history':
        fill(log, (m.lines || []).map(line));
        showState(m.chat);
        scroll();
        break;
      case 'chat-line':
        log.append(line(m.line));
        scroll();
        break;
      case 'chat-state':
        showState(m.chat);
        break;
      case 'error':
        note(m.detail || '消息未能处理，请稍后重试', 'error');
        break;
      default:
    }
  }

  function onState(s) {
    online = s === 'open';
    conn.textContent = online ? '' : '连接中断，正在重新连接…';
    conn.className = online ? 'conn' : 'conn offline';
    if (current) showState(current);
    else send.disabled = person.disabled = end.disabled = !online;
  }

  function connect() {
    current = null;
    connection = socket(`/api/v1/chat/socket?visitor=${encodeURIComponent(visitor)}`, onMessage, { onState });
  }

  function submit() {
    const text = input.value.trim();
    if (!text) return;
    if (text.length > 500) {
      note('消息不能超过500字', 'error');
      return;
    }
    if (connection && online) {
      connection.send({ type: 'message', text });
      input.value = '';
    } else {
      note('尚未连接，消息未发送，请稍候重试', 'error');
    }
  }

  input.addEventListener('compositionstart', () => { composition.active = true; });
  input.addEventListener('compositionend', () => {
    // Some browsers send the Enter that ends a composition right after compositionend: keep it from sending.
    setTimeout(() => { composition.active = false; }, 0);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    if (composing(event, composition)) return;
    event.preventDefault();
    submit();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  person.addEventListener('click', () => connection && connection.send({ type: 'person' }));
  end.addEventListener('click', () => {
    if (connection) connection.send({ type: 'close' });
  });
  restart.addEventListener('click', () => {
    restart.hidden = true;
    connect();
    input.focus();
  });

  connect();
  return { close: () => connection && connection.close() };
}
