// A member's own page, safe on a shared or watched phone (docs/web-survivors.md): the tab says
// "메모 / Notes" with a plain icon, quick exit is always at the top (and Escape three times), the
// session lasts as long as the tab (tabSession.ts), and nothing is stored on the phone but this
// tab's marker. No router: the address stays /notes and the page adds no history entry, so
// after quick exit nothing of it is one "Back" away.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { onSessionLost, setApiLanguage, type ApiError } from '../api/client';
import { changePassword, getMe, signIn, signOut } from '../api/session';
import type { Session } from '../api/types';
import { listenForEscapes, quickExit } from '../help/quickExit';
import { onLoad } from './model';
import { MyPage } from './MyPage';
import { fill, NOTES_STRINGS, type NotesLanguage, type NotesStrings } from './strings';
import {
  clearTabMarker,
  hasTabMarker,
  listenForLeaving,
  setTabMarker,
  signOutAsTheTabGoes,
} from './tabSession';

type Phase =
  | { name: 'starting' }
  | { name: 'signedOut'; notice?: keyof NotesStrings }
  | { name: 'newPassphrase'; session: Session }
  | { name: 'signedIn'; session: Session };

export function leaveNow(): void {
  signOutAsTheTabGoes();
  clearTabMarker();
  quickExit(document);
}

const LANG_KEY = 'notes.lang';
function savedLanguage(): NotesLanguage {
  try {
    return sessionStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

export function NotesApp() {
  const [lang, setLang] = useState<NotesLanguage>(savedLanguage);
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const s = NOTES_STRINGS[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = NOTES_STRINGS[lang].title;
    setApiLanguage(lang);
    try {
      sessionStorage.setItem(LANG_KEY, lang);
    } catch {
      // the choice lasts for this page only
    }
  }, [lang]);

  useEffect(() => listenForEscapes(document, leaveNow), []);

  const signedOut = useCallback((notice?: keyof NotesStrings) => {
    clearTabMarker();
    setPhase({ name: 'signedOut', notice });
  }, []);

  useEffect(
    () =>
      listenForLeaving(() => {
        setPhase((p) => (p.name === 'signedOut' ? p : { name: 'signedOut' }));
      }),
    [],
  );
  useEffect(() => onSessionLost(() => signedOut('ended')), [signedOut]);

  // First: a new tab signs out any session the browser still holds; a reload may go on.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const me = await getMe();
      if (cancelled) return;
      if (!me.ok) {
        signedOut();
        return;
      }
      if (onLoad(hasTabMarker()) === 'signOutFirst' || !isMember(me.data)) {
        await signOut();
        if (!cancelled) signedOut();
        return;
      }
      setPhase(nextPhase(me.data));
    })();
    return () => {
      cancelled = true;
    };
  }, [signedOut]);

  async function close() {
    await signOut();
    signedOut('signedOut');
  }

  return (
    <div className="notes">
      <header className="notes-bar">
        <span className="notes-name" aria-hidden="true">
          {s.title}
        </span>
        <div className="notes-bar-actions">
          <button
            type="button"
            className="notes-lang"
            lang={lang === 'ko' ? 'en' : 'ko'}
            aria-label={s.otherLangLabel}
            onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}
          >
            {s.otherLang}
          </button>
          <button
            type="button"
            className="notes-exit"
            aria-describedby="notes-exit-hint"
            onClick={leaveNow}
          >
            {s.quickExit}
          </button>
        </div>
        <p id="notes-exit-hint" className="notes-exit-hint">
          {s.quickExitHint}
        </p>
      </header>
      <main className="notes-main">
        {phase.name === 'starting' && (
          <p role="status" className="notes-muted">
            {s.loading}
          </p>
        )}
        {phase.name === 'signedOut' && (
          <SignIn
            s={s}
            notice={phase.notice ? s[phase.notice] : ''}
            onSignedIn={(session) => {
              setTabMarker();
              setPhase(nextPhase(session));
            }}
          />
        )}
        {phase.name === 'newPassphrase' && (
          <NewPassphrase
            s={s}
            onDone={() =>
              setPhase({
                name: 'signedIn',
                session: { ...phase.session, password_change_required: false },
              })
            }
          />
        )}
        {phase.name === 'signedIn' && (
          <MyPage s={s} lang={lang} session={phase.session} onClose={close} />
        )}
      </main>
    </div>
  );
}

function isMember(session: Session): boolean {
  return session.user.roles.includes('survivor_member');
}

function nextPhase(session: Session): Phase {
  if (session.password_change_required) return { name: 'newPassphrase', session };
  return { name: 'signedIn', session };
}

export function errorWords(error: ApiError, s: NotesStrings): string {
  if (error.code === 'network') return s.network;
  if (error.message) return error.message;
  return s.failed;
}

function SignIn({
  s,
  notice,
  onSignedIn,
}: {
  s: NotesStrings;
  notice: string;
  onSignedIn: (session: Session) => void;
}) {
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    const r = await signIn({
      username: username.trim(),
      password: passphrase,
      ...(step === 'code' ? { totp: code.replace(/\s/g, '') } : {}),
    });
    setBusy(false);
    if (r.ok) {
      if (!isMember(r.data)) {
        await signOut();
        setPassphrase('');
        setStep('password');
        setError(s.notMember);
        return;
      }
      if (r.data.mfa_enrollment_required) {
        await signOut();
        setError(s.enrolNeeded);
        return;
      }
      setPassphrase('');
      setCode('');
      onSignedIn(r.data);
      return;
    }
    if (r.error.code === 'mfa_required' && step === 'password') {
      setStep('code');
      return;
    }
    if (r.error.status === 429) setError(s.locked);
    else if (r.error.status === 401 && step === 'code') setError(s.wrongCode);
    else if (r.error.status === 401) setError(s.wrong);
    else setError(errorWords(r.error, s));
    if (step === 'code') setCode('');
    else setPassphrase('');
  }

  return (
    <section className="notes-card notes-sign-in" aria-labelledby="notes-sign-in-title">
      <h1 id="notes-sign-in-title">{step === 'password' ? s.signInTitle : s.codeTitle}</h1>
      <div role="status" className={notice && !error ? 'notes-ok' : 'notes-empty'}>
        {error ? '' : notice}
      </div>
      <div role="alert" className={error ? 'notes-error' : 'notes-empty'}>
        {error}
      </div>
      <form onSubmit={submit} aria-busy={busy}>
        {step === 'password' ? (
          <>
            <p>{s.signInIntro}</p>
            <Field label={s.username} id="notes-username">
              <input
                id="notes-username"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </Field>
            <Field label={s.passphrase} id="notes-passphrase">
              <input
                id="notes-passphrase"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </Field>
          </>
        ) : (
          <>
            <p>{s.codeIntro}</p>
            <Field label={s.code} id="notes-code">
              <input
                id="notes-code"
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]{6,7}"
                maxLength={7}
                required
                // The code field takes the passphrase's place: focus follows the step.
                // eslint-disable-next-line jsx-a11y/no-autofocus -- focus follows the step
                autoFocus
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </Field>
          </>
        )}
        <div className="notes-actions">
          <button type="submit" className="notes-primary" disabled={busy}>
            {busy ? s.signingIn : step === 'password' ? s.signIn : s.codeSubmit}
          </button>
          {step === 'code' && (
            <button
              type="button"
              className="notes-secondary"
              onClick={() => {
                setStep('password');
                setCode('');
                setPassphrase('');
                setError('');
              }}
            >
              {s.back}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function NewPassphrase({ s, onDone }: { s: NotesStrings; onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== again) {
      setError(s.newPassMismatch);
      return;
    }
    setBusy(true);
    setError('');
    const r = await changePassword({ current_password: current, new_password: next });
    setBusy(false);
    if (!r.ok) {
      setError(errorWords(r.error, s));
      return;
    }
    setCurrent('');
    setNext('');
    setAgain('');
    onDone();
  }

  return (
    <section className="notes-card" aria-labelledby="notes-new-pass-title">
      <h1 id="notes-new-pass-title">{s.newPassTitle}</h1>
      <p>{s.newPassIntro}</p>
      <div role="alert" className={error ? 'notes-error' : 'notes-empty'}>
        {error}
      </div>
      <form onSubmit={submit} aria-busy={busy}>
        <Field label={s.currentPass} id="notes-current">
          <input
            id="notes-current"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field label={s.newPass} id="notes-next">
          <input
            id="notes-next"
            type="password"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </Field>
        <Field label={s.newPassAgain} id="notes-again">
          <input
            id="notes-again"
            type="password"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </Field>
        <div className="notes-actions">
          <button type="submit" className="notes-primary" disabled={busy}>
            {s.newPassSave}
          </button>
        </div>
      </form>
    </section>
  );
}

export function Field({
  label,
  id,
  hint,
  children,
}: {
  label: string;
  id: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="notes-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="notes-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children}
    </div>
  );
}

export { fill };
