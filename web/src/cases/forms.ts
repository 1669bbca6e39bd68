// Form plumbing shared by the case screens: one submission at a time (a second click while the
// first is in flight does nothing), and the server's field errors placed next to their fields.
import { useCallback, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../api';

// The server names fields as the request body does; nested ones with a dot or brackets
// ("ratings.safety", "scope[fields]"). A form shows each next to the control named by the
// first part it knows, and lists the rest with the general error.
export function placeFieldErrors(
  error: ApiError | null,
  shown: readonly string[],
): { byField: Record<string, string>; elsewhere: string[] } {
  const byField: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [name, why] of Object.entries(error?.fields ?? {})) {
    const path = name.split(/[.[\]]+/).filter(Boolean);
    const key = [name, ...path.map((_, i) => path.slice(0, path.length - i).join('.'))].find((k) =>
      shown.includes(k),
    );
    if (key === undefined) elsewhere.push(why);
    else byField[key] = byField[key] ? `${byField[key]} ${why}` : why;
  }
  return { byField, elsewhere };
}

// Optional text fields: "" is not sent at all, so the server sees them as absent.
export function optional(value: string): string | undefined {
  const v = value.trim();
  return v === '' ? undefined : v;
}

// A whole number typed in a form, or undefined when empty; NaN when not a number (the server
// then names the field).
export function wholeNumber(value: string): number | undefined {
  const v = value.replace(/[,\s원₩]/g, '');
  if (v === '') return undefined;
  return /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
}

export interface Submission {
  busy: boolean;
  error: ApiError | null;
  setError: (e: ApiError | null) => void;
  // Runs call unless one is already running; the data on success, null otherwise.
  run: <T>(call: () => Promise<ApiResult<T>>) => Promise<T | null>;
}

export function useSubmission(): Submission {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T>(call: () => Promise<ApiResult<T>>): Promise<T | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setBusy(true);
    try {
      const r = await call();
      setError(r.ok ? null : r.error);
      return r.ok ? r.data : null;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
