// The scorecard's checklist, for editors: every criterion (retired ones too) with its names,
// kind and order; a criterion is retired or restored (never deleted), and a new one is added
// with its key, names, kind and place in the order.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createCriterion,
  CRITERION_KINDS,
  listCriteria,
  updateCriterion,
  type Criterion,
  type CriterionKind,
} from '../api';
import { placeFieldErrors, useSubmission, wholeNumber } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { criterionLabel } from './words';

export function CriteriaEditor() {
  const { t } = useTranslation();
  const criteria = useLoad(() => listCriteria(true), []);
  const toggle = useSubmission();
  const [saved, setSaved] = useState(false);
  const list = criteria.data?.items ?? [];
  async function setRetired(c: Criterion, retired: boolean) {
    const r = await toggle.run(() => updateCriterion(c.key, { retired }));
    if (r) {
      setSaved(true);
      void criteria.reload();
    }
  }
  return (
    <section className="card" aria-labelledby="policy-criteria-title">
      <h2 id="policy-criteria-title">{t('policy.criteria.title')}</h2>
      <p className="muted">{t('policy.criteria.intro')}</p>
      <StatusMessage text={saved ? t('policy.criteria.saved') : ''} />
      <ErrorAlert error={criteria.error ?? toggle.error} />
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-labelledby="policy-criteria-caption"
      >
        <table>
          <caption id="policy-criteria-caption">{t('policy.criteria.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.criteria.position')}</th>
              <th scope="col">{t('policy.criteria.labelKo')}</th>
              <th scope="col">{t('policy.criteria.labelEn')}</th>
              <th scope="col">{t('policy.criteria.kindLabel')}</th>
              <th scope="col">{t('policy.criteria.state')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.key} className={c.retired ? 'row-disabled' : undefined}>
                <td>{c.position}</td>
                <th scope="row">
                  {c.label_ko} <span className="muted">({c.key})</span>
                </th>
                <td>{c.label_en}</td>
                <td>{t(`policy.criteria.kind.${c.kind}`)}</td>
                <td>
                  {t(c.retired ? 'policy.criteria.retired' : 'policy.criteria.active')}{' '}
                  <button
                    type="button"
                    className="button-secondary button-small"
                    disabled={toggle.busy}
                    aria-label={t(
                      c.retired ? 'policy.criteria.restoreNamed' : 'policy.criteria.retireNamed',
                      { label: criterionLabel(c) },
                    )}
                    onClick={() => void setRetired(c, !c.retired)}
                  >
                    {t(c.retired ? 'policy.criteria.restore' : 'policy.criteria.retire')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewCriterion
        onDone={() => {
          setSaved(true);
          void criteria.reload();
        }}
      />
    </section>
  );
}

function NewCriterion({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [v, setV] = useState({
    key: '',
    label_ko: '',
    label_en: '',
    kind: 'yes_no' as CriterionKind,
    position: '',
  });
  const { byField, elsewhere } = placeFieldErrors(submit.error, [
    'key',
    'label_ko',
    'label_en',
    'kind',
    'position',
  ]);
  async function send(e: FormEvent) {
    e.preventDefault();
    const position = wholeNumber(v.position);
    const r = await submit.run(() =>
      createCriterion({
        key: v.key.trim(),
        label_ko: v.label_ko.trim(),
        label_en: v.label_en.trim(),
        kind: v.kind,
        ...(position === undefined ? {} : { position }),
      }),
    );
    if (r) {
      setV({ key: '', label_ko: '', label_en: '', kind: 'yes_no', position: '' });
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="policy-criterion-add">
      <h3 id="policy-criterion-add">{t('policy.criteria.addTitle')}</h3>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <TextField
          label={t('policy.criteria.key')}
          hint={t('policy.criteria.keyHint')}
          value={v.key}
          error={byField.key}
          maxLength={40}
          pattern="[a-z][a-z0-9_]{1,39}"
          onChange={(e) => setV({ ...v, key: e.target.value })}
        />
        <TextField
          label={t('policy.criteria.labelKo')}
          value={v.label_ko}
          error={byField.label_ko}
          maxLength={200}
          onChange={(e) => setV({ ...v, label_ko: e.target.value })}
        />
        <TextField
          label={t('policy.criteria.labelEn')}
          value={v.label_en}
          error={byField.label_en}
          maxLength={200}
          onChange={(e) => setV({ ...v, label_en: e.target.value })}
        />
        <SelectField
          label={t('policy.criteria.kindLabel')}
          value={v.kind}
          error={byField.kind}
          onChange={(e) => setV({ ...v, kind: e.target.value as CriterionKind })}
        >
          {CRITERION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`policy.criteria.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('policy.criteria.position')}
          inputMode="numeric"
          value={v.position}
          error={byField.position}
          onChange={(e) => setV({ ...v, position: e.target.value })}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('policy.criteria.add')}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
