// Everything that happened on the case, newest first.
import { useTranslation } from 'react-i18next';
import { getTimeline, TIMELINE_KINDS, type TimelineKind } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui';
import { useLoad } from '../widgets';
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
        {items.map((e) => (
          <li key={`${e.kind}-${e.id}-${e.at}`}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>{' '}
            <strong>{TIMELINE_KINDS.includes(e.kind) ? t(`timeline.kinds.${e.kind as TimelineKind}`) : e.kind}</strong>
            {e.summary && <> — {e.summary}</>}
          </li>
        ))}
      </ol>
    </>
  );
}
