// Incoming and outgoing referrals, as two tabs (arrow keys move between them; the tab is in the
// address, so the home screen can link to either), filtered by status, newest first; below
// them the organization's referrals in numbers.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  listReferrals,
  REFERRAL_STATUSES,
  type ApiError,
  type Referral,
  type ReferralStatus,
} from '../api';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert, SelectField } from '../ui';
import { useLoad } from '../cases/widgets';
import { otherSide, serviceNames } from './names';
import { StatisticsSection } from './StatisticsSection';
import { StatusTag } from './StatusTag';

type Direction = 'incoming' | 'outgoing';
const TABS: readonly Direction[] = ['incoming', 'outgoing'];

export function ReferralsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Direction = params.get('tab') === 'outgoing' ? 'outgoing' : 'incoming';
  const status = (REFERRAL_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ReferralStatus)
    : undefined;
  const tabRefs = useRef<Record<Direction, HTMLButtonElement | null>>({
    incoming: null,
    outgoing: null,
  });

  function choose(next: Direction, focus = false) {
    const p = new URLSearchParams(params);
    p.set('tab', next);
    setParams(p, { replace: true });
    if (focus) tabRefs.current[next]?.focus();
  }

  function onKey(e: KeyboardEvent) {
    const i = TABS.indexOf(tab);
    let next: Direction | undefined;
    if (e.key === 'ArrowRight') next = TABS[(i + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') next = TABS[(i + TABS.length - 1) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    e.preventDefault();
    choose(next, true);
  }

  function filterStatus(value: string) {
    const p = new URLSearchParams(params);
    if (value) p.set('status', value);
    else p.delete('status');
    setParams(p, { replace: true });
  }

  return (
    <div className="page">
      <h1>{t('referrals.title')}</h1>
      <p>{t('referrals.intro')}</p>
      <p className="page-links">
        <Link to="/directory">{t('referrals.directoryLink')}</Link>
      </p>
      <div role="tablist" aria-label={t('referrals.tabs')} className="tabs">
        {TABS.map((d) => (
          <button
            key={d}
            ref={(el) => {
              tabRefs.current[d] = el;
            }}
            type="button"
            role="tab"
            id={`referrals-tab-${d}`}
            aria-selected={tab === d}
            aria-controls="referrals-panel"
            tabIndex={tab === d ? 0 : -1}
            className={tab === d ? 'tab tab-current' : 'tab'}
            onClick={() => choose(d)}
            onKeyDown={onKey}
          >
            {t(`referrals.${d}`)}
          </button>
        ))}
      </div>
      <section
        id="referrals-panel"
        role="tabpanel"
        aria-labelledby={`referrals-tab-${tab}`}
        className="card"
      >
        <div className="form-grid">
          <SelectField
            label={t('referrals.statusFilter')}
            value={status ?? ''}
            onChange={(e) => filterStatus(e.target.value)}
          >
            <option value="">{t('referrals.allStatuses')}</option>
            {REFERRAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`referrals.statuses.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <ReferralList key={`${tab}-${status ?? ''}`} direction={tab} status={status} />
      </section>
      <StatisticsSection />
    </div>
  );
}

function ReferralList({ direction, status }: { direction: Direction; status?: ReferralStatus }) {
  const { t } = useTranslation();
  const first = useLoad(() => listReferrals({ direction, status }), [direction, status]);
  const [more, setMore] = useState<Referral[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const next = cursor === undefined ? first.data?.next_cursor : cursor;

  async function loadMore() {
    if (!next) return;
    const r = await listReferrals({ direction, status }, next);
    setMoreError(r.ok ? null : r.error);
    if (!r.ok) return;
    setMore((m) => [...m, ...r.data.items]);
    setCursor(r.data.next_cursor);
  }

  if (first.error) return <ErrorAlert error={first.error} />;
  if (!first.data) return <p role="status">{t('app.loading')}</p>;
  const items = [...first.data.items, ...more];
  if (items.length === 0) return <p>{t('referrals.none')}</p>;
  const caption = t('referrals.caption', { tab: t(`referrals.${direction}`) });
  return (
    <>
      <ReferralTable items={items} caption={caption} direction={direction} />
      <ErrorAlert error={moreError} />
      {next && (
        <button type="button" className="button-secondary" onClick={() => void loadMore()}>
          {t('referrals.loadMore')}
        </button>
      )}
    </>
  );
}

export function ReferralTable({
  items,
  caption,
  direction,
}: {
  items: Referral[];
  caption: string;
  direction: Direction;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="referral-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referrals.sentAt')}</th>
            <th scope="col">
              {direction === 'incoming' ? t('referrals.from') : t('referrals.to')}
            </th>
            <th scope="col">{t('referrals.services')}</th>
            <th scope="col">{t('referrals.urgency')}</th>
            <th scope="col">{t('referrals.status')}</th>
            <th scope="col">{t('referrals.due')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link
                  to={`/referrals/${encodeURIComponent(r.id)}`}
                  aria-label={t('referrals.open', {
                    what: `${otherSide(r, t)} ${formatDateTime(r.sent_at)}`,
                  })}
                >
                  {formatDateTime(r.sent_at)}
                </Link>
              </th>
              <td data-label={direction === 'incoming' ? t('referrals.from') : t('referrals.to')}>
                {otherSide(r, t)}
              </td>
              <td data-label={t('referrals.services')}>{serviceNames(r.services, t)}</td>
              <td data-label={t('referrals.urgency')}>
                <UrgencyText urgency={r.urgency} />
              </td>
              <td data-label={t('referrals.status')}>
                <StatusTag status={r.status} />
              </td>
              <td data-label={t('referrals.due')}>
                {r.status === 'sent' && r.answer_due_at ? formatDateTime(r.answer_due_at) : ''}
                {r.status === 'sent' && r.overdue && (
                  <span className="tag tag-overdue">{t('referrals.overdue')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UrgencyText({ urgency }: { urgency: Referral['urgency'] }) {
  const { t } = useTranslation();
  return (
    <span className={urgency === 'urgent' ? 'urgency-urgent' : undefined}>
      {t(`refer.urgencies.${urgency}`)}
    </span>
  );
}
