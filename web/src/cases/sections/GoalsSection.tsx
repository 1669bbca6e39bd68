// The service plan: goals with target dates and status, changed in place.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addGoal, changeGoal, GOAL_STATUSES, listGoals, type GoalStatus } from '../../api';
import { ErrorAlert, StatusMessage, TextField } from '../../ui';
import { formatDay } from '../calendar';
import { optional, placeFieldErrors, useSubmission } from '../forms';
import { FormError, SubmitButton, useLoad } from '../widgets';
import type { SectionProps } from '.';

export function GoalsSection({ c }: SectionProps) {
  const { t } = useTranslation();
  const goals = useLoad(() => listGoals(c.id), [c.id]);
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState('');
  const [status, setStatus] = useState('');
  const add = useSubmission();
  const change = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const added = await add.run(() =>
      addGoal(c.id, { title: title.trim(), target_date: optional(target), status: 'planned' }),
    );
    if (!added) return;
    setTitle('');
    setTarget('');
    setStatus(t('goals.added'));
    void goals.reload();
  }

  async function setGoalStatus(id: string, s: GoalStatus) {
    const changed = await change.run(() => changeGoal(id, { status: s }));
    if (!changed) return;
    setStatus(t('goals.changed'));
    void goals.reload();
  }

  const items = goals.data?.items ?? [];
  const { byField, elsewhere } = placeFieldErrors(add.error, ['title', 'target_date', 'status']);
  return (
    <>
      <StatusMessage text={status} />
      <ErrorAlert error={goals.error ?? change.error} />
      {goals.data && items.length === 0 && <p>{t('goals.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" role="region" aria-label={t('goals.caption')} tabIndex={0}>
          <table>
            <caption>{t('goals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('goals.title')}</th>
                <th scope="col">{t('goals.target')}</th>
                <th scope="col">{t('goals.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.title}</th>
                  <td>{g.target_date ? formatDay(g.target_date) : ''}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`goal-status-${g.id}`}>
                      {t('goals.statusOf', { title: g.title })}
                    </label>
                    <select
                      id={`goal-status-${g.id}`}
                      value={g.status}
                      disabled={change.busy}
                      onChange={(e) => void setGoalStatus(g.id, e.target.value as GoalStatus)}
                    >
                      {GOAL_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`goals.statuses.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('goals.addTitle')}</h3>
      <form onSubmit={submit} className="form-grid" noValidate>
        <FormError error={add.error} elsewhere={elsewhere} />
        <TextField
          label={t('goals.title')}
          name="title"
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={byField.title}
        />
        <TextField
          label={t('goals.target')}
          name="target_date"
          type="date"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={byField.target_date}
        />
        <div className="actions">
          <SubmitButton busy={add.busy}>{t('goals.add')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
