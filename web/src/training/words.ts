// Words the training screens share: a course's or module's title in the display language, the
// pass rule in words, and the course's span of days.
import type { Course, CourseModule } from '../api';
import { pick } from '../campaigns/model';
import { currentLanguage } from '../i18n';
import { formatDate } from '../i18n/format';

export const courseTitle = (c: Pick<Course, 'title_ko' | 'title_en'>) =>
  pick(currentLanguage(), c.title_ko, c.title_en);

export const moduleTitle = (m: Pick<CourseModule, 'title_ko' | 'title_en'>) =>
  pick(currentLanguage(), m.title_ko, m.title_en);

export function courseDays(c: Pick<Course, 'first_date' | 'last_date'>): string {
  if (!c.first_date) return '';
  if (!c.last_date || c.last_date === c.first_date) return formatDate(c.first_date);
  return `${formatDate(c.first_date)} – ${formatDate(c.last_date)}`;
}
