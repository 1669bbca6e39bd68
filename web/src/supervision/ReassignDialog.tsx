// Choosing who works a case: the team's workers as checkboxes, the current ones ticked. At least
// one must stay ticked (a case always has someone); the server checks the same and that each is
// an active case worker or supervisor of the organization.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignCase, type ApiError, type CaseSummary, type WorkerLoad } from '../api';
import { Dialog, ErrorAlert } from '../ui';

interface Props {
  kase: CaseSummary;
  workers: WorkerLoad[];
  onClose: () => void;
  onDone: (number: string) => void;
}

export function ReassignDialog({ kase, workers, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Set<string>>(
    () =>
      new Set(
        kase.assigned.map((a) => a.user_id).filter((id) => workers.some((w) => w.user_id === id)),
      ),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const save = async () => {
    setSaving(true);
    const r = await assignCase(kase.id, [...chosen]);
    setSaving(false);
    if (r.ok) onDone(kase.number);
    else setError(r.error);
  };
  return (
    <Dialog open title={t('supervision.reassignTitle', { number: kase.number })} onClose={onClose}>
      <ErrorAlert error={error} />
      <fieldset className="checkbox-list">
        <legend>{t('supervision.chooseWorkers')}</legend>
        {workers.map((w) => (
          <label key={w.user_id}>
            <input
              type="checkbox"
              checked={chosen.has(w.user_id)}
              onChange={() => toggle(w.user_id)}
            />{' '}
            {w.display_name}{' '}
            <span className="muted">
              {t('supervision.loadOf', { count: w.open_cases, high: w.high_risk })}
            </span>
          </label>
        ))}
      </fieldset>
      {chosen.size === 0 && <p className="field-hint">{t('supervision.chooseOne')}</p>}
      <div className="actions">
        <button type="button" disabled={chosen.size === 0 || saving} onClick={() => void save()}>
          {saving ? t('cases.saving') : t('supervision.assignSubmit')}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('cases.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
