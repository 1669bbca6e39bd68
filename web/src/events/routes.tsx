// The routes of the event screens, for App.tsx to place inside the signed-in layout: the list,
// a new event, one event with its attendee list, its edit form and the check-in screen for a
// phone at the door. The organizing organization's advocates and admins only (event.read;
// the server answers 404 for another organization's event). Loaded on first use.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { CaseRole } from '../cases/routes';
import { EVENT_ROLES } from './model';

const screens = () => import('.');
const EventsPage = lazy(() => screens().then((m) => ({ default: m.EventsPage })));
const NewEventPage = lazy(() => screens().then((m) => ({ default: m.NewEventPage })));
const EditEventPage = lazy(() => screens().then((m) => ({ default: m.EditEventPage })));
const EventPage = lazy(() => screens().then((m) => ({ default: m.EventPage })));
const CheckInPage = lazy(() => screens().then((m) => ({ default: m.CheckInPage })));

export function eventRoutes() {
  const routes: [string, ReactNode][] = [
    ['events', <EventsPage />],
    ['events/new', <NewEventPage />],
    ['events/:eventId', <EventPage />],
    ['events/:eventId/edit', <EditEventPage />],
    ['events/:eventId/check-in', <CheckInPage />],
  ];
  return routes.map(([path, page]) => (
    <Route key={path} path={path} element={<CaseRole roles={EVENT_ROLES}>{page}</CaseRole>} />
  ));
}
