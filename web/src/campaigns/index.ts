export { CampaignsPage } from './CampaignsPage';
export { NewCampaignPage, EditCampaignPage } from './CampaignFormPage';
export { CampaignPage } from './CampaignPage';
