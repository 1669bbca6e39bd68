// The shelter staff's home (/shelter): who is overdue first (a woman who does not come back
// may be in danger), today's residents, who is out, stays nearing their limit, follow-ups due,
// then the bed board with admission. Residents appear by alias and code only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  endOuting,
  getBoard,
  getOccupancy,
  getWaitlist,
  getShelterHome,
  isSettled,
  type BoardBed,
  type Stay,
} from '../api';
import { useSubmission } from '../cases/forms';
import { useLoad } from '../cases/widgets';
import { formatDate, formatDateTime } from '../i18n/format';
import { ErrorAlert, StatusMessage } from '../ui';
import { AdmitDialog, ExitDialog, ExtensionDialog, OutingDialog, seoulToday } from './dialogs';
import { ReadinessDialog } from './ReadinessDialog';
import { RoomsSection } from './RoomsSection';
import { FollowUpRow, RowButton } from './rows';
import '../cases/cases.css';
import './shelters.css';

type StatusKey = 'admitted' | 'exited' | 'followUpRecorded' | 'extendRequested';

type Open =
  | { kind: 'admit'; bed: BoardBed }
  | { kind: 'outing'; stay: Stay }
  | { kind: 'exit'; stay: Stay }
  | { kind: 'extend'; stay: Stay }
  | { kind: 'readiness'; stay: Stay }
  | null;

export function ShelterPage() {
  const { t } = useTranslation();
  const home = useLoad(getShelterHome, []);
  const board = useLoad(getBoard, []);
  const waitlist = useLoad(getWaitlist, []);
  const occupancy = useLoad(() => getOccupancy(seoulToday().slice(0, 7)), []);
  const back = useSubmission();
  const [open, setOpen] = useState<Open>(null);
  // What the last action did, translated when shown (so a language switch translates it too).
  const [status, setStatus] = useState<{ key: StatusKey; alias?: string; date?: string } | null>(
    null,
  );
  const reload = () => {
    void home.reload();
    void board.reload();
    void occupancy.reload();
    void waitlist.reload();
  };
  const aliasOf = (s: { person: { alias: string | null; code: string } }) =>
    s.person.alias ?? s.person.code;
  const residents = home.data?.residents ?? [];
  const byStay = new Map(residents.map((s) => [s.id, s]));
  const overdue = (home.data?.out ?? []).filter((o) => o.overdue);
  const nearLimit = residents.filter((s) => s.countdown > 0);

  async function markBack(outingId: string) {
    const done = await back.run(() => endOuting(outingId));
    if (done) reload();
  }

  return (
    <div className="page shelter">
      <h1>{t('shelter.title')}</h1>
      <p className="page-intro">{t('shelter.intro')}</p>
      {home.data && <p>{t('shelter.today', { date: formatDate(home.data.today) })}</p>}
      {occupancy.data && <p>{t('shelter.occupancy', { nights: occupancy.data.nights })}</p>}
      <ErrorAlert error={home.error ?? board.error ?? back.error} />
      <StatusMessage text={status ? t(`shelter.${status.key}`, status) : ''} />
      {overdue.length > 0 && (
        <section className="card shelter-overdue" role="alert" aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t('shelter.overdueTitle')}</h2>
          <ul>
            {overdue.map((o) => {
              const stay = byStay.get(o.stay_id);
              return (
                <li key={o.id}>
                  {t('shelter.overdueItem', {
                    alias: stay ? aliasOf(stay) : '',
                    time: formatDateTime(o.planned_return_at),
                  })}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="residents-title">
        <h2 id="residents-title">{t('shelter.residentsTitle', { count: residents.length })}</h2>
        {residents.length === 0 ? (
          <p>{t('shelter.noResidents')}</p>
        ) : (
          <ul className="shelter-list">
            {residents.map((s) => (
              <li key={s.id} className="shelter-item">
                <p>
                  <strong>{aliasOf(s)}</strong> <span className="muted">{s.person.code}</span> ·{' '}
                  {s.room} {s.bed} · {t('shelter.daysIn', { days: s.days_in_stay })} ·{' '}
                  {t('shelter.countdown', { days: s.days_to_limit })}
                  {s.out && <span className="badge shelter-out">{t('shelter.isOut')}</span>}
                </p>
                <div className="actions">
                  {!s.out && (
                    <RowButton
                      label={t('shelter.outing')}
                      who={aliasOf(s)}
                      onClick={() => setOpen({ kind: 'outing', stay: s })}
                    />
                  )}
                  <RowButton
                    label={t('shelter.readinessOpen')}
                    who={aliasOf(s)}
                    onClick={() => setOpen({ kind: 'readiness', stay: s })}
                  />
                  <RowButton
                    label={t('shelter.exit')}
                    who={aliasOf(s)}
                    onClick={() => setOpen({ kind: 'exit', stay: s })}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="out-title">
        <h2 id="out-title">{t('shelter.outTitle')}</h2>
        {(home.data?.out ?? []).length === 0 ? (
          <p>{t('shelter.nobodyOut')}</p>
        ) : (
          <ul className="shelter-list">
            {home.data!.out.map((o) => {
              const stay = byStay.get(o.stay_id);
              const alias = stay ? aliasOf(stay) : '';
              return (
                <li key={o.id} className={o.overdue ? 'shelter-item overdue' : 'shelter-item'}>
                  <p>
                    {t('shelter.outItem', {
                      alias,
                      kind: t(`shelter.outingKind.${o.kind}`),
                      time: formatDateTime(o.planned_return_at),
                    })}
                  </p>
                  <RowButton
                    primary
                    label={t('shelter.back')}
                    who={alias}
                    disabled={back.busy}
                    onClick={() => void markBack(o.id)}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="limit-title">
        <h2 id="limit-title">{t('shelter.nearLimitTitle')}</h2>
        {nearLimit.length === 0 ? (
          <p>{t('shelter.nearLimitNone')}</p>
        ) : (
          <ul className="shelter-list">
            {nearLimit.map((s) => (
              <li key={s.id} className="shelter-item">
                <p>
                  <span className="badge">
                    {t('shelter.countdownBadge', { mark: s.countdown })}
                  </span>{' '}
                  {t('shelter.nearLimitItem', {
                    alias: aliasOf(s),
                    date: formatDate(s.planned_end_on),
                    days: s.days_to_limit,
                  })}
                </p>
                {s.readiness && (
                  <p className="muted">
                    {t('shelter.readinessProgress', {
                      done: s.readiness.filter(isSettled).length,
                      total: s.readiness.length,
                    })}
                  </p>
                )}
                <div className="actions">
                  {s.readiness_due && (
                    <RowButton
                      label={t('shelter.readinessOpen')}
                      who={aliasOf(s)}
                      onClick={() => setOpen({ kind: 'readiness', stay: s })}
                    />
                  )}
                  <RowButton
                    label={t('shelter.extend')}
                    who={aliasOf(s)}
                    onClick={() => setOpen({ kind: 'extend', stay: s })}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="follow-title">
        <h2 id="follow-title">{t('shelter.followUpsTitle')}</h2>
        {(home.data?.follow_ups_due ?? []).length === 0 ? (
          <p>{t('shelter.noFollowUps')}</p>
        ) : (
          <ul className="shelter-list">
            {home.data!.follow_ups_due.map((f) => (
              <FollowUpRow
                key={f.id}
                f={f}
                onDone={() => {
                  setStatus({ key: 'followUpRecorded' });
                  reload();
                }}
              />
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="waitlist-title">
        <h2 id="waitlist-title">
          {t('shelter.waitlistTitle', { count: waitlist.data?.items.length ?? 0 })}
        </h2>
        {(waitlist.data?.items ?? []).length === 0 ? (
          <p>{t('shelter.noWaitlist')}</p>
        ) : (
          <ul className="shelter-list">
            {waitlist.data!.items.map((w) => (
              <li key={w.id} className="shelter-item">
                <p>
                  <span className="badge">{t(`shelter.urgency.${w.urgency}`)}</span>{' '}
                  {t('shelter.waitlistItem', {
                    alias: w.person.alias ?? '',
                    code: w.person.code,
                    source: t(`shelter.source.${w.source}`),
                    date: formatDate(w.added_at),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="board-title">
        <h2 id="board-title">{t('shelter.boardTitle')}</h2>
        <div className="table-wrap">
          <table aria-labelledby="board-title" aria-busy={!board.data && !board.error}>
            <thead>
              <tr>
                <th scope="col">{t('shelter.columns.room')}</th>
                <th scope="col">{t('shelter.columns.bed')}</th>
                <th scope="col">{t('shelter.columns.state')}</th>
                <th scope="col">{t('shelter.columns.resident')}</th>
                <th scope="col">{t('shelter.columns.limit')}</th>
                <th scope="col">{t('shelter.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(board.data?.beds ?? []).map((b) => (
                <tr key={b.id} className={`bed-${b.state}`}>
                  <td>{b.room}</td>
                  <th scope="row">
                    {b.label} <span className="muted">{t(`shelter.kind.${b.kind}`)}</span>
                  </th>
                  <td>
                    {t(`shelter.state.${b.state}`)}
                    {b.held_until && (
                      <span className="muted">
                        {' '}
                        {t('shelter.heldUntil', { time: formatDateTime(b.held_until) })}
                      </span>
                    )}
                  </td>
                  <td>{b.stay ? aliasOf(b.stay) : ''}</td>
                  <td>
                    {b.stay &&
                      `${formatDate(b.stay.planned_end_on)} (${t('shelter.countdown', { days: b.stay.days_to_limit })})`}
                  </td>
                  <td>
                    {(b.state === 'free' || (b.state === 'held' && b.hold_id)) && (
                      <button
                        type="button"
                        className="button-small"
                        onClick={() => setOpen({ kind: 'admit', bed: b })}
                      >
                        {t('shelter.admit')}
                        <span className="visually-hidden">
                          {' '}
                          {b.room} {b.label}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <RoomsSection beds={board.data?.beds ?? []} onChange={reload} />

      {open?.kind === 'admit' && (
        <AdmitDialog
          bed={open.bed}
          onClose={() => setOpen(null)}
          onDone={(stay) => {
            setOpen(null);
            setStatus({
              key: 'admitted',
              alias: aliasOf(stay),
              date: formatDate(stay.planned_end_on),
            });
            reload();
          }}
        />
      )}
      {open?.kind === 'outing' && (
        <OutingDialog
          stay={open.stay}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
      {open?.kind === 'extend' && (
        <ExtensionDialog
          stay={open.stay}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setStatus({ key: 'extendRequested' });
          }}
        />
      )}
      {open?.kind === 'readiness' && (
        <ReadinessDialog
          stay={open.stay}
          onClose={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
      {open?.kind === 'exit' && (
        <ExitDialog
          stay={open.stay}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setStatus({ key: 'exited' });
            reload();
          }}
        />
      )}
    </div>
  );
}
