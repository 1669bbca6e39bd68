// Shelter screens, loaded on first use.
export { ShelterPage } from './ShelterPage';
