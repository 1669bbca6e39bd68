// A referral's status in words, with a colour that only adds to them.
import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '../api';

export function StatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return <span className={`tag referral-${status}`}>{t(`referrals.statuses.${status}`)}</span>;
}
