// The signed-in session for the whole app: who the user is, their CSRF token (kept by the API
// module), whether they must still enrol TOTP, and whether this installation is a demo.
// Restored after a reload from GET /api/v1/me; lost when any request answers 401.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  getInstance,
  getMe,
  onSessionLost,
  signOut as apiSignOut,
  type OrgKind,
  type Role,
  type Session,
} from '../api';
import { changeLanguage, languageForUser } from '../i18n';

export type SignedOutReason = 'idle' | 'signedOut' | undefined;

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason: SignedOutReason }
  | { status: 'signedIn'; session: Session };

interface SessionApi {
  state: SessionState;
  demo: boolean;
  // After POST /api/v1/session succeeded.
  establish: (session: Session) => Promise<void>;
  // After POST /api/v1/me/totp/confirm: the session now has full access.
  markEnrolled: () => void;
  // After POST /api/v1/me/password replaced a one-time password.
  markPasswordChanged: () => void;
  signOut: (reason?: SignedOutReason) => Promise<void>;
}

const Ctx = createContext<SessionApi | null>(null);

// Whether this device had a session when it was last used. Not a secret and not trusted: it
// only decides whether the first screen waits for GET /api/v1/me (maybe signed in) or shows the
// sign-in form at once while /me runs in the background (most likely signed out).
const HINT_KEY = 'dandelion.maybeSignedIn';
function hint(value?: boolean): boolean {
  try {
    if (value === true) localStorage.setItem(HINT_KEY, '1');
    else if (value === false) localStorage.removeItem(HINT_KEY);
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() =>
    hint() ? { status: 'loading' } : { status: 'signedOut', reason: undefined },
  );
  const [instanceDemo, setInstanceDemo] = useState(false);

  const applyUserLanguage = useCallback(async (s: Session) => {
    await changeLanguage(languageForUser(s.user.id, s.user.language));
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [me, instance] = await Promise.all([getMe(), getInstance()]);
      if (cancelled) return;
      if (instance.ok) setInstanceDemo(Boolean(instance.data?.demo));
      if (me.ok && me.data?.user) {
        hint(true);
        await applyUserLanguage(me.data);
        setState({ status: 'signedIn', session: me.data });
      } else {
        hint(false);
        setState((s) => (s.status === 'loading' ? { status: 'signedOut', reason: undefined } : s));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [applyUserLanguage]);

  useEffect(
    () =>
      onSessionLost(() => {
        hint(false);
        setState((s) => (s.status === 'signedIn' ? { status: 'signedOut', reason: 'idle' } : s));
      }),
    [],
  );

  const establish = useCallback(
    async (session: Session) => {
      hint(true);
      await applyUserLanguage(session);
      setState({ status: 'signedIn', session });
    },
    [applyUserLanguage],
  );

  const markEnrolled = useCallback(() => {
    setState((s) =>
      s.status === 'signedIn'
        ? {
            status: 'signedIn',
            session: {
              ...s.session,
              mfa_enrollment_required: false,
              user: { ...s.session.user, totp_enabled: true },
            },
          }
        : s,
    );
  }, []);

  const markPasswordChanged = useCallback(() => {
    setState((s) =>
      s.status === 'signedIn'
        ? {
            status: 'signedIn',
            session: {
              ...s.session,
              password_change_required: false,
              user: { ...s.session.user, password_change_required: false },
            },
          }
        : s,
    );
  }, []);

  const signOut = useCallback(async (reason: SignedOutReason = 'signedOut') => {
    hint(false);
    await apiSignOut();
    setState({ status: 'signedOut', reason });
  }, []);

  const demo = instanceDemo || (state.status === 'signedIn' && Boolean(state.session.demo));

  const value = useMemo(
    () => ({ state, demo, establish, markEnrolled, markPasswordChanged, signOut }),
    [state, demo, establish, markEnrolled, markPasswordChanged, signOut],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

// The signed-in user's roles, or none: for parts that may also be drawn outside the provider.
export function useRolesIfSignedIn(): readonly Role[] {
  const v = useContext(Ctx);
  return v?.state.status === 'signedIn' ? v.state.session.user.roles : NO_ROLES;
}
const NO_ROLES: readonly Role[] = [];

// The signed-in user's organization kind (null while signed out or without one).
export function useOrgKindIfSignedIn(): OrgKind | null {
  const v = useContext(Ctx);
  return v?.state.status === 'signedIn' ? (v.state.session.organization?.kind ?? null) : null;
}

// The session of a screen that is only rendered when signed in.
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedIn while not signed in');
  return state.session;
}
