// A campaign's progress along its route as a small bar with its words ("3 / 8 곳 마침"): a
// native <progress>, so a screen reader reads the same numbers.
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../api';

export function ProgressBar({ progress }: { progress: Campaign['progress'] }) {
  const { t } = useTranslation();
  const words = t('campaigns.progressWords', {
    done: progress.stops_done,
    total: progress.stops_total,
  });
  return (
    <span className="campaign-progress">
      <progress
        value={progress.stops_done}
        max={Math.max(1, progress.stops_total)}
        aria-label={words}
      >
        {words}
      </progress>
      <span aria-hidden="true">{words}</span>
    </span>
  );
}
