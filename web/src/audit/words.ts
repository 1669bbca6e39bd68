// Audit actions in words: an action is "<what>.<verb>" (person.read, case.break_glass), so it is
// told as the thing and what was done to it. An action this version does not know yet is shown
// as recorded.
import type { TFunction } from 'i18next';

const THINGS = [
  'person',
  'case',
  'appointment',
  'assessment',
  'consent',
  'file',
  'goal',
  'hearing',
  'legal_matter',
  'note',
  'service',
  'help_request',
  'auth',
  'session',
  'user',
  'org',
  'audit',
  'supervision',
  'keys',
  'notification',
] as const;
const VERBS = [
  'read',
  'list',
  'search',
  'create',
  'update',
  'revoke',
  'erase',
  'break_glass',
  'login',
  'logout',
  'assign',
  'restrict',
  'close',
  'reopen',
  'disable',
  'enable',
  'unlock',
  'review',
  'waiting',
  'verify',
  'checkpoint',
  'checkpoints_export',
  'timeline',
  'cancel',
  'done',
  'acknowledge',
  'dispatch',
  'resolve',
  'escalate',
  'escalation_exhausted',
  'link',
  'police',
  'reauthenticate',
  'delete',
  'roles_change',
  'mfa_reset',
  'password_reset',
  'password_change',
  'totp_begin',
  'totp_confirm',
  'totp_enable',
  'manage',
  'rotate',
] as const;

function known<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function actionWords(action: string, t: TFunction): string {
  const dot = action.indexOf('.');
  const thing = action.slice(0, dot);
  const verb = action.slice(dot + 1);
  if (dot < 0 || !known(THINGS, thing) || !known(VERBS, verb)) return action;
  return t('audit.actionWords', {
    thing: t(`audit.things.${thing}`),
    verb: t(`audit.verbs.${verb}`),
  });
}

export function outcomeWords(outcome: string, t: TFunction): string {
  const OUTCOMES = [
    'ok',
    'denied',
    'failed',
    'not_found',
    'break_glass',
    'conflict',
    'broken',
    'locked',
  ] as const;
  return known(OUTCOMES, outcome) ? t(`audit.outcomes.${outcome}`) : outcome;
}
