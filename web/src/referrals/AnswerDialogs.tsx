// Answering a referral: decline with a reason from the list, withdraw with an optional reason,
// record the outcome (a reason required when unsuccessful). Each answers with the referral.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  completeReferral,
  DECLINE_REASONS,
  declineReferral,
  OUTCOME_REASONS,
  REFERRAL_OUTCOMES,
  withdrawReferral,
  type ApiResult,
  type DeclineReason,
  type OutcomeReason,
  type Referral,
  type ReferralOutcome,
} from '../api';
import { Dialog, SelectField, TextAreaField } from '../ui';
import { optional, placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton } from '../cases/widgets';
import { RadioGroup } from './RadioGroup';

export type Answer = 'decline' | 'withdraw' | 'complete';

interface Props {
  r: Referral;
  answer: Answer;
  onDone: (r: Referral, message: string) => void;
  onClose: () => void;
}

function AnswerForm({
  title,
  submitLabel,
  fields,
  call,
  done,
  onDone,
  onClose,
  intro,
}: {
  title: string;
  submitLabel: string;
  fields: (byField: Record<string, string>) => ReactNode;
  call: () => Promise<ApiResult<Referral>>;
  done: string;
  onDone: Props['onDone'];
  onClose: () => void;
  intro?: string;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useSubmission();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await run(call);
    if (r) onDone(r, done);
  }
  const { byField, elsewhere } = placeFieldErrors(error, ['reason', 'note', 'outcome']);
  return (
    <Dialog open title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {intro && <p>{intro}</p>}
        <FormError error={error} elsewhere={elsewhere} />
        {fields(byField)}
        <div className="actions">
          <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('cases.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function AnswerDialog({ r, answer, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [declineReason, setDeclineReason] = useState<DeclineReason | ''>('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<ReferralOutcome>('successful');
  const [outcomeReason, setOutcomeReason] = useState<OutcomeReason | ''>('');
  if (answer === 'decline')
    return (
      <AnswerForm
        title={t('referrals.declineTitle')}
        submitLabel={t('referrals.decline')}
        done={t('referrals.declined')}
        call={() => declineReferral(r.id, declineReason as DeclineReason, optional(note))}
        onDone={onDone}
        onClose={onClose}
        fields={(byField) => (
          <>
            <SelectField
              label={t('referrals.declineReason')}
              required
              value={declineReason}
              onChange={(e) => setDeclineReason(e.target.value as DeclineReason)}
              error={byField.reason}
            >
              <option value="">{t('referrals.chooseReason')}</option>
              {DECLINE_REASONS.map((x) => (
                <option key={x} value={x}>
                  {t(`referrals.declineReasons.${x}`)}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              label={t('referrals.declineNote')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={byField.note}
            />
          </>
        )}
      />
    );
  if (answer === 'withdraw')
    return (
      <AnswerForm
        title={t('referrals.withdrawTitle')}
        intro={t('referrals.withdrawBody')}
        submitLabel={t('referrals.withdraw')}
        done={t('referrals.withdrawn')}
        call={() => withdrawReferral(r.id, optional(note))}
        onDone={onDone}
        onClose={onClose}
        fields={(byField) => (
          <TextAreaField
            label={t('referrals.withdrawReason')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={byField.reason}
          />
        )}
      />
    );
  return (
    <AnswerForm
      title={t('referrals.completeTitle')}
      submitLabel={t('referrals.complete')}
      done={t('referrals.completed')}
      call={() =>
        completeReferral(
          r.id,
          outcome,
          outcome === 'unsuccessful' ? (outcomeReason as OutcomeReason) : undefined,
        )
      }
      onDone={onDone}
      onClose={onClose}
      fields={(byField) => (
        <>
          <RadioGroup
            legend={t('referrals.outcome')}
            options={REFERRAL_OUTCOMES}
            value={outcome}
            onChange={setOutcome}
            label={(o) => t(`referrals.outcomes.${o}`)}
            error={byField.outcome}
          />
          {outcome === 'unsuccessful' && (
            <SelectField
              label={t('referrals.outcomeReason')}
              required
              value={outcomeReason}
              onChange={(e) => setOutcomeReason(e.target.value as OutcomeReason)}
              error={byField.reason}
            >
              <option value="">{t('referrals.chooseReason')}</option>
              {OUTCOME_REASONS.map((x) => (
                <option key={x} value={x}>
                  {t(`referrals.outcomeReasons.${x}`)}
                </option>
              ))}
            </SelectField>
          )}
        </>
      )}
    />
  );
}
