// Small pieces the program screens and her page share: a program's status and facts, an
// enrollment's attendance and whether she meets the pass rate, and the organization's kind.
import { useTranslation } from 'react-i18next';
import type { Enrollment, Program, ProgramStatus } from '../api';
import { formatDate } from '../i18n/format';
import { useOrgKindIfSignedIn } from '../session';
import { formatRate, passState } from './schedule';

export const useOrgKind = useOrgKindIfSignedIn;

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge program-status program-${status}`}>
      {t(`program.status.${status}`)}
    </span>
  );
}

export function ProgramFacts({ p }: { p: Program }) {
  const { t } = useTranslation();
  return (
    <p className="program-facts">
      <span>{t(`program.kind.${p.kind}`)}</span>
      <span>
        {p.provider === 'partner' && p.provider_name
          ? t('program.partnerIs', { name: p.provider_name })
          : t(`program.provider.${p.provider}`)}
      </span>
      <span>
        {p.ends_on
          ? t('program.dates', { from: formatDate(p.starts_on), to: formatDate(p.ends_on) })
          : t('program.datesOpen', { from: formatDate(p.starts_on) })}
      </span>
    </p>
  );
}

// "출석 5 / 6회 (83%) · 수료 기준 충족 중", or that nothing was taken for her yet. `passRate`:
// the program's, where known (not on her page).
export function AttendanceLine({ e, passRate }: { e: Enrollment; passRate?: number | null }) {
  const { t } = useTranslation();
  const state = passState(e, passRate);
  const pass = state && state !== 'pending' && (
    <>
      {' · '}
      <span
        className={state === 'passed' || state === 'onTrack' ? 'program-passed' : 'program-not-yet'}
      >
        {t(`program.pass.${state}`)}
      </span>
    </>
  );
  if (e.attendance.sessions === 0)
    return (
      <p>
        <span className="muted">{t('program.noAttendance')}</span>
        {pass}
      </p>
    );
  return (
    <p>
      {t('program.attendance', {
        present: e.attendance.present,
        sessions: e.attendance.sessions,
        rate: formatRate(e.attendance.rate),
      })}
      {pass}
    </p>
  );
}
