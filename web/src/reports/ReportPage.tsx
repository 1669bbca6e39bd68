// /reports/:reportId: one report as the form it mirrors — a table per section, each figure with
// its unit, a note beside any figure that needs one. A draft can be filled again from the
// records, annotated and marked reviewed; the org admin files it (password confirmed first),
// which freezes and signs it. A filed report never changes: when the records changed since,
// it says which figures and offers a correction, a new draft that replaces it once filed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  annotateReport,
  correctReport,
  fileReport,
  getReport,
  refreshReport,
  reviewReport,
  signedReportUrl,
  type Report,
} from '../api';
import { useSubmission } from '../cases/forms';
import { useLoad } from '../cases/widgets';
import { formatDateTime } from '../i18n/format';
import { useSignedIn } from '../session';
import { useReauthRetry } from '../session/ReauthDialog';
import { ConfirmDialog, ErrorAlert, StatusMessage, TextAreaField } from '../ui';
import { pick, useFigure, usePeriodText } from './words';
import './reports.css';

type Done = 'refreshed' | 'annotated' | 'reviewed' | 'filed';

export function ReportPage() {
  const { t } = useTranslation();
  const { reportId = '' } = useParams();
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const report = useLoad(() => getReport(reportId), [reportId]);
  const periodText = usePeriodText();
  const submit = useSubmission();
  const reauth = useReauthRetry();
  const [done, setDone] = useState<Done | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notes, setNotes] = useState<Record<string, string> | null>(null);
  const r = report.data;
  if (!r)
    return (
      <div className="page reports">
        <ErrorAlert error={report.error} />
      </div>
    );
  const draft = r.status === 'draft' || r.status === 'reviewed';
  const reviewed = r.status === 'reviewed' || !!r.reviewed_at;
  const isAdmin = user.roles.includes('org_admin');
  const mayReview = isAdmin || user.roles.includes('supervisor');
  const editing = notes !== null;

  async function act(call: () => Promise<unknown>, what: Done) {
    const ok = await call();
    if (ok) {
      setDone(what);
      void report.reload();
    }
  }
  const refresh = () => act(() => submit.run(() => refreshReport(r.id)), 'refreshed');
  const review = () => act(() => submit.run(() => reviewReport(r.id)), 'reviewed');
  const saveNotes = () =>
    act(async () => {
      const ok = await submit.run(() => annotateReport(r.id, notes ?? {}));
      if (ok) setNotes(null);
      return ok;
    }, 'annotated');
  const file = async () => {
    setConfirming(false);
    await reauth.guard(
      () => fileReport(r.id),
      (res) => {
        if (res.ok) {
          setDone('filed');
          void report.reload();
        } else void submit.run(() => Promise.resolve(res));
      },
    );
  };
  const correct = async () => {
    const c = await submit.run(() => correctReport(r.id));
    if (c) void navigate(`/reports/${encodeURIComponent(c.id)}`);
  };

  return (
    <div className="page reports">
      <p>
        <Link to="/reports">{t('reports.back')}</Link>
      </p>
      <h1>{t('reports.itemTitle', { period: periodText(r.period) })}</h1>
      <p>
        <span className={`report-status report-status-${r.status}`}>
          {t(`reports.status.${r.status}`)}
        </span>{' '}
        <span className="muted">
          {t(`reports.template.${r.template}`)}
          {r.filed_at && ` · ${t('reports.filedAt', { at: formatDateTime(r.filed_at) })}`}
          {r.corrects && ` · ${t('reports.isCorrection')}`}
        </span>
      </p>
      <StatusMessage text={done ? t(`reports.done.${done}`) : ''} />
      <ErrorAlert error={submit.error} />
      {r.changed_since_filed && (
        <div className="report-changed" role="note">
          <p>
            <strong>{t('reports.changed.title')}</strong> {t('reports.changed.intro')}
          </p>
          <ChangeList report={r} />
          {isAdmin && r.status === 'filed' && (
            <button type="button" disabled={submit.busy} onClick={() => void correct()}>
              {t('reports.correct')}
            </button>
          )}
        </div>
      )}
      {r.sections.map((s) => (
        <Section
          key={s.key}
          report={r}
          sectionKey={s.key}
          notes={notes}
          onNote={(key, text) => setNotes({ ...(notes ?? r.annotations), [key]: text })}
        />
      ))}
      <div className="actions report-actions">
        {draft && !editing && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => setNotes({ ...r.annotations })}
          >
            {t('reports.annotate')}
          </button>
        )}
        {editing && (
          <>
            <button type="button" disabled={submit.busy} onClick={() => void saveNotes()}>
              {t('reports.saveNotes')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setNotes(null)}>
              {t('reports.cancel')}
            </button>
          </>
        )}
        {draft && !editing && (
          <button
            type="button"
            className="button-secondary"
            disabled={submit.busy}
            onClick={() => void refresh()}
          >
            {t('reports.refresh')}
          </button>
        )}
        {draft && !editing && mayReview && !reviewed && (
          <button type="button" disabled={submit.busy} onClick={() => void review()}>
            {t('reports.review')}
          </button>
        )}
        {draft && !editing && isAdmin && reviewed && (
          <button type="button" disabled={submit.busy} onClick={() => setConfirming(true)}>
            {t('reports.file')}
          </button>
        )}
        {(r.status === 'filed' || r.status === 'superseded') && (
          <a className="button button-secondary" href={signedReportUrl(r.id)} download>
            {t('reports.signed')}
          </a>
        )}
      </div>
      {draft && !reviewed && isAdmin && <p className="muted">{t('reports.reviewFirst')}</p>}
      <ConfirmDialog
        open={confirming}
        title={t('reports.fileConfirm.title', { period: periodText(r.period) })}
        confirmLabel={t('reports.file')}
        cancelLabel={t('reports.cancel')}
        onConfirm={() => void file()}
        onClose={() => setConfirming(false)}
      >
        <p>{t('reports.fileConfirm.text')}</p>
      </ConfirmDialog>
      {reauth.dialog}
    </div>
  );
}

function ChangeList({ report }: { report: Report }) {
  const { t } = useTranslation();
  const figure = useFigure();
  const rows = new Map(report.sections.flatMap((s) => s.rows.map((row) => [row.key, row])));
  return (
    <ul>
      {(report.changes ?? []).map((c) => {
        const row = rows.get(c.key);
        return (
          <li key={c.key}>
            {t('reports.changed.row', {
              label: row ? pick(row.label) : c.key,
              filed: figure(c.filed, row?.unit ?? ''),
              now: figure(c.now, row?.unit ?? ''),
            })}
          </li>
        );
      })}
    </ul>
  );
}

function Section({
  report,
  sectionKey,
  notes,
  onNote,
}: {
  report: Report;
  sectionKey: string;
  notes: Record<string, string> | null;
  onNote: (rowKey: string, text: string) => void;
}) {
  const { t } = useTranslation();
  const figure = useFigure();
  const s = report.sections.find((x) => x.key === sectionKey)!;
  const changed = new Set((report.changes ?? []).map((c) => c.key));
  const captionId = `report-section-${s.key}`;
  return (
    <section className="card">
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="report-table">
          <caption id={captionId}>{pick(s.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.item')}</th>
              <th scope="col">{t('reports.value')}</th>
              <th scope="col">{t('reports.note')}</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((row) => (
              <tr key={row.key} className={changed.has(row.key) ? 'report-row-changed' : undefined}>
                <th scope="row">{pick(row.label)}</th>
                <td>{figure(row.value, row.unit)}</td>
                <td>
                  {notes ? (
                    <TextAreaField
                      label={t('reports.noteFor', { label: pick(row.label) })}
                      rows={2}
                      maxLength={2000}
                      value={notes[row.key] ?? ''}
                      onChange={(e) => onNote(row.key, e.target.value)}
                    />
                  ) : (
                    (report.annotations[row.key] ?? '')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
