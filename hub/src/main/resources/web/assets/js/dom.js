// Building the page from data without ever parsing data as HTML: citizen text is always a text node.

/** Creates an element; attrs may hold on<Event> handlers, `class`, `for`, dataset via data-*, and booleans. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Shorthand for document.querySelector. */
export const $ = (selector, root = document) => root.querySelector(selector);

/** Formats an ISO time as Beijing time, e.g. 2026-12-02 17:30. */
export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(d).reduce((all, p) => ({ ...all, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A countdown to `iso` in Chinese: 剩余 2天3小时, or 已超期 5小时. */
export function countdown(iso, now = Date.now()) {
  if (!iso) return '';
  const ms = new Date(iso).getTime() - now;
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86400000);
  const hours = Math.floor((abs % 86400000) / 3600000);
  const minutes = Math.floor((abs % 3600000) / 60000);
  const text = days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${minutes}分` : `${minutes}分钟`;
  return ms >= 0 ? `剩余 ${text}` : `已超期 ${text}`;
}

/** Shows a short message in the page's status area (role=status, read by screen readers). */
export function notice(text, kind = 'info') {
  let area = document.getElementById('notice');
  if (!area) {
    area = h('div', { id: 'notice', role: 'status', 'aria-live': 'polite' });
    document.body.append(area);
  }
  fill(area, h('p', { class: `notice ${kind}` }, text));
  clearTimeout(area.timer);
  area.timer = setTimeout(() => area.replaceChildren(), 6000);
}
