// The trainees of a course: enrol one (name and contact, both sealed on the server), each one's
// completion as the server derives it, her contact on request (an audited read), and her
// certificate — issued only to one who passed (the server's refusal shown in words), its PDF
// downloaded, revoked after asking.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  certificatePdfUrl,
  enrollTrainee,
  getEnrollment,
  issueCertificate,
  revokeCertificate,
  type ApiError,
  type CourseDetail,
  type Trainee,
} from '../api';
import { placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { ConfirmDialog, ErrorAlert, StatusMessage, TextField } from '../ui';
import { certificateState } from './model';
import { moduleTitle } from './words';

export function TraineesSection({
  course,
  trainees,
  onDone,
}: {
  course: CourseDetail;
  trainees: Trainee[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const action = useSubmission();
  const [said, setSaid] = useState('');
  const [revoking, setRevoking] = useState<Trainee | null>(null);
  const [contacts, setContacts] = useState<Record<string, string>>({});
  const moduleNames = (ids: readonly string[]) =>
    ids
      .map((id) => course.modules.find((m) => m.id === id))
      .map((m, i) => (m ? moduleTitle(m) : ids[i]))
      .join(', ');

  // The server's 409 in words: what she attended against what the rule needs, and the modules.
  // (The server answers the code `conflict` with these refs; docs/api-training.md names it
  // `training.not_passed`: either is read.)
  function explain(e: ApiError): ApiError {
    if (e.status !== 409 || (e.code !== 'training.not_passed' && !e.refs?.needed)) return e;
    const present = e.refs?.present?.[0] ?? '0';
    const needed = e.refs?.needed?.[0] ?? '?';
    const missing = e.refs?.missing_modules ?? [];
    const text = [
      t('training.cert.notPassed', { present, needed }),
      missing.length ? t('training.cert.missing', { modules: moduleNames(missing) }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    return { ...e, message: text };
  }

  async function issue(e: Trainee) {
    const r = await action.run(() => issueCertificate(course.id, e.id));
    if (r) {
      setSaid(t('training.cert.issued', { name: e.name, code: r.code }));
      onDone();
    }
  }
  async function revoke() {
    if (!revoking) return;
    const e = revoking;
    const r = await action.run(() => revokeCertificate(course.id, e.id));
    setRevoking(null);
    if (r) {
      setSaid(t('training.cert.revokedSaid', { name: e.name }));
      onDone();
    }
  }
  async function showContact(e: Trainee) {
    const r = await action.run(() => getEnrollment(course.id, e.id));
    if (r) setContacts((c) => ({ ...c, [e.id]: r.contact ?? '' }));
  }

  return (
    <section className="card" aria-labelledby="trainees-title">
      <h2 id="trainees-title">{t('training.trainees.title')}</h2>
      <StatusMessage text={said} />
      <ErrorAlert error={action.error ? explain(action.error) : null} />
      {trainees.length === 0 && <p>{t('training.trainees.none')}</p>}
      <ul className="plain-list trainee-list" aria-label={t('training.trainees.listLabel')}>
        {trainees.map((e) => {
          const c = e.completion;
          const state = certificateState(e);
          return (
            <li key={e.id}>
              <h3 className="trainee-line">{e.name}</h3>
              <p className="trainee-line">
                {t('training.trainees.attended', {
                  present: c.present,
                  needed: c.needed,
                  sessions: c.sessions,
                })}
                {(c.excused > 0 || c.absent > 0) && (
                  <span className="muted">
                    {' '}
                    {t('training.trainees.otherMarks', { excused: c.excused, absent: c.absent })}
                  </span>
                )}
              </p>
              <p className="trainee-line">
                {c.passed ? (
                  <span className="trainee-passed">{t('training.trainees.passed')}</span>
                ) : (
                  <span>{t('training.trainees.notPassed')}</span>
                )}
                {c.missing_modules.length > 0 && (
                  <span className="muted">
                    {' '}
                    {t('training.cert.missing', { modules: moduleNames(c.missing_modules) })}
                  </span>
                )}
              </p>
              {e.certificate && (
                <p className="trainee-line">
                  {state === 'revoked'
                    ? t('training.cert.revokedOn', {
                        date: formatDate(e.certificate.revoked_at!),
                      })
                    : t('training.cert.issuedOn', {
                        date: formatDate(e.certificate.issued_on),
                      })}{' '}
                  <span className="trainee-code">{e.certificate.code}</span>
                </p>
              )}
              {contacts[e.id] !== undefined && (
                <p className="trainee-line">
                  {t('training.trainees.contact')}:{' '}
                  {contacts[e.id] || t('training.trainees.noContact')}
                </p>
              )}
              <div className="route-controls">
                {state === 'none' && (
                  <button
                    type="button"
                    className="button-small"
                    disabled={action.busy}
                    aria-label={t('training.cert.issueNamed', { name: e.name })}
                    onClick={() => void issue(e)}
                  >
                    {t('training.cert.issue')}
                  </button>
                )}
                {state === 'issued' && (
                  <>
                    <a
                      className="link-button-small"
                      href={certificatePdfUrl(course.id, e.id)}
                      download={`certificate-${e.certificate!.code}.pdf`}
                      aria-label={t('training.cert.downloadNamed', { name: e.name })}
                    >
                      {t('training.cert.download')}
                    </a>
                    <button
                      type="button"
                      className="button-secondary button-small"
                      disabled={action.busy}
                      aria-label={t('training.cert.revokeNamed', { name: e.name })}
                      onClick={() => setRevoking(e)}
                    >
                      {t('training.cert.revoke')}
                    </button>
                  </>
                )}
                {contacts[e.id] === undefined && (
                  <button
                    type="button"
                    className="button-secondary button-small"
                    disabled={action.busy}
                    aria-label={t('training.trainees.showContactNamed', { name: e.name })}
                    onClick={() => void showContact(e)}
                  >
                    {t('training.trainees.showContact')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <EnrollForm courseId={course.id} onDone={onDone} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('training.cert.revokeTitle')}
        confirmLabel={t('training.cert.revokeConfirm')}
        cancelLabel={t('campaigns.cancel')}
        busy={action.busy}
        onConfirm={() => void revoke()}
        onClose={() => setRevoking(null)}
      >
        <p>{revoking && t('training.cert.revokeText', { name: revoking.name })}</p>
      </ConfirmDialog>
    </section>
  );
}

function EnrollForm({ courseId, onDone }: { courseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, ['name', 'contact']);
  async function send(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setLocal({ name: t('campaigns.form.required') });
    setLocal({});
    const r = await submit.run(() =>
      enrollTrainee(courseId, {
        name: name.trim(),
        ...(contact.trim() ? { contact: contact.trim() } : {}),
      }),
    );
    if (r) {
      setName('');
      setContact('');
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="enrollTrainee-title">
      <h3 id="enrollTrainee-title">{t('training.trainees.enrollTitle')}</h3>
      <p className="muted">{t('training.trainees.sealed')}</p>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <TextField
          label={t('training.trainees.name')}
          value={name}
          maxLength={200}
          error={local.name ?? byField.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('training.trainees.contact')}
          hint={t('training.trainees.contactHint')}
          value={contact}
          maxLength={300}
          error={byField.contact}
          onChange={(e) => setContact(e.target.value)}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('training.trainees.enroll')}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
