// An item's documents: links and files, each opened or downloaded from the list; editors add a
// link, upload a file with its progress shown (type and size checked before sending), or
// remove one.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDocumentLink,
  documentFileUrl,
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  removeDocument,
  uploadDocument,
  type ApiError,
  type PolicyItemDetail,
} from '../api';
import { formatBytes } from '../cases/sections/FilesSection';
import { placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { ErrorAlert, TextField } from '../ui';
import type { Done } from './ItemPage';

export function DocumentsSection({
  item,
  canEdit,
  onDone,
}: {
  item: PolicyItemDetail;
  canEdit: boolean;
  onDone: (what: Done) => void;
}) {
  const { t } = useTranslation();
  const remove = useSubmission();
  async function drop(id: string) {
    const r = await remove.run(async () => {
      const res = await removeDocument(id);
      return res.ok ? { ok: true as const, data: true } : res;
    });
    if (r) onDone('removed');
  }
  return (
    <section className="card" aria-labelledby="policy-docs-title">
      <h2 id="policy-docs-title">{t('policy.documents.title')}</h2>
      <ErrorAlert error={remove.error} />
      {item.documents.length === 0 && <p>{t('policy.documents.none')}</p>}
      <ul className="policy-list">
        {item.documents.map((d) => (
          <li key={d.id}>
            {d.url ? (
              <a href={d.url} rel="noreferrer noopener" target="_blank">
                {d.title}
              </a>
            ) : d.file ? (
              <a
                href={documentFileUrl(d.id)}
                download={d.file.name}
                aria-label={t('policy.documents.download', { title: d.title, name: d.file.name })}
              >
                {d.title}
              </a>
            ) : (
              d.title
            )}{' '}
            <span className="muted">
              {d.url
                ? t('policy.documents.link')
                : d.file
                  ? `${d.file.name} · ${formatBytes(d.file.size)}`
                  : ''}
              {' · '}
              {formatDate(d.created_at)}
            </span>{' '}
            {canEdit && (
              <button
                type="button"
                className="button-secondary button-small"
                disabled={remove.busy}
                aria-label={t('policy.documents.removeNamed', { title: d.title })}
                onClick={() => void drop(d.id)}
              >
                {t('policy.documents.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <div className="policy-doc-forms">
          <LinkForm itemId={item.id} onDone={() => onDone('document')} />
          <FileForm itemId={item.id} onDone={() => onDone('document')} />
        </div>
      )}
    </section>
  );
}

function LinkForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const { byField, elsewhere } = placeFieldErrors(submit.error, ['title', 'url']);
  async function send(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      addDocumentLink(itemId, { title: title.trim(), url: url.trim() }),
    );
    if (r) {
      setTitle('');
      setUrl('');
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="policy-link-title">
      <h3 id="policy-link-title">{t('policy.documents.linkTitle')}</h3>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <TextField
        label={t('policy.documents.docTitle')}
        value={title}
        error={byField.title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        label={t('policy.documents.url')}
        type="url"
        value={url}
        error={byField.url}
        maxLength={2000}
        onChange={(e) => setUrl(e.target.value)}
      />
      <SubmitButton busy={submit.busy}>{t('policy.documents.addLink')}</SubmitButton>
    </form>
  );
}

function FileForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const submit = useSubmission();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [localError, setLocalError] = useState<ApiError | null>(null);
  async function upload(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    const refuse = (text: string) =>
      setLocalError({ status: 400, code: 'invalid', message: text, fields: {} });
    setLocalError(null);
    if (!file) return refuse(t('policy.documents.choose'));
    if (file.size > MAX_DOCUMENT_BYTES) return refuse(t('policy.documents.tooLarge'));
    const type = file.type || (file.name.toLowerCase().endsWith('.hwp') ? 'application/x-hwp' : '');
    if (!DOCUMENT_TYPES.includes(type)) return refuse(t('policy.documents.badType'));
    const typed = type === file.type ? file : new File([file], file.name, { type });
    setProgress(0);
    const r = await submit.run(() =>
      uploadDocument(itemId, title.trim() || file.name, typed, setProgress),
    );
    setProgress(null);
    if (r) {
      if (input.current) input.current.value = '';
      setTitle('');
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void upload(e)} noValidate aria-labelledby="policy-file-title">
      <h3 id="policy-file-title">{t('policy.documents.fileTitle')}</h3>
      <ErrorAlert error={localError ?? submit.error} />
      <TextField
        label={t('policy.documents.docTitle')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="field">
        <label htmlFor={inputId}>{t('policy.documents.file')}</label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept={[...DOCUMENT_TYPES, '.hwp'].join(',')}
        />
      </div>
      {progress !== null && (
        <p>
          <label>
            {t('policy.documents.uploading')}{' '}
            <progress value={progress} max={1}>
              {Math.round(progress * 100)}%
            </progress>
          </label>
        </p>
      )}
      <SubmitButton busy={submit.busy}>{t('policy.documents.upload')}</SubmitButton>
    </form>
  );
}
