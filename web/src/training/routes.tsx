// The routes of the activist training screens, for App.tsx to place inside the signed-in
// layout: the organizing organization's advocates and admins (training.read and training.write
// are held by the same roles; another organization's course answers 404). Loaded on first use.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { CaseRole } from '../cases/routes';
import { TRAINING_ROLES } from './model';

const screens = () => import('.');
const CoursesPage = lazy(() => screens().then((m) => ({ default: m.CoursesPage })));
const NewCoursePage = lazy(() => screens().then((m) => ({ default: m.NewCoursePage })));
const EditCoursePage = lazy(() => screens().then((m) => ({ default: m.EditCoursePage })));
const CoursePage = lazy(() => screens().then((m) => ({ default: m.CoursePage })));

export function trainingRoutes() {
  const routes: [string, ReactNode][] = [
    ['training', <CoursesPage />],
    ['training/new', <NewCoursePage />],
    ['training/:courseId', <CoursePage />],
    ['training/:courseId/edit', <EditCoursePage />],
  ];
  return routes.map(([path, page]) => (
    <Route key={path} path={path} element={<CaseRole roles={TRAINING_ROLES}>{page}</CaseRole>} />
  ));
}
