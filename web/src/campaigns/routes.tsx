// The routes of the campaign and partner screens, for App.tsx to place inside the signed-in
// layout. Everyone signed in reads (campaign.read, partner.read); the forms for new records are
// for the roles holding campaign.write / partner.write, and each page shows its editing controls
// only where the server says the record may be edited. Loaded on first use.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { ROLES, type Role } from '../api';
import { CaseRole } from '../cases/routes';
import { CAMPAIGN_WRITERS } from './model';

const screens = () => import('.');
const CampaignsPage = lazy(() => screens().then((m) => ({ default: m.CampaignsPage })));
const NewCampaignPage = lazy(() => screens().then((m) => ({ default: m.NewCampaignPage })));
const EditCampaignPage = lazy(() => screens().then((m) => ({ default: m.EditCampaignPage })));
const CampaignPage = lazy(() => screens().then((m) => ({ default: m.CampaignPage })));
const partners = () => import('../partners');
const PartnersPage = lazy(() => partners().then((m) => ({ default: m.PartnersPage })));
const NewPartnerPage = lazy(() => partners().then((m) => ({ default: m.NewPartnerPage })));
const EditPartnerPage = lazy(() => partners().then((m) => ({ default: m.EditPartnerPage })));
const PartnerPage = lazy(() => partners().then((m) => ({ default: m.PartnerPage })));

export function campaignRoutes() {
  const routes: [string, ReactNode, readonly Role[]][] = [
    ['campaigns', <CampaignsPage />, ROLES],
    ['campaigns/new', <NewCampaignPage />, CAMPAIGN_WRITERS],
    ['campaigns/:campaignId', <CampaignPage />, ROLES],
    ['campaigns/:campaignId/edit', <EditCampaignPage />, CAMPAIGN_WRITERS],
    ['partners', <PartnersPage />, ROLES],
    ['partners/new', <NewPartnerPage />, CAMPAIGN_WRITERS],
    ['partners/:partnerId', <PartnerPage />, ROLES],
    ['partners/:partnerId/edit', <EditPartnerPage />, CAMPAIGN_WRITERS],
  ];
  return routes.map(([path, page, roles]) => (
    <Route key={path} path={path} element={<CaseRole roles={roles}>{page}</CaseRole>} />
  ));
}
