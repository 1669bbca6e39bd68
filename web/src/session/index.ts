// The session feature: state, guards and the idle-timeout warning.
export { SessionProvider, useSession, useSignedIn, type SessionState } from './SessionContext';
export { IdleWarning } from './IdleWarning';
