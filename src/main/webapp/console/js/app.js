// The console's shell: sign-in (API token or setup link), the session, and the hash routes.
import { call, setCsrf, whenSignedOut } from './api.js';
import { h, show, field, setError, errorBox, showError, announce, routing } from './ui.js';
import { wizardPage } from './wizard.js';
import { integrationsPage, membersPage, memberPage, rolesPage, rolePage, activityPage, statementsPage } from './pages.js';

let me = null;

const routes = {
  integrations: () => integrationsPage(me),
  wizard: () => wizardPage(me),
  members: (rest) => (rest ? memberPage(me, rest) : membersPage(me)),
  roles: (rest) => (rest ? rolePage(me, rest) : rolesPage(me)),
  activity: () => activityPage(me),
  statements: () => statementsPage(me),
};

async function route() {
  routing(window.location.hash);
  const hash = decodeURIComponent(window.location.hash.slice(1));
  if (hash.startsWith('setup/')) {
    await redeemSetupLink(hash.slice('setup/'.length));
    return;
  }
  if (!me) {
    try {
      signedIn(await call('GET', 'session'));
    } catch {
      signInPage();
      return;
    }
  }
  const [page, ...rest] = hash.split('/');
  const setupOnly = me.kind === 'SETUP';
  const target = setupOnly ? 'wizard' : routes[page] ? page : 'integrations';
  markCurrent(target);
  try {
    await routes[target](rest.join('/'));
  } catch (error) {
    const box = errorBox();
    show('Something went wrong', box);
    showError(box, error);
  }
}

function markCurrent(page) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#${page}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function signedIn(session) {
  me = session;
  setCsrf(session.csrfToken);
  const nav = document.getElementById('nav');
  nav.hidden = false;
  // a setup link reaches the wizard only: the other pages are not offered
  for (const item of nav.querySelectorAll('li')) {
    item.hidden = session.kind === 'SETUP' && item.querySelector('a').getAttribute('href') !== '#wizard';
  }
  document.getElementById('who').hidden = false;
  document.getElementById('who-name').textContent =
    session.kind === 'SETUP' ? `Setup link for ${session.userName}` : session.userName;
}

function signedOut(message) {
  me = null;
  setCsrf(null);
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  routing(window.location.hash);
  signInPage(message);
}

function signInPage(message) {
  const org = field('Organization ID', { name: 'organizationId', autocomplete: 'off', required: true, spellcheck: 'false' });
  const token = field('API token', { name: 'token', type: 'password', autocomplete: 'off', required: true }, 'An API token of yours (rc_api_…), from CREATE API_TOKEN or the organization’s set-up.');
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'card narrow', 'aria-label': 'Sign in' }, message ? h('p', { class: 'notice', role: 'alert' }, message) : null, org.wrapper, token.wrapper, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setError(org, org.input.value.trim() ? null : 'Enter your organization ID');
    setError(token, token.input.value.trim() ? null : 'Enter an API token');
    if (!org.input.value.trim() || !token.input.value.trim()) {
      (org.input.value.trim() ? token.input : org.input).focus();
      return;
    }
    submit.disabled = true;
    try {
      const session = await call('POST', 'session', { organizationId: org.input.value.trim(), token: token.input.value.trim() });
      token.input.value = '';
      signedIn(session);
      announce(`Signed in as ${session.userName}`);
      if (!window.location.hash || window.location.hash === '#signin') window.location.hash = '#integrations';
      else route();
    } catch (error) {
      setError(token, error.status === 401 ? 'This API token is not valid for this organization' : error.message);
      token.input.focus();
    } finally {
      submit.disabled = false;
    }
  });
  show('Sign in', form);
}

async function redeemSetupLink(rest) {
  const [organizationId, code] = rest.split('/');
  // the code leaves the address bar (and history) before anything else happens
  window.history.replaceState(null, '', `${window.location.pathname}#wizard`);
  routing(window.location.hash);
  try {
    signedIn(await call('POST', 'setup-session', { organizationId, code }));
    markCurrent('wizard');
    await wizardPage(me);
  } catch (error) {
    const box = errorBox();
    show('This setup link cannot be used', box, h('p', {}, 'A setup link works once and expires; ask for a new one, or sign in with an API token.'), h('p', {}, h('a', { href: '#signin' }, 'Sign in')));
    showError(box, error);
  }
}

document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await call('DELETE', 'session');
  } catch {
    // the session may already be gone; signing out locally is what matters
  }
  window.location.hash = '#signin';
  signedOut('You have signed out.');
});

whenSignedOut(() => signedOut('Your session has ended; sign in again.'));
window.addEventListener('hashchange', route);
route();
