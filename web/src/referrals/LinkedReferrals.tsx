// On a case page: the referrals this case is linked through, each with the other side's name
// and the status in words (never the other side's case). The list API has no case filter, so
// the organization's newest referrals (up to 500) are read and those naming this case kept.
import './referrals.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listRecentReferrals } from '../api';
import { useLoad } from '../cases/widgets';
import { otherSide } from './names';

export function LinkedReferrals({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const referrals = useLoad(() => listRecentReferrals(), [caseId]);
  const linked = (referrals.data?.items ?? []).filter((r) => r.case?.id === caseId);
  if (linked.length === 0) return null;
  return (
    <div className="linked-referrals" role="note" aria-labelledby="linked-referrals">
      <strong id="linked-referrals">{t('referrals.linkedTitle')}</strong>
      <ul>
        {linked.map((r) => (
          <li key={r.id}>
            <Link to={`/referrals/${encodeURIComponent(r.id)}`}>
              {t('referrals.linkedItem', {
                direction: t(`referrals.${r.direction}`),
                other: otherSide(r, t),
                status: t(`referrals.statuses.${r.status}`),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
