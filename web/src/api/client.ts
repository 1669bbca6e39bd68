// The HTTP client under every API call: JSON in and out, the CSRF token on state-changing
// requests, Accept-Language from the chosen language, errors as values. It never shows UI;
// screens subscribe to `onSessionLost` and `onActivity` instead.
//
// The CSRF token lives only in memory (this module); after a reload GET /api/v1/me returns it.

export interface ApiError {
  status: number; // 0 when the server could not be reached
  code: string; // "invalid", "unauthenticated", "mfa_required", "forbidden", ..., or "network"
  message: string; // in the user's language, from the server; "" when there was none
  fields: Record<string, string>;
  // Ids the server names for the next step, e.g. refs.break_glass_cases: the restricted cases
  // whose glass may be broken to reach a restricted person.
  refs?: Record<string, string[]>;
  requestId?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

type Listener = () => void;

let csrfToken: string | null = null;
let language = 'ko';
const sessionLostListeners = new Set<Listener>();
const activityListeners = new Set<Listener>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// The token, for the one request that cannot go through request(): a sign-out sent with
// keepalive while the page is going away (src/members/tabSession.ts).
export function currentCsrfToken(): string | null {
  return csrfToken;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

// Called when a request that needed a session was refused with 401 (idle timeout, signed out
// elsewhere, account disabled).
export function onSessionLost(listener: Listener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

// Called after every answered request: the server counts it as activity for the idle timeout.
export function onActivity(listener: Listener): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export interface RequestOptions {
  body?: unknown;
  // A 401 here is an answer (signing in), not a lost session.
  authRequest?: boolean;
  // A read a screen repeats on a timer: the server answers it without counting it as her
  // activity, and neither does the idle warning, so a board left open still signs out.
  background?: boolean;
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.background) headers['X-Background-Refresh'] = '1';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: { status: 0, code: 'network', message: '', fields: {} } };
  }
  if (!options.background) activityListeners.forEach((l) => l());

  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (response.ok) return { ok: true, data: json as T };

  const error = parseError(response.status, json, response.headers.get('X-Request-Id'));
  if (response.status === 401 && error.code === 'unauthenticated' && !options.authRequest) {
    sessionLostListeners.forEach((l) => l());
  }
  return { ok: false, error };
}

// For the one request fetch cannot make (a file upload that reports its progress goes through
// XMLHttpRequest): the same headers, and the same reading of an answer.
export function requestHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
  };
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

export function readAnswer<T>(
  status: number,
  text: string,
  requestId: string | null,
): ApiResult<T> {
  activityListeners.forEach((l) => l());
  if (status === 0)
    return { ok: false, error: { status: 0, code: 'network', message: '', fields: {} } };
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (status >= 200 && status < 300) return { ok: true, data: json as T };
  const error = parseError(status, json, requestId);
  if (status === 401 && error.code === 'unauthenticated') sessionLostListeners.forEach((l) => l());
  return { ok: false, error };
}

function parseError(status: number, json: unknown, requestId: string | null): ApiError {
  const body = (json as { error?: Partial<ApiError> & { request_id?: string } } | undefined)?.error;
  const fields: Record<string, string> = {};
  if (body?.fields && typeof body.fields === 'object') {
    for (const [k, v] of Object.entries(body.fields)) fields[k] = String(v);
  }
  return {
    status,
    code: typeof body?.code === 'string' ? body.code : fallbackCode(status),
    message: typeof body?.message === 'string' ? body.message : '',
    fields,
    refs: parseRefs((body as { refs?: unknown } | undefined)?.refs),
    requestId: body?.request_id ?? requestId ?? undefined,
  };
}

function parseRefs(raw: unknown): Record<string, string[]> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (Array.isArray(v)) out[k] = v.filter((id): id is string => typeof id === 'string');
  }
  return out;
}

function fallbackCode(status: number): string {
  switch (status) {
    case 400:
      return 'invalid';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'too_large';
    case 429:
      return 'rate_limited';
    default:
      return 'internal';
  }
}
