// The receipts of one ledger entry (a photo or PDF of what the money paid for): listed with a
// download link each, and added with the upload's progress by those who may (finance, org admin,
// case worker). Opened from the entry, so her ledger is not a wall of files.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listReceipts,
  MAX_FILE_BYTES,
  receiptUrl,
  RECEIPT_TYPES,
  uploadReceipt,
  type ApiError,
} from '../api';
import { formatBytes } from '../cases/sections/FilesSection';
import { useSubmission } from '../cases/forms';
import { useLoad } from '../cases/widgets';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert } from '../ui';

export function Receipts({ entryId, canAttach }: { entryId: string; canAttach: boolean }) {
  const { t } = useTranslation();
  const inputId = useId();
  const receipts = useLoad(() => listReceipts(entryId), [entryId]);
  const submit = useSubmission();
  const [progress, setProgress] = useState<number | null>(null);
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const items = receipts.data?.items ?? [];
  async function upload(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    const refuse = (text: string) =>
      setLocalError({ status: 400, code: 'invalid', message: text, fields: {} });
    setLocalError(null);
    if (!file) return refuse(t('fund.receipt.choose'));
    if (file.size > MAX_FILE_BYTES) return refuse(t('files.tooLarge'));
    if (!RECEIPT_TYPES.includes(file.type)) return refuse(t('fund.receipt.type'));
    setProgress(0);
    const r = await submit.run(() => uploadReceipt(entryId, file, setProgress));
    setProgress(null);
    if (r) {
      if (input.current) input.current.value = '';
      void receipts.reload();
    }
  }
  return (
    <div className="funds-receipts">
      <ErrorAlert error={receipts.error} />
      {receipts.data && items.length === 0 && <p className="muted">{t('fund.receipt.none')}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((r) => (
            <li key={r.id}>
              <a href={receiptUrl(r.id)} download={r.file_name}>
                {r.file_name}
              </a>{' '}
              <span className="muted">
                {formatBytes(r.size)} · {formatDateTime(r.uploaded_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <form onSubmit={(e) => void upload(e)} noValidate>
          <ErrorAlert error={localError ?? submit.error} />
          <div className="field">
            <label htmlFor={inputId}>{t('fund.receipt.file')}</label>
            <span className="field-hint" id={`${inputId}-hint`}>
              {t('fund.receipt.hint')}
            </span>
            <input
              id={inputId}
              ref={input}
              type="file"
              accept={RECEIPT_TYPES.join(',')}
              aria-describedby={`${inputId}-hint`}
            />
          </div>
          {progress !== null && (
            <p>
              <label>
                {t('fund.receipt.uploading')}{' '}
                <progress value={progress} max={1}>
                  {Math.round(progress * 100)}%
                </progress>
              </label>
            </p>
          )}
          <button type="submit" className="button-small" disabled={submit.busy}>
            {t('fund.receipt.upload')}
          </button>
        </form>
      )}
    </div>
  );
}
