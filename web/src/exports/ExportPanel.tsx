// "Download this table": a file of what is on the screen, as Excel (XLSX), PDF or CSV. The
// server makes it in the background — it asks for the password (and code) first, as every
// export does — and the bar shows how far it is; the link appears when the file is ready and
// stays for 24 hours. Suppressed cells stay "<k" in every format.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createExport,
  EXPORT_FORMATS,
  exportFileUrl,
  type ApiError,
  type ExportFormat,
  type ExportRequest,
} from '../api';
import { formatBytes } from '../cases/sections/FilesSection';
import { useReauthRetry } from '../session/ReauthDialog';
import { ErrorAlert } from '../ui';
import { useExportJob } from './useExportJob';
import './exports.css';

export function ExportPanel({ request }: { request: Omit<ExportRequest, 'format'> }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useExportJob(jobId);
  const reauth = useReauthRetry();
  const running = jobId !== null && job?.status !== 'done' && job?.status !== 'failed';

  async function make() {
    setBusy(true);
    setError(null);
    setJobId(null);
    await reauth.guard(
      () => createExport({ ...request, format }),
      (r) => {
        if (r.ok) setJobId(r.data.id);
        else setError(r.error);
      },
    );
    setBusy(false);
  }

  // The server names steps and errors by message key ("exports.step.writing",
  // "exports.font_missing"); the screen has its own words for each.
  const stepText = (step: string | undefined) => {
    const key = `exports.step.${(step ?? '').replace(/^exports\.step\./, '')}`;
    return i18n.exists(key) ? t(key as 'exports.step.queued') : t('exports.working');
  };
  const errorKey = (error: string | undefined) => {
    const key = `exports.error.${(error ?? '').replace(/^exports\./, '')}`;
    return (i18n.exists(key) ? key : 'exports.error.internal') as 'exports.error.internal';
  };
  return (
    <section className="card export-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('exports.title')}</h2>
      <p className="muted">{t('exports.intro')}</p>
      <fieldset className="export-formats">
        <legend>{t('exports.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f}>
            <input
              type="radio"
              name={`${titleId}-format`}
              value={f}
              checked={format === f}
              onChange={() => setFormat(f)}
            />{' '}
            {t(`exports.formats.${f}`)}
          </label>
        ))}
      </fieldset>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="button" disabled={busy || running} onClick={() => void make()}>
          {t('exports.make')}
        </button>
      </div>
      {jobId && (
        <div className="export-job" role="status" aria-live="polite">
          {job?.status === 'done' ? (
            <p>
              <a href={exportFileUrl(jobId)} download={job.file_name}>
                {t('exports.download', { name: job.file_name ?? '' })}
              </a>{' '}
              {job.size !== undefined && <span className="muted">({formatBytes(job.size)})</span>}
              <br />
              <span className="muted">{t('exports.kept')}</span>
            </p>
          ) : job?.status === 'failed' ? (
            <p className="export-failed">{t(errorKey(job.error))}</p>
          ) : (
            <label>
              {stepText(job?.step ?? job?.status)}{' '}
              <progress value={job?.progress ?? 0} max={100}>
                {job?.progress ?? 0}%
              </progress>{' '}
              <span>{job?.progress ?? 0}%</span>
            </label>
          )}
        </div>
      )}
      {reauth.dialog}
    </section>
  );
}
