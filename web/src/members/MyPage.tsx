// Her page once signed in: her group's next meetings (time and place), the national gathering,
// the statements open for signing (sign or withdraw, asked first in words), and how she may be
// contacted. One read (GET /api/v1/survivors/me), large controls, a 390 px phone first.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Session } from '../api/types';
import {
  getMyPage,
  signStatement,
  updateMyContact,
  withdrawSignature,
  type MyPage as MyPageData,
} from '../api/survivors';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { bodyIn, contactChanges, koreaTime, titleIn, upcoming } from './model';
import { errorWords, Field } from './NotesApp';
import { fill, type NotesLanguage, type NotesStrings } from './strings';

type Statement = MyPageData['statements'][number];

export function MyPage({
  s,
  lang,
  onClose,
}: {
  s: NotesStrings;
  lang: NotesLanguage;
  session: Session;
  onClose: () => void;
}) {
  const [data, setData] = useState<MyPageData | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [asking, setAsking] = useState<{ statement: Statement; sign: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await getMyPage();
    if (r.ok) {
      setData(r.data);
      setError('');
    } else setError(errorWords(r.error, s));
  }, [s]);

  useEffect(() => {
    void load();
  }, [load]);

  async function answer() {
    if (!asking) return;
    setBusy(true);
    const r = asking.sign
      ? await signStatement(asking.statement.id)
      : await withdrawSignature(asking.statement.id);
    setBusy(false);
    setAsking(null);
    if (!r.ok) {
      setError(errorWords(r.error, s));
      return;
    }
    setError('');
    setDone(asking.sign ? fill(s.signedDone, { n: r.data.signatures }) : s.withdrawnDone);
    setData((d) =>
      d
        ? {
            ...d,
            statements: d.statements.map((x) =>
              x.id === r.data.id ? { ...x, signed: r.data.signed } : x,
            ),
          }
        : d,
    );
  }

  const meetings = data ? upcoming(data.meetings, new Date()) : [];

  return (
    <div className="notes-page">
      <div className="notes-hello">
        <h1>{data ? fill(s.hello, { alias: data.member.alias }) : s.title}</h1>
        <button type="button" className="notes-secondary" onClick={onClose}>
          {s.signOut}
        </button>
      </div>
      <p className="notes-muted">{s.helloIntro}</p>
      <div role="alert" className={error ? 'notes-error' : 'notes-empty'}>
        {error}
      </div>
      <div role="status" className={done ? 'notes-ok' : 'notes-empty'}>
        {done}
      </div>
      {!data && !error && (
        <p role="status" className="notes-muted">
          {s.loading}
        </p>
      )}
      {data && (
        <>
          <section className="notes-card" aria-labelledby="notes-meetings">
            <h2 id="notes-meetings">{s.meetingsTitle}</h2>
            {!data.group ? (
              <p>{s.noGroup}</p>
            ) : (
              <>
                <p className="notes-muted">{fill(s.meetingsOf, { group: data.group.name })}</p>
                {meetings.length === 0 ? (
                  <p>{s.noMeetings}</p>
                ) : (
                  <ol className="notes-meetings">
                    {meetings.map((m, i) => (
                      <li key={m.id} className={i === 0 ? 'notes-meeting-next' : undefined}>
                        {i === 0 && <p className="notes-tag">{s.next}</p>}
                        <dl>
                          <dt>{s.when}</dt>
                          <dd>{koreaTime(m.starts_at, lang)}</dd>
                          <dt>{s.where}</dt>
                          <dd>{m.place}</dd>
                          <dt>{s.topic}</dt>
                          <dd>{m.topic}</dd>
                        </dl>
                      </li>
                    ))}
                  </ol>
                )}
              </>
            )}
          </section>

          <section className="notes-card" aria-labelledby="notes-gathering">
            <h2 id="notes-gathering">{s.gatheringTitle}</h2>
            {data.gathering ? (
              <>
                <p className="notes-strong">{titleIn(data.gathering, lang)}</p>
                <dl>
                  <dt>{s.when}</dt>
                  <dd>{koreaTime(data.gathering.starts_at, lang)}</dd>
                  <dt>{s.where}</dt>
                  <dd>{data.gathering.venue}</dd>
                </dl>
              </>
            ) : (
              <p>{s.noGathering}</p>
            )}
          </section>

          <section className="notes-card" aria-labelledby="notes-statements">
            <h2 id="notes-statements">{s.statementsTitle}</h2>
            <p className="notes-muted">{s.statementsIntro}</p>
            {data.statements.length === 0 ? (
              <p>{s.noStatements}</p>
            ) : (
              <ul className="notes-statements">
                {data.statements.map((st) => (
                  <li key={st.id} aria-labelledby={`st-${st.id}`}>
                    <h3 id={`st-${st.id}`}>{titleIn(st, lang)}</h3>
                    <p className="notes-tags">
                      <span className={st.signed ? 'notes-tag notes-tag-on' : 'notes-tag'}>
                        {st.signed ? s.signedTag : s.notSignedTag}
                      </span>
                      {st.status === 'published' && (
                        <span className="notes-tag">{s.publishedTag}</span>
                      )}
                    </p>
                    <details>
                      <summary>{s.readBody}</summary>
                      {bodyIn(st, lang)
                        .split(/\n{2,}/)
                        .map((para, i) => (
                          <p key={i}>{para}</p>
                        ))}
                    </details>
                    <button
                      type="button"
                      className={st.signed ? 'notes-secondary' : 'notes-primary'}
                      aria-label={`${st.signed ? s.withdraw : s.sign}: ${titleIn(st, lang)}`}
                      onClick={() => {
                        setDone('');
                        setAsking({ statement: st, sign: !st.signed });
                      }}
                    >
                      {st.signed ? s.withdraw : s.sign}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <ContactForm s={s} data={data} onSaved={(c) => setData({ ...data, contact: c })} />
        </>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking?.sign ? s.signConfirmTitle : s.withdrawConfirmTitle}
        confirmLabel={asking?.sign ? s.sign : s.withdraw}
        cancelLabel={s.cancel}
        busy={busy}
        onConfirm={() => void answer()}
        onClose={() => setAsking(null)}
      >
        <p>
          {asking &&
            fill(asking.sign ? s.signConfirm : s.withdrawConfirm, {
              title: titleIn(asking.statement, lang),
            })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

function ContactForm({
  s,
  data,
  onSaved,
}: {
  s: NotesStrings;
  data: MyPageData;
  onSaved: (c: MyPageData['contact']) => void;
}) {
  const [contact, setContact] = useState(data.contact.contact ?? '');
  const [safe, setSafe] = useState(data.contact.safe_contact ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const changes = contactChanges(data.contact, { contact, safe_contact: safe });
    if (!changes) {
      setSaved(s.saved);
      return;
    }
    setBusy(true);
    const r = await updateMyContact(changes);
    setBusy(false);
    if (!r.ok) {
      setError(errorWords(r.error, s));
      return;
    }
    setError('');
    setSaved(s.saved);
    onSaved(r.data);
  }

  return (
    <section className="notes-card" aria-labelledby="notes-contact">
      <h2 id="notes-contact">{s.contactTitle}</h2>
      <p className="notes-muted">{s.contactIntro}</p>
      <form onSubmit={submit} aria-busy={busy}>
        <Field label={s.contact} id="notes-contact-value" hint={s.contactHint}>
          <input
            id="notes-contact-value"
            aria-describedby="notes-contact-value-hint"
            autoComplete="off"
            maxLength={200}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
          />
        </Field>
        <Field label={s.safeContact} id="notes-safe-contact" hint={s.safeContactHint}>
          <textarea
            id="notes-safe-contact"
            aria-describedby="notes-safe-contact-hint"
            rows={3}
            maxLength={1000}
            value={safe}
            onChange={(e) => setSafe(e.target.value)}
          />
        </Field>
        <div role="alert" className={error ? 'notes-error' : 'notes-empty'}>
          {error}
        </div>
        <div role="status" className={saved ? 'notes-ok' : 'notes-empty'}>
          {saved}
        </div>
        <div className="notes-actions">
          <button type="submit" className="notes-primary" disabled={busy}>
            {busy ? s.saving : s.save}
          </button>
        </div>
      </form>
    </section>
  );
}
