// Needs assessment: a rating of 0 (no need) to 4 (crisis) per domain, with optional notes.
// The latest assessment is shown in full; a new one is recorded, never edited.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addAssessment,
  ASSESSMENT_DOMAINS,
  listAssessments,
  type AssessmentDomain,
} from '../../api';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert, SelectField, StatusMessage, TextAreaField } from '../../ui';
import { placeFieldErrors, useSubmission } from '../forms';
import { FormError, SubmitButton, useLoad } from '../widgets';
import type { SectionProps } from '.';

const RATINGS = [0, 1, 2, 3, 4] as const;
type Rating = (typeof RATINGS)[number];

export function AssessmentSection({ c }: SectionProps) {
  const { t } = useTranslation();
  const assessments = useLoad(() => listAssessments(c.id), [c.id]);
  const [ratings, setRatings] = useState<Partial<Record<AssessmentDomain, string>>>({});
  const [notes, setNotes] = useState<Partial<Record<AssessmentDomain, string>>>({});
  const [status, setStatus] = useState('');
  const { busy, error, run } = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r: Partial<Record<AssessmentDomain, number>> = {};
    const n: Partial<Record<AssessmentDomain, string>> = {};
    for (const d of ASSESSMENT_DOMAINS) {
      if (ratings[d]) r[d] = Number(ratings[d]);
      if (notes[d]?.trim()) n[d] = notes[d]!.trim();
    }
    const added = await run(() =>
      addAssessment(c.id, Object.keys(n).length ? { ratings: r, notes: n } : { ratings: r }),
    );
    if (!added) return;
    setRatings({});
    setNotes({});
    setStatus(t('assessment.added'));
    void assessments.reload();
  }

  const items = [...(assessments.data?.items ?? [])].sort((a, b) =>
    b.created_at.localeCompare(a.created_at),
  );
  const latest = items[0];
  const rating = (v: number | undefined) =>
    v === undefined ? '' : t(`assessment.scale.${v as Rating}`);
  const shown = ['ratings', ...ASSESSMENT_DOMAINS.flatMap((d) => [`ratings.${d}`, `notes.${d}`])];
  const { byField, elsewhere } = placeFieldErrors(error, shown);
  return (
    <>
      <StatusMessage text={status} />
      <ErrorAlert error={assessments.error} />
      {assessments.data && !latest && <p>{t('assessment.none')}</p>}
      {latest && (
        <div
          className="table-wrap"
          role="region"
          aria-label={t('assessment.latest', { at: formatDateTime(latest.created_at) })}
          tabIndex={0}
        >
          <table>
            <caption>{t('assessment.latest', { at: formatDateTime(latest.created_at) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.domain')}</th>
                <th scope="col">{t('assessment.rating')}</th>
                <th scope="col">{t('assessment.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {ASSESSMENT_DOMAINS.filter((d) => latest.ratings[d] !== undefined).map((d) => (
                <tr key={d}>
                  <th scope="row">{t(`assessment.domains.${d}`)}</th>
                  <td>
                    <span className={`need need-${latest.ratings[d]}`}>
                      {rating(latest.ratings[d])}
                    </span>
                  </td>
                  <td>{latest.notes?.[d] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length > 1 && (
        <p className="field-hint">{t('assessment.earlier', { count: items.length - 1 })}</p>
      )}
      <h3>{t('assessment.addTitle')}</h3>
      <p className="field-hint">{t('assessment.scaleHint')}</p>
      <form onSubmit={submit} noValidate>
        <FormError error={error} elsewhere={elsewhere} />
        {byField.ratings && <p className="field-error">{byField.ratings}</p>}
        {ASSESSMENT_DOMAINS.map((d) => (
          <fieldset key={d} className="assessment-domain">
            <legend>{t(`assessment.domains.${d}`)}</legend>
            <div className="form-grid">
              <SelectField
                label={t('assessment.rating')}
                value={ratings[d] ?? ''}
                onChange={(e) => setRatings({ ...ratings, [d]: e.target.value })}
                error={byField[`ratings.${d}`]}
              >
                <option value="">{t('assessment.notRated')}</option>
                {RATINGS.map((v) => (
                  <option key={v} value={String(v)}>
                    {t(`assessment.scale.${v}`)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                wide
                label={t('assessment.notes')}
                rows={2}
                value={notes[d] ?? ''}
                onChange={(e) => setNotes({ ...notes, [d]: e.target.value })}
                error={byField[`notes.${d}`]}
              />
            </div>
          </fieldset>
        ))}
        <div className="actions">
          <SubmitButton busy={busy}>{t('assessment.add')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
