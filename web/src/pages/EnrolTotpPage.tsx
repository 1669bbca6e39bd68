// First-time TOTP enrolment: the QR code and the key for manual entry, a code to confirm, then
// the recovery codes, shown once, with an "I saved them" checkbox before going on.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { beginTotp, confirmTotp, type ApiError, type TotpEnrollment } from '../api';
import { homeFor } from '../domain/navigation';
import { PlainLayout } from '../layout/PlainLayout';
import { useSession, useSignedIn } from '../session';
import { CopyButton, ErrorAlert, TextField } from '../ui';
import { QrCode } from './QrCode';

export function EnrolTotpPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { markEnrolled, signOut } = useSession();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<TotpEnrollment | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const started = useRef(false);
  const recoveryHeading = useRef<HTMLHeadingElement>(null);

  async function start() {
    setError(null);
    const r = await beginTotp();
    if (r.ok) setEnrolment(r.data);
    else setError(r.error);
  }

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void start();
  }, []);

  useEffect(() => {
    if (recovery) recoveryHeading.current?.focus();
  }, [recovery]);

  async function confirm(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await confirmTotp(code.replace(/\s/g, ''));
    setBusy(false);
    if (r.ok) setRecovery(r.data.recovery_codes);
    else {
      setError(r.error);
      setCode('');
    }
  }

  function finish() {
    markEnrolled();
    navigate(homeFor(session.user.roles), { replace: true });
  }

  const signOutButton = (
    <button type="button" className="button-secondary" onClick={() => void signOut()}>
      {t('nav.signOut')}
    </button>
  );

  if (recovery) {
    return (
      <PlainLayout userId={session.user.id} actions={signOutButton}>
        <div className="enrol">
          <h1 ref={recoveryHeading} tabIndex={-1}>
            {t('enrol.recoveryTitle')}
          </h1>
          <p>{t('enrol.recoveryIntro')}</p>
          <ol className="recovery-codes" aria-label={t('enrol.recoveryList')}>
            {recovery.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <CopyButton text={recovery.join('\n')} label={t('enrol.copyCodes')} />
          <div className="checkbox">
            <input
              id="saved"
              type="checkbox"
              checked={saved}
              onChange={(e) => setSaved(e.target.checked)}
            />
            <label htmlFor="saved">{t('enrol.saved')}</label>
          </div>
          <div className="actions">
            <button type="button" disabled={!saved} onClick={finish}>
              {t('enrol.continue')}
            </button>
          </div>
        </div>
      </PlainLayout>
    );
  }

  return (
    <PlainLayout userId={session.user.id} actions={signOutButton}>
      <div className="enrol">
        <h1>{t('enrol.title')}</h1>
        <p>{t('enrol.intro')}</p>
        <ErrorAlert error={error} />
        {!enrolment && error && (
          <button type="button" onClick={() => void start()}>
            {t('enrol.start')}
          </button>
        )}
        {enrolment && (
          <>
            <p>{t('enrol.step1')}</p>
            <QrCode svg={enrolment.qr_svg} label={t('enrol.qrAlt')} />
            <p>{t('enrol.manual')}</p>
            <p className="secret">
              <code data-testid="totp-secret">{groupSecret(enrolment.secret)}</code>{' '}
              <CopyButton text={enrolment.secret} />
            </p>
            <form onSubmit={confirm}>
              <p>{t('enrol.step2')}</p>
              <TextField
                label={t('enrol.code')}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]{6,7}"
                maxLength={7}
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={error?.fields.code}
              />
              <div className="actions">
                <button type="submit" disabled={busy}>
                  {t('enrol.confirm')}
                </button>
              </div>
            </form>
          </>
        )}
      </div>
    </PlainLayout>
  );
}

// "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP", easier to type from a screen.
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
