// The place a screen shows a failed request: the server's message (already in the user's
// language), a hint of our own, and the request id for support. The live region is always in
// the page so screen readers announce the error when it appears.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';

export function errorText(error: ApiError, t: TFunction): string {
  if (error.message) return error.message;
  if (error.code === 'network') return t('errors.network');
  return t('errors.generic');
}

interface Props {
  error: ApiError | null;
  hint?: string | undefined;
  id?: string;
}

export function ErrorAlert({ error, hint, id }: Props) {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      aria-live="assertive"
      className={error ? 'alert alert-error' : 'alert-empty'}
      id={id}
    >
      {error && (
        <>
          <p className="alert-message">{errorText(error, t)}</p>
          {hint && <p className="alert-hint">{hint}</p>}
          {Object.keys(error.fields).length > 0 && (
            <p className="alert-hint">{t('errors.fieldsIntro')}</p>
          )}
          {error.requestId && error.status >= 500 && (
            <p className="alert-hint">{t('errors.requestId', { id: error.requestId })}</p>
          )}
        </>
      )}
    </div>
  );
}

// A polite status line for successes ("saved").
export function StatusMessage({ text }: { text: string }) {
  return (
    <div role="status" aria-live="polite" className={text ? 'alert alert-ok' : 'alert-empty'}>
      {text}
    </div>
  );
}
