// Who is on call this week, day by day, and a form to add a shift. An org admin may put any
// dispatcher of her organization on call; a dispatcher, who may not list the users, puts
// herself on call. The server takes dispatchers and supervisors (who stand in for them).
// Times are typed and shown in Korea time.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addOnCall,
  listOnCall,
  listUsers,
  type ApiError,
  type OnCallShift,
  type OrgUser,
} from '../api';
import { dayLabel, seoulDay, seoulTime, type Day } from '../cases/calendar';
import { currentLanguage } from '../i18n';
import { useSignedIn } from '../session';
import { ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { rosterByDay, rosterWeek, shiftOnDay, shiftSpan } from './roster';

// Everyone of the organization who may be on call and can sign in, following the pages.
async function onCallCandidates(orgId: string): Promise<OrgUser[] | ApiError> {
  const out: OrgUser[] = [];
  let cursor: string | undefined;
  do {
    const r = await listUsers(orgId, cursor);
    if (!r.ok) return r.error;
    out.push(
      ...r.data.items.filter(
        (u) => (u.roles.includes('dispatcher') || u.roles.includes('supervisor')) && !u.disabled,
      ),
    );
    cursor = r.data.next_cursor ?? undefined;
  } while (cursor);
  return out.sort((a, b) =>
    (a.display_name || a.username).localeCompare(b.display_name || b.username, 'ko'),
  );
}

// One shift as it falls on one day of the roster.
function ShiftLine({ day, shift }: { day: Day; shift: OnCallShift }) {
  const { t } = useTranslation();
  const { start, end } = shiftOnDay(day, shift);
  const name = shift.display_name;
  if (start && end) return <>{t('coverage.shiftLine', { start, end, name })}</>;
  if (start) return <>{t('coverage.shiftFrom', { start, name })}</>;
  if (end) return <>{t('coverage.shiftUntil', { end, name })}</>;
  return <>{t('coverage.shiftAllDay', { name })}</>;
}

export function OnCallSection() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { user } = useSignedIn();
  const isAdmin = user.roles.includes('org_admin');
  const week = useMemo(() => rosterWeek(new Date()), []);
  const [shifts, setShifts] = useState<OnCallShift[] | null>(null);
  const [people, setPeople] = useState<OrgUser[]>([]);
  const [v, setV] = useState({
    user_id: isAdmin ? '' : user.id,
    day: seoulDay(new Date()),
    start: '18:00',
    end: '09:00',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await listOnCall(week.from, week.to);
    if (r.ok) setShifts(r.data.items);
    else setListError(r.error);
  }, [week]);

  useEffect(() => {
    void load();
    if (!isAdmin) return;
    let live = true;
    void onCallCandidates(user.org_id).then((r) => {
      if (!live) return;
      if (Array.isArray(r)) setPeople(r);
      else setListError(r);
    });
    return () => {
      live = false;
    };
  }, [load, isAdmin, user.org_id]);

  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    const span = shiftSpan(v.day, v.start, v.end);
    const missing: Record<string, string> = {};
    if (!v.user_id) missing.user_id = t('coverage.choosePerson');
    if (!span) {
      if (!v.day) missing.day = t('coverage.required');
      if (!v.start) missing.start = t('coverage.required');
      if (!v.end) missing.end = t('coverage.required');
    }
    if (Object.keys(missing).length || !span) {
      setError({ status: 400, code: 'invalid', message: t('coverage.check'), fields: missing });
      return;
    }
    setBusy(true);
    const r = await addOnCall({ user_id: v.user_id, ...span });
    setBusy(false);
    if (!r.ok) {
      // The server names starts_at/ends_at; show them by the date and time the user typed.
      const { starts_at, ends_at, ...f } = r.error.fields;
      setError({
        ...r.error,
        fields: {
          ...f,
          ...(starts_at ? { start: starts_at } : {}),
          ...(ends_at ? { end: ends_at } : {}),
        },
      });
      return;
    }
    setError(null);
    setStatus(
      t('coverage.shiftAdded', {
        name: r.data.display_name,
        day: dayLabel(seoulDay(r.data.starts_at), lang),
        start: seoulTime(r.data.starts_at),
        end: seoulTime(r.data.ends_at),
      }),
    );
    await load();
  }

  const fe = (k: string) => error?.fields[k];
  const roster = shifts ? rosterByDay(week.days, shifts) : [];

  return (
    <section className="card" aria-labelledby="oncall-title">
      <h2 id="oncall-title">{t('coverage.onCallTitle')}</h2>
      <ErrorAlert error={listError} />
      {shifts && (
        <div className="table-wrap">
          <table className="roster-table">
            <caption>
              {t('coverage.rosterCaption', {
                from: dayLabel(week.days[0]!, lang),
                to: dayLabel(week.days[6]!, lang),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.day')}</th>
                <th scope="col">{t('coverage.onCall')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{dayLabel(d.day, lang)}</th>
                  <td>
                    {d.shifts.length === 0 ? (
                      t('coverage.nobody')
                    ) : (
                      <ul className="roster-shifts">
                        {d.shifts.map((s) => (
                          <li key={s.id}>
                            <ShiftLine day={d.day} shift={s} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="form-grid oncall-form"
        onSubmit={submit}
        noValidate
        aria-labelledby="oncall-form-title"
      >
        <h3 id="oncall-form-title" className="form-wide">
          {isAdmin ? t('coverage.addShift') : t('coverage.addMyShift')}
        </h3>
        <div className="form-wide">
          <ErrorAlert error={error} />
        </div>
        {isAdmin ? (
          <SelectField
            label={t('coverage.person')}
            value={v.user_id}
            onChange={set('user_id')}
            error={fe('user_id')}
          >
            <option value="">{t('emergency.choose')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.display_name || p.username}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className={fe('user_id') ? 'form-wide field-invalid' : 'form-wide'}>
            {t('coverage.myself', { name: user.display_name || user.username })}
            {fe('user_id') && <span className="field-error"> {fe('user_id')}</span>}
          </p>
        )}
        <TextField
          label={t('coverage.date')}
          type="date"
          value={v.day}
          onChange={set('day')}
          error={fe('day')}
        />
        <TextField
          label={t('coverage.start')}
          type="time"
          value={v.start}
          onChange={set('start')}
          error={fe('start')}
          hint={t('coverage.koreaTime')}
        />
        <TextField
          label={t('coverage.end')}
          type="time"
          value={v.end}
          onChange={set('end')}
          error={fe('end')}
          hint={t('coverage.endHint')}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {isAdmin ? t('coverage.addShiftSubmit') : t('coverage.addMyShiftSubmit')}
          </button>
        </div>
        <div className="form-wide">
          <StatusMessage text={status} />
        </div>
      </form>
    </section>
  );
}
