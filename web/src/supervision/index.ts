// Supervision screens, loaded on first use.
export { SupervisionPage } from './SupervisionPage';
