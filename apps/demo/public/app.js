/* global qrcode, io, webauthn */ // from qrcode.js, Socket.IO's client (/socket.io/socket.io.min.js) and webauthn.js, loaded before this file
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
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    /* plain text */
  }
  return { status: response.status, ok: response.ok, data, retryAfter: response.headers.get('Retry-After') };
}

/**
 * Sends a request that creates a credential (an API token, a second factor). When the server wants a fresh
 * proof of identity (403 reauthentication_required: the login is older than its window), asks for the
 * password, proves it with POST /auth/reauthenticate, and sends the request once more.
 */
async function withReauthentication(send) {
  const answer = await send();
  if (answer.status !== 403 || answer.data?.code !== 'reauthentication_required') return answer;
  return (await askForPassword()) ? send() : answer;
}

/** Resolves to true once the password (or one of the user's passkeys) was confirmed, false when the user cancels. */
function askForPassword() {
  const dialog = $('#reauth-dialog');
  const form = $('#reauth-form');
  form.reset();
  clearFieldErrors(form, $('#reauth-message'));
  $('#reauth-passkey').hidden = !(webauthn.supported() && passkeyCount > 0);
  return new Promise((resolve) => {
    const finish = (proved) => {
      form.removeEventListener('submit', submit);
      $('#reauth-passkey').removeEventListener('click', usePasskey);
      $('#reauth-cancel').removeEventListener('click', cancel);
      dialog.removeEventListener('cancel', cancel);
      form.reset();
      dialog.close();
      resolve(proved);
    };
    const cancel = (event) => {
      event.preventDefault();
      finish(false);
    };
    const submit = async (event) => {
      event.preventDefault();
      const password = String(new FormData(form).get('password') ?? '');
      clearFieldErrors(form, $('#reauth-message'));
      if (!password) return showFieldErrors(form, $('#reauth-message'), { password: 'Enter your password.' });
      const { ok, status, data, retryAfter } = await api('POST', '/auth/reauthenticate', { password });
      if (ok) return finish(true);
      if (status === 400) showFieldErrors(form, $('#reauth-message'), { password: 'Wrong password.' });
      else if (status === 429) show($('#reauth-message'), tooMany(retryAfter), 'error');
      else show($('#reauth-message'), describe(data) || `Could not confirm (${status}).`, 'error');
    };
    const usePasskey = async () => {
      clearFieldErrors(form, $('#reauth-message'));
      const { ok, status, data, retryAfter } = await passkeyCeremony(
        () => api('POST', '/auth/reauthenticate/passkey/options'),
        (challengeId, response) => api('POST', '/auth/reauthenticate', { challengeId, response }),
      );
      if (ok) return finish(true);
      if (status === 429) show($('#reauth-message'), tooMany(retryAfter), 'error');
      else if (status !== 0) show($('#reauth-message'), 'The passkey was not accepted.', 'error');
      else show($('#reauth-message'), describe(data), 'error');
    };
    form.addEventListener('submit', submit);
    $('#reauth-passkey').addEventListener('click', usePasskey);
    $('#reauth-cancel').addEventListener('click', cancel);
    dialog.addEventListener('cancel', cancel);
    dialog.showModal();
    form.querySelector('input[name=password]').focus();
  });
}

function show(element, text, kind) {
  element.textContent = text;
  element.className = `message ${kind ?? ''}`;
}
const describe = (data) =>
  Array.isArray(data?.message) ? data.message.join(' ') : (data?.message ?? String(data ?? ''));

/** The page's live connection (Socket.IO): open while logged in; the server ends it when the token is revoked. */
let live = null;

function openLive(user) {
  if (live?.username === user.username && live.socket.active) return;
  closeLive();
  const socket = io({ auth: { token: store.get() }, reconnection: false });
  live = { socket, username: user.username };
  $('#live').textContent = 'Connecting…';
  socket.on('connect', () => {
    if (live?.socket === socket) $('#live').textContent = `Live: connected as ${user.username}`;
  });
  socket.on('connect_error', (error) => {
    if (live?.socket === socket) $('#live').textContent = `Live connection refused: ${error.message}`;
  });
  socket.on('disconnect', (reason) => {
    if (live?.socket !== socket) return;
    live = null;
    // The server ends the connection only when its token was revoked or expired: logged out elsewhere.
    const serverEnded = reason === 'io server disconnect';
    $('#live').textContent = serverEnded
      ? 'Live connection closed: this session was logged out'
      : 'Live connection closed';
    if (serverEnded) void refresh();
  });
}

/** Closes this page's live connection (logging out here); a connection the server ended keeps its message. */
function closeLive() {
  if (!live) return;
  const { socket } = live;
  live = null;
  socket.disconnect();
  $('#live').textContent = 'No live connection';
}

async function refresh() {
  const token = store.get();
  const me = token ? await api('GET', '/auth/me') : null;
  if (me && !me.ok) store.clear();
  const user = me?.ok ? me.data : null;
  $('#who').textContent = user ? `Logged in as ${user.username}` : 'Not logged in';
  if (user) openLive(user);
  else closeLive();
  $('#login-section').hidden = Boolean(user);
  $('#sessions-section').hidden = !user;
  $('#tokens-section').hidden = !user;
  $('#security-log-section').hidden = !user;
  $('#passkeys-section').hidden = !user || !webauthn.supported();
  $('#register-section').hidden = Boolean(user) || !config.registration;
  renderMfa(user);
  if (!user) {
    forgetNewToken();
    clearTokenErrors();
    $('#sessions').replaceChildren();
    $('#tokens').replaceChildren();
    $('#security-log').replaceChildren();
    $('#passkeys').replaceChildren();
    passkeyCount = 0;
    return;
  }
  await Promise.all([listSessions(), listTokens(), listSecurityLog(), listPasskeys()]);
}

/** The security log's entry types, as a person reads them. */
const SECURITY_EVENTS = {
  login: 'Signed in',
  login_failed: 'Failed sign-in',
  logout: 'Signed out',
  reauthenticated: 'Confirmed it was you',
  password_changed: 'Password changed',
  password_reset: 'Password reset',
  mfa_enabled: 'Two-factor login turned on',
  mfa_disabled: 'Two-factor login turned off',
  recovery_codes_renewed: 'New recovery codes',
  api_token_created: 'API token created',
  api_token_revoked: 'API token revoked',
  sessions_revoked: 'Logged out everywhere',
  passkey_added: 'Passkey added',
  passkey_removed: 'Passkey removed',
  token_leaked: 'Leaked token revoked',
};

async function listSecurityLog() {
  const { ok, data } = await api('GET', '/auth/security-log');
  const list = $('#security-log');
  list.replaceChildren();
  if (!ok || !Array.isArray(data?.events)) return;
  for (const event of data.events) {
    const item = document.createElement('li');
    const info = document.createElement('div');
    info.className = 'entry-info';
    const title = document.createElement('strong');
    title.textContent = SECURITY_EVENTS[event.type] ?? event.type;
    const line = document.createElement('div');
    line.className = 'entry-details muted';
    line.append(when(event.at));
    if (event.device) line.append(' · ', event.device);
    if (event.ip) line.append(' · ', detail('ip', 'IP', event.ip));
    info.append(title, line);
    item.dataset.type = event.type;
    item.append(info);
    list.append(item);
  }
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
const DEFAULT_SCOPES = {
  'hello:read': 'Read the greeting (GET /api/hello)',
  'hello:write': 'Post to the greeting (POST /api/hello)',
};

function scopeEntries(scopes) {
  if (Array.isArray(scopes))
    return scopes
      .map((scope) => (typeof scope === 'string' ? [scope, ''] : [scope?.name, scope?.description ?? '']))
      .filter(([name]) => name);
  if (scopes && typeof scopes === 'object')
    return Object.entries(scopes).map(([name, description]) => [
      name,
      typeof description === 'string' ? description : '',
    ]);
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
    if (token.scopes.length === 0)
      scopes.append(Object.assign(document.createElement('span'), { className: 'muted', textContent: 'no scopes' }));
    for (const scope of token.scopes)
      scopes.append(Object.assign(document.createElement('code'), { className: 'scope', textContent: scope }));
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
      await Promise.all([listTokens(), listSecurityLog()]);
    });
    item.dataset.token = token.id;
    revoke.dataset.token = token.id;
    list.append(item);
  }
}

/** Field-keyed errors of a 400 beside their fields in `form`; any other field's in `message`. */
function showFieldErrors(form, message, errors) {
  const rest = [];
  for (const [field, messages] of Object.entries(errors)) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    const text = [messages].flat().join(' ');
    if (!slot) {
      rest.push(text);
      continue;
    }
    slot.textContent = text;
    form.querySelector(`[name="${CSS.escape(field)}"]`)?.setAttribute('aria-invalid', 'true');
  }
  if (rest.length) show(message, rest.join(' '), 'error');
}

/** Clears the field errors of `form`, and `message` when given. */
function clearFieldErrors(form, message) {
  for (const slot of form.querySelectorAll('[data-error-for]')) slot.textContent = '';
  for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  if (message) show(message, '');
}

/** A 400 with field-keyed `errors` beside the fields, any other failure's message in `message`. */
function showFailure(form, message, status, data) {
  if (status === 400 && data?.errors && typeof data.errors === 'object') showFieldErrors(form, message, data.errors);
  else show(message, describe(data) || `Failed (${status}).`, 'error');
}

const showTokenErrors = (errors) => showFieldErrors($('#token-form'), $('#token-message'), errors);
const clearTokenErrors = () => clearFieldErrors($('#token-form'), $('#token-message'));

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
    const body = {
      name: fields.get('name'),
      scopes: fields.getAll('scopes'),
      expiresIn: Number(fields.get('expiresIn')),
    };
    answer = await withReauthentication(() => api('POST', '/auth/tokens', body));
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
  await Promise.all([listTokens(), listSecurityLog()]);
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

// Two-factor login (TOTP). What the server does not keep for the page to fetch again (the key while setting up,
// fresh recovery codes) lives in this object and the elements only, never in storage.
const mfa = { setup: false, action: null };

/** The panel for `user` (null: logged out), hidden when the server reports no `mfaEnabled`. */
function renderMfa(user) {
  const known = typeof user?.mfaEnabled === 'boolean';
  $('#mfa-section').hidden = !known;
  if (!known) {
    forgetMfaSetup();
    forgetRecoveryCodes();
    choosePasswordAction(null);
    show($('#mfa-message'), '');
    return;
  }
  const on = user.mfaEnabled;
  if (on) forgetMfaSetup();
  else choosePasswordAction(null);
  $('#mfa-off').hidden = on || mfa.setup;
  $('#mfa-setup-step').hidden = on || !mfa.setup;
  $('#mfa-on').hidden = !on;
}

/** The otpauth URL as a QR code: a GIF data: URL from qrcode-generator (qrcode.js), in an <img>. */
function renderQrCode(text) {
  const img = $('#mfa-qr');
  if (typeof qrcode !== 'function') {
    img.hidden = true; // the key can still be typed in
    return;
  }
  const qr = qrcode(0, 'M'); // the smallest version that holds the text
  qr.addData(text, 'Byte');
  qr.make();
  const cell = 4;
  const margin = 4 * cell; // the quiet zone of 4 modules that scanners expect
  img.src = qr.createDataURL(cell, margin);
  img.width = img.height = qr.getModuleCount() * cell + 2 * margin;
  img.hidden = false;
}

/** Groups of four for typing in; authenticator apps ignore the spaces. */
const groupKey = (secret) => secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

async function startMfaSetup() {
  const button = $('#mfa-setup');
  show($('#mfa-message'), '');
  button.disabled = true;
  let answer;
  try {
    answer = await withReauthentication(() => api('POST', '/auth/mfa/totp/setup'));
  } finally {
    button.disabled = false;
  }
  const { ok, status, data } = answer;
  if (!ok || typeof data?.secret !== 'string') {
    show($('#mfa-message'), describe(data) || `Could not start the setup (${status}).`, 'error');
    if (status === 401) await refresh();
    return;
  }
  mfa.setup = true;
  $('#mfa-secret').textContent = groupKey(data.secret);
  $('#mfa-otpauth').href = data.otpauthUrl;
  renderQrCode(data.otpauthUrl);
  clearFieldErrors($('#mfa-enable-form'), $('#mfa-message'));
  $('#mfa-off').hidden = true;
  $('#mfa-setup-step').hidden = false;
  $('#mfa-enable-form input[name=code]').focus();
}

function forgetMfaSetup() {
  mfa.setup = false;
  $('#mfa-secret').textContent = '';
  $('#mfa-otpauth').href = '#';
  $('#mfa-qr').removeAttribute('src');
  $('#mfa-enable-form').reset();
  clearFieldErrors($('#mfa-enable-form'));
}

async function enableMfa(event) {
  event.preventDefault();
  const form = event.target;
  const submit = form.querySelector('button[type=submit]');
  clearFieldErrors(form, $('#mfa-message'));
  const code = String(new FormData(form).get('code') ?? '').replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(code)) {
    showFieldErrors(form, $('#mfa-message'), { code: 'Enter the 6 digits your app shows.' });
    return;
  }
  submit.disabled = true;
  let answer;
  try {
    answer = await withReauthentication(() => api('POST', '/auth/mfa/totp/enable', { code }));
  } finally {
    submit.disabled = false;
  }
  const { ok, status, data } = answer;
  if (!ok) {
    showFailure(form, $('#mfa-message'), status, data);
    if (status === 401) await refresh();
    return;
  }
  forgetMfaSetup();
  showRecoveryCodes(data?.recoveryCodes);
  show($('#mfa-message'), 'Two-factor login is on: from now on, logging in asks for a code from your app.', 'ok');
  await refresh();
}

/** Shows recovery codes this once: they are in this list only, never in storage. */
function showRecoveryCodes(codes) {
  const items = (Array.isArray(codes) ? codes : []).map((code) => {
    const item = document.createElement('li');
    item.append(Object.assign(document.createElement('code'), { textContent: code }));
    return item;
  });
  $('#mfa-codes-list').replaceChildren(...items);
  $('#mfa-copy-note').textContent = '';
  $('#mfa-codes').hidden = items.length === 0;
  if (items.length) $('#mfa-copy-codes').focus();
}

function forgetRecoveryCodes() {
  $('#mfa-codes').hidden = true;
  $('#mfa-codes-list').replaceChildren();
  $('#mfa-copy-note').textContent = '';
}

async function copyRecoveryCodes() {
  const note = $('#mfa-copy-note');
  const codes = [...document.querySelectorAll('#mfa-codes-list code')].map((code) => code.textContent);
  try {
    await navigator.clipboard.writeText(codes.join('\n'));
    note.textContent = 'Copied to the clipboard.';
    note.dataset.kind = 'ok';
  } catch {
    getSelection().selectAllChildren($('#mfa-codes-list'));
    note.textContent = 'Could not copy: the codes are selected, copy them with Ctrl+C.';
    note.dataset.kind = 'error';
  }
}

/** What the password form does: 'disable', 'codes' (new recovery codes), or null (closed). */
const PASSWORD_ACTIONS = {
  disable: { label: 'Your password, to turn two-factor login off', submit: 'Disable two-factor login', danger: true },
  codes: { label: 'Your password, to replace your recovery codes', submit: 'Make new codes', danger: false },
};

function choosePasswordAction(action) {
  mfa.action = action;
  const form = $('#mfa-password-form');
  form.reset();
  clearFieldErrors(form);
  if (action) show($('#mfa-message'), '');
  form.hidden = !action;
  if (!action) return;
  $('#mfa-password-label').textContent = PASSWORD_ACTIONS[action].label;
  $('#mfa-password-submit').textContent = PASSWORD_ACTIONS[action].submit;
  $('#mfa-password-submit').className = PASSWORD_ACTIONS[action].danger ? 'danger' : '';
  form.querySelector('input[name=password]').focus();
}

async function confirmPasswordAction(event) {
  event.preventDefault();
  const form = event.target;
  const action = mfa.action;
  const password = String(new FormData(form).get('password') ?? '');
  clearFieldErrors(form, $('#mfa-message'));
  if (!action) return;
  if (!password) {
    showFieldErrors(form, $('#mfa-message'), { password: 'Enter your password.' });
    return;
  }
  const submit = $('#mfa-password-submit');
  submit.disabled = true;
  let answer;
  try {
    answer = await api('POST', action === 'disable' ? '/auth/mfa/disable' : '/auth/mfa/recovery-codes', { password });
  } finally {
    submit.disabled = false;
  }
  const { ok, status, data, retryAfter } = answer;
  if (!ok) {
    if (status === 400 && !data?.errors)
      showFieldErrors(form, $('#mfa-message'), { password: describe(data) || 'Wrong password.' });
    else if (status === 429) show($('#mfa-message'), tooMany(retryAfter), 'error');
    else showFailure(form, $('#mfa-message'), status, data);
    if (status === 401) await refresh();
    return;
  }
  choosePasswordAction(null);
  if (action === 'disable') {
    forgetRecoveryCodes();
    show($('#mfa-message'), 'Two-factor login is off: your password alone logs you in.', 'ok');
    await refresh();
  } else {
    showRecoveryCodes(data?.recoveryCodes);
    show($('#mfa-message'), 'New recovery codes made: the old ones no longer work.', 'ok');
  }
}

/** "Too many attempts" with the wait from a 429's Retry-After (seconds), when there is one. */
function tooMany(retryAfter) {
  const seconds = Number(retryAfter);
  if (!Number.isFinite(seconds) || seconds <= 0) return 'Too many failed attempts. Try again later.';
  const wait = seconds < 90 ? `${Math.ceil(seconds)} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed attempts. Try again in ${wait}.`;
}

// The second step of a login with two-factor login on. The mfaToken opens only POST /auth/login/mfa, lives
// 5 minutes, and is kept in this variable only, with the "remember me" of the first step.
const MFA_TOKEN_LIFETIME = 5 * 60_000;
let pendingLogin = null;

function startSecondStep(mfaToken, username, remember, methods = ['totp']) {
  pendingLogin = { mfaToken, remember, started: Date.now() };
  $('#login-form').hidden = true;
  $('#passkey-login-area').hidden = true;
  $('#mfa-use-passkey').hidden = !(methods.includes('passkey') && webauthn.supported());
  $('#mfa-login-user').textContent = username;
  $('#mfa-login-form').hidden = false;
  useRecoveryCode(false);
  show($('#login-message'), '');
}

function endSecondStep() {
  pendingLogin = null;
  $('#mfa-login-form').reset();
  $('#mfa-login-form').hidden = true;
  $('#mfa-login-user').textContent = '';
  $('#login-form').hidden = false;
  $('#passkey-login-area').hidden = !webauthn.supported();
}

/** Switches the second step between the app's code and a recovery code. */
function useRecoveryCode(recovery) {
  const [code, recoveryCode] = [$('#mfa-login-form input[name=code]'), $('#mfa-login-form input[name=recoveryCode]')];
  $('#mfa-login-code').hidden = recovery;
  $('#mfa-login-recovery').hidden = !recovery;
  code.required = !recovery;
  recoveryCode.required = recovery;
  $('#use-recovery-code').hidden = recovery;
  $('#use-app-code').hidden = !recovery;
  show($('#login-message'), '');
  (recovery ? recoveryCode : code).focus();
}

async function sendSecondStep(event) {
  event.preventDefault();
  if (!pendingLogin) return endSecondStep();
  const form = event.target;
  const fields = new FormData(form);
  const recovery = !$('#mfa-login-recovery').hidden;
  const body = recovery
    ? { mfaToken: pendingLogin.mfaToken, recoveryCode: String(fields.get('recoveryCode') ?? '').trim() }
    : { mfaToken: pendingLogin.mfaToken, code: String(fields.get('code') ?? '').replace(/\s+/g, '') };
  const submit = form.querySelector('button[type=submit]');
  submit.disabled = true;
  let answer;
  try {
    answer = await api('POST', '/auth/login/mfa', body);
  } finally {
    submit.disabled = false;
  }
  const { ok, status, data, retryAfter } = answer;
  if (ok && typeof data?.token === 'string') {
    store.set(data.token, pendingLogin.remember);
    endSecondStep();
    show($('#login-message'), '');
    await refresh();
    return;
  }
  if (status === 401 && Date.now() - pendingLogin.started >= MFA_TOKEN_LIFETIME) {
    endSecondStep();
    show($('#login-message'), 'The login took too long: log in with your password again.', 'error');
    return;
  }
  const input = form.querySelector(recovery ? 'input[name=recoveryCode]' : 'input[name=code]');
  input.select();
  if (status === 401)
    show(
      $('#login-message'),
      recovery
        ? 'Wrong or already used recovery code.'
        : 'Wrong code, or one already used: try the next code from your app.',
      'error',
    );
  else if (status === 429) show($('#login-message'), tooMany(retryAfter), 'error');
  else show($('#login-message'), describe(data) || `Login failed (${status}).`, 'error');
}

// Passkeys. Every ceremony is two calls: options (with a challengeId) from the server, the browser's
// navigator.credentials with them, then the credential's JSON back with the challengeId.
let passkeyCount = 0;

/**
 * Runs one ceremony: `options()` asks the server, the browser asks the authenticator (`create` for a new passkey),
 * `send(challengeId, response)` hands the answer back. Resolves to the server's last answer; status 0 when the
 * browser gave no credential (the user cancelled, or no passkey of this site is there), with its reason as `data`.
 */
async function passkeyCeremony(options, send, create = false) {
  const offered = await options();
  if (!offered.ok) return offered;
  let response;
  try {
    response = await (create ? webauthn.create(offered.data.options) : webauthn.get(offered.data.options));
  } catch (error) {
    const cancelled = error?.name === 'NotAllowedError' || error?.name === 'AbortError';
    return {
      ok: false,
      status: 0,
      data: cancelled ? 'Cancelled: no passkey was used.' : String(error?.message ?? error),
    };
  }
  return send(offered.data.challengeId, response);
}

async function listPasskeys() {
  const { ok, data } = await api('GET', '/auth/passkeys');
  const list = $('#passkeys');
  list.replaceChildren();
  if (!ok || !Array.isArray(data)) return;
  passkeyCount = data.length;
  $('#no-passkeys').hidden = data.length > 0;
  for (const passkey of data) list.append(passkeyEntry(passkey));
}

/** A passkey in the list: its name (renamed in place), its dates, Rename and Remove. */
function passkeyEntry(passkey) {
  const item = document.createElement('li');
  item.dataset.passkey = passkey.id;
  const info = document.createElement('div');
  info.className = 'entry-info';
  const name = Object.assign(document.createElement('strong'), {
    className: 'passkey-name',
    textContent: passkey.name,
  });
  const title = Object.assign(document.createElement('div'), { className: 'entry-title' });
  title.append(name);
  const details = Object.assign(document.createElement('div'), { className: 'entry-details muted' });
  details.append(
    detail('created', 'added', when(passkey.createdAt)),
    ' · ',
    detail('last-used', 'last used', when(passkey.lastUsedAt, 'never')),
  );
  const renameForm = Object.assign(document.createElement('form'), { className: 'rename-form', hidden: true });
  renameForm.noValidate = true;
  const input = Object.assign(document.createElement('input'), { name: 'name', maxLength: 100, value: passkey.name });
  input.setAttribute('aria-label', 'New name');
  const save = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Save' });
  const error = Object.assign(document.createElement('p'), { className: 'field-error' });
  error.dataset.errorFor = 'name';
  renameForm.append(input, save, error);
  info.append(title, details, renameForm);

  const buttons = Object.assign(document.createElement('div'), { className: 'buttons' });
  const rename = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'secondary',
    textContent: 'Rename',
  });
  const remove = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'danger',
    textContent: 'Remove',
  });
  buttons.append(rename, remove);
  rename.addEventListener('click', () => {
    renameForm.hidden = !renameForm.hidden;
    if (!renameForm.hidden) input.select();
  });
  renameForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(renameForm);
    const answer = await api('PATCH', `/auth/passkeys/${encodeURIComponent(passkey.id)}`, { name: input.value });
    if (!answer.ok) return showFailure(renameForm, $('#passkey-message'), answer.status, answer.data);
    show($('#passkey-message'), `Renamed to "${answer.data.name}".`, 'ok');
    await listPasskeys();
  });
  remove.addEventListener('click', async () => {
    remove.disabled = true;
    const { ok, status, data } = await api('DELETE', `/auth/passkeys/${encodeURIComponent(passkey.id)}`);
    remove.disabled = false;
    if (!ok && status !== 404) show($('#passkey-message'), describe(data), 'error');
    else if (ok) show($('#passkey-message'), `Removed "${passkey.name}".`, 'ok');
    await listPasskeys();
  });
  item.append(info, buttons);
  return item;
}

async function addPasskey(event) {
  event.preventDefault();
  const form = event.target;
  const submit = form.querySelector('button[type=submit]');
  const name = String(new FormData(form).get('name') ?? '').trim();
  clearFieldErrors(form, $('#passkey-message'));
  submit.disabled = true;
  let answer;
  try {
    answer = await passkeyCeremony(
      () => withReauthentication(() => api('POST', '/auth/passkeys/register/options')),
      (challengeId, response) =>
        api('POST', '/auth/passkeys/register', { challengeId, response, ...(name ? { name } : {}) }),
      true,
    );
  } finally {
    submit.disabled = false;
  }
  const { ok, status, data } = answer;
  if (!ok) {
    if (status === 0) show($('#passkey-message'), describe(data), 'error');
    else showFailure(form, $('#passkey-message'), status, data);
    if (status === 401) await refresh();
    return;
  }
  form.reset();
  show($('#passkey-message'), `Added "${data.name}": you can sign in with it now.`, 'ok');
  await listPasskeys();
}

/** "Sign in with a passkey": a discoverable passkey of this site names its user; no password, no second step. */
async function passkeyLogin() {
  const remember = $('#login-form input[name=remember]').checked;
  show($('#login-message'), '');
  const { ok, status, data, retryAfter } = await passkeyCeremony(
    () => api('POST', '/auth/login/passkey/options'),
    (challengeId, response) => api('POST', '/auth/login/passkey', { challengeId, response }),
  );
  if (ok && typeof data?.token === 'string') {
    store.set(data.token, remember);
    $('#login-form').reset();
    await refresh();
    return;
  }
  if (status === 429) show($('#login-message'), tooMany(retryAfter), 'error');
  else show($('#login-message'), describe(data) || `Login failed (${status}).`, 'error');
}

/** The second step with one of the user's passkeys instead of a code. */
async function passkeySecondStep() {
  if (!pendingLogin) return endSecondStep();
  const { mfaToken, remember } = pendingLogin;
  const { ok, status, data, retryAfter } = await passkeyCeremony(
    () => api('POST', '/auth/login/mfa/passkey/options', { mfaToken }),
    (challengeId, response) => api('POST', '/auth/login/mfa', { mfaToken, challengeId, response }),
  );
  if (ok && typeof data?.token === 'string') {
    store.set(data.token, remember);
    endSecondStep();
    show($('#login-message'), '');
    await refresh();
    return;
  }
  if (status === 429) show($('#login-message'), tooMany(retryAfter), 'error');
  else if (status === 401) show($('#login-message'), 'The passkey was not accepted, or the login expired.', 'error');
  else show($('#login-message'), describe(data) || `Login failed (${status}).`, 'error');
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
    const { ok, data } = await api('POST', '/auth/login', {
      username: form.get('username'),
      password: form.get('password'),
    });
    if (!ok) return show($('#login-message'), describe(data), 'error');
    const remember = form.get('remember') === 'on';
    event.target.reset();
    // With two-factor login on, no token yet: a second step asks for the code.
    if (data?.mfaRequired)
      return startSecondStep(data.mfaToken, String(form.get('username')), remember, data.methods ?? ['totp']);
    store.set(data.token, remember);
    show($('#login-message'), '');
    await refresh();
  });
  $('#mfa-login-form').addEventListener('submit', sendSecondStep);
  $('#passkey-login-area').hidden = !webauthn.supported();
  $('#passkey-login').addEventListener('click', passkeyLogin);
  $('#mfa-use-passkey').addEventListener('click', passkeySecondStep);
  $('#passkey-add-form').addEventListener('submit', addPasskey);
  $('#use-recovery-code').addEventListener('click', () => useRecoveryCode(true));
  $('#use-app-code').addEventListener('click', () => useRecoveryCode(false));
  $('#mfa-login-cancel').addEventListener('click', () => {
    endSecondStep();
    show($('#login-message'), '');
    $('#login-form input[name=username]').focus();
  });

  $('#mfa-setup').addEventListener('click', startMfaSetup);
  $('#mfa-setup-cancel').addEventListener('click', () => {
    forgetMfaSetup();
    $('#mfa-setup-step').hidden = true;
    $('#mfa-off').hidden = false;
  });
  $('#mfa-enable-form').addEventListener('submit', enableMfa);
  $('#mfa-copy-codes').addEventListener('click', copyRecoveryCodes);
  $('#mfa-codes-done').addEventListener('click', () => {
    forgetRecoveryCodes();
    show($('#mfa-message'), '');
  });
  $('#mfa-disable').addEventListener('click', () => choosePasswordAction('disable'));
  $('#mfa-new-codes').addEventListener('click', () => choosePasswordAction('codes'));
  $('#mfa-password-cancel').addEventListener('click', () => choosePasswordAction(null));
  $('#mfa-password-form').addEventListener('submit', confirmPasswordAction);

  $('#register-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { username: form.get('username'), password: form.get('password') };
    if (config.emailConfirm) body.email = form.get('email');
    const { ok, data } = await api('POST', '/auth/register', body);
    if (!ok) return show($('#register-message'), describe(data), 'error');
    event.target.reset();
    show(
      $('#register-message'),
      config.emailConfirm
        ? 'Account created. Check your mail for the confirmation link.'
        : 'Account created. You can log in now.',
      'ok',
    );
  });

  const reset = /^#reset=(.+)$/.exec(location.hash);
  if (reset) {
    $('#reset-section').hidden = false;
    $('#reset-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const newPassword = new FormData(event.target).get('newPassword');
      const { ok, data } = await api('POST', '/auth/password/reset/confirm', {
        token: decodeURIComponent(reset[1]),
        newPassword,
      });
      if (!ok) return show($('#reset-message'), describe(data), 'error');
      history.replaceState(null, '', location.pathname);
      show($('#reset-message'), 'Password changed. Log in with the new one.', 'ok');
    });
  }

  renderScopeOptions(config.scopes);
  // Lifetimes past the server's maximum (AUTH_API_TOKEN_MAX_TTL) are not offered.
  for (const option of $('#token-form select[name="expiresIn"]').options) {
    option.hidden = option.disabled =
      typeof config.apiTokenMaxTtl === 'number' && Number(option.value) > config.apiTokenMaxTtl;
  }
  $('#token-form').addEventListener('submit', createToken);
  $('#copy-token').addEventListener('click', copyNewToken);
  $('#dismiss-token').addEventListener('click', forgetNewToken);

  $('#test-get').addEventListener('click', () => testAuth('GET'));
  $('#test-post').addEventListener('click', () => testAuth('POST'));
  $('#logout').addEventListener('click', async () => {
    closeLive();
    await api('DELETE', '/auth/logout');
    store.clear();
    await refresh();
  });
  $('#logout-everywhere').addEventListener('click', async () => {
    closeLive();
    await api('DELETE', '/auth/sessions');
    store.clear();
    await refresh();
  });
  await refresh();
});
