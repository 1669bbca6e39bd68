// The rows of the shelter home's lists: a follow-up to record, and the small buttons every row
// repeats.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordFollowUp, FOLLOW_UP_OUTCOMES, type FollowUp, type FollowUpOutcome } from '../api';
import { useSubmission } from '../cases/forms';
import { formatDate } from '../i18n/format';
import { ErrorAlert, SelectField } from '../ui';
import { seoulToday } from './dialogs';

// A small button in a list row; screen readers hear whom it is about ("퇴소 새벽"), since every
// row has the same buttons.
export function RowButton({
  label,
  who,
  onClick,
  primary = false,
  disabled = false,
}: {
  label: string;
  who: string;
  onClick: () => void;
  primary?: boolean;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className={primary ? 'button-small' : 'button-secondary button-small'}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
      <span className="visually-hidden"> {who}</span>
    </button>
  );
}

export function FollowUpRow({ f, onDone }: { f: FollowUp; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [outcome, setOutcome] = useState<FollowUpOutcome>('stable');
  async function record() {
    const done = await submit.run(() => recordFollowUp(f.id, { done_on: seoulToday(), outcome }));
    if (done) onDone();
  }
  return (
    <li className="shelter-item">
      <p>
        <strong>{f.person_code}</strong>{' '}
        {t('shelter.followUpItem', { months: f.months, date: formatDate(f.due_on) })}
      </p>
      <ErrorAlert error={submit.error} />
      <div className="inline-field">
        <SelectField
          label={t('shelter.outcomeLabel')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as FollowUpOutcome)}
        >
          {FOLLOW_UP_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`shelter.outcome.${o}`)}
            </option>
          ))}
        </SelectField>
        <button type="button" disabled={submit.busy} onClick={() => void record()}>
          {t('shelter.record')}
        </button>
      </div>
    </li>
  );
}
