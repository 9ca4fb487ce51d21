import { api, clearProblems } from '/assets/js/api.js';
import { fill, h } from '/assets/js/dom.js';
import { submission } from '/citizen/common.js';

const form = document.getElementById('mailbox-form');
const list = document.getElementById('mailboxes');
const field = document.getElementById('mailbox-field');

function chosen() {
  return form.querySelector('input[name=mailbox]:checked');
}

async function load() {
  try {
    const { items } = await api('GET', '/api/v1/mailboxes', undefined, { auth: false });
    if (!items.length) {
      fill(list, h('p', { class: 'empty' }, '暂无开放的信箱，请使用“网友留言”或拨打12345。'));
      return;
    }
    const wanted = new URLSearchParams(location.search).get('mailbox');
    fill(list, items.map((m, i) => h('label', { class: 'mailbox-option', for: `mailbox-${m.code}` },
      h('input', {
        type: 'radio', name: 'mailbox', id: `mailbox-${m.code}`, value: m.code,
        checked: wanted ? wanted === m.code : i === 0,
      }),
      h('strong', {}, m.name),
      h('span', { class: 'muted' }, [m.description, m.office ? `（${m.office}登记转办）` : ''].filter(Boolean).join('')))));
  } catch (problem) {
    fill(list, h('p', { class: 'form-error', role: 'alert' }, `信箱列表加载失败：${problem.message}`));
  }
}

submission(form, document.getElementById('result'), {
  path: () => {
    const box = chosen();
    if (!box) {
      clearProblems(form);
      field.append(h('span', { class: 'field-error', id: 'mailbox-error' }, '请选择要写信的信箱'));
      form.querySelector('input[name=mailbox]')?.focus();
      return null;
    }
    return `/api/v1/mailboxes/${encodeURIComponent(box.value)}/letters`;
  },
  intro: (answer) => `您写给“${answer.mailbox || '领导信箱'}”的来信已登记，将由信箱所属机关转交承办单位办理。`,
});

load();
