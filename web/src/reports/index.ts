export { ReportsPage } from './ReportsPage';
export { ReportPage } from './ReportPage';
