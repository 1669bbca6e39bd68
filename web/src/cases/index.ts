// Survivor case management screens: the caseload home, people, cases with their records, and
// the appointments calendar. Loaded on demand (see routes.tsx), with their own styles.
import './cases.css';

export { CaseloadPage } from './CaseloadPage';
export { PeoplePage } from './PeoplePage';
export { RegisterPersonPage } from './RegisterPersonPage';
export { PersonPage } from './PersonPage';
export { OpenCasePage } from './OpenCasePage';
export { CasePage } from './CasePage';
export { CalendarPage } from './CalendarPage';
