// Referrals between members and the network directory, loaded on demand (see routes.tsx),
// with their own styles. The cards the case screens show (waiting referrals on the home, her
// exclusions, a case's linked referrals) are imported by those screens directly.
// The case screens' styles too: these screens share their tags, tables and forms.
import '../cases/cases.css';
import './referrals.css';

export { DirectoryPage } from './DirectoryPage';
export { DirectoryProfilePage } from './DirectoryProfilePage';
export { ReferPage } from './ReferPage';
export { ReferralsPage } from './ReferralsPage';
export { ReferralDetailPage } from './ReferralDetailPage';
