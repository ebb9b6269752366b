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
  $('#register-section').hidden = Boolean(user) || !config.registration;
  if (user) await listSessions();
}

async function listSessions() {
  const { ok, data } = await api('GET', '/auth/sessions');
  const list = $('#sessions');
  list.replaceChildren();
  if (!ok) return;
  for (const session of data) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = `${session.userAgent ?? 'unknown device'} · last used ${new Date(session.lastUsedAt).toLocaleString()}`;
    if (session.current) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = 'this device';
      label.append(tag);
    }
    const revoke = document.createElement('button');
    revoke.type = 'button';
    revoke.className = 'danger';
    revoke.textContent = 'Revoke';
    revoke.dataset.session = session.id;
    revoke.addEventListener('click', async () => {
      await api('DELETE', `/auth/sessions/${encodeURIComponent(session.id)}`);
      await refresh();
    });
    item.append(label, revoke);
    list.append(item);
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
