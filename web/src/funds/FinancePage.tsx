// The finance home (/funds): each funding source with its budget, what is spent, waiting and
// left (a bar per source, the numbers in words), the month's totals by kind for a chosen source
// (a bar chart and the same numbers in a table), the payments waiting for a second person, and
// — for org admins and finance — creating and editing a source and its rules, and the amount
// above which a payment needs a second person. Earlier versions of a source's rules open from it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  approvePayment,
  getFundingSource,
  listFundingSources,
  listPendingPayments,
  type FundingSource,
  type LedgerEntry,
} from '../api';
import { useSubmission } from '../cases/forms';
import { useLoad } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { ErrorAlert, SelectField, StatusMessage } from '../ui';
import { HerMoney, useRoles } from './HerMoney';
import { useWon } from './money';
import { budgetShares, monthlyRows, percentOf } from './money';
import { RuleHistoryDialog } from './RuleHistoryDialog';
import { SourceDialog } from './SourceDialog';
import { ThresholdCard } from './ThresholdCard';
import './funds.css';

type StatusKey = 'created' | 'updated' | 'paymentApproved' | 'paymentRejected' | 'thresholdSaved';

function SourceItem({
  s,
  canEdit,
  onEdit,
  onHistory,
}: {
  s: FundingSource;
  canEdit: boolean;
  onEdit: () => void;
  onHistory: () => void;
}) {
  const { t } = useTranslation();
  const won = useWon();
  const share = budgetShares(s);
  return (
    <li className="funds-item">
      <p>
        <strong>{t('fund.sourceName', { name: s.name, year: s.year })}</strong>{' '}
        <span className="muted">{t('fund.version', { version: s.version })}</span>
      </p>
      <dl className="funds-figures">
        <dt>{t('fund.budget')}</dt>
        <dd>{won(s.budget)}</dd>
        <dt>{t('fund.spent')}</dt>
        <dd>{won(s.spent)}</dd>
        <dt>{t('fund.pending')}</dt>
        <dd>{won(s.pending)}</dd>
        <dt>{t('fund.remaining')}</dt>
        <dd>{won(s.remaining)}</dd>
      </dl>
      <div
        className="funds-budget-bar"
        role="img"
        aria-label={t('fund.budgetBar', { name: s.name, ...share })}
      >
        <span className="spent" style={{ width: `${share.spent}%` }} />
        <span className="pending" style={{ width: `${share.pending}%` }} />
      </div>
      <p className="muted">{t('fund.budgetBar', { name: s.name, ...share })}</p>
      <p className="muted">
        {t('fund.pays', {
          kinds: Object.keys(s.rules)
            .map((k) => t(`fund.kind.${k as keyof FundingSource['rules']}`))
            .join(', '),
        })}
      </p>
      <div className="actions">
        {canEdit && (
          <button type="button" className="button-secondary button-small" onClick={onEdit}>
            {t('fund.edit')}
            <span className="visually-hidden"> {s.name}</span>
          </button>
        )}
        {s.version > 1 && (
          <button type="button" className="button-secondary button-small" onClick={onHistory}>
            {t('fund.history.open')}
            <span className="visually-hidden"> {s.name}</span>
          </button>
        )}
      </div>
    </li>
  );
}

function Monthly({ sources }: { sources: FundingSource[] }) {
  const { t } = useTranslation();
  const won = useWon();
  const [picked, setPicked] = useState('');
  const id = sources.some((s) => s.id === picked) ? picked : (sources[0]?.id ?? '');
  const detail = useLoad(() => getFundingSource(id), [id]);
  const { kinds, rows } = monthlyRows(id && detail.data?.id === id ? detail.data.monthly : []);
  const flat = rows.flatMap((r) =>
    kinds
      .map((k, i) => ({ month: r.month, kind: k, paid: r.values[i]! }))
      .filter((x) => x.paid !== 0),
  );
  const name = sources.find((s) => s.id === id)?.name ?? '';
  const maxPaid = Math.max(1, ...flat.map((x) => x.paid));
  return (
    <section className="card" aria-labelledby="monthly-title">
      <h2 id="monthly-title">{t('fund.monthlyTitle')}</h2>
      {sources.length === 0 ? (
        <p>{t('fund.noSources')}</p>
      ) : (
        <>
          <SelectField
            label={t('fund.monthlySource')}
            value={id}
            onChange={(e) => setPicked(e.target.value)}
          >
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {t('fund.sourceName', { name: s.name, year: s.year })}
              </option>
            ))}
          </SelectField>
          <ErrorAlert error={detail.error} />
          {flat.length === 0 ? (
            <p>{t('fund.noMonthly')}</p>
          ) : (
            <>
              <ul className="funds-chart" aria-label={t('fund.monthlyChart', { name })}>
                {flat.map((x) => (
                  <li key={`${x.month}-${x.kind}`}>
                    <span className="funds-chart-label">
                      {x.month} {t(`fund.kind.${x.kind}`)} <strong>{won(x.paid)}</strong>
                    </span>
                    <span className="funds-meter" aria-hidden="true">
                      <span style={{ width: `${percentOf(x.paid, maxPaid)}%` }} />
                    </span>
                  </li>
                ))}
              </ul>
              <div
                className="table-wrap funds-table"
                tabIndex={0}
                role="region"
                aria-labelledby="monthly-caption"
              >
                <table>
                  <caption id="monthly-caption">{t('fund.monthlyChart', { name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('fund.month')}</th>
                      {kinds.map((k) => (
                        <th scope="col" key={k}>
                          {t(`fund.kind.${k}`)}
                        </th>
                      ))}
                      <th scope="col">{t('fund.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.month}>
                        <th scope="row">{r.month}</th>
                        {r.values.map((v, i) => (
                          <td key={kinds[i]}>{won(v)}</td>
                        ))}
                        <td>{won(r.values.reduce((a, b) => a + b, 0))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

function PendingItem({
  e,
  sourceName,
  onDone,
}: {
  e: LedgerEntry;
  sourceName: string;
  onDone: (approved: boolean) => void;
}) {
  const { t } = useTranslation();
  const won = useWon();
  const submit = useSubmission();
  const label = `${t(`fund.kind.${e.kind}`)} ${won(e.amount)}`;
  async function decide(approve: boolean) {
    const r = await submit.run(() => approvePayment(e.id, approve));
    if (r) onDone(approve);
  }
  return (
    <li className="funds-item">
      <p>
        <strong>{t(`fund.kind.${e.kind}`)}</strong> {won(e.amount)} ·{' '}
        {t('fund.paidOn', { date: formatDate(e.paid_on) })}
      </p>
      <p className="muted">
        {sourceName} ·{' '}
        <Link to={`/funds/people/${encodeURIComponent(e.person_id)}`}>{t('fund.herLedger')}</Link>
      </p>
      <ErrorAlert error={submit.error} />
      <div className="actions">
        <button type="button" disabled={submit.busy} onClick={() => void decide(true)}>
          {t('fund.approvePayment')}
          <span className="visually-hidden"> {label}</span>
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={submit.busy}
          onClick={() => void decide(false)}
        >
          {t('fund.rejectPayment')}
          <span className="visually-hidden"> {label}</span>
        </button>
      </div>
    </li>
  );
}

export function FinancePage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const canEdit = roles.includes('org_admin') || roles.includes('finance');
  const canApprove = roles.includes('finance') || roles.includes('supervisor');
  const sources = useLoad(listFundingSources, []);
  const pending = useLoad(
    () =>
      canApprove
        ? listPendingPayments()
        : Promise.resolve({ ok: true as const, data: { items: [] as LedgerEntry[] } }),
    [canApprove],
  );
  const [editing, setEditing] = useState<FundingSource | 'new' | null>(null);
  const [history, setHistory] = useState<FundingSource | null>(null);
  const [status, setStatus] = useState<StatusKey | null>(null);
  const list = sources.data?.items ?? [];
  const reload = () => {
    void sources.reload();
    void pending.reload();
  };
  return (
    <div className="page funds">
      <h1>{t('fund.title')}</h1>
      <p className="page-intro">{t('fund.intro')}</p>
      <StatusMessage text={status ? t(`fund.status.${status}`) : ''} />
      <ErrorAlert error={sources.error ?? pending.error} />

      <section className="card" aria-labelledby="sources-title">
        <h2 id="sources-title">{t('fund.sourcesTitle')}</h2>
        {canEdit && (
          <p>
            <button type="button" onClick={() => setEditing('new')}>
              {t('fund.newSource')}
            </button>
          </p>
        )}
        {sources.data && list.length === 0 && <p>{t('fund.noSources')}</p>}
        <ul className="funds-list">
          {list.map((s) => (
            <SourceItem
              key={s.id}
              s={s}
              canEdit={canEdit}
              onEdit={() => setEditing(s)}
              onHistory={() => setHistory(s)}
            />
          ))}
        </ul>
      </section>

      <Monthly sources={list} />

      <ThresholdCard canEdit={canEdit} onSaved={() => setStatus('thresholdSaved')} />

      {canApprove && (
        <section className="card" aria-labelledby="pending-title">
          <h2 id="pending-title">{t('fund.pendingTitle')}</h2>
          <p className="muted">{t('fund.pendingIntro')}</p>
          {(pending.data?.items ?? []).length === 0 ? (
            <p>{t('fund.noPending')}</p>
          ) : (
            <ul className="funds-list">
              {pending.data!.items.map((e) => (
                <PendingItem
                  key={e.id}
                  e={e}
                  sourceName={list.find((s) => s.id === e.source_id)?.name ?? ''}
                  onDone={(approved) => {
                    setStatus(approved ? 'paymentApproved' : 'paymentRejected');
                    reload();
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      )}

      {history && <RuleHistoryDialog source={history} onClose={() => setHistory(null)} />}
      {editing && (
        <SourceDialog
          source={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setStatus(editing === 'new' ? 'created' : 'updated');
            setEditing(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

// /funds/people/:personId: her money for finance (who cannot open her person page) and for
// supervisors coming from a pending payment.
export function FundsPersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  return (
    <div className="page funds">
      <p>
        <Link to="/funds">{t('fund.backHome')}</Link>
      </p>
      <HerMoney personId={personId} headingLevel={1} />
    </div>
  );
}
