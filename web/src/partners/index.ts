export { PartnersPage } from './PartnersPage';
export { NewPartnerPage, EditPartnerPage } from './PartnerFormPage';
export { PartnerPage } from './PartnerPage';
