// The emergency rescue module of the staff app: the dispatch board (lazy-loaded by App.tsx).
export { EmergencyBoard } from './EmergencyBoard';
// Coverage and on-call, for org admins and dispatchers.
export { CoveragePage } from './CoveragePage';
