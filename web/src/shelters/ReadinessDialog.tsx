// Her exit-readiness checklist in the one modal dialog: where each item stands, changed one item
// at a time. The server keeps every answer; the latest is what shows here.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getStay,
  recordReadiness,
  READINESS_STATUSES,
  type ReadinessAnswer,
  type ReadinessStatus,
  type Stay,
} from '../api';
import { useSubmission } from '../cases/forms';
import { SubmitButton, useLoad } from '../cases/widgets';
import { formatDateTime } from '../i18n/format';
import { Dialog, ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';

function ReadinessRow({
  stayId,
  answer,
  onSaved,
}: {
  stayId: string;
  answer: ReadinessAnswer;
  onSaved: (a: ReadinessAnswer) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [status, setStatus] = useState<ReadinessStatus>(answer.status);
  const [note, setNote] = useState('');
  const item = t(`shelter.readinessItem.${answer.item}`);
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await submit.run(() =>
      recordReadiness(stayId, answer.item, {
        status,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
    if (saved) onSaved(saved);
  }
  return (
    <li className="readiness-item">
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={item}>
        <h3>{item}</h3>
        <p className="muted">
          {answer.recorded_at
            ? t('shelter.readinessLast', {
                status: t(`shelter.readinessStatus.${answer.status}`),
                date: formatDateTime(answer.recorded_at),
              })
            : t('shelter.readinessNever')}
        </p>
        {answer.note && <p>{answer.note}</p>}
        <ErrorAlert error={submit.error} />
        <div className="readiness-fields">
          <SelectField
            label={t('shelter.readinessStatusOf', { item })}
            value={status}
            onChange={(e) => setStatus(e.target.value as ReadinessStatus)}
            error={fields.status}
          >
            {READINESS_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`shelter.readinessStatus.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('shelter.readinessNoteOf', { item })}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            error={fields.note}
          />
          <SubmitButton busy={submit.busy}>
            {t('shelter.readinessSave')}
            <span className="visually-hidden"> {item}</span>
          </SubmitButton>
        </div>
      </form>
    </li>
  );
}

export function ReadinessDialog({
  stay,
  onClose,
}: {
  stay: Stay;
  // Closing tells the page to read its lists again (the progress it shows has changed).
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const page = useLoad(() => getStay(stay.id), [stay.id]);
  const [saved, setSaved] = useState<ReadinessAnswer | null>(null);
  const alias = stay.person.alias ?? stay.person.code;
  return (
    <Dialog open title={t('shelter.readinessFor', { alias })} onClose={onClose}>
      <p>{t('shelter.readinessIntro')}</p>
      <ErrorAlert error={page.error} />
      <StatusMessage
        text={
          saved
            ? t('shelter.readinessSaved', {
                item: t(`shelter.readinessItem.${saved.item}`),
                status: t(`shelter.readinessStatus.${saved.status}`),
              })
            : ''
        }
      />
      <ul className="readiness-list">
        {(page.data?.readiness ?? []).map((a) => (
          // A new answer remounts its row, so the form starts again from what was recorded.
          <ReadinessRow
            key={`${a.item}-${a.recorded_at ?? ''}`}
            stayId={stay.id}
            answer={a}
            onSaved={(answer) => {
              setSaved(answer);
              void page.reload();
            }}
          />
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('shelter.close')}
        </button>
      </div>
    </Dialog>
  );
}
