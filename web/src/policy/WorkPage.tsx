// /policy/work: the monitoring work — tasks (her own first, by due date, overdue ones marked,
// done with one button), the calendar of hearings and council sessions to come, and public
// statements drafted and then published on the public site.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createStatement,
  createTask,
  listPolicyEvents,
  listStatements,
  listTasks,
  updateStatement,
  updateTask,
  type PolicyTask,
  type Statement,
} from '../api';
import { optional, placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { currentLanguage } from '../i18n';
import { formatDate, formatDateTime, seoulToday } from '../i18n/format';
import { useSignedIn } from '../session';
import { ConfirmDialog, ErrorAlert, StatusMessage, TextAreaField, TextField } from '../ui';
import { EventForm, EventList } from './EventsSection';
import { isOverdue, orderTasks } from './model';
import { PolicyFrame } from './PolicyTabs';
import { useCanEdit } from './words';
import './policy.css';

type Done = 'task' | 'event' | 'statement' | 'published';

export function WorkPage() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const [done, setDone] = useState<Done | null>(null);
  return (
    <PolicyFrame title={t('policy.work.title')}>
      <StatusMessage text={done ? t(`policy.work.done.${done}`) : ''} />
      <Tasks canEdit={canEdit} onDone={() => setDone('task')} />
      <Calendar canEdit={canEdit} onDone={() => setDone('event')} />
      <Statements canEdit={canEdit} onDone={setDone} />
    </PolicyFrame>
  );
}

function Tasks({ canEdit, onDone }: { canEdit: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [showDone, setShowDone] = useState(false);
  const tasks = useLoad(() => listTasks(showDone ? {} : { done: 'false' }), [showDone]);
  const mark = useSubmission();
  const today = seoulToday();
  const list = orderTasks(tasks.data?.items ?? [], user.id);
  async function setTaskDone(task: PolicyTask, value: boolean) {
    const r = await mark.run(() => updateTask(task.id, { done: value }));
    if (r) {
      void tasks.reload();
      onDone();
    }
  }
  return (
    <section className="card" aria-labelledby="policy-tasks-title">
      <h2 id="policy-tasks-title">{t('policy.work.tasksTitle')}</h2>
      <ErrorAlert error={tasks.error ?? mark.error} />
      <label className="checkbox">
        <input type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} />
        {t('policy.work.showDone')}
      </label>
      {tasks.data && list.length === 0 && <p>{t('policy.work.none')}</p>}
      {list.length > 0 && (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-labelledby="policy-tasks-caption"
        >
          <table className="policy-tasks">
            <caption id="policy-tasks-caption">{t('policy.work.tasksCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('policy.work.task')}</th>
                <th scope="col">{t('policy.work.assignee')}</th>
                <th scope="col">{t('policy.work.due')}</th>
                <th scope="col">{t('policy.work.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((task) => {
                const overdue = isOverdue(task, today);
                return (
                  <tr key={task.id} className={task.done ? 'row-disabled' : undefined}>
                    <th scope="row">
                      {task.title}
                      {task.note && <span className="muted"> · {task.note}</span>}
                    </th>
                    <td>
                      {task.assignee
                        ? task.assignee.id === user.id
                          ? t('policy.work.me')
                          : task.assignee.username
                        : t('policy.work.nobody')}
                    </td>
                    <td className={overdue ? 'policy-overdue' : undefined}>
                      {task.due_on ? formatDate(task.due_on) : t('policy.work.noDue')}
                      {overdue && <strong> {t('policy.work.overdue')}</strong>}
                    </td>
                    <td>
                      {task.done
                        ? t('policy.work.doneState', { date: formatDateTime(task.done_at ?? '') })
                        : t('policy.work.open')}{' '}
                      {canEdit && (
                        <button
                          type="button"
                          className="button-secondary button-small"
                          disabled={mark.busy}
                          aria-label={
                            task.done
                              ? `${t('policy.work.reopen')}: ${task.title}`
                              : t('policy.work.markDoneNamed', { title: task.title })
                          }
                          onClick={() => void setTaskDone(task, !task.done)}
                        >
                          {t(task.done ? 'policy.work.reopen' : 'policy.work.markDone')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <TaskForm
          onDone={() => {
            void tasks.reload();
            onDone();
          }}
        />
      )}
    </section>
  );
}

function TaskForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const submit = useSubmission();
  const [v, setV] = useState({ title: '', due_on: '', note: '', mine: true });
  const { byField, elsewhere } = placeFieldErrors(submit.error, [
    'title',
    'due_on',
    'note',
    'assignee_id',
  ]);
  async function send(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      createTask({
        title: v.title.trim(),
        due_on: optional(v.due_on),
        note: optional(v.note),
        assignee_id: v.mine ? user.id : undefined,
      }),
    );
    if (r) {
      setV({ title: '', due_on: '', note: '', mine: true });
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="policy-task-add">
      <h3 id="policy-task-add">{t('policy.work.addTitle')}</h3>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <TextField
          label={t('policy.work.taskTitle')}
          value={v.title}
          error={byField.title}
          maxLength={300}
          onChange={(e) => setV({ ...v, title: e.target.value })}
        />
        <TextField
          label={t('policy.work.dueOn')}
          type="date"
          value={v.due_on}
          error={byField.due_on}
          onChange={(e) => setV({ ...v, due_on: e.target.value })}
        />
        <TextField
          label={t('policy.work.note')}
          value={v.note}
          error={byField.note}
          maxLength={1000}
          onChange={(e) => setV({ ...v, note: e.target.value })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={v.mine}
            onChange={(e) => setV({ ...v, mine: e.target.checked })}
          />
          {t('policy.work.assignMe')}
        </label>
        {byField.assignee_id && <p className="field-error">{byField.assignee_id}</p>}
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('policy.work.add')}</SubmitButton>
        </div>
      </div>
    </form>
  );
}

function Calendar({ canEdit, onDone }: { canEdit: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [past, setPast] = useState(false);
  const today = seoulToday();
  const events = useLoad(() => listPolicyEvents(past ? {} : { from: today }), [past, today]);
  return (
    <section className="card" aria-labelledby="policy-calendar-title">
      <h2 id="policy-calendar-title">{t('policy.events.title')}</h2>
      <ErrorAlert error={events.error} />
      <label className="checkbox">
        <input type="checkbox" checked={past} onChange={(e) => setPast(e.target.checked)} />
        {t('policy.events.past')}
      </label>
      {events.data && <EventList events={events.data.items} />}
      {canEdit && (
        <EventForm
          onDone={() => {
            void events.reload();
            onDone();
          }}
        />
      )}
    </section>
  );
}

function statementTitle(s: Statement) {
  return currentLanguage() === 'en' && s.title_en ? s.title_en : s.title_ko;
}

function Statements({ canEdit, onDone }: { canEdit: boolean; onDone: (d: Done) => void }) {
  const { t } = useTranslation();
  const statements = useLoad(() => listStatements(), []);
  const publish = useSubmission();
  const [confirming, setConfirming] = useState<Statement | null>(null);
  const items = statements.data?.items ?? [];
  async function doPublish(s: Statement) {
    setConfirming(null);
    const r = await publish.run(() => updateStatement(s.id, { published: true }));
    if (r) {
      void statements.reload();
      onDone('published');
    }
  }
  return (
    <section className="card" aria-labelledby="policy-statements-title">
      <h2 id="policy-statements-title">{t('policy.statements.title')}</h2>
      <ErrorAlert error={statements.error ?? publish.error} />
      {statements.data && items.length === 0 && <p>{t('policy.statements.none')}</p>}
      <ul className="policy-list">
        {items.map((s) => (
          <li key={s.id} className="policy-statement">
            <strong>{statementTitle(s)}</strong>{' '}
            <span className={s.published ? 'policy-status policy-status-enacted' : 'policy-status'}>
              {s.published
                ? t('policy.statements.published', { date: formatDate(s.published_at ?? '') })
                : t('policy.statements.draft')}
            </span>
            <p className="policy-statement-body">
              {currentLanguage() === 'en' && s.body_en ? s.body_en : s.body_ko}
            </p>
            {canEdit && !s.published && (
              <button
                type="button"
                disabled={publish.busy}
                aria-label={t('policy.statements.publishNamed', { title: statementTitle(s) })}
                onClick={() => setConfirming(s)}
              >
                {t('policy.statements.publish')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <StatementForm
          onDone={() => {
            void statements.reload();
            onDone('statement');
          }}
        />
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('policy.statements.confirmTitle')}
        confirmLabel={t('policy.statements.publish')}
        cancelLabel={t('policy.statements.cancel')}
        onConfirm={() => confirming && void doPublish(confirming)}
        onClose={() => setConfirming(null)}
      >
        <p>
          {t('policy.statements.confirmText', {
            title: confirming ? statementTitle(confirming) : '',
          })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

function StatementForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const empty = { title_ko: '', title_en: '', body_ko: '', body_en: '' };
  const [v, setV] = useState(empty);
  const { byField, elsewhere } = placeFieldErrors(submit.error, Object.keys(empty));
  async function send(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      createStatement({
        title_ko: v.title_ko.trim(),
        title_en: optional(v.title_en),
        body_ko: v.body_ko.trim(),
        body_en: optional(v.body_en),
      }),
    );
    if (r) {
      setV(empty);
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="policy-statement-add">
      <h3 id="policy-statement-add">{t('policy.statements.addTitle')}</h3>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <TextField
          label={t('policy.statements.titleKo')}
          value={v.title_ko}
          error={byField.title_ko}
          maxLength={300}
          onChange={(e) => setV({ ...v, title_ko: e.target.value })}
        />
        <TextField
          label={t('policy.statements.titleEn')}
          value={v.title_en}
          error={byField.title_en}
          maxLength={300}
          onChange={(e) => setV({ ...v, title_en: e.target.value })}
        />
        <TextAreaField
          wide
          label={t('policy.statements.bodyKo')}
          hint={t('policy.statements.bodyHint')}
          value={v.body_ko}
          error={byField.body_ko}
          maxLength={20000}
          onChange={(e) => setV({ ...v, body_ko: e.target.value })}
        />
        <TextAreaField
          wide
          label={t('policy.statements.bodyEn')}
          value={v.body_en}
          error={byField.body_en}
          maxLength={20000}
          onChange={(e) => setV({ ...v, body_en: e.target.value })}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('policy.statements.save')}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
