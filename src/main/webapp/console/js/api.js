// The console's JSON API: the session cookie travels by itself; every change carries the CSRF
// token the session handed out. Failures become ApiError with the server's message (and the
// field it concerns, when the server names one).

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `The server answered ${status}`);
    this.status = status;
    this.field = body?.field || null;
    this.code = body?.error || null;
  }
}

export function setCsrf(token) {
  csrfToken = token;
}

export async function call(method, path, body, contentType = 'application/json') {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = contentType;
  const response = await fetch(`api/${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
  });
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    // a refused sign-in is the form's error; any other 401 means the session is gone
    if (response.status === 401 && onSignedOut && !path.endsWith('session')) onSignedOut(error);
    throw error;
  }
  return json;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

let onSignedOut = null;

/** Called when a request finds the session gone (idle timeout, token dropped, signed out). */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

/** Runs one statement as the signed-in member: {columns, rows, text}. */
export function statement(text) {
  return call('POST', 'statements', text, 'text/plain');
}

/** A statement's rows as objects keyed by column name. */
export async function records(text) {
  const result = await statement(text);
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])));
}

/** A double-quoted statement name (case kept, quotes doubled). */
export function name(value) {
  return `"${String(value).replaceAll('"', '""')}"`;
}

/** A single-quoted statement string. */
export function string(value) {
  return `'${String(value).replaceAll("'", "''")}'`;
}
