// Shelter screens, loaded on first use.
export { ShelterPage } from './ShelterPage';
export { ExtensionsSection } from './ExtensionsSection';
