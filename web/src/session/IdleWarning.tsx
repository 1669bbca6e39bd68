// Warns two minutes before the server's idle timeout (15 minutes without a request) and signs
// out when it passes. "Stay signed in" calls GET /api/v1/me, which the server counts as
// activity. Every answered API request resets the clock.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMe, onActivity } from '../api';
import { Dialog } from '../ui';
import { useSession } from './SessionContext';

const WARN_BEFORE_MS = 2 * 60 * 1000;

export function IdleWarning({ timeoutSeconds = 15 * 60 }: { timeoutSeconds?: number | undefined }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const last = useRef(Date.now());
  const stayButton = useRef<HTMLButtonElement>(null);
  const [remaining, setRemaining] = useState<number | null>(null);
  const timeoutMs = timeoutSeconds * 1000;

  useEffect(() => onActivity(() => (last.current = Date.now())), []);

  useEffect(() => {
    const timer = setInterval(() => {
      const left = timeoutMs - (Date.now() - last.current);
      if (left <= 0) {
        clearInterval(timer);
        void signOut('idle');
      } else if (left <= WARN_BEFORE_MS) {
        setRemaining(Math.ceil(left / 1000));
      } else {
        setRemaining(null);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [timeoutMs, signOut]);

  async function stay() {
    const r = await getMe();
    if (r.ok) {
      last.current = Date.now();
      setRemaining(null);
    }
  }

  return (
    <Dialog
      open={remaining !== null}
      title={t('idle.title')}
      onClose={stay}
      role="alertdialog"
      initialFocus={stayButton}
    >
      <p>{t('idle.body', { seconds: remaining ?? 0 })}</p>
      <div className="actions">
        <button ref={stayButton} type="button" onClick={stay}>
          {t('idle.stay')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void signOut('signedOut')}
        >
          {t('idle.signOut')}
        </button>
      </div>
    </Dialog>
  );
}
