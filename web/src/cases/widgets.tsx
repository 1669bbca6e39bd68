// Small pieces the case screens share: the safe-contact callout, the risk level as text and
// colour, a checkbox group wired like ui/Field, the error block of a form, and
// a loader hook.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult, RiskLevel } from '../api';
import { ErrorAlert } from '../ui';

// Wherever someone might contact her: how and when she may be contacted ("never leave a
// message"). A labelled note, never a colour alone; says so plainly when nothing was recorded.
export function SafeContact({
  text,
  compact = false,
}: {
  text: string | null | undefined;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div
      className={compact ? 'safe-contact safe-contact-compact' : 'safe-contact'}
      role="note"
      aria-labelledby={id}
    >
      <strong id={id} className="safe-contact-title">
        {compact ? t('people.safeContactShort') : t('people.safeContactTitle')}
      </strong>{' '}
      <span className="safe-contact-text">{text?.trim() ? text : t('people.safeContactNone')}</span>
    </div>
  );
}

// "위험도 높음" with a colour and a mark: the words carry the meaning, colour only adds to it.
export function RiskBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <span className={`risk risk-${level}`}>
      {t('cases.riskLabel', { level: t(`cases.risk.${level}`) })}
    </span>
  );
}

// A fieldset of checkboxes over a fixed vocabulary.
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  label,
  error,
  name,
}: {
  legend: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (v: T[]) => void;
  label: (option: T) => string;
  error?: string | undefined;
  name: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={error ? 'field-invalid' : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="role-grid">
        {options.map((o) => (
          <div className="checkbox" key={o}>
            <input
              id={`${id}-${o}`}
              type="checkbox"
              name={name}
              value={o}
              checked={value.includes(o)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, o] : value.filter((v) => v !== o))
              }
            />
            <label htmlFor={`${id}-${o}`}>{label(o)}</label>
          </div>
        ))}
      </div>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

// The general error of a form, with the server's reasons for fields the form does not show.
export function FormError({ error, elsewhere }: { error: ApiError | null; elsewhere: string[] }) {
  return (
    <>
      <ErrorAlert error={error} />
      {elsewhere.length > 0 && (
        <ul className="field-error">
          {elsewhere.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <button type="submit" disabled={busy} aria-disabled={busy}>
      {busy ? t('cases.saving') : children}
    </button>
  );
}

// Loads once per key and on reload(); keeps the last data while reloading. What was loaded
// for another key is not shown under this one: a month's calendar drawn from the week just
// left, or one woman's case under another's address, would read as true for a moment.
export function useLoad<T>(load: () => Promise<ApiResult<T>>, deps: readonly unknown[]) {
  // The caller names what `load` depends on, as it would for useCallback itself.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are the caller's, passed through
  const stable = useCallback(load, deps);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  // The key shown now: an answer (or a change) that arrives for a key already left is dropped,
  // rather than taking the place of the new key's.
  const shownKey = useRef<unknown>(stable);
  useEffect(() => {
    shownKey.current = stable;
  }, [stable]);
  const apply = useCallback(
    (r: ApiResult<T>) => {
      if (shownKey.current !== stable) return;
      setLoaded((last) =>
        r.ok
          ? { key: stable, data: r.data, error: null }
          : { key: stable, data: last?.key === stable ? last.data : null, error: r.error },
      );
    },
    [stable],
  );
  const reload = useCallback(async () => apply(await stable()), [stable, apply]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await stable();
      if (live) apply(r);
    })();
    return () => {
      live = false;
    };
  }, [stable, apply]);
  // Like a state setter: a value, or a change to the data shown now.
  const setData = useCallback(
    (next: T | null | ((shown: T | null) => T | null)) => {
      if (shownKey.current !== stable) return;
      setLoaded((last) => {
        const shown = last?.key === stable ? last.data : null;
        const data = typeof next === 'function' ? (next as (d: T | null) => T | null)(shown) : next;
        return { key: stable, data, error: null };
      });
    },
    [stable],
  );
  const current = loaded?.key === stable ? loaded : null;
  return { data: current?.data ?? null, error: current?.error ?? null, reload, setData };
}

interface Loaded<T> {
  key: unknown;
  data: T | null;
  error: ApiError | null;
}
