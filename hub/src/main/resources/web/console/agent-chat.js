// 在线客服: the waiting queue, the agent's own chats, writing both ways, a ticket from the chat, ending it.
import { api, clearProblems, formData, showProblem } from '/assets/js/api.js';
import { $, h, fill, time, notice } from '/assets/js/dom.js';
import { detail } from './agent-common.js';

const queueList = $('#chat-queue');
const mineList = $('#chat-mine');
const linesBox = $('#chat-lines');
const sendForm = $('#chat-send');
const ticketForm = $('#chat-ticket');
const input = $('#chat-text');
let current = null;
let me = null;
let composing = false;
const unread = new Set();

const WHO = { citizen: '市民', bot: '智能客服', agent: '话务员', system: '系统' };

export function initChat(user) {
  me = user;
  $('#chat-refresh').addEventListener('click', loadChats);
  input.addEventListener('compositionstart', () => { composing = true; });
  input.addEventListener('compositionend', () => { composing = false; });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || composing || e.keyCode === 229) return;
    e.preventDefault();
    sendForm.requestSubmit();
  });
  sendForm.addEventListener('submit', (e) => { e.preventDefault(); send(); });
  ticketForm.addEventListener('submit', (e) => { e.preventDefault(); makeTicket(); });
  $('#chat-close').addEventListener('click', closeChat);
}

export async function loadChats() {
  try {
    const [queue, mine] = await Promise.all([api('GET', '/api/v1/chats/queue'), api('GET', '/api/v1/chats/mine')]);
    drawQueue(queue.items || []);
    drawMine(mine.items || []);
  } catch (problem) {
    fill(queueList, h('li', { class: 'empty' }, `加载失败：${problem.message}`));
  }
}

function waited(iso) {
  if (!iso) return '';
  const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60000));
  return minutes < 1 ? '刚刚' : `已等待 ${minutes} 分钟`;
}

function drawQueue(items) {
  fill($('#count-chat'), items.length || '');
  if (!items.length) { fill(queueList, h('li', { class: 'empty' }, '没有排队的会话。')); return; }
  fill(queueList, items.map((c) => h('li', { 'data-chat': c.id },
    h('div', { class: 'item-head' }, h('strong', {}, c.channelName || c.channel),
      h('span', { class: 'muted' }, waited(c.waitingSince))),
    c.lastCitizenLine ? h('p', { class: 'excerpt' }, c.lastCitizenLine.text) : null,
    h('button', { type: 'button', class: 'take', onclick: () => take(c.id) }, '接入'))));
}

function drawMine(items) {
  const open = items.filter((c) => c.state !== 'CLOSED');
  if (!open.length) { fill(mineList, h('li', { class: 'empty' }, '暂无接待中的会话。')); return; }
  fill(mineList, open.map((c) => h('li', { 'data-chat': c.id, class: current === c.id ? 'current' : null },
    h('div', { class: 'item-head' }, h('strong', {}, c.channelName || c.channel),
      unread.has(c.id) ? h('span', { class: 'badge warn' }, '新消息') : null,
      c.ticketNo ? h('span', { class: 'muted' }, `工单 ${c.ticketNo}`) : null),
    c.lastCitizenLine ? h('p', { class: 'excerpt' }, c.lastCitizenLine.text) : null,
    h('button', { type: 'button', class: 'secondary open-chat', onclick: () => openChat(c.id) }, '打开'))));
}

async function take(id) {
  try {
    await api('POST', `/api/v1/chats/${encodeURIComponent(id)}/take`);
    notice('已接入会话');
    await openChat(id);
    loadChats();
  } catch (problem) {
    notice(problem.message, 'error');
    loadChats();
  }
}

async function openChat(id) {
  current = id;
  unread.delete(id);
  try {
    const chat = await api('GET', `/api/v1/chats/${encodeURIComponent(id)}`);
    $('#chat-empty').hidden = true;
    $('#chat-active').hidden = false;
    fill($('#chat-title'), `${chat.channelName || chat.channel}会话`);
    drawState(chat);
    fill(linesBox, (chat.lines || []).map(lineElement));
    linesBox.scrollTop = linesBox.scrollHeight;
    clearProblems(sendForm);
    clearProblems(ticketForm);
    ticketForm.reset();
    mineList.querySelectorAll('li').forEach((li) => li.classList.toggle('current', li.dataset.chat === id));
    input.focus();
  } catch (problem) {
    notice(problem.message, 'error');
  }
}

function drawState(chat) {
  fill($('#chat-state'), chat.stateName || chat.state);
  const closed = chat.state === 'CLOSED';
  const mine = chat.agent === me.username;
  input.disabled = closed || !mine;
  $('#chat-send-button').disabled = closed || !mine;
  $('#chat-close').disabled = closed;
  $('#chat-ticket-submit').disabled = closed || !!chat.ticketNo;
  fill($('#chat-ticket-no'), chat.ticketNo ? ['已生成工单 ', ticketLink(chat.ticketNo)] : '');
}

function ticketLink(no) {
  return h('button', { type: 'button', class: 'link', id: 'chat-ticket-number', onclick: () => detail.open(no) }, no);
}

function lineElement(line) {
  const from = ['citizen', 'bot', 'agent', 'system'].includes(line.from) ? line.from : 'system';
  return h('div', { class: `line ${from}` },
    h('span', { class: 'who' }, `${WHO[from]}${line.name ? ` ${line.name}` : ''} ${time(line.at)}`),
    line.text);
}

async function send() {
  const text = input.value.trim();
  if (!text || !current) return;
  clearProblems(sendForm);
  try {
    await api('POST', `/api/v1/chats/${encodeURIComponent(current)}/messages`, { text });
    linesBox.append(lineElement({ from: 'agent', name: me.displayName, text, at: new Date().toISOString() }));
    linesBox.scrollTop = linesBox.scrollHeight;
    input.value = '';
    input.focus();
  } catch (problem) {
    showProblem(sendForm, problem);
  }
}

async function makeTicket() {
  if (!current) return;
  clearProblems(ticketForm);
  const button = $('#chat-ticket-submit');
  button.disabled = true;
  try {
    const made = await api('POST', `/api/v1/chats/${encodeURIComponent(current)}/ticket`, formData(ticketForm));
    fill($('#chat-ticket-no'), '已生成工单 ', ticketLink(made.ticketNo));
    $('#chat-ticket-box').open = false;
    notice(`已生成工单 ${made.ticketNo}`);
  } catch (problem) {
    showProblem(ticketForm, problem);
    button.disabled = false;
  }
}

async function closeChat() {
  if (!current) return;
  try {
    const chat = await api('POST', `/api/v1/chats/${encodeURIComponent(current)}/close`);
    if (chat && chat.state) drawState(chat);
    else await openChat(current);
    notice('会话已结束');
    loadChats();
  } catch (problem) {
    notice(problem.message, 'error');
  }
}

/** Live events of the chat queue and the agent's chats. */
export function onChatEvent(event) {
  if (event.type === 'chat-queue') {
    loadChats();
  } else if (event.type === 'chat-line') {
    if (event.chatId === current) {
      const lines = linesBox.querySelectorAll('.line');
      const last = lines[lines.length - 1];
      const line = event.line || {};
      // The agent's own lines were drawn when sent.
      if (!(line.from === 'agent' && last && last.classList.contains('agent') && last.lastChild.textContent === line.text)) {
        linesBox.append(lineElement(line));
        linesBox.scrollTop = linesBox.scrollHeight;
      }
    } else {
      unread.add(event.chatId);
      loadChats();
    }
  } else if (event.type === 'chat-state') {
    if (event.chat && event.chat.id === current) drawState(event.chat);
    loadChats();
  }
}
