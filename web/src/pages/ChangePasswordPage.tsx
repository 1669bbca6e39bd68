// Replacing a one-time password: the server refuses everything else until this is done
// (403 "password_change_required"). Then TOTP enrolment, if still needed, then home.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changePassword, type ApiError } from '../api';
import { nextPath } from '../domain/navigation';
import { PlainLayout } from '../layout/PlainLayout';
import { useSession, useSignedIn } from '../session';
import { ErrorAlert, TextField } from '../ui';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { markPasswordChanged, signOut } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    const r = await changePassword({ current_password: current, new_password: next });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    markPasswordChanged();
    navigate(nextPath({ ...session, password_change_required: false }), { replace: true });
  }

  const fe = error?.fields ?? {};
  return (
    <PlainLayout
      userId={session.user.id}
      actions={
        <button type="button" className="button-secondary" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      }
    >
      <div className="sign-in">
        <h1>{t('password.title')}</h1>
        <p>{t('password.intro')}</p>
        <ErrorAlert error={error} />
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('password.current')}
            name="current_password"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={fe.current_password}
          />
          <TextField
            label={t('password.new')}
            name="new_password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={128}
            hint={t('password.newHint')}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            error={fe.new_password}
          />
          <TextField
            label={t('password.confirm')}
            name="confirm_password"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={mismatch ? t('password.mismatch') : undefined}
          />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('password.submit')}
            </button>
          </div>
        </form>
      </div>
    </PlainLayout>
  );
}
