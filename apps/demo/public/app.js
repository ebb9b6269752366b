// The demo client: plain browser JavaScript, no build step. The token is kept in localStorage when
// "remember me" is ticked (survives closing the browser) and in sessionStorage otherwise (this tab only).
const KEY = 'auth-token';
const $ = (selector) => document.querySelector(selector);

const store = {
  get: () => localStorage.getItem(KEY) ?? sessionStorage.getItem(KEY),
  set(token, remember) {
    this.clear();
    (remember ? localStorage : sessionStorage).setItem(KEY, token);
  },
  clear() {
    localStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY);
  },
};

async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = store.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  let data = text;
  try { data = text ? JSON.parse(text) : null; } catch { /* plain text */ }
  return { status: response.status, ok: response.ok, data };
}

function show(element, text, kind) {
  element.textContent = text;
  element.className = `message ${kind ?? ''}`;
}
const describe = (data) => (Array.isArray(data?.message) ? data.message.join(' ') : data?.message ?? String(data ?? ''));

async function refresh() {
  const token = store.get();
  const me = token ? await api('GET', '/auth/me') : null;
  if (me && !me.ok) store.clear();
  const user = me?.ok ? me.data : null;
  $('#who').textContent = user ? `Logged in as ${user.username}` : 'Not logged in';
  $('#login-section').hidden = Boolean(user);
  $('#sessions-section').hidden = !user;
  $('#tokens-section').hidden = !user;
  $('#register-section').hidden = Boolean(user) || !config.registration;
  if (!user) {
    forgetNewToken();
    clearTokenErrors();
    $('#sessions').replaceChildren();
    $('#tokens').replaceChildren();
    return;
  }
  await Promise.all([listSessions(), listTokens()]);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A <time> for a date from the API, or `empty` as plain text when there is none. */
function when(value, empty = '–') {
  if (!value) return document.createTextNode(empty);
  const date = new Date(value);
  const time = document.createElement('time');
  time.dateTime = date.toISOString();
  time.title = date.toString();
  time.textContent = dateFormat.format(date);
  return time;
}

/** One detail of a list entry, e.g. "last used <time>", in a span of its own class. */
function detail(className, label, value) {
  const span = document.createElement('span');
  span.className = className;
  span.append(`${label} `, value);
  return span;
}

/** A list entry: a title line, a line of details, and a Revoke button that calls `onRevoke`. */
function entry(title, details, onRevoke) {
  const item = document.createElement('li');
  const info = document.createElement('div');
  info.className = 'entry-info';
  const line = document.createElement('div');
  line.className = 'entry-details muted';
  details.forEach((part, index) => line.append(...(index ? [' · ', part] : [part])));
  info.append(title, line);
  const revoke = document.createElement('button');
  revoke.type = 'button';
  revoke.className = 'danger';
  revoke.textContent = 'Revoke';
  revoke.addEventListener('click', async () => {
    revoke.disabled = true;
    await onRevoke();
    revoke.disabled = false;
  });
  item.append(info, revoke);
  return { item, revoke };
}

async function listSessions() {
  const { ok, data } = await api('GET', '/auth/sessions');
  const list = $('#sessions');
  list.replaceChildren();
  if (!ok || !Array.isArray(data)) return;
  for (const session of data) {
    const title = document.createElement('div');
    title.className = 'entry-title';
    const device = document.createElement('strong');
    device.className = 'device';
    // `device` ("Chrome 138 on Linux") when the server names it, else the raw User-Agent.
    device.textContent = session.device || session.userAgent || 'Unknown device';
    if (session.device && session.userAgent) device.title = session.userAgent;
    title.append(device);
    if (session.current) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = 'this device';
      title.append(tag);
    }
    const details = [];
    if (session.ip) details.push(detail('ip', 'IP', session.ip));
    details.push(detail('last-used', 'last used', when(session.lastUsedAt, 'never')));
    details.push(detail('created', 'signed in', when(session.createdAt)));
    const { item, revoke } = entry(title, details, async () => {
      await api('DELETE', `/auth/sessions/${encodeURIComponent(session.id)}`);
      await refresh();
    });
    item.dataset.session = session.id;
    revoke.dataset.session = session.id;
    list.append(item);
  }
}

/** The scopes the demo declares; /api/config may list them instead (`scopes`: {name: description} or [name]). */
const DEFAULT_SCOPES = { 'hello:read': 'Read the greeting (GET /api/hello)', 'hello:write': 'Post to the greeting (POST /api/hello)' };

function scopeEntries(scopes) {
  if (Array.isArray(scopes)) return scopes.map((scope) => (typeof scope === 'string' ? [scope, ''] : [scope?.name, scope?.description ?? ''])).filter(([name]) => name);
  if (scopes && typeof scopes === 'object') return Object.entries(scopes).map(([name, description]) => [name, typeof description === 'string' ? description : '']);
  return Object.entries(DEFAULT_SCOPES);
}

function renderScopeOptions(scopes) {
  const options = scopeEntries(scopes).map(([name, description]) => {
    const label = document.createElement('label');
    label.className = 'inline scope-option';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'scopes';
    box.value = name;
    const code = document.createElement('code');
    code.textContent = name;
    label.append(box, code);
    if (description) {
      const note = document.createElement('span');
      note.className = 'muted';
      note.textContent = description;
      label.append(note);
    }
    return label;
  });
  $('#scope-options').replaceChildren(...options);
  $('#token-scopes').hidden = options.length === 0;
}

async function listTokens() {
  const { ok, data } = await api('GET', '/auth/tokens');
  const list = $('#tokens');
  list.replaceChildren();
  if (!ok || !Array.isArray(data)) return;
  $('#no-tokens').hidden = data.length > 0;
  for (const token of data) {
    const title = document.createElement('div');
    title.className = 'entry-title';
    const name = document.createElement('strong');
    name.className = 'token-name';
    name.textContent = token.name;
    const scopes = document.createElement('span');
    scopes.className = 'scopes';
    if (token.scopes.length === 0) scopes.append(Object.assign(document.createElement('span'), { className: 'muted', textContent: 'no scopes' }));
    for (const scope of token.scopes) scopes.append(Object.assign(document.createElement('code'), { className: 'scope', textContent: scope }));
    title.append(name, scopes);
    const details = [
      detail('created', 'created', when(token.createdAt)),
      detail('last-used', 'last used', when(token.lastUsedAt, 'never')),
      detail('expires', 'expires', when(token.expiresAt)),
    ];
    const { item, revoke } = entry(title, details, async () => {
      const { ok: revoked, status, data: answer } = await api('DELETE', `/auth/tokens/${encodeURIComponent(token.id)}`);
      if (!revoked && status !== 404) show($('#token-message'), describe(answer), 'error');
      else if (revoked) show($('#token-message'), `Revoked "${token.name}".`, 'ok');
      await listTokens();
    });
    item.dataset.token = token.id;
    revoke.dataset.token = token.id;
    list.append(item);
  }
}

/** Field-keyed errors of a 400 beside their fields; any other field's in the form's message. */
function showTokenErrors(errors) {
  const rest = [];
  for (const [field, messages] of Object.entries(errors)) {
    const slot = $('#token-form').querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    const text = [messages].flat().join(' ');
    if (!slot) {
      rest.push(text);
      continue;
    }
    slot.textContent = text;
    $('#token-form').querySelector(`[name="${CSS.escape(field)}"]`)?.setAttribute('aria-invalid', 'true');
  }
  if (rest.length) show($('#token-message'), rest.join(' '), 'error');
}

function clearTokenErrors() {
  for (const slot of document.querySelectorAll('#token-form [data-error-for]')) slot.textContent = '';
  for (const field of document.querySelectorAll('#token-form [aria-invalid]')) field.removeAttribute('aria-invalid');
  show($('#token-message'), '');
}

/** Shows a new token's raw value, which no later answer contains: it lives in this element only, never in storage. */
function showNewToken(created) {
  $('#new-token-name').textContent = `"${created.name}"`;
  $('#new-token-value').textContent = created.token;
  copyNote('');
  $('#new-token').hidden = false;
  $('#copy-token').focus();
}

function forgetNewToken() {
  $('#new-token').hidden = true;
  $('#new-token-value').textContent = '';
  $('#new-token-name').textContent = '';
}

async function createToken(event) {
  event.preventDefault();
  const form = event.target;
  const fields = new FormData(form);
  const submit = form.querySelector('button[type=submit]');
  clearTokenErrors();
  submit.disabled = true;
  let answer;
  try {
    answer = await api('POST', '/auth/tokens', { name: fields.get('name'), scopes: fields.getAll('scopes'), expiresIn: Number(fields.get('expiresIn')) });
  } finally {
    submit.disabled = false;
  }
  const { ok, status, data } = answer;
  if (!ok) {
    if (status === 400 && data?.errors && typeof data.errors === 'object') showTokenErrors(data.errors);
    else show($('#token-message'), describe(data), 'error');
    if (status === 401) await refresh();
    if (status === 409) await listTokens(); // the ones to choose from to revoke
    return;
  }
  form.reset();
  showNewToken(data);
  await listTokens();
}

function copyNote(text, kind = '') {
  $('#copy-note').textContent = text;
  $('#copy-note').dataset.kind = kind;
}

async function copyNewToken() {
  try {
    await navigator.clipboard.writeText($('#new-token-value').textContent);
    copyNote('Copied to the clipboard.', 'ok');
  } catch {
    // No clipboard (permission refused, or not a secure context): select the token for a manual copy.
    getSelection().selectAllChildren($('#new-token-value'));
    copyNote('Could not copy: the token is selected, copy it with Ctrl+C.', 'error');
  }
}

async function testAuth(method) {
  const { status, data } = await api(method, '/api/hello');
  $('#test-result').textContent = `${status} ${JSON.stringify(data)}`;
}

let config = { registration: false, emailConfirm: false };

document.addEventListener('DOMContentLoaded', async () => {
  config = (await api('GET', '/api/config')).data ?? config;
  $('#confirm-hint').hidden = !config.emailConfirm;
  $('#email-field').hidden = !config.emailConfirm;
  $('#email-field input').required = config.emailConfirm;

  $('#login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const { ok, data } = await api('POST', '/auth/login', { username: form.get('username'), password: form.get('password') });
    if (!ok) return show($('#login-message'), describe(data), 'error');
    store.set(data.token, form.get('remember') === 'on');
    event.target.reset();
    show($('#login-message'), '');
    await refresh();
  });

  $('#register-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { username: form.get('username'), password: form.get('password') };
    if (config.emailConfirm) body.email = form.get('email');
    const { ok, data } = await api('POST', '/auth/register', body);
    if (!ok) return show($('#register-message'), describe(data), 'error');
    event.target.reset();
    show($('#register-message'), config.emailConfirm ? 'Account created. Check your mail for the confirmation link.' : 'Account created. You can log in now.', 'ok');
  });

  const reset = /^#reset=(.+)$/.exec(location.hash);
  if (reset) {
    $('#reset-section').hidden = false;
    $('#reset-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const newPassword = new FormData(event.target).get('newPassword');
      const { ok, data } = await api('POST', '/auth/password/reset/confirm', { token: decodeURIComponent(reset[1]), newPassword });
      if (!ok) return show($('#reset-message'), describe(data), 'error');
      history.replaceState(null, '', location.pathname);
      show($('#reset-message'), 'Password changed. Log in with the new one.', 'ok');
    });
  }

  renderScopeOptions(config.scopes);
  // Lifetimes past the server's maximum (AUTH_API_TOKEN_MAX_TTL) are not offered.
  for (const option of $('#token-form select[name="expiresIn"]').options) {
    option.hidden = option.disabled = typeof config.apiTokenMaxTtl === 'number' && Number(option.value) > config.apiTokenMaxTtl;
  }
  $('#token-form').addEventListener('submit', createToken);
  $('#copy-token').addEventListener('click', copyNewToken);
  $('#dismiss-token').addEventListener('click', forgetNewToken);

  $('#test-get').addEventListener('click', () => testAuth('GET'));
  $('#test-post').addEventListener('click', () => testAuth('POST'));
  $('#logout').addEventListener('click', async () => {
    await api('DELETE', '/auth/logout');
    store.clear();
    await refresh();
  });
  $('#logout-everywhere').addEventListener('click', async () => {
    await api('DELETE', '/auth/sessions');
    store.clear();
    await refresh();
  });
  await refresh();
});
