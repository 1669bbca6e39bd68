// /campaigns: the campaigns the user sees (her organization's; the secretariat's staff see the
// network's), newest start first: status, period, progress along the route, and whether each is
// on the public site. Those who may write get the "new campaign" link.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listCampaigns } from '../api';
import { useLoad } from '../cases/widgets';
import { ErrorAlert } from '../ui';
import { ProgressBar } from './ProgressBar';
import { campaignPeriod, campaignTitle, useMayWrite } from './words';
import './campaigns.css';

export function CampaignsPage() {
  const { t } = useTranslation();
  const mayWrite = useMayWrite();
  const campaigns = useLoad(() => listCampaigns(), []);
  const items = campaigns.data?.items ?? [];
  return (
    <div className="page campaigns">
      <div className="page-head">
        <h1>{t('campaigns.title')}</h1>
        {mayWrite && (
          <Link className="campaign-link-button" to="/campaigns/new">
            {t('campaigns.new')}
          </Link>
        )}
      </div>
      <p className="page-intro">{t('campaigns.intro')}</p>
      <ErrorAlert error={campaigns.error} />
      {campaigns.data && items.length === 0 && <p>{t('campaigns.none')}</p>}
      {items.length > 0 && (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('campaigns.listLabel')}
        >
          <table className="campaigns-table">
            <caption className="visually-hidden">{t('campaigns.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.campaign')}</th>
                <th scope="col">{t('campaigns.period')}</th>
                <th scope="col">{t('campaigns.statusLabel')}</th>
                <th scope="col">{t('campaigns.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{campaignTitle(c)}</Link>
                    <span className="muted campaign-org">{c.organizer.name}</span>
                  </th>
                  <td>{campaignPeriod(c)}</td>
                  <td>
                    {t(`campaigns.status.${c.status}`)}
                    <span className={`campaign-flag ${c.published ? 'campaign-flag-on' : ''}`}>
                      {c.published ? t('campaigns.published') : t('campaigns.unpublished')}
                    </span>
                  </td>
                  <td>
                    <ProgressBar progress={c.progress} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
