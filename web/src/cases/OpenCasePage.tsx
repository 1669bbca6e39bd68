// Opening a case for a person: how she came, her situation, the risk as assessed now, a
// summary and safety plan, and whether the case is restricted to its assigned workers and
// supervisors. The worker who opens it is assigned.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  getPerson,
  INTAKE_CHANNELS,
  openCase,
  RISK_LEVELS,
  SITUATIONS,
  type IntakeChannel,
  type RiskLevel,
  type Situation,
} from '../api';
import { NotFoundPage } from '../pages/NotFoundPage';
import { Card, ErrorAlert, SelectField, TextAreaField } from '../ui';
import { optional, placeFieldErrors, useSubmission } from './forms';
import { CheckboxGroup, FormError, SafeContact, SubmitButton, useLoad } from './widgets';

const FIELDS = [
  'intake_channel',
  'situation',
  'risk_level',
  'summary',
  'safety_plan',
  'restricted',
];

export function OpenCasePage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const navigate = useNavigate();
  const person = useLoad(() => getPerson(personId), [personId]);
  const [channel, setChannel] = useState<IntakeChannel | ''>('');
  const [situation, setSituation] = useState<Situation[]>([]);
  const [risk, setRisk] = useState<RiskLevel | ''>('');
  const [summary, setSummary] = useState('');
  const [safetyPlan, setSafetyPlan] = useState('');
  const [restricted, setRestricted] = useState(false);
  const { busy, error, run } = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const opened = await run(() =>
      openCase({
        person_id: personId,
        intake_channel: channel as IntakeChannel,
        situation,
        risk_level: risk as RiskLevel,
        summary: summary.trim(),
        safety_plan: optional(safetyPlan),
        restricted,
      }),
    );
    if (opened) navigate(`/cases/${encodeURIComponent(opened.id)}`, { state: { opened: true } });
  }

  if (person.error?.status === 404)
    return <NotFoundPage message={person.error.message || undefined} />;
  const { byField, elsewhere } = placeFieldErrors(error, FIELDS);
  const p = person.data;
  return (
    <div className="page">
      <h1>{t('cases.openTitle')}</h1>
      <ErrorAlert error={person.error} />
      {p && (
        <p>
          {t('cases.openFor')}{' '}
          <Link to={`/people/${encodeURIComponent(p.id)}`}>{p.legal_name}</Link> (
          <code>{p.code}</code>)
        </p>
      )}
      {p && <SafeContact text={p.safe_contact} />}
      <Card>
        <form onSubmit={submit} className="form-grid" noValidate>
          <FormError error={error} elsewhere={elsewhere} />
          <SelectField
            label={t('cases.intakeChannel')}
            name="intake_channel"
            required
            value={channel}
            onChange={(e) => setChannel(e.target.value as IntakeChannel)}
            error={byField.intake_channel}
          >
            <option value="">{t('cases.choose')}</option>
            {INTAKE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`cases.channels.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('cases.riskLevel')}
            name="risk_level"
            required
            value={risk}
            onChange={(e) => setRisk(e.target.value as RiskLevel)}
            error={byField.risk_level}
          >
            <option value="">{t('cases.choose')}</option>
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
            name="summary"
            required
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            error={byField.summary}
          />
          <TextAreaField
            wide
            label={t('cases.safetyPlan')}
            name="safety_plan"
            value={safetyPlan}
            onChange={(e) => setSafetyPlan(e.target.value)}
            error={byField.safety_plan}
            hint={t('cases.safetyPlanHint')}
          />
          <div className="checkbox field-wide">
            <input
              id="open-case-restricted"
              type="checkbox"
              checked={restricted}
              onChange={(e) => setRestricted(e.target.checked)}
              aria-describedby="open-case-restricted-hint"
            />
            <label htmlFor="open-case-restricted">{t('cases.restrictedLabel')}</label>
          </div>
          <p className="field-hint field-wide" id="open-case-restricted-hint">
            {t('cases.restrictedHint')}
          </p>
          {byField.restricted && <p className="field-error field-wide">{byField.restricted}</p>}
          <div className="actions">
            <SubmitButton busy={busy}>{t('cases.openSubmit')}</SubmitButton>
          </div>
        </form>
      </Card>
    </div>
  );
}
