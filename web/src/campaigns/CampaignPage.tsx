// /campaigns/:campaignId: one campaign — its status, period, themes, goal and summary, progress,
// a link to its page on the public site once published, then the route, linked events,
// materials and press coverage. Editing controls appear only where the server says the user may
// edit (`can_edit`).
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { getCampaign, listDirectory, listPartners, type ApiResult } from '../api';
import { useLoad } from '../cases/widgets';
import { currentLanguage } from '../i18n';
import { formatDate } from '../i18n/format';
import { ErrorAlert, StatusMessage } from '../ui';
import { pick } from './model';
import { ProgressBar } from './ProgressBar';
import { RouteSection } from './RouteSection';
import { EventsSection, MaterialsSection, PressSection } from './Sections';
import type { HostChoices } from './StopForm';
import { campaignPeriod, campaignTitle } from './words';
import './campaigns.css';

async function loadHosts(): Promise<ApiResult<HostChoices>> {
  const [members, partners] = await Promise.all([listDirectory(), listPartners()]);
  const lang = currentLanguage();
  return {
    ok: true,
    data: {
      members: members.ok ? members.data.items.map((m) => ({ id: m.org_id, name: m.name })) : [],
      partners: partners.ok
        ? partners.data.items.map((p) => ({ id: p.id, name: pick(lang, p.name_ko, p.name_en) }))
        : [],
    },
  };
}

export function CampaignPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const location = useLocation();
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  const loaded = useLoad(() => getCampaign(campaignId), [campaignId]);
  const c = loaded.data;
  const canEdit = c?.can_edit ?? false;
  const hosts = useLoad(
    () =>
      canEdit
        ? loadHosts()
        : Promise.resolve({ ok: true as const, data: { members: [], partners: [] } }),
    [canEdit],
  );
  const lang = currentLanguage();

  return (
    <div className="page campaigns">
      <p>
        <Link to="/campaigns">{t('campaigns.back')}</Link>
      </p>
      <ErrorAlert error={loaded.error} />
      {c && (
        <>
          <div className="page-head">
            <h1>{campaignTitle(c)}</h1>
            <div className="actions">
              {c.published && (
                <a
                  className="campaign-link-button campaign-link-secondary"
                  href={`/campaigns/${encodeURIComponent(c.id)}`}
                >
                  {t('campaigns.publicLink')}
                </a>
              )}
              {c.can_edit && (
                <Link
                  className="campaign-link-button"
                  to={`/campaigns/${encodeURIComponent(c.id)}/edit`}
                >
                  {t('campaigns.edit')}
                </Link>
              )}
            </div>
          </div>
          <StatusMessage text={saved ? t('campaigns.saved') : ''} />
          <section className="card" aria-labelledby="campaign-about">
            <h2 id="campaign-about">{t('campaigns.about')}</h2>
            <dl className="campaign-facts">
              <dt>{t('campaigns.statusLabel')}</dt>
              <dd>
                {t(`campaigns.status.${c.status}`)}
                <span className={`campaign-flag ${c.published ? 'campaign-flag-on' : ''}`}>
                  {c.published ? t('campaigns.published') : t('campaigns.unpublished')}
                </span>
              </dd>
              <dt>{t('campaigns.period')}</dt>
              <dd>{campaignPeriod(c)}</dd>
              <dt>{t('campaigns.organizer')}</dt>
              <dd>{c.organizer.name}</dd>
              <dt>{t('campaigns.progress')}</dt>
              <dd>
                <ProgressBar progress={c.progress} />
                {c.progress.next_stop_on && (
                  <span className="muted">
                    {' '}
                    {t('campaigns.nextStop', { date: formatDate(c.progress.next_stop_on) })}
                  </span>
                )}
              </dd>
              {c.themes.length > 0 && (
                <>
                  <dt>{t('campaigns.form.themes')}</dt>
                  <dd>{c.themes.map((th) => t(`campaigns.theme.${th}`)).join(', ')}</dd>
                </>
              )}
              {pick(lang, c.goal_ko, c.goal_en) && (
                <>
                  <dt>{t('campaigns.goal')}</dt>
                  <dd className="campaign-text">{pick(lang, c.goal_ko, c.goal_en)}</dd>
                </>
              )}
            </dl>
            {pick(lang, c.summary_ko, c.summary_en) && (
              <p className="campaign-text">{pick(lang, c.summary_ko, c.summary_en)}</p>
            )}
          </section>
          <RouteSection
            campaign={c}
            hosts={hosts.data ?? { members: [], partners: [] }}
            onChange={loaded.setData}
          />
          <EventsSection campaign={c} onChange={loaded.setData} />
          <MaterialsSection campaign={c} onReload={() => void loaded.reload()} />
          <PressSection campaign={c} onReload={() => void loaded.reload()} />
        </>
      )}
    </div>
  );
}
