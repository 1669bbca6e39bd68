// Sign-in: username and password, then a TOTP (or recovery) code when the server answers
// 401 "mfa_required". Errors show the server's message plus a hint of what to do next.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { signIn, type ApiError, type Credentials } from '../api';
import { nextPath } from '../domain/navigation';
import { PlainLayout } from '../layout/PlainLayout';
import { useSession } from '../session';
import { ErrorAlert, StatusMessage, TextField } from '../ui';

type Step = 'password' | 'totp' | 'recovery';

export function SignInPage() {
  const { t } = useTranslation();
  const { state, establish } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  const [step, setStep] = useState<Step>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  if (state.status === 'signedIn') {
    const s = state.session;
    return <Navigate to={nextPath(s, from)} replace />;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const credentials: Credentials = { username, password };
    if (step === 'totp') credentials.totp = code.replace(/\s/g, '');
    if (step === 'recovery') credentials.recovery_code = code.trim();
    const r = await signIn(credentials);
    setBusy(false);
    if (r.ok) {
      setPassword('');
      setCode('');
      await establish(r.data);
      navigate(nextPath(r.data, from), { replace: true });
      return;
    }
    if (r.error.code === 'mfa_required' && step === 'password') {
      setStep('totp');
      return;
    }
    setError(r.error);
    if (step !== 'password' && r.error.status === 401) setCode('');
    else if (r.error.status === 401) setPassword('');
  }

  function restart() {
    setStep('password');
    setCode('');
    setPassword('');
    setError(null);
  }

  const hint = error ? hintFor(error, step) : undefined;
  const notice =
    state.status === 'signedOut' && state.reason === 'idle'
      ? t('signIn.sessionEnded')
      : state.status === 'signedOut' && state.reason === 'signedOut'
        ? t('signIn.signedOut')
        : '';

  return (
    <PlainLayout>
      <div className="sign-in">
        <h1>{step === 'password' ? t('signIn.title') : t('signIn.totpTitle')}</h1>
        <StatusMessage text={error ? '' : notice} />
        <ErrorAlert error={error} hint={hint ? t(hint) : undefined} />
        <form onSubmit={submit} noValidate={false} aria-busy={busy}>
          {step === 'password' ? (
            <>
              <p>{t('signIn.intro')}</p>
              <TextField
                label={t('signIn.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                error={error?.fields.username}
              />
              <TextField
                label={t('signIn.password')}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                error={error?.fields.password}
              />
            </>
          ) : (
            <>
              <p>{step === 'totp' ? t('signIn.totpIntro') : ''}</p>
              <TextField
                key={step}
                label={step === 'totp' ? t('signIn.totpCode') : t('signIn.recoveryCode')}
                name={step === 'totp' ? 'totp' : 'recovery_code'}
                inputMode={step === 'totp' ? 'numeric' : 'text'}
                autoComplete="one-time-code"
                pattern={step === 'totp' ? '[0-9 ]{6,7}' : undefined}
                maxLength={step === 'totp' ? 7 : 64}
                required
                // The code field takes the password's place after the first step: focus moves
                // to it so a keyboard or screen-reader user carries on where she was.
                // eslint-disable-next-line jsx-a11y/no-autofocus -- focus follows the step
                autoFocus
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={error?.fields.totp ?? error?.fields.recovery_code}
              />
            </>
          )}
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy
                ? t('signIn.submitting')
                : step === 'password'
                  ? t('signIn.submit')
                  : t('signIn.totpSubmit')}
            </button>
            {step !== 'password' && (
              <button type="button" className="button-secondary" onClick={restart}>
                {t('signIn.back')}
              </button>
            )}
          </div>
          {step !== 'password' && (
            <p>
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  setStep(step === 'totp' ? 'recovery' : 'totp');
                  setCode('');
                  setError(null);
                }}
              >
                {step === 'totp' ? t('signIn.useRecovery') : t('signIn.useTotp')}
              </button>
            </p>
          )}
        </form>
      </div>
    </PlainLayout>
  );
}

function hintFor(error: ApiError, step: Step) {
  if (error.status === 429) return 'signIn.lockedHelp' as const;
  if (error.status === 403) return 'signIn.disabledHelp' as const;
  if (error.status === 401 && step === 'password') return 'signIn.wrongCredentialsHelp' as const;
  if ((error.status === 401 || error.status === 400) && step !== 'password')
    return 'signIn.totpWrongHelp' as const;
  return undefined;
}
