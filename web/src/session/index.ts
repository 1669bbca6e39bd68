// The session feature: state, guards and the idle-timeout warning.
export {
  SessionProvider,
  useSession,
  useSignedIn,
  useRolesIfSignedIn,
  useOrgKindIfSignedIn,
  type SessionState,
} from './SessionContext';
export { IdleWarning } from './IdleWarning';
