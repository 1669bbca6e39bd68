// Creating or editing a funding source: its name, year and budget, and one rule per kind it
// pays (cap; for living costs the monthly amount, the most months and the amount per child;
// whether a committee decides; whether fraud is clawed back). Editing makes a new version of
// the rules; the old one is kept by the server. The amounts of the local ordinances where the
// organization works are offered as a starting point.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createFundingSource,
  updateFundingSource,
  FUND_KINDS,
  type FundKind,
  type FundingSource,
} from '../api';
import { placeFieldErrors, useSubmission, wholeNumber } from '../cases/forms';
import { SubmitButton } from '../cases/widgets';
import { Dialog, ErrorAlert, TextField } from '../ui';
import { draftsFromRules, rulesFromDrafts, type RuleDraft, type RuleDrafts } from './money';
import { applyOrdinance } from './ordinance';
import { OrdinanceAmounts } from './OrdinanceAmounts';

const FIELDS = ['name', 'year', 'budget', ...FUND_KINDS.map((k) => `rules.${k}`)];

export function SourceDialog({
  source,
  onClose,
  onDone,
}: {
  source: FundingSource | null;
  onClose: () => void;
  onDone: (s: FundingSource) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [name, setName] = useState(source?.name ?? '');
  const [year, setYear] = useState(String(source?.year ?? new Date().getFullYear()));
  const [budget, setBudget] = useState(source ? String(source.budget) : '');
  const [drafts, setDrafts] = useState<RuleDrafts>(draftsFromRules(source?.rules ?? {}));
  const { byField } = placeFieldErrors(submit.error, FIELDS);
  const set = (kind: FundKind, patch: Partial<RuleDraft>) =>
    setDrafts((d) => ({ ...d, [kind]: { ...d[kind], ...patch } }));
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body = {
      name: name.trim(),
      year: wholeNumber(year) ?? 0,
      budget: wholeNumber(budget) ?? 0,
      rules: rulesFromDrafts(drafts),
    };
    const r = await submit.run(() =>
      source ? updateFundingSource(source.id, body) : createFundingSource(body),
    );
    if (r) onDone(r);
  }
  return (
    <Dialog
      open
      title={source ? t('fund.form.editTitle', { name: source.name }) : t('fund.form.newTitle')}
      onClose={onClose}
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorAlert error={submit.error} />
        <TextField
          label={t('fund.form.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={byField.name}
          required
        />
        <TextField
          label={t('fund.form.year')}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          error={byField.year}
          required
        />
        <TextField
          label={t('fund.form.budget')}
          hint={t('fund.her.amountHint')}
          inputMode="numeric"
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
          error={byField.budget}
          required
        />
        <OrdinanceAmounts onUse={(amounts) => setDrafts((d) => applyOrdinance(d, amounts))} />
        {FUND_KINDS.map((kind) => {
          const d = drafts[kind];
          const kindName = t(`fund.kind.${kind}`);
          return (
            <fieldset key={kind} className="funds-rule">
              <legend>{kindName}</legend>
              <label className="check">
                <input
                  type="checkbox"
                  checked={d.on}
                  onChange={(e) => set(kind, { on: e.target.checked })}
                />{' '}
                {t('fund.form.pays', { kind: kindName })}
              </label>
              {byField[`rules.${kind}`] && (
                <p className="field-error">{byField[`rules.${kind}`]}</p>
              )}
              {d.on && (
                <>
                  <TextField
                    label={t(kind === 'living_costs' ? 'fund.form.capOptional' : 'fund.form.cap')}
                    inputMode="numeric"
                    value={d.cap}
                    onChange={(e) => set(kind, { cap: e.target.value })}
                  />
                  {kind === 'living_costs' && (
                    <>
                      <TextField
                        label={t('fund.form.monthly')}
                        inputMode="numeric"
                        value={d.monthly}
                        onChange={(e) => set(kind, { monthly: e.target.value })}
                      />
                      <TextField
                        label={t('fund.form.maxMonths')}
                        inputMode="numeric"
                        value={d.max_months}
                        onChange={(e) => set(kind, { max_months: e.target.value })}
                      />
                      <TextField
                        label={t('fund.form.perChild')}
                        inputMode="numeric"
                        value={d.per_child}
                        onChange={(e) => set(kind, { per_child: e.target.value })}
                      />
                    </>
                  )}
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={d.committee}
                      onChange={(e) => set(kind, { committee: e.target.checked })}
                    />{' '}
                    {t('fund.form.committee')}
                  </label>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={d.clawback}
                      onChange={(e) => set(kind, { clawback: e.target.checked })}
                    />{' '}
                    {t('fund.form.clawback')}
                  </label>
                </>
              )}
            </fieldset>
          );
        })}
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('fund.form.save')}</SubmitButton>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('fund.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
