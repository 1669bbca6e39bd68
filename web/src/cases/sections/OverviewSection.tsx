// Summary, safety plan and situation, with a form to change them and the risk level.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changeCase, RISK_LEVELS, SITUATIONS, type RiskLevel, type Situation } from '../../api';
import { SelectField, StatusMessage, TextAreaField } from '../../ui';
import { placeFieldErrors, useSubmission } from '../forms';
import { CheckboxGroup, FormError, SubmitButton } from '../widgets';
import type { SectionProps } from '.';

export function OverviewSection({ c, onCaseChanged }: SectionProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [risk, setRisk] = useState<RiskLevel>(c.risk_level);
  const [situation, setSituation] = useState<Situation[]>(c.situation);
  const [summary, setSummary] = useState(c.summary);
  const [safetyPlan, setSafetyPlan] = useState(c.safety_plan ?? '');
  const [status, setStatus] = useState('');
  const { busy, error, run } = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const changed = await run(() =>
      changeCase(c.id, {
        risk_level: risk,
        situation,
        summary: summary.trim(),
        safety_plan: safetyPlan.trim(),
      }),
    );
    if (!changed) return;
    setEditing(false);
    setStatus(t('cases.saved'));
    onCaseChanged();
  }

  const { byField, elsewhere } = placeFieldErrors(error, [
    'risk_level',
    'situation',
    'summary',
    'safety_plan',
  ]);
  return (
    <>
      <StatusMessage text={status} />
      <dl className="facts">
        <dt>{t('cases.intakeChannel')}</dt>
        <dd>{t(`cases.channels.${c.intake_channel}`)}</dd>
        <dt>{t('cases.situation')}</dt>
        <dd>
          {c.situation.length
            ? c.situation.map((s) => t(`cases.situations.${s}`)).join(', ')
            : t('people.notRecorded')}
        </dd>
      </dl>
      <h3>{t('cases.summary')}</h3>
      <p className="prose">{c.summary || t('people.notRecorded')}</p>
      <h3>{t('cases.safetyPlan')}</h3>
      <p className="prose">{c.safety_plan || t('people.notRecorded')}</p>
      {!editing && (
        <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
          {t('cases.edit')}
        </button>
      )}
      {editing && (
        <form onSubmit={submit} className="form-grid" noValidate>
          <FormError error={error} elsewhere={elsewhere} />
          <SelectField
            label={t('cases.riskLevel')}
            value={risk}
            onChange={(e) => setRisk(e.target.value as RiskLevel)}
            error={byField.risk_level}
          >
            {RISK_LEVELS.map((r) => (
              <option key={r} value={r}>
                {t(`cases.risk.${r}`)}
              </option>
            ))}
          </SelectField>
          <CheckboxGroup
            legend={t('cases.situation')}
            name="situation"
            options={SITUATIONS}
            value={situation}
            onChange={setSituation}
            label={(s) => t(`cases.situations.${s}`)}
            error={byField.situation}
          />
          <TextAreaField
            wide
            label={t('cases.summary')}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            error={byField.summary}
          />
          <TextAreaField
            wide
            label={t('cases.safetyPlan')}
            value={safetyPlan}
            onChange={(e) => setSafetyPlan(e.target.value)}
            error={byField.safety_plan}
          />
          <div className="actions">
            <SubmitButton busy={busy}>{t('cases.save')}</SubmitButton>
            <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
              {t('cases.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
