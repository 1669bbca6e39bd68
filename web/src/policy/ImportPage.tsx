// /policy/import (editors): a CSV list of local laws or of the Assembly's bills uploaded with its
// progress, then the server's report — rows accepted (new or updated), unchanged and refused,
// each refused row by its number with the reason in words and the server's detail.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  importPolicyCsv,
  MAX_IMPORT_BYTES,
  type ApiError,
  type ImportLayout,
  type ImportReport,
} from '../api';
import { useSubmission } from '../cases/forms';
import { ErrorAlert } from '../ui';
import { importSummary } from './model';
import { PolicyFrame } from './PolicyTabs';
import './policy.css';

export function ImportPage() {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const submit = useSubmission();
  const [progress, setProgress] = useState<number | null>(null);
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [layout, setLayout] = useState<ImportLayout>('ordinances');

  async function upload(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    const refuse = (text: string) =>
      setLocalError({ status: 400, code: 'invalid', message: text, fields: {} });
    setLocalError(null);
    if (!file) return refuse(t('policy.import.choose'));
    if (file.size > MAX_IMPORT_BYTES) return refuse(t('policy.import.tooLarge'));
    setReport(null);
    setProgress(0);
    const r = await submit.run(() => importPolicyCsv(file, layout, setProgress));
    setProgress(null);
    if (r) setReport(r);
  }

  return (
    <PolicyFrame title={t('policy.import.title')}>
      <p className="page-intro">{t('policy.import.intro')}</p>
      <form className="card" onSubmit={(e) => void upload(e)} noValidate>
        <ErrorAlert error={localError ?? submit.error} />
        <fieldset className="field">
          <legend>{t('policy.import.layout')}</legend>
          {(['ordinances', 'bills'] as const).map((l) => (
            <label key={l} className="choice">
              <input
                type="radio"
                name="layout"
                value={l}
                checked={layout === l}
                onChange={() => setLayout(l)}
              />{' '}
              {t(
                l === 'ordinances' ? 'policy.import.layoutOrdinances' : 'policy.import.layoutBills',
              )}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={inputId}>{t('policy.import.file')}</label>
          <input id={inputId} ref={input} type="file" accept=".csv,text/csv" />
        </div>
        {progress !== null && (
          <p role="status">
            <label>
              {progress < 1 ? t('policy.import.uploading') : t('policy.import.working')}{' '}
              <progress value={progress} max={1}>
                {Math.round(progress * 100)}%
              </progress>
            </label>
          </p>
        )}
        <button type="submit" disabled={submit.busy}>
          {t('policy.import.upload')}
        </button>
      </form>
      {report && <Report report={report} />}
    </PolicyFrame>
  );
}

function Report({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const s = importSummary(report);
  return (
    <section className="card" aria-labelledby="policy-report-title">
      <h2 id="policy-report-title">{t('policy.import.reportTitle')}</h2>
      <p role="status">
        {report.result === 'unchanged'
          ? t('policy.import.unchangedAll', { rows: report.rows })
          : t('policy.import.changed', { rows: report.rows })}
      </p>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-labelledby="policy-counts-caption"
      >
        <table className="policy-narrow policy-counts">
          <caption id="policy-counts-caption">{t('policy.import.countsCaption')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('policy.import.accepted')}</th>
              <td className="num">{t('policy.import.rowsUnit', { count: s.accepted })}</td>
              <td>
                {t('policy.import.created', { count: report.created })},{' '}
                {t('policy.import.updated', { count: report.updated })}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('policy.import.unchanged')}</th>
              <td className="num">{t('policy.import.rowsUnit', { count: s.unchanged })}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{t('policy.import.refused')}</th>
              <td className="num">{t('policy.import.rowsUnit', { count: s.refused.length })}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      {s.refused.length === 0 ? (
        <p>{t('policy.import.noneRefused')}</p>
      ) : (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-labelledby="policy-refused-caption"
        >
          <table className="policy-narrow policy-refused">
            <caption id="policy-refused-caption">{t('policy.import.refusedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('policy.import.row')}
                </th>
                <th scope="col">{t('policy.import.reason')}</th>
                <th scope="col">{t('policy.import.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {s.refused.map((r) => (
                <tr key={r.row}>
                  <th scope="row" className="num">
                    {r.row}
                  </th>
                  <td>{t(`policy.import.reasons.${r.reason}`)}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
