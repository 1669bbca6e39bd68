// Some actions need the user's password (and code) from the last five minutes: giving a role that
// reads survivors' records, making an export file. When the server answers reauth_required,
// this dialog asks for them, confirms them with the server, and then repeats what she did.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REAUTH_REQUIRED, reauthenticate, type ApiError, type ApiResult } from '../api';
import { Dialog, ErrorAlert, TextField } from '../ui';

interface Props {
  open: boolean;
  onClose: () => void;
  onConfirmed: () => void;
}

export function ReauthDialog({ open, onClose, onConfirmed }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  function close() {
    setPassword('');
    setCode('');
    setError(null);
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await reauthenticate(password, code.replace(/\s/g, '') || undefined);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setCode('');
      return;
    }
    setPassword('');
    setCode('');
    setError(null);
    onConfirmed();
  }

  return (
    <Dialog open={open} title={t('reauth.title')} onClose={close}>
      <p>{t('reauth.intro')}</p>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('reauth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label={t('reauth.code')}
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          hint={t('reauth.codeHint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="actions">
          <button type="submit" disabled={busy || password === ''}>
            {t('reauth.confirm')}
          </button>
          <button type="button" className="button-secondary" onClick={close}>
            {t('reauth.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

// Runs a change; when the server wants a fresh re-authentication first, asks for it with the
// dialog and runs the change again once confirmed. `dialog` must be rendered by the caller.
export function useReauthRetry(): {
  guard: <T>(call: () => Promise<ApiResult<T>>, done: (r: ApiResult<T>) => void) => Promise<void>;
  dialog: ReactNode;
} {
  const [retry, setRetry] = useState<(() => void) | null>(null);

  async function guard<T>(call: () => Promise<ApiResult<T>>, done: (r: ApiResult<T>) => void) {
    const r = await call();
    if (!r.ok && r.error.code === REAUTH_REQUIRED) {
      setRetry(() => () => void guard(call, done));
      return;
    }
    done(r);
  }

  const dialog = (
    <ReauthDialog
      open={retry !== null}
      onClose={() => setRetry(null)}
      onConfirmed={() => {
        const again = retry;
        setRetry(null);
        again?.();
      }}
    />
  );
  return { guard, dialog };
}
