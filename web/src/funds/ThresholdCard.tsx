// The two-person threshold: above which amount a payment waits for a second person. Shown to
// everyone who reads the ledger (so a worker knows why her payment is waiting); changed by an
// org admin or finance. Empty means one person suffices.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getFundSettings, updateFundSettings } from '../api';
import { placeFieldErrors, useSubmission, wholeNumber } from '../cases/forms';
import { SubmitButton, useLoad } from '../cases/widgets';
import { ErrorAlert, TextField } from '../ui';
import { useWon } from './money';

export function ThresholdCard({ canEdit, onSaved }: { canEdit: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const won = useWon();
  const settings = useLoad(getFundSettings, []);
  const submit = useSubmission();
  const [editing, setEditing] = useState(false);
  const [amount, setAmount] = useState('');
  const { byField } = placeFieldErrors(submit.error, ['two_person_above']);
  const current = settings.data?.two_person_above ?? null;
  function start() {
    setAmount(current === null ? '' : String(current));
    setEditing(true);
  }
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const n = wholeNumber(amount);
    // Text that is not a whole number goes as it is, so the server names the field in words.
    const body = {
      two_person_above: (n === undefined ? null : Number.isNaN(n) ? amount : n) as number | null,
    };
    const r = await submit.run(() => updateFundSettings(body));
    if (r) {
      setEditing(false);
      void settings.reload();
      onSaved();
    }
  }
  return (
    <section className="card" aria-labelledby="threshold-title">
      <h2 id="threshold-title">{t('fund.threshold.title')}</h2>
      <ErrorAlert error={settings.error} />
      {settings.data && (
        <p>
          {current === null
            ? t('fund.threshold.none')
            : t('fund.threshold.above', { amount: won(current) })}
        </p>
      )}
      {canEdit && !editing && settings.data && (
        <button type="button" className="button-secondary button-small" onClick={start}>
          {t('fund.threshold.change')}
        </button>
      )}
      {editing && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorAlert error={submit.error} />
          <TextField
            label={t('fund.threshold.field')}
            hint={t('fund.threshold.hint')}
            inputMode="numeric"
            value={amount}
            error={byField.two_person_above}
            onChange={(e) => setAmount(e.target.value)}
          />
          <div className="actions">
            <SubmitButton busy={submit.busy}>{t('fund.form.save')}</SubmitButton>
            <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
              {t('fund.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
