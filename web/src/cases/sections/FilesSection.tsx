// Files on the case (scans of consent forms, medical letters…): the list with download links,
// and an upload that shows its progress. The server encrypts them; 10 MiB at most.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FILE_KINDS,
  fileUrl,
  listFiles,
  MAX_FILE_BYTES,
  uploadFile,
  type ApiError,
  type FileKind,
} from '../../api';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert, SelectField, StatusMessage } from '../../ui';
import { placeFieldErrors, useSubmission } from '../forms';
import { FormError, SubmitButton, useLoad } from '../widgets';
import type { SectionProps } from '.';

// "2.4 MB", "312 KB", "800 B"
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

export function FilesSection({ c }: SectionProps) {
  const { t } = useTranslation();
  const files = useLoad(() => listFiles(c.id), [c.id]);
  const [kind, setKind] = useState<FileKind | ''>('');
  const [progress, setProgress] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    const missing: Record<string, string> = {};
    if (!kind) missing.kind = t('errors.required');
    if (!file) missing.file = t('files.chooseFile');
    else if (file.size > MAX_FILE_BYTES) missing.file = t('files.tooLarge');
    if (Object.keys(missing).length) {
      setLocalError({ status: 400, code: 'invalid', message: t('files.check'), fields: missing });
      return;
    }
    setLocalError(null);
    setProgress(0);
    const uploaded = await run(() => uploadFile(c.id, kind as FileKind, file!, setProgress));
    setProgress(null);
    if (!uploaded) return;
    if (input.current) input.current.value = '';
    setStatus(t('files.uploaded', { name: uploaded.name }));
    void files.reload();
  }

  const shownError = localError ?? error;
  const { byField, elsewhere } = placeFieldErrors(shownError, ['kind', 'name', 'file']);
  const items = files.data?.items ?? [];
  return (
    <>
      <StatusMessage text={status} />
      <ErrorAlert error={files.error} />
      {files.data && items.length === 0 && <p>{t('files.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" role="region" aria-label={t('files.caption')} tabIndex={0}>
          <table>
            <caption>{t('files.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('files.name')}</th>
                <th scope="col">{t('files.kind')}</th>
                <th scope="col">{t('files.size')}</th>
                <th scope="col">{t('files.uploadedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    <a href={fileUrl(f.id)} download={f.name}>
                      {f.name}
                    </a>
                  </th>
                  <td>{t(`files.kinds.${f.kind}`)}</td>
                  <td>{formatBytes(f.size)}</td>
                  <td>{formatDateTime(f.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('files.uploadTitle')}</h3>
      <form onSubmit={submit} className="form-grid" noValidate>
        <FormError error={shownError} elsewhere={elsewhere} />
        <SelectField
          label={t('files.kind')}
          name="kind"
          required
          value={kind}
          onChange={(e) => setKind(e.target.value as FileKind)}
          error={byField.kind}
        >
          <option value="">{t('cases.choose')}</option>
          {FILE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`files.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <div className={byField.file || byField.name ? 'field field-invalid' : 'field'}>
          <label htmlFor="case-file-input">{t('files.file')}</label>
          <input
            id="case-file-input"
            ref={input}
            type="file"
            aria-invalid={byField.file || byField.name ? true : undefined}
            aria-describedby={
              byField.file || byField.name ? 'case-file-hint case-file-error' : 'case-file-hint'
            }
          />
          <span className="field-hint" id="case-file-hint">
            {t('files.hint')}
          </span>
          {(byField.file || byField.name) && (
            <span className="field-error" id="case-file-error">
              {byField.file ?? byField.name}
            </span>
          )}
        </div>
        {progress !== null && (
          <div className="field field-wide">
            <label htmlFor="case-file-progress">
              {t('files.progress', { percent: Math.round(progress * 100) })}
            </label>
            <progress id="case-file-progress" max={100} value={Math.round(progress * 100)} />
          </div>
        )}
        <div className="actions">
          <SubmitButton busy={busy}>{t('files.upload')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
