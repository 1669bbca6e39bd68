export { EventsPage } from './EventsPage';
export { NewEventPage, EditEventPage } from './EventFormPage';
export { EventPage } from './EventPage';
export { CheckInPage } from './CheckInPage';
