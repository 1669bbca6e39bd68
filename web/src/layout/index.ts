// Page frames: the signed-in app layout and the plain one for sign-in and enrolment.
export { AppLayout } from './AppLayout';
export { PlainLayout } from './PlainLayout';
export { LanguageSwitch } from './LanguageSwitch';
