// Small DOM helpers: elements are built with text nodes only (never innerHTML), so nothing the
// server or a user typed can become markup.

export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = value;
    else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let ids = 0;
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

let routeHash = null;

/** The route being shown: a page whose data arrives after the user moved on is not shown. */
export function routing(hash) {
  routeHash = hash;
}

/** Replaces the main region's content and moves focus to its heading, for screen readers. */
export function show(title, ...content) {
  if (routeHash !== null && window.location.hash !== routeHash) return;
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content.flat());
  document.title = `${title} · Rollcall console`;
  heading.focus();
}

export function announce(text) {
  const status = document.getElementById('status');
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = text;
  }, 50);
}

/** A labelled text field with room for its own error message beneath it. */
export function field(label, attrs = {}, hint) {
  const id = attrs.id || uid('field');
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  const input = h(attrs.multiline ? 'textarea' : 'input', {
    ...attrs,
    multiline: null,
    id,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
  });
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const wrapper = h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { id: hintId, class: 'hint' }, hint) : null, input, error);
  return { wrapper, input, error };
}

export function setError(fieldParts, message) {
  if (message) {
    fieldParts.error.textContent = message;
    fieldParts.error.hidden = false;
    fieldParts.input.setAttribute('aria-invalid', 'true');
  } else {
    fieldParts.error.textContent = '';
    fieldParts.error.hidden = true;
    fieldParts.input.removeAttribute('aria-invalid');
  }
}

/** An error paragraph placed next to the control that caused it. */
export function errorBox() {
  return h('p', { class: 'form-error', role: 'alert', hidden: true });
}

export function showError(box, error) {
  if (!error) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.textContent = error.message || String(error);
  box.hidden = false;
}

/**
 * A table in a scrollable, focusable region (so it can be scrolled by keyboard at 390 px).
 * columns: [{label, cell: (row) => node|string}]
 */
export function table(caption, columns, rows) {
  return h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' },
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
      h(
        'tbody',
        {},
        rows.length
          ? rows.map((row) => h('tr', {}, columns.map((c) => h('td', { 'data-label': c.label }, valueOf(c.cell(row))))))
          : h('tr', {}, h('td', { colspan: String(columns.length) }, 'Nothing here yet.')),
      ),
    ),
  );
}

function valueOf(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return value;
}

/** A button that copies a value, and says so. */
export function copyButton(label, getValue) {
  const button = h('button', { type: 'button', class: 'secondary' }, label);
  button.addEventListener('click', async () => {
    const value = getValue();
    try {
      await navigator.clipboard.writeText(value);
      announce('Copied');
      button.textContent = 'Copied';
    } catch {
      announce('Copying failed: select the text and copy it');
    }
    window.setTimeout(() => {
      button.textContent = label;
    }, 2000);
  });
  return button;
}

/** A read-only value with its label and a copy button. */
export function secretValue(label, value, id) {
  const input = h('input', { id, type: 'text', readonly: true, value, class: 'mono', spellcheck: 'false' });
  return h('div', { class: 'field copy' }, h('label', { for: id }, label), h('div', { class: 'copy-row' }, input, copyButton(`Copy ${label}`, () => input.value)));
}

/**
 * Asks for typed confirmation in a modal dialog: resolves true only once the user typed `word`
 * and confirmed; Escape or Cancel resolve false.
 */
export function confirmTyped(title, text, word, actionLabel) {
  return new Promise((resolve) => {
    const input = h('input', { id: uid('confirm'), type: 'text', autocomplete: 'off', spellcheck: 'false' });
    const confirm = h('button', { type: 'submit', class: 'danger', disabled: true }, actionLabel);
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const dialog = h(
      'dialog',
      { 'aria-labelledby': 'confirm-title' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: 'confirm-title' }, title),
        h('p', {}, text),
        h('label', { for: input.id }, `Type ${word} to confirm`),
        input,
        h('div', { class: 'actions' }, confirm, cancel),
      ),
    );
    input.addEventListener('input', () => {
      confirm.disabled = input.value !== word;
    });
    let confirmed = false;
    confirm.addEventListener('click', () => {
      confirmed = input.value === word;
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(confirmed);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}

/** Days from now until an ISO-ish timestamp the statements print ("2027-01-01 10:00:00 +0000 UTC"). */
export function daysUntil(stamp) {
  const time = parseStamp(stamp);
  return time === null ? null : Math.floor((time - Date.now()) / 86400000);
}

export function parseStamp(stamp) {
  if (!stamp) return null;
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})/.exec(stamp);
  const time = match ? Date.parse(`${match[1]}T${match[2]}Z`) : Date.parse(stamp);
  return Number.isNaN(time) ? null : time;
}
