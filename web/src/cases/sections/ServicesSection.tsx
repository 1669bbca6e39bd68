// Services given on the case, and logging a new one (amount in whole won where money moved).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listServices, logService, SERVICE_TYPES, type ServiceType } from '../../api';
import { currentLanguage } from '../../i18n';
import { formatWon } from '../../i18n/format';
import { ErrorAlert, SelectField, StatusMessage, TextAreaField, TextField } from '../../ui';
import { formatDay, seoulDay } from '../calendar';
import { optional, placeFieldErrors, useSubmission, wholeNumber } from '../forms';
import { FormError, SubmitButton, useLoad } from '../widgets';
import type { SectionProps } from '.';

const FIELDS = ['type', 'date', 'minutes', 'provider', 'amount', 'outcome', 'notes'];

export function ServicesSection({ c, onCaseChanged }: SectionProps) {
  const { t } = useTranslation();
  const services = useLoad(() => listServices(c.id), [c.id]);
  const empty = {
    type: '' as ServiceType | '',
    date: seoulDay(new Date()),
    minutes: '',
    provider: '',
    amount: '',
    outcome: '',
    notes: '',
  };
  const [f, setF] = useState(empty);
  const [status, setStatus] = useState('');
  const { busy, error, run } = useSubmission();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const logged = await run(() =>
      logService(c.id, {
        type: f.type as ServiceType,
        date: f.date,
        minutes: wholeNumber(f.minutes) as number,
        provider: optional(f.provider),
        amount: wholeNumber(f.amount),
        outcome: optional(f.outcome),
        notes: optional(f.notes),
      }),
    );
    if (!logged) return;
    setF(empty);
    setStatus(t('services.logged'));
    void services.reload();
    onCaseChanged();
  }

  const lang = currentLanguage();
  const { byField, elsewhere } = placeFieldErrors(error, FIELDS);
  const items = [...(services.data?.items ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <StatusMessage text={status} />
      <ErrorAlert error={services.error} />
      {services.data && items.length === 0 && <p>{t('services.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" role="region" aria-label={t('services.caption')} tabIndex={0}>
          <table>
            <caption>{t('services.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('services.date')}</th>
                <th scope="col">{t('services.type')}</th>
                <th scope="col">{t('services.minutes')}</th>
                <th scope="col">{t('services.provider')}</th>
                <th scope="col">{t('services.amount')}</th>
                <th scope="col">{t('services.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{formatDay(s.date)}</th>
                  <td>{t(`services.types.${s.type}`)}</td>
                  <td>{t('services.minutesValue', { count: s.minutes })}</td>
                  <td>{s.provider ?? ''}</td>
                  <td className="number">{s.amount != null ? formatWon(s.amount, lang) : ''}</td>
                  <td>
                    {s.outcome ?? ''}
                    {s.notes && <p className="field-hint">{s.notes}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('services.logTitle')}</h3>
      <form onSubmit={submit} className="form-grid" noValidate>
        <FormError error={error} elsewhere={elsewhere} />
        <SelectField
          label={t('services.type')}
          name="type"
          required
          value={f.type}
          onChange={set('type')}
          error={byField.type}
        >
          <option value="">{t('cases.choose')}</option>
          {SERVICE_TYPES.map((s) => (
            <option key={s} value={s}>
              {t(`services.types.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('services.date')}
          name="date"
          type="date"
          required
          value={f.date}
          onChange={set('date')}
          error={byField.date}
        />
        <TextField
          label={t('services.minutes')}
          name="minutes"
          inputMode="numeric"
          required
          value={f.minutes}
          onChange={set('minutes')}
          error={byField.minutes}
        />
        <TextField
          label={t('services.provider')}
          name="provider"
          value={f.provider}
          onChange={set('provider')}
          error={byField.provider}
          hint={t('services.providerHint')}
        />
        <TextField
          label={t('services.amount')}
          name="amount"
          inputMode="numeric"
          value={f.amount}
          onChange={set('amount')}
          error={byField.amount}
          hint={
            wholeNumber(f.amount)
              ? t('services.amountPreview', { amount: formatWon(wholeNumber(f.amount)!, lang) })
              : t('services.amountHint')
          }
        />
        <TextField
          label={t('services.outcome')}
          name="outcome"
          value={f.outcome}
          onChange={set('outcome')}
          error={byField.outcome}
        />
        <TextAreaField
          wide
          label={t('services.notes')}
          name="notes"
          value={f.notes}
          onChange={set('notes')}
          error={byField.notes}
        />
        <div className="actions">
          <SubmitButton busy={busy}>{t('services.log')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
