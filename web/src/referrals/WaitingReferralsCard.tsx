// On the caseload home: referrals waiting on someone — incoming ones this organization must
// answer, and outgoing ones still awaiting the receiver's answer.
import './referrals.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listReferrals } from '../api';
import { ErrorAlert } from '../ui';
import { useLoad } from '../cases/widgets';
import { ReferralTable } from './ReferralsPage';

export function WaitingReferralsCard() {
  const { t } = useTranslation();
  const incoming = useLoad(() => listReferrals({ direction: 'incoming', status: 'sent' }), []);
  const outgoing = useLoad(() => listReferrals({ direction: 'outgoing', status: 'sent' }), []);
  const inItems = incoming.data?.items ?? [];
  const outItems = outgoing.data?.items ?? [];
  const loaded = incoming.data && outgoing.data;
  return (
    <section className="card" aria-labelledby="waiting-referrals">
      <h2 id="waiting-referrals">{t('referrals.homeTitle')}</h2>
      <ErrorAlert error={incoming.error ?? outgoing.error} />
      {!loaded && !incoming.error && !outgoing.error && <p role="status">{t('app.loading')}</p>}
      {loaded && inItems.length === 0 && outItems.length === 0 && <p>{t('referrals.homeNone')}</p>}
      {inItems.length > 0 && (
        <>
          <h3>
            <Link to="/referrals?tab=incoming&status=sent">
              {t('referrals.homeIncoming', { count: inItems.length })}
            </Link>
          </h3>
          <ReferralTable
            items={inItems}
            direction="incoming"
            caption={t('referrals.homeIncoming', { count: inItems.length })}
          />
        </>
      )}
      {outItems.length > 0 && (
        <>
          <h3>
            <Link to="/referrals?tab=outgoing&status=sent">
              {t('referrals.homeOutgoing', { count: outItems.length })}
            </Link>
          </h3>
          <ReferralTable
            items={outItems}
            direction="outgoing"
            caption={t('referrals.homeOutgoing', { count: outItems.length })}
          />
        </>
      )}
      <p>
        <Link to="/referrals">{t('referrals.homeAll')}</Link>
      </p>
    </section>
  );
}
