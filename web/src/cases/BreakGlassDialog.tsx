// Breaking the glass on a restricted case: the worker gives a reason, is told plainly that it
// is audited and that the supervisors are notified, and the case is read again once the server
// has recorded it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { breakGlass } from '../api';
import { Dialog, TextAreaField } from '../ui';
import { placeFieldErrors, useSubmission } from './forms';
import { FormError, SubmitButton } from './widgets';

export function BreakGlassDialog({
  caseId,
  open,
  onOpened,
  onClose,
}: {
  caseId: string;
  open: boolean;
  onOpened: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await run(() => breakGlass(caseId, reason.trim()));
    if (done) onOpened();
  }

  const { byField, elsewhere } = placeFieldErrors(error, ['reason']);
  return (
    <Dialog open={open} title={t('breakGlass.title')} onClose={onClose} role="alertdialog">
      <p>{t('breakGlass.body')}</p>
      <p className="warning-text">{t('breakGlass.audited')}</p>
      <form onSubmit={submit} noValidate>
        <FormError error={error} elsewhere={elsewhere} />
        <TextAreaField
          wide
          label={t('breakGlass.reason')}
          name="reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={byField.reason}
          hint={t('breakGlass.reasonHint')}
        />
        <div className="actions">
          <SubmitButton busy={busy}>{t('breakGlass.submit')}</SubmitButton>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('cases.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
