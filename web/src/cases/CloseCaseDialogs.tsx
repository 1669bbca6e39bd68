// Closing a case (a reason from the fixed list and an optional note) and reopening one (a
// reason). Both answer with the changed case.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS, closeCase, reopenCase, type Case, type ClosureReason } from '../api';
import { Dialog, SelectField, TextAreaField } from '../ui';
import { optional, placeFieldErrors, useSubmission } from './forms';
import { FormError, SubmitButton } from './widgets';

interface Props {
  c: Case;
  open: boolean;
  onDone: (c: Case) => void;
  onClose: () => void;
}

export function CloseCaseDialog({ c, open, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ClosureReason | ''>('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const closed = await run(() => closeCase(c.id, reason as ClosureReason, optional(note)));
    if (closed) onDone(closed);
  }

  const { byField, elsewhere } = placeFieldErrors(error, ['reason', 'note']);
  return (
    <Dialog open={open} title={t('cases.closeTitle', { number: c.number })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormError error={error} elsewhere={elsewhere} />
        <SelectField
          label={t('cases.closureReason')}
          name="reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value as ClosureReason)}
          error={byField.reason}
        >
          <option value="">{t('cases.choose')}</option>
          {CLOSURE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`cases.closureReasons.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          wide
          label={t('cases.closureNote')}
          name="note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={byField.note}
        />
        <div className="actions">
          <SubmitButton busy={busy}>{t('cases.close')}</SubmitButton>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('cases.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ReopenCaseDialog({ c, open, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const reopened = await run(() => reopenCase(c.id, reason.trim()));
    if (reopened) onDone(reopened);
  }

  const { byField, elsewhere } = placeFieldErrors(error, ['reason']);
  return (
    <Dialog open={open} title={t('cases.reopenTitle', { number: c.number })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormError error={error} elsewhere={elsewhere} />
        <TextAreaField
          wide
          label={t('cases.reopenReason')}
          name="reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={byField.reason}
        />
        <div className="actions">
          <SubmitButton busy={busy}>{t('cases.reopen')}</SubmitButton>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('cases.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
