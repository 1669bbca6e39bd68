// /training/new and /training/:courseId/edit: the course's Korean and English title and
// description, and its pass rule — the share of all sessions a trainee must attend, shown in
// words as it is typed ("전체 회기의 80 % 이상 출석").
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  createCourse,
  getCourse,
  updateCourse,
  type ApiResult,
  type CourseDetail,
  type CourseFields,
} from '../api';
import { placeFieldErrors, useSubmission, wholeNumber } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { ErrorAlert, TextAreaField, TextField } from '../ui';
import { courseTitle } from './words';
import '../campaigns/campaigns.css';

const FIELDS = ['title_ko', 'title_en', 'description_ko', 'description_en', 'pass_percent'];

interface Values {
  title_ko: string;
  title_en: string;
  description_ko: string;
  description_en: string;
  pass_percent: string;
}

function CourseForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: Values;
  submitLabel: string;
  onSubmit: (body: CourseFields) => Promise<ApiResult<CourseDetail>>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmission();
  const [v, setV] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, FIELDS);
  const err = (f: string) => local[f] ?? byField[f];
  const set = (k: keyof Values, value: string) => setV((old) => ({ ...old, [k]: value }));
  const percent = wholeNumber(v.pass_percent);
  const validPercent = percent !== undefined && percent >= 1 && percent <= 100;
  async function send(e: FormEvent) {
    e.preventDefault();
    const need: Record<string, string> = {};
    if (!v.title_ko.trim()) need.title_ko = t('campaigns.form.required');
    if (!validPercent) need.pass_percent = t('training.form.badPercent');
    setLocal(need);
    if (Object.keys(need).length) return;
    const saved = await submit.run(() =>
      onSubmit({
        title_ko: v.title_ko.trim(),
        title_en: v.title_en.trim(),
        description_ko: v.description_ko.trim(),
        description_en: v.description_en.trim(),
        pass_percent: percent!,
      }),
    );
    if (saved)
      void navigate(`/training/${encodeURIComponent(saved.id)}`, { state: { saved: true } });
  }
  return (
    <form className="card" onSubmit={(e) => void send(e)} noValidate>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <TextField
          label={t('training.form.titleKo')}
          value={v.title_ko}
          required
          maxLength={200}
          error={err('title_ko')}
          onChange={(e) => set('title_ko', e.target.value)}
        />
        <TextField
          label={t('training.form.titleEn')}
          value={v.title_en}
          maxLength={200}
          error={err('title_en')}
          onChange={(e) => set('title_en', e.target.value)}
        />
        <TextAreaField
          label={t('training.form.descriptionKo')}
          value={v.description_ko}
          maxLength={4000}
          error={err('description_ko')}
          onChange={(e) => set('description_ko', e.target.value)}
        />
        <TextAreaField
          label={t('training.form.descriptionEn')}
          value={v.description_en}
          maxLength={4000}
          error={err('description_en')}
          onChange={(e) => set('description_en', e.target.value)}
        />
        <TextField
          label={t('training.form.passPercent')}
          inputMode="numeric"
          value={v.pass_percent}
          error={err('pass_percent')}
          hint={validPercent ? t('training.passRule', { percent }) : t('training.form.percentHint')}
          onChange={(e) => set('pass_percent', e.target.value)}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>{submitLabel}</SubmitButton>
        </div>
      </div>
    </form>
  );
}

export function NewCoursePage() {
  const { t } = useTranslation();
  return (
    <div className="page training">
      <p>
        <Link to="/training">{t('training.back')}</Link>
      </p>
      <h1>{t('training.form.createTitle')}</h1>
      <CourseForm
        initial={{
          title_ko: '',
          title_en: '',
          description_ko: '',
          description_en: '',
          pass_percent: '80',
        }}
        submitLabel={t('training.form.create')}
        onSubmit={createCourse}
      />
    </div>
  );
}

export function EditCoursePage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const loaded = useLoad(() => getCourse(courseId), [courseId]);
  const c = loaded.data;
  return (
    <div className="page training">
      <p>
        <Link to={`/training/${encodeURIComponent(courseId)}`}>
          {c ? courseTitle(c) : t('training.back')}
        </Link>
      </p>
      <h1>{t('training.form.editTitle')}</h1>
      <ErrorAlert error={loaded.error} />
      {c && (
        <CourseForm
          initial={{
            title_ko: c.title_ko,
            title_en: c.title_en,
            description_ko: c.description_ko,
            description_en: c.description_en,
            pass_percent: String(c.pass_percent),
          }}
          submitLabel={t('training.form.save')}
          onSubmit={(body) => updateCourse(courseId, body)}
        />
      )}
    </div>
  );
}
