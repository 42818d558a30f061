// "Connect an identity provider": creates what is missing (the run-as role with MANAGE_MEMBERS),
// then the integration; shows Uri and Token once; shows the identity provider's own steps with
// the values filled in; then waits for the provider's first request.
import { call } from './api.js';
import { h, show, field, setError, errorBox, showError, secretValue, announce, uid } from './ui.js';

const CLIENTS = {
  OKTA: { label: 'Okta', name: 'okta', role: 'okta_skim_provisioner' },
  ENTRA_ID: { label: 'Microsoft Entra ID', name: 'entra', role: 'entra_provisioner' },
  GENERIC: { label: 'Generic SCIM client', name: 'scim', role: 'scim_provisioner' },
};

let poller = null;
window.addEventListener('hashchange', () => stopPolling());

function stopPolling() {
  if (poller) window.clearTimeout(poller);
  poller = null;
}

export async function wizardPage(me) {
  stopPolling();
  const mayManage = me.privileges.MANAGE_MEMBERS;
  if (!mayManage) {
    show('Connect an identity provider', h('p', { class: 'notice' }, 'Setting up an identity provider needs the MANAGE_MEMBERS privilege, which none of your roles hold. Ask an orgadmin.'));
    return;
  }
  const choice = h('fieldset', { class: 'choices' }, h('legend', {}, 'Identity provider'));
  for (const [value, client] of Object.entries(CLIENTS)) {
    const id = `client-${value}`;
    choice.append(h('div', { class: 'choice' }, h('input', { type: 'radio', name: 'client', id, value, checked: value === 'OKTA' }), h('label', { for: id }, client.label)));
  }
  const clientError = h('p', { class: 'field-error', hidden: true, id: 'client-error' });
  choice.append(clientError);
  const name = field('Integration name', { id: 'wizard-name', value: 'okta', autocomplete: 'off', spellcheck: 'false', required: true }, 'How statements and the console will name it.');
  const role = field('Run-as role', { id: 'wizard-role', value: 'okta_skim_provisioner', autocomplete: 'off', spellcheck: 'false', required: true }, 'Every SCIM call acts as this custom role; the wizard creates it with MANAGE_MEMBERS if it is missing.');
  choice.addEventListener('change', (event) => {
    const client = CLIENTS[event.target.value];
    name.input.value = client.name;
    role.input.value = client.role;
  });
  const submit = h('button', { type: 'submit', id: 'wizard-create' }, 'Create the integration');
  const formError = errorBox();
  const form = h('form', { class: 'card', 'aria-labelledby': 'wizard-step-1' }, h('h2', { id: 'wizard-step-1' }, 'Step 1: choose the identity provider'), choice, name.wrapper, role.wrapper, formError, submit);
  const result = h('section', { id: 'wizard-result', 'aria-live': 'polite' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const client = form.querySelector('input[name=client]:checked').value;
    for (const f of [name, role]) setError(f, null);
    showError(formError, null);
    submit.disabled = true;
    try {
      const created = await call('POST', 'integrations', { client, name: name.input.value.trim(), runAsRole: role.input.value.trim() });
      form.hidden = true;
      renderIssued(result, client, created, created.steps);
    } catch (error) {
      const target = { name, runAsRole: role }[error.field];
      if (target) {
        setError(target, error.message);
        target.input.focus();
      } else {
        showError(formError, error);
      }
    } finally {
      submit.disabled = false;
    }
  });
  show('Connect an identity provider', h('p', {}, 'The wizard creates what is missing, then the security integration, and shows where each value goes in your identity provider.'), form, result, await renewSection(result));
}

async function renewSection(result) {
  let items = [];
  try {
    items = (await call('GET', 'integrations')).items;
  } catch {
    return null;
  }
  if (!items.length) return null;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'renew-title' },
    h('h2', { id: 'renew-title' }, 'Or renew an existing integration’s token'),
    h('p', {}, 'The old token stops working at once: paste the new one into the identity provider.'),
    h(
      'ul',
      { class: 'plain' },
      items.map((item) => {
        const button = h('button', { type: 'button', class: 'secondary' }, `Renew ${item.Name}`);
        const error = errorBox();
        button.addEventListener('click', async () => {
          button.disabled = true;
          try {
            const renewed = await call('POST', `integrations/${encodeURIComponent(item.Name)}/renew`);
            renderIssued(result, item.Client, renewed, [`security integration ${item.Name} was successfully refreshed`]);
          } catch (e) {
            showError(error, e);
          } finally {
            button.disabled = false;
          }
        });
        return h('li', {}, h('span', {}, `${item.Name} (${CLIENTS[item.Client]?.label || item.Client})`), button, error);
      }),
    ),
  );
}

/** Step 2 and 3: the values (shown once), the provider's steps, and the wait for its first call. */
export function renderIssued(container, client, issued, steps) {
  const label = CLIENTS[client]?.label || client;
  const heading = h('h2', { id: 'wizard-step-2', tabindex: '-1' }, 'Step 2: copy the SCIM URL and token');
  container.replaceChildren(
    h(
      'div',
      { class: 'card' },
      heading,
      steps?.length ? h('ul', { class: 'done', 'aria-label': 'What the wizard did' }, steps.map((s) => h('li', {}, s))) : null,
      h('p', { class: 'warning', role: 'alert' }, h('strong', {}, 'Shown once: '), 'copy the token now. Rollcall keeps only its hash and cannot show it again; renew the token if it is lost.'),
      secretValue('SCIM URL', issued.uri, uid('uri')),
      secretValue('Token', issued.token, 'wizard-token'),
      h('p', {}, `Valid until ${issued.expiresAt}.`),
    ),
    h('div', { class: 'card' }, h('h2', {}, `Step 3: in ${label}`), instructions(client, issued)),
    waiting(client, issued.name, label),
  );
  heading.focus();
  announce('Integration ready: copy the SCIM URL and token');
}

function code(text) {
  return h('code', {}, text);
}

function instructions(client, issued) {
  const uri = code(issued.uri);
  const token = h('span', {}, 'the token above');
  if (client === 'OKTA') {
    return h(
      'ol',
      { class: 'steps' },
      h('li', {}, 'In the Okta Admin Console open ', h('strong', {}, 'Applications › Applications'), ' and your custom app integration. On the ', h('strong', {}, 'General'), ' tab, in ', h('strong', {}, 'App Settings'), ' click ', h('strong', {}, 'Edit'), ', check ', h('strong', {}, 'Enable SCIM provisioning'), ' and click ', h('strong', {}, 'Save'), '.'),
      h('li', {}, 'Open the ', h('strong', {}, 'Provisioning'), ' tab, then ', h('strong', {}, 'Settings › Integration'), ' and click ', h('strong', {}, 'Edit'), '.'),
      h('li', {}, h('strong', {}, 'SCIM connector base URL'), ': ', uri),
      h('li', {}, h('strong', {}, 'Unique identifier field for users'), ': ', code('userName')),
      h('li', {}, h('strong', {}, 'Supported provisioning actions'), ': check ', h('strong', {}, 'Push New Users'), ', ', h('strong', {}, 'Push Profile Updates'), ' and ', h('strong', {}, 'Push Groups'), '.'),
      h('li', {}, h('strong', {}, 'Authentication Mode'), ': ', h('strong', {}, 'HTTP Header'), '; paste ', token, ' into ', h('strong', {}, 'Authorization'), ' (Bearer).'),
      h('li', {}, 'Click ', h('strong', {}, 'Test Connector Configuration'), ', then ', h('strong', {}, 'Save'), '.'),
      h('li', {}, 'Under ', h('strong', {}, 'Provisioning › To App'), ' click ', h('strong', {}, 'Edit'), ' and enable ', h('strong', {}, 'Create Users'), ', ', h('strong', {}, 'Update User Attributes'), ' and ', h('strong', {}, 'Deactivate Users'), '; ', h('strong', {}, 'Save'), '.'),
      h('li', {}, 'For orgadmins: in ', h('strong', {}, 'Directory › Profile Editor'), ' open the app’s user profile and ', h('strong', {}, 'Add Attribute'), ': data type ', code('boolean'), ', display name ', code('Rollcall OrgAdmin'), ', variable name and external name ', code('orgadmin'), ', external namespace ', code('urn:ietf:params:scim:schemas:core:2.0:User'), ', attribute type ', h('strong', {}, 'Group'), '. Set it to true on an assignment group of orgadmins. It grants orgadmin only while the integration’s owner (you) holds orgadmin.'),
      h('li', {}, h('strong', {}, 'Assignments'), ': assign people or groups (they become members, with no custom roles). ', h('strong', {}, 'Push Groups'), ': push the groups that should become roles of the same name; grant those roles privileges here afterwards.'),
    );
  }
  if (client === 'ENTRA_ID') {
    return h(
      'ol',
      { class: 'steps' },
      h('li', {}, 'In the Microsoft Entra admin center open ', h('strong', {}, 'Enterprise applications › New application › Create your own application'), ' (non-gallery), then its ', h('strong', {}, 'Provisioning'), ' page; ', h('strong', {}, 'Provisioning Mode'), ': ', h('strong', {}, 'Automatic'), '.'),
      h('li', {}, 'Under ', h('strong', {}, 'Admin Credentials'), ': ', h('strong', {}, 'Tenant URL'), ' ', uri, '; ', h('strong', {}, 'Secret Token'), ': ', token, '. Click ', h('strong', {}, 'Test Connection'), ', then ', h('strong', {}, 'Save'), '.'),
      h('li', {}, 'Under ', h('strong', {}, 'Mappings › Provision Microsoft Entra ID Users'), ' keep ', code('userPrincipalName → userName'), ' as the matching attribute, with ', code('mail → emails[type eq "work"].value'), ', ', code('givenName → name.givenName'), ', ', code('surname → name.familyName'), ', ', code('displayName → displayName'), ' and ', code('Switch([IsSoftDeleted], , "False", "True", "True", "False") → active'), '. For orgadmins, add a target attribute ', code('orgadmin'), ' (Boolean) and map it.'),
      h('li', {}, 'Under ', h('strong', {}, 'Mappings › Provision Microsoft Entra ID Groups'), ' keep ', code('displayName → displayName'), ' and ', code('members → members'), '.'),
      h('li', {}, h('strong', {}, 'Settings › Scope'), ': ', h('strong', {}, 'Sync only assigned users and groups'), '; assign them under ', h('strong', {}, 'Users and groups'), '.'),
      h('li', {}, 'Set ', h('strong', {}, 'Provisioning Status'), ' to ', h('strong', {}, 'On'), ' and ', h('strong', {}, 'Save'), '. Entra ID runs a cycle every 40 minutes; ', h('strong', {}, 'Provision on demand'), ' sends one user now.'),
    );
  }
  return h(
    'ol',
    { class: 'steps' },
    h('li', {}, 'SCIM base URL: ', uri),
    h('li', {}, 'Authentication: the HTTP header ', code('Authorization: Bearer <token>'), ' with ', token, '.'),
    h('li', {}, 'Users are matched on ', code('userName'), '; groups become roles with the same name.'),
    h('li', {}, 'Try it: ', code(`curl -H "Authorization: Bearer $TOKEN" ${issued.uri}/ServiceProviderConfig`)),
  );
}

function waiting(client, name, label) {
  const message = h('p', { id: 'wizard-status', class: 'waiting' }, `Waiting for ${label}’s first request…`);
  const failure = h('p', { id: 'wizard-failure', class: 'failed', hidden: true });
  const region = h('div', { class: 'card', role: 'status', 'aria-live': 'polite' }, h('h2', {}, 'Step 4: the first request'), message, failure);
  const poll = async () => {
    try {
      const status = await call('GET', `integrations/${encodeURIComponent(name)}/status`);
      if (status.tokenLastUsedAt || status.users > 0 || status.lastEventAt) {
        const text = `${label} connected: ${status.users} ${status.users === 1 ? 'user' : 'users'} received`;
        if (message.textContent !== text) {
          message.className = 'connected';
          message.textContent = text;
        }
      }
      // the provisioning log's latest failure for this integration, as the provider was answered
      const text = status.lastError ? `A request from ${label} failed: ${status.lastError}` : '';
      if (failure.textContent !== text) {
        failure.textContent = text;
        failure.hidden = !text;
      }
    } catch (error) {
      failure.textContent = error.message;
      failure.hidden = false;
      if (error.status === 401 || error.status === 404) return;
    }
    poller = window.setTimeout(poll, 2000);
  };
  poller = window.setTimeout(poll, 500);
  return region;
}
