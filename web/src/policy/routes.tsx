// The routes of the policy monitor, for App.tsx to place inside the signed-in layout: the map,
// the items and one item, the scorecard, the work and the import. Everyone signed in reads;
// the screens hide editing controls from all but advocates and the network admin, and the
// import screen is theirs alone. Loaded on first use.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { ROLES } from '../api';
import { CaseRole } from '../cases/routes';
import { EDITOR_ROLES } from './model';

const screens = () => import('.');
const MapPage = lazy(() => screens().then((m) => ({ default: m.MapPage })));
const ItemsPage = lazy(() => screens().then((m) => ({ default: m.ItemsPage })));
const ItemPage = lazy(() => screens().then((m) => ({ default: m.ItemPage })));
const ScorecardPage = lazy(() => screens().then((m) => ({ default: m.ScorecardPage })));
const WorkPage = lazy(() => screens().then((m) => ({ default: m.WorkPage })));
const ImportPage = lazy(() => screens().then((m) => ({ default: m.ImportPage })));

export function policyRoutes() {
  const routes: [string, ReactNode, readonly (typeof ROLES)[number][]][] = [
    ['policy', <MapPage />, ROLES],
    ['policy/items', <ItemsPage />, ROLES],
    ['policy/items/:itemId', <ItemPage />, ROLES],
    ['policy/scorecard', <ScorecardPage />, ROLES],
    ['policy/work', <WorkPage />, ROLES],
    ['policy/import', <ImportPage />, EDITOR_ROLES],
  ];
  return routes.map(([path, page, roles]) => (
    <Route key={path} path={path} element={<CaseRole roles={roles}>{page}</CaseRole>} />
  ));
}
