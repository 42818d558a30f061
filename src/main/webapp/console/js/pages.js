// The console's pages. Each reads through statements (or the paged member search) as the
// signed-in member; actions the member's privileges do not allow are not offered, and the server
// refuses them anyway.
import { call, statement, records, name, string } from './api.js';
import { h, show, field, setError, errorBox, showError, table, confirmTyped, daysUntil, parseStamp, announce, uid } from './ui.js';
import { renderIssued } from './wizard.js';

const PRIVILEGES = ['MANAGE_MEMBERS', 'MANAGE_GRANTS', 'CREATE_DATABASE', 'CREATE_STORE', 'CREATE_QUERY', 'CREATE_SCHEMA_REGISTRY', 'CREATE_FUNCTION_SOURCE', 'CREATE_DESCRIPTOR_SOURCE', 'CREATE_COMPUTE_POOL', 'CREATE_SECRET', 'USAGE'];
const BUILT_IN = ['orgadmin', 'sysadmin', 'securityadmin', 'useradmin', 'public'];

function link(href, text) {
  return h('a', { href }, text);
}

// ---- Integrations -------------------------------------------------------------------------

export async function integrationsPage(me) {
  const may = me.privileges.MANAGE_MEMBERS;
  if (!may) {
    show('Integrations', h('p', { class: 'notice' }, 'Security integrations need the MANAGE_MEMBERS privilege, which none of your roles hold.'));
    return;
  }
  const { items } = await call('GET', 'integrations');
  const issued = h('section', { id: 'renewed', 'aria-live': 'polite' });
  const error = errorBox();
  const expiry = (item) => {
    const days = daysUntil(item['Token Expires At']);
    const soon = days !== null && days <= 30;
    return h('span', { class: soon ? 'expiring' : null }, item['Token Expires At'] || '—', soon ? h('strong', {}, days < 0 ? ' (expired)' : ` (expires in ${days} ${days === 1 ? 'day' : 'days'})`) : null);
  };
  const actions = (item) =>
    h(
      'div',
      { class: 'row-actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => renew(item, issued, error) }, `Renew ${item.Name}`),
      h('button', { type: 'button', class: 'danger', onclick: () => drop(me, item, error) }, `Drop ${item.Name}`),
    );
  show(
    'Integrations',
    h('p', {}, link('#wizard', 'Connect an identity provider')),
    error,
    table('Security integrations', [
      { label: 'Name', cell: (i) => i.Name },
      { label: 'Client', cell: (i) => i.Client },
      { label: 'Run-as role', cell: (i) => i['Run As Role'] },
      { label: 'Owner', cell: (i) => i.Owner },
      { label: 'Token expires', cell: expiry },
      { label: 'Last event', cell: (i) => i['Last Event At'] || i['Token Last Used At'] },
      { label: 'Last error', cell: (i) => (i['Last Error'] ? h('span', { class: 'failed' }, i['Last Error']) : null) },
      { label: 'Actions', cell: actions },
    ], items),
    issued,
  );
}

async function renew(item, issued, error) {
  showError(error, null);
  try {
    const renewed = await call('POST', `integrations/${encodeURIComponent(item.Name)}/renew`);
    renderIssued(issued, item.Client, renewed, [`security integration ${item.Name} was successfully refreshed: the old token no longer works`]);
  } catch (e) {
    showError(error, e);
  }
}

async function drop(me, item, error) {
  showError(error, null);
  const sure = await confirmTyped(`Drop ${item.Name}?`, 'Its token stops working at once; the members it provisioned stay, no longer managed by it.', item.Name, 'Drop integration');
  if (!sure) return;
  try {
    await statement(`DROP SECURITY INTEGRATION ${name(item.Name)}`);
    announce(`Integration ${item.Name} dropped`);
    await integrationsPage(me);
  } catch (e) {
    showError(error, e);
  }
}

// ---- Members --------------------------------------------------------------------------------

const PAGE = 25;

export async function membersPage(me, query = '', start = 1) {
  const search = field('Search members', { id: 'member-search', type: 'search', value: query, autocomplete: 'off' }, 'By userName, email or name.');
  const form = h('form', { role: 'search', class: 'inline' }, search.wrapper, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    membersPage(me, search.input.value.trim(), 1);
  });
  const page = await call('GET', `members?q=${encodeURIComponent(query)}&start=${start}&count=${PAGE}`);
  const last = Math.min(page.total, start + page.items.length - 1);
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages of members' },
    h('button', { type: 'button', class: 'secondary', disabled: start <= 1, onclick: () => membersPage(me, query, Math.max(1, start - PAGE)) }, 'Previous'),
    h('span', {}, page.total ? `${start}–${last} of ${page.total}` : 'No members match'),
    h('button', { type: 'button', class: 'secondary', disabled: last >= page.total, onclick: () => membersPage(me, query, start + PAGE) }, 'Next'),
  );
  show(
    'Members',
    form,
    table('Members', [
      { label: 'User name', cell: (m) => link(`#members/${encodeURIComponent(m.userName)}`, m.userName) },
      { label: 'Email', cell: (m) => m.email },
      { label: 'Name', cell: (m) => m.displayName },
      { label: 'Active', cell: (m) => m.active },
      { label: 'Managed by', cell: (m) => m.managedBy },
      { label: 'Roles', cell: (m) => m.roles.join(', ') },
    ], page.items),
    pager,
    me.privileges.MANAGE_MEMBERS ? await inviteForm(me) : null,
  );
}

/** Roles the member may hand out: custom roles, and built-in roles they hold themselves. */
async function grantableRoles(me) {
  const roles = await records('LIST ROLES');
  return roles.map((r) => r.Name).filter((r) => r !== 'public' && (!BUILT_IN.includes(r) || me.roles.includes(r)));
}

async function inviteForm(me) {
  const email = field('Email', { id: 'invite-email', type: 'email', autocomplete: 'off', required: true });
  const roleId = uid('invite-role');
  const roles = await grantableRoles(me);
  const select = h('select', { id: roleId }, h('option', { value: '' }, 'No role'), roles.map((r) => h('option', { value: r }, r)));
  const error = errorBox();
  const form = h('form', { class: 'card', 'aria-labelledby': 'invite-title' }, h('h2', { id: 'invite-title' }, 'Invite a member'), email.wrapper, h('div', { class: 'field' }, h('label', { for: roleId }, 'Role'), select), error, h('button', { type: 'submit' }, 'Invite'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setError(email, null);
    showError(error, null);
    const address = email.input.value.trim();
    if (!address) {
      setError(email, 'Enter an email address');
      email.input.focus();
      return;
    }
    try {
      await statement(`INVITE USER ${string(address)}${select.value ? ` WITH ('role' = ${name(select.value)})` : ''}`);
      announce(`${address} invited`);
      window.location.hash = `#members/${encodeURIComponent(address)}`;
    } catch (e) {
      setError(email, e.message);
      email.input.focus();
    }
  });
  return form;
}

export async function memberPage(me, userName) {
  const [user] = await records(`DESCRIBE USER ${string(userName)}`);
  const direct = user.Roles ? user.Roles.split(', ') : [];
  const effective = user['Effective Roles'] ? user['Effective Roles'].split(', ') : [];
  const inherited = effective.filter((r) => !direct.includes(r));
  const error = errorBox();
  const may = me.privileges.MANAGE_MEMBERS;
  const directList = h(
    'ul',
    { class: 'plain', 'aria-label': 'Roles granted directly' },
    direct.length
      ? direct.map((role) =>
          h(
            'li',
            {},
            h('span', {}, role),
            may && (!BUILT_IN.includes(role) || me.roles.includes(role))
              ? h('button', { type: 'button', class: 'secondary', onclick: () => change(`REVOKE ROLE ${name(role)} FROM USER ${string(user['User Name'])}`, `${role} revoked`) }, `Revoke ${role}`)
              : null,
          ),
        )
      : h('li', {}, 'None'),
  );
  async function change(text, done) {
    showError(error, null);
    try {
      await statement(text);
      announce(done);
      await memberPage(me, userName);
    } catch (e) {
      showError(error, e);
    }
  }
  let grant = null;
  if (may) {
    const roles = (await grantableRoles(me)).filter((r) => !direct.includes(r));
    const selectId = uid('grant-role');
    const select = h('select', { id: selectId }, roles.map((r) => h('option', { value: r }, r)));
    grant = h('form', { class: 'inline' }, h('div', { class: 'field' }, h('label', { for: selectId }, 'Grant a role'), select), h('button', { type: 'submit', disabled: !roles.length }, 'Grant'));
    grant.addEventListener('submit', (event) => {
      event.preventDefault();
      change(`GRANT ROLE ${name(select.value)} TO USER ${string(user['User Name'])}`, `${select.value} granted`);
    });
  }
  show(
    user['User Name'],
    h('p', {}, link('#members', '← Members')),
    h(
      'dl',
      { class: 'details' },
      ['Email', 'Display Name', 'Given Name', 'Family Name', 'Active', 'Managed By', 'Created At'].map((k) => [h('dt', {}, k), h('dd', {}, user[k] === null || user[k] === undefined ? '—' : String(user[k]))]),
    ),
    h('h2', {}, 'Roles granted directly'),
    directList,
    grant,
    error,
    h('h2', {}, 'Inherited roles'),
    h('ul', { class: 'plain', 'aria-label': 'Inherited roles' }, inherited.length ? inherited.map((r) => h('li', {}, r)) : h('li', {}, 'None')),
  );
}

// ---- Roles ----------------------------------------------------------------------------------

export async function rolesPage(me) {
  const roles = await records('LIST ROLES');
  let create = null;
  if (me.privileges.MANAGE_MEMBERS) {
    const roleName = field('Role name', { id: 'new-role', autocomplete: 'off', spellcheck: 'false', required: true });
    create = h('form', { class: 'card', 'aria-labelledby': 'create-role-title' }, h('h2', { id: 'create-role-title' }, 'Create a role'), roleName.wrapper, h('button', { type: 'submit' }, 'Create role'));
    create.addEventListener('submit', async (event) => {
      event.preventDefault();
      setError(roleName, null);
      const value = roleName.input.value.trim();
      if (!value) {
        setError(roleName, 'Enter a name');
        roleName.input.focus();
        return;
      }
      try {
        await statement(`CREATE ROLE ${name(value)}`);
        announce(`Role ${value} created`);
        window.location.hash = `#roles/${encodeURIComponent(value)}`;
      } catch (e) {
        setError(roleName, e.message);
        roleName.input.focus();
      }
    });
  }
  show(
    'Roles',
    table('Roles', [
      { label: 'Name', cell: (r) => link(`#roles/${encodeURIComponent(r.Name)}`, r.Name) },
      { label: 'Owner', cell: (r) => r.Owner },
      { label: 'Built in', cell: (r) => r['Built In'] },
      { label: 'Managed by', cell: (r) => r['Managed By'] },
      { label: 'Created', cell: (r) => r['Created At'] },
    ], roles),
    create,
  );
}

export async function rolePage(me, roleName) {
  const [role] = await records(`DESCRIBE ROLE ${name(roleName)}`);
  const error = errorBox();
  let grant = null;
  if (me.privileges.MANAGE_GRANTS) {
    const boxes = PRIVILEGES.map((p) => {
      const id = `priv-${p}`;
      return h('div', { class: 'choice' }, h('input', { type: 'checkbox', id, value: p }), h('label', { for: id }, p));
    });
    const option = h('div', { class: 'choice' }, h('input', { type: 'checkbox', id: 'grant-option' }), h('label', { for: 'grant-option' }, 'With grant option'));
    grant = h('form', { class: 'card', 'aria-labelledby': 'grant-title' }, h('h2', { id: 'grant-title' }, 'Grant privileges'), h('fieldset', { class: 'choices' }, h('legend', {}, 'Privileges'), boxes), option, error, h('button', { type: 'submit' }, 'Grant'));
    grant.addEventListener('submit', async (event) => {
      event.preventDefault();
      showError(error, null);
      const chosen = [...grant.querySelectorAll('fieldset input:checked')].map((i) => i.value);
      if (!chosen.length) {
        showError(error, { message: 'Choose at least one privilege' });
        return;
      }
      try {
        await statement(`GRANT ${chosen.join(', ')} ON ORGANIZATION TO ROLE ${name(roleName)}${grant.querySelector('#grant-option').checked ? ' WITH GRANT OPTION' : ''}`);
        announce('Privileges granted');
        await rolePage(me, roleName);
      } catch (e) {
        showError(error, e);
      }
    });
  }
  let dropButton = null;
  const dropError = errorBox();
  if (me.privileges.MANAGE_MEMBERS && !role['Built In']) {
    dropButton = h('button', { type: 'button', class: 'danger' }, `Drop ${roleName}`);
    dropButton.addEventListener('click', async () => {
      if (!(await confirmTyped(`Drop role ${roleName}?`, 'Members and roles lose it at once.', roleName, 'Drop role'))) return;
      try {
        await statement(`DROP ROLE ${name(roleName)}`);
        announce(`Role ${roleName} dropped`);
        window.location.hash = '#roles';
      } catch (e) {
        showError(dropError, e);
      }
    });
  }
  show(
    roleName,
    h('p', {}, link('#roles', '← Roles')),
    h('dl', { class: 'details' }, ['Owner', 'Built In', 'Granted Roles', 'Privileges', 'Managed By', 'Created At'].map((k) => [h('dt', {}, k === 'Granted Roles' ? 'Inherits' : k), h('dd', {}, role[k] === null || role[k] === '' ? '—' : String(role[k]))])),
    grant,
    dropButton,
    dropError,
  );
}

// ---- Activity -------------------------------------------------------------------------------

export async function activityPage(me) {
  const integrations = me.privileges.MANAGE_MEMBERS ? (await call('GET', 'integrations')).items : [];
  const integrationId = uid('act-integration');
  const statusId = uid('act-status');
  const sinceId = uid('act-since');
  const limitId = uid('act-limit');
  const form = h(
    'form',
    { class: 'filters', id: 'provisioning-filters', 'aria-label': 'Filter the provisioning log' },
    h('div', { class: 'field' }, h('label', { for: integrationId }, 'Integration'), h('select', { id: integrationId }, h('option', { value: '' }, 'All'), integrations.map((i) => h('option', { value: i.Name }, i.Name)))),
    h('div', { class: 'field' }, h('label', { for: statusId }, 'Status'), h('select', { id: statusId, name: 'status' }, h('option', { value: '' }, 'All'), h('option', { value: 'ok' }, 'Succeeded'), h('option', { value: 'failed' }, 'Failed'))),
    h('div', { class: 'field' }, h('label', { for: sinceId }, 'Since (UTC)'), h('input', { id: sinceId, type: 'datetime-local' })),
    h('div', { class: 'field' }, h('label', { for: limitId }, 'Latest'), h('select', { id: limitId }, ['50', '200', '1000'].map((n) => h('option', { value: n }, n)))),
    h('button', { type: 'submit' }, 'Show'),
  );
  const provisioning = h('div', { id: 'provisioning-log' });
  const audit = h('div', { id: 'audit-trail' });
  const load = async () => {
    const integration = form.querySelector(`#${integrationId}`).value;
    const status = form.querySelector(`#${statusId}`).value;
    const since = form.querySelector(`#${sinceId}`).value;
    const limit = form.querySelector(`#${limitId}`).value;
    await logTable(provisioning, 'Provisioning log', `LIST PROVISIONING EVENTS${integration ? ` FOR SECURITY INTEGRATION ${name(integration)}` : ''} LIMIT ${limit}`, (row) => keep(row, status, since));
    if (me.privileges.MANAGE_GRANTS) await logTable(audit, 'Audit trail', `LIST AUDIT EVENTS LIMIT ${limit}`, (row) => keep(row, '', since));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  show(
    'Activity',
    me.privileges.MANAGE_MEMBERS ? [form, h('h2', {}, 'Provisioning log'), provisioning] : h('p', { class: 'notice' }, 'The provisioning log needs MANAGE_MEMBERS.'),
    me.privileges.MANAGE_GRANTS ? [h('h2', {}, 'Audit trail'), audit] : null,
  );
  if (me.privileges.MANAGE_MEMBERS) await load();
}

function keep(row, status, since) {
  const outcome = String(row.Status || '').toLowerCase();
  const failed = /fail|error|denied|refused|^[45]\d\d/.test(outcome);
  if (status === 'ok' && failed) return false;
  if (status === 'failed' && !failed) return false;
  if (since) {
    const time = parseStamp(row.Time);
    if (time !== null && time < Date.parse(`${since}:00Z`)) return false;
  }
  return true;
}

async function logTable(container, caption, text, filter) {
  try {
    const result = await statement(text);
    const rows = result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]]))).filter(filter);
    container.replaceChildren(table(caption, result.columns.map((c) => ({ label: c, cell: (r) => r[c] })), rows));
  } catch (e) {
    const box = errorBox();
    showError(box, e);
    container.replaceChildren(box);
  }
}

// ---- Statements -----------------------------------------------------------------------------

export async function statementsPage() {
  const input = field('Statement', { id: 'statement-text', multiline: true, rows: '4', spellcheck: 'false', class: 'mono' }, 'One statement, e.g. LIST ROLES; Ctrl+Enter runs it.');
  const output = h('pre', { id: 'statement-output', class: 'output', tabindex: '0', role: 'region', 'aria-label': 'Result', 'aria-live': 'polite' });
  const form = h('form', {}, input.wrapper, h('button', { type: 'submit' }, 'Run'));
  const run = async () => {
    setError(input, null);
    output.textContent = '';
    try {
      const result = await statement(input.input.value);
      output.textContent = result.text;
    } catch (e) {
      setError(input, e.message);
      input.input.focus();
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  input.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  show('Statements', form, output);
}
