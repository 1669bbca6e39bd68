// Everything that happened on the case, newest first: what, in words; who did it; and a link to
// the section where the record is. Appointments and hearings are dated when they take place, so
// one still to come is at the top, marked as planned.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getTimeline, TIMELINE_KINDS, type TimelineKind } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui';
import { useLoad } from '../widgets';
import { timelineLabel, timelineSection } from './timelineWords';
import type { SectionProps } from '.';

export function TimelineSection({ c }: SectionProps) {
  const { t } = useTranslation();
  const timeline = useLoad(() => getTimeline(c.id), [c.id]);
  const items = timeline.data?.items ?? [];
  return (
    <>
      <ErrorAlert error={timeline.error} />
      {timeline.data && items.length === 0 && <p>{t('timeline.none')}</p>}
      <ol className="timeline">
        {items.map((e) => {
          const what = TIMELINE_KINDS.includes(e.kind)
            ? t(`timeline.kinds.${e.kind as TimelineKind}`)
            : e.kind;
          const label = timelineLabel(e, t);
          const section = timelineSection(e.kind);
          return (
            <li key={`${e.kind}-${e.id}-${e.at}`}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>{' '}
              {Date.parse(e.at) > Date.now() && (
                <span className="tag">{t('timeline.planned')}</span>
              )}{' '}
              {section ? (
                <Link to={`/cases/${encodeURIComponent(c.id)}/${section}`}>
                  <strong>{what}</strong>
                </Link>
              ) : (
                <strong>{what}</strong>
              )}
              {label && <> — {label}</>}
              {e.actor_name && (
                <span className="muted"> · {t('timeline.by', { name: e.actor_name })}</span>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
