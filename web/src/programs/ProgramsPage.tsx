// The programs of a self-reliance center (/programs): each with its kind, provider, dates,
// enrolled against capacity and status, filtered by status; creating and editing a program.
// Staff open a program for its class list and attendance; org admins keep the programs only
// (the class list names women, which is not theirs to read).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listPrograms, type Program, type ProgramStatus } from '../api';
import { useLoad } from '../cases/widgets';
import { useRolesIfSignedIn } from '../session';
import { ErrorAlert, SelectField, StatusMessage } from '../ui';
import { ProgramDialog } from './dialogs';
import { ProgramFacts, ProgramStatusBadge } from './widgets';
import './programs.css';

const STATUSES: readonly ProgramStatus[] = ['running', 'planned', 'ended'];

function ProgramItem({ p, canOpen, onEdit }: { p: Program; canOpen: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const full = p.enrolled >= p.capacity;
  return (
    <li className="program-item">
      <h2 className="program-name">
        {canOpen ? <Link to={`/programs/${encodeURIComponent(p.id)}`}>{p.name}</Link> : p.name}{' '}
        <ProgramStatusBadge status={p.status} />
      </h2>
      <ProgramFacts p={p} />
      <p>
        <strong className={full ? 'program-full' : undefined}>
          {t('program.enrolledOf', { enrolled: p.enrolled, capacity: p.capacity })}
        </strong>
        {full && <> · {t('program.full')}</>} ·{' '}
        {t('program.completedCount', { count: p.completed })} ·{' '}
        {t('program.sessionCount', { count: p.sessions })}
      </p>
      <button type="button" className="button-secondary button-small" onClick={onEdit}>
        {t('program.edit')}
        <span className="visually-hidden"> {p.name}</span>
      </button>
    </li>
  );
}

export function ProgramsPage() {
  const { t } = useTranslation();
  const roles = useRolesIfSignedIn();
  const canOpen = roles.includes('case_worker') || roles.includes('supervisor');
  const [status, setStatus] = useState<ProgramStatus | ''>('');
  const programs = useLoad(() => listPrograms(status || undefined), [status]);
  const [editing, setEditing] = useState<Program | 'new' | null>(null);
  const [done, setDone] = useState<{ key: 'created' | 'updated'; name: string } | null>(null);
  const items = programs.data?.items ?? [];
  return (
    <div className="page programs">
      <h1>{t('program.title')}</h1>
      <p className="page-intro">{canOpen ? t('program.intro') : t('program.introAdmin')}</p>
      <StatusMessage text={done ? t(`program.done.${done.key}`, { name: done.name }) : ''} />
      <ErrorAlert error={programs.error} />
      <div className="program-toolbar">
        <SelectField
          label={t('program.filter')}
          value={status}
          onChange={(e) => setStatus(e.target.value as ProgramStatus | '')}
        >
          <option value="">{t('program.filterAll')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`program.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <button type="button" onClick={() => setEditing('new')}>
          {t('program.new')}
        </button>
      </div>
      {!programs.data && !programs.error && <p role="status">{t('app.loading')}</p>}
      {programs.data && items.length === 0 && (
        <p className="card">{status ? t('program.noneWithStatus') : t('program.none')}</p>
      )}
      {items.length > 0 && (
        <ul className="program-list" aria-label={t('program.listLabel')}>
          {items.map((p) => (
            <ProgramItem key={p.id} p={p} canOpen={canOpen} onEdit={() => setEditing(p)} />
          ))}
        </ul>
      )}
      {editing && (
        <ProgramDialog
          program={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={(p) => {
            setDone({ key: editing === 'new' ? 'created' : 'updated', name: p.name });
            setEditing(null);
            void programs.reload();
          }}
        />
      )}
    </div>
  );
}
