export { CoursesPage } from './CoursesPage';
export { NewCoursePage, EditCoursePage } from './CourseFormPage';
export { CoursePage } from './CoursePage';
