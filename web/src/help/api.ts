// The two public endpoints the help page uses. No cookie goes out (credentials: 'omit'), no
// answer is cached, no referrer is sent. Errors come back as values, like the app's client.

export interface HelpRegion {
  code: string;
  name_ko: string;
  name_en: string;
}

export interface HelpForm {
  form_token: string;
  regions: HelpRegion[];
  police_number: string;
  hotline?: string;
}

export interface HelpRequest {
  region: string;
  situation: string;
  contact?: string;
  safe_contact?: string;
  language: string;
  form_token: string;
  website: string; // the honeypot: a person leaves it empty
}

export type Failure =
  | { kind: 'invalid'; message: string; fields: Record<string, string> }
  | { kind: 'too_many'; message: string; retryAfterSeconds: number }
  | { kind: 'network' }
  | { kind: 'other'; message: string };

export type Answer<T> = { ok: true; data: T } | { ok: false; failure: Failure };

// The server speaks Korean and English; Thai and Vietnamese readers get our own words for the
// errors and English from the server underneath.
const serverLanguage = (lang: string) => (lang === 'ko' ? 'ko' : 'en');

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  lang: string,
  body?: unknown,
): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        'Accept-Language': serverLanguage(lang),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (response.ok) return { ok: true, data: json as T };
  const error = (json as { error?: { message?: unknown; fields?: unknown } } | undefined)?.error;
  const message = typeof error?.message === 'string' ? error.message : '';
  if (response.status === 429) {
    const retry = Number(response.headers.get('Retry-After'));
    return {
      ok: false,
      failure: {
        kind: 'too_many',
        message,
        retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : 60,
      },
    };
  }
  if (response.status === 400) {
    const fields: Record<string, string> = {};
    if (error?.fields && typeof error.fields === 'object') {
      for (const [k, v] of Object.entries(error.fields)) fields[k] = String(v);
    }
    return { ok: false, failure: { kind: 'invalid', message, fields } };
  }
  return { ok: false, failure: { kind: 'other', message } };
}

export function getHelpForm(lang: string): Promise<Answer<HelpForm>> {
  return call<HelpForm>('GET', '/api/v1/public/help-form', lang);
}

export function sendHelpRequest(
  request: HelpRequest,
  lang: string,
): Promise<Answer<{ reference: string }>> {
  return call<{ reference: string }>('POST', '/api/v1/public/help-requests', lang, request);
}
