// Self-reliance program screens, loaded on first use.
export { ProgramsPage } from './ProgramsPage';
export { ProgramPage } from './ProgramPage';
export { AttendancePage } from './AttendancePage';
