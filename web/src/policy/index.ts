export { MapPage } from './MapPage';
export { ItemsPage } from './ItemsPage';
export { ItemPage } from './ItemPage';
export { ScorecardPage } from './ScorecardPage';
export { WorkPage } from './WorkPage';
export { ImportPage } from './ImportPage';
