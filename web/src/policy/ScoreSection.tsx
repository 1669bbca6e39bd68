// An ordinance's scorecard: each active criterion with its value in words (있음/없음, an amount
// in 원, a number of months), whether it is met, and a note; editors score it criterion by
// criterion. Typed amounts are read as whole numbers (commas and 원 allowed); anything else is
// named beside its field and nothing is sent.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listCriteria, setScores, type Criterion, type PolicyItemDetail } from '../api';
import { useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { ErrorAlert, SelectField, TextField } from '../ui';
import { isMet, parseScore, scoreInput } from './model';
import { criterionLabel, useScoreText } from './words';

export function ScoreSection({
  item,
  canEdit,
  onDone,
}: {
  item: PolicyItemDetail;
  canEdit: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const criteria = useLoad(() => listCriteria(), []);
  const [editing, setEditing] = useState(false);
  const text = useScoreText();
  const scores = new Map((item.scores ?? []).map((s) => [s.criterion, s]));
  const list = criteria.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="policy-scores-title">
      <h2 id="policy-scores-title">
        {t('policy.scores.title')}
        {item.score !== null && (
          <span className="muted"> · {t('policy.item.scoreLine', { score: item.score })}</span>
        )}
      </h2>
      <ErrorAlert error={criteria.error} />
      {!editing && list.length > 0 && (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-labelledby="policy-scores-caption"
        >
          <table className="policy-narrow policy-scores">
            <caption id="policy-scores-caption">{t('policy.scores.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('policy.scores.criterion')}</th>
                <th scope="col">{t('policy.scores.value')}</th>
                <th scope="col">{t('policy.scores.met')}</th>
                <th scope="col">{t('policy.scores.note')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => {
                const s = scores.get(c.key);
                const met = isMet(c.kind, s?.value);
                return (
                  <tr key={c.key} data-criterion={c.key}>
                    <th scope="row">{criterionLabel(c)}</th>
                    <td>{text(c.kind, s?.value)}</td>
                    <td className={met ? 'policy-met' : 'policy-gap'}>
                      {t(met ? 'policy.scores.isMet' : 'policy.scores.notMet')}
                    </td>
                    <td>{s?.note ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && !editing && list.length > 0 && (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)}>
            {t('policy.scores.edit')}
          </button>
        </div>
      )}
      {editing && (
        <ScoreForm
          item={item}
          criteria={list}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onDone();
          }}
        />
      )}
    </section>
  );
}

function ScoreForm({
  item,
  criteria,
  onCancel,
  onSaved,
}: {
  item: PolicyItemDetail;
  criteria: readonly Criterion[];
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const initial = new Map((item.scores ?? []).map((s) => [s.criterion, s]));
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, scoreInput(c.kind, initial.get(c.key)?.value)])),
  );
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, initial.get(c.key)?.note ?? ''])),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  // The server names scores[i].value; show it beside the i-th criterion.
  const serverErr = (i: number) =>
    submit.error?.fields[`scores[${i}].value`] ?? submit.error?.fields[`scores[${i}].criterion`];

  async function save(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const body = criteria.map((c) => {
      const parsed = parseScore(c.kind, values[c.key] ?? '');
      if (!parsed.ok) errors[c.key] = t(`policy.scores.errors.${parsed.error}`);
      const note = (notes[c.key] ?? '').trim();
      return { criterion: c.key, value: parsed.ok ? parsed.value : null, note: note || null };
    });
    setLocal(errors);
    if (Object.keys(errors).length) return;
    const r = await submit.run(() => setScores(item.id, body));
    if (r) onSaved();
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="policy-score-form">
      <FormError error={submit.error} elsewhere={[]} />
      {criteria.map((c, i) => {
        const label = criterionLabel(c);
        const error = local[c.key] ?? serverErr(i);
        return (
          <fieldset key={c.key} className="policy-score-row" data-criterion={c.key}>
            <legend>{label}</legend>
            {c.kind === 'yes_no' ? (
              <SelectField
                label={t('policy.scores.value')}
                value={values[c.key] ?? ''}
                error={error}
                onChange={(e) => setValues({ ...values, [c.key]: e.target.value })}
              >
                <option value="">{t('policy.scores.unscored')}</option>
                <option value="yes">{t('policy.scores.yes')}</option>
                <option value="no">{t('policy.scores.no')}</option>
              </SelectField>
            ) : (
              <TextField
                label={t('policy.scores.value')}
                hint={t(
                  c.kind === 'amount' ? 'policy.scores.amountHint' : 'policy.scores.monthsHint',
                )}
                inputMode="numeric"
                value={values[c.key] ?? ''}
                error={error}
                onChange={(e) => setValues({ ...values, [c.key]: e.target.value })}
              />
            )}
            <TextField
              label={t('policy.scores.noteFor', { criterion: label })}
              value={notes[c.key] ?? ''}
              maxLength={1000}
              onChange={(e) => setNotes({ ...notes, [c.key]: e.target.value })}
            />
          </fieldset>
        );
      })}
      <div className="actions">
        <SubmitButton busy={submit.busy}>{t('policy.scores.save')}</SubmitButton>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('policy.scores.cancel')}
        </button>
      </div>
    </form>
  );
}
