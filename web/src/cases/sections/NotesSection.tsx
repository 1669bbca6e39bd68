// Case notes, oldest first. Notes are append-only: a correction is a new note that names the
// note it amends, and the amended note stays, marked as amended.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addNote, listNotes, type Note } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert, StatusMessage, TextAreaField } from '../../ui';
import { placeFieldErrors, useSubmission } from '../forms';
import { FormError, SubmitButton, useLoad } from '../widgets';
import type { SectionProps } from '.';

const noteAnchor = (id: string) => `note-${id}`;

export function NotesSection({ c, onCaseChanged }: SectionProps) {
  const { t } = useTranslation();
  const notes = useLoad(() => listNotes(c.id), [c.id]);
  const [text, setText] = useState('');
  const [amending, setAmending] = useState<Note | null>(null);
  const [status, setStatus] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const { busy, error, run } = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const added = await run(() => addNote(c.id, text.trim(), amending?.id));
    if (!added) return;
    setText('');
    setAmending(null);
    setStatus(amending ? t('notes.amended') : t('notes.added'));
    void notes.reload();
    onCaseChanged();
  }

  function amend(n: Note) {
    setAmending(n);
    setText(n.text);
    formRef.current?.querySelector('textarea')?.focus();
  }

  const items = notes.data?.items ?? [];
  const amendedBy = new Map(items.filter((n) => n.amends).map((n) => [n.amends!, n]));
  const { byField, elsewhere } = placeFieldErrors(error, ['text', 'amends']);
  return (
    <>
      <p className="field-hint">{t('notes.intro')}</p>
      <StatusMessage text={status} />
      <ErrorAlert error={notes.error} />
      {notes.data && items.length === 0 && <p>{t('notes.none')}</p>}
      <ol className="notes">
        {items.map((n) => {
          const newer = amendedBy.get(n.id);
          const older = n.amends ? items.find((o) => o.id === n.amends) : undefined;
          return (
            <li key={n.id} id={noteAnchor(n.id)} className={newer ? 'note note-amended' : 'note'}>
              <p className="note-meta">
                <strong>{n.author.display_name}</strong> · {formatDateTime(n.created_at)}
                {older && (
                  <>
                    {' '}
                    ·{' '}
                    <a href={`#${noteAnchor(older.id)}`}>
                      {t('notes.amends', { at: formatDateTime(older.created_at) })}
                    </a>
                  </>
                )}
                {newer && <span className="tag">{t('notes.amendedTag')}</span>}
              </p>
              <p className="prose">{n.text}</p>
              <button
                type="button"
                className="button-secondary button-small"
                onClick={() => amend(n)}
              >
                {t('notes.amend')}
                <span className="visually-hidden">
                  {' '}
                  {t('notes.amendWhich', { at: formatDateTime(n.created_at) })}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <h3>{amending ? t('notes.amendTitle') : t('notes.addTitle')}</h3>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError error={error} elsewhere={elsewhere} />
        {amending && (
          <p className="field-hint">
            {t('notes.amendingHint', { at: formatDateTime(amending.created_at) })}{' '}
            <button
              type="button"
              className="button-link"
              onClick={() => {
                setAmending(null);
                setText('');
              }}
            >
              {t('notes.stopAmending')}
            </button>
          </p>
        )}
        <TextAreaField
          wide
          label={t('notes.text')}
          name="text"
          required
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={byField.text ?? byField.amends}
        />
        <div className="actions">
          <SubmitButton busy={busy}>
            {amending ? t('notes.saveAmendment') : t('notes.add')}
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
