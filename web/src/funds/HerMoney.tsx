// Her money: the support-fund applications made for one woman, her ledger and her balances by
// source and kind, with the actions her roles allow — a worker applies for her, a supervisor
// decides, finance or a supervisor pays and reverses. A refused payment (over a cap, past the
// months, beyond the budget) shows the server's words next to the form and changes nothing.
// Only what the funds API gives is shown: finance never sees her case notes.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decideFundApplication,
  getLedger,
  listFundApplications,
  listFundingSources,
  reverseEntry,
  REVERSAL_REASONS,
  type FundApplication,
  type FundingSource,
  type LedgerEntry,
  type ReversalReason,
} from '../api';
import { useSubmission, wholeNumber } from '../cases/forms';
import { SubmitButton, useLoad } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { seoulToday } from '../shelters/dialogs';
import { ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { useRolesIfSignedIn } from '../session';
import { ApplyForm, PayForm } from './forms';
import { Receipts } from './Receipts';
import { percentOf, useWon } from './money';
import './funds.css';

type StatusKey = 'applied' | 'approved' | 'refused' | 'paid' | 'pendingApproval' | 'reversed';

// The signed-in user's roles (none while signed out).
export const useRoles = useRolesIfSignedIn;

export function HerMoney({
  personId,
  headingLevel = 2,
}: {
  personId: string;
  headingLevel?: 2 | 1;
}) {
  const { t } = useTranslation();
  const won = useWon();
  const roles = useRoles();
  const canApply = roles.includes('case_worker') || roles.includes('supervisor');
  const canDecide = roles.includes('supervisor');
  const canPay = roles.includes('finance') || roles.includes('supervisor');
  const canAttach = (['finance', 'org_admin', 'case_worker'] as const).some((r) =>
    roles.includes(r),
  );
  const sources = useLoad(listFundingSources, []);
  const apps = useLoad(() => listFundApplications(personId), [personId]);
  const ledger = useLoad(() => getLedger(personId), [personId]);
  const [status, setStatus] = useState<StatusKey | null>(null);
  const reload = () => {
    void sources.reload();
    void apps.reload();
    void ledger.reload();
  };
  const done = (key: StatusKey) => {
    setStatus(key);
    reload();
  };
  const sourceList = sources.data?.items ?? [];
  const sourceName = (id: string) => sourceList.find((s) => s.id === id)?.name ?? '';
  const H = headingLevel === 1 ? 'h1' : 'h2';
  const h3 = headingLevel === 1 ? 'h2' : 'h3';
  const Sub = h3 as 'h2' | 'h3';
  const entries = ledger.data?.entries ?? [];
  const reversedOf = (id: string) =>
    entries.filter((e) => e.reverses === id).reduce((s, e) => s - e.amount, 0);

  return (
    <section className="card funds-her" aria-labelledby="her-money-title">
      <H id="her-money-title">{t('fund.her.title')}</H>
      <StatusMessage text={status ? t(`fund.her.status.${status}`) : ''} />
      <ErrorAlert error={sources.error ?? apps.error ?? ledger.error} />

      <Sub>{t('fund.her.balancesTitle')}</Sub>
      {(ledger.data?.balances ?? []).length === 0 ? (
        <p>{t('fund.her.noBalances')}</p>
      ) : (
        <ul className="funds-list">
          {ledger.data!.balances.map((b) => (
            <li key={`${b.source_id}-${b.kind}`} className="funds-item">
              <p>
                <strong>{t(`fund.kind.${b.kind}`)}</strong>{' '}
                <span className="muted">{sourceName(b.source_id)}</span>
              </p>
              <p>
                {t('fund.her.balancePaid', { amount: won(b.net) })}
                {b.pending > 0 && (
                  <> · {t('fund.her.balancePending', { amount: won(b.pending) })}</>
                )}
                {b.reversed > 0 && (
                  <> · {t('fund.her.balanceReversed', { amount: won(b.reversed) })}</>
                )}
              </p>
              {b.cap !== null && b.remaining !== null && (
                <>
                  <p>
                    {t('fund.her.balanceRemaining', { amount: won(b.remaining), cap: won(b.cap) })}
                  </p>
                  <Meter percent={percentOf(b.cap - b.remaining, b.cap)} />
                </>
              )}
              {b.max_months > 0 && (
                <>
                  <p>{t('fund.her.balanceMonths', { used: b.months_used, max: b.max_months })}</p>
                  <Meter percent={percentOf(b.months_used, b.max_months)} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <Sub>{t('fund.her.applicationsTitle')}</Sub>
      {(apps.data?.items ?? []).length === 0 ? (
        <p>{t('fund.her.noApplications')}</p>
      ) : (
        <ul className="funds-list">
          {apps.data!.items.map((a) => (
            <ApplicationItem
              key={a.id}
              a={a}
              source={sourceList.find((s) => s.id === a.source_id)}
              canDecide={canDecide}
              onDone={done}
            />
          ))}
        </ul>
      )}

      <Sub>{t('fund.her.entriesTitle')}</Sub>
      {entries.length === 0 ? (
        <p>{t('fund.her.noEntries')}</p>
      ) : (
        <ul className="funds-list">
          {entries.map((e) => (
            <EntryItem
              key={e.id}
              e={e}
              sourceName={sourceName(e.source_id)}
              left={e.amount - reversedOf(e.id)}
              clawback={Boolean(
                sourceList.find((s) => s.id === e.source_id)?.rules[e.kind]?.clawback,
              )}
              canReverse={canPay}
              canAttach={canAttach}
              onDone={() => done('reversed')}
            />
          ))}
        </ul>
      )}

      {canApply && (
        <ApplyForm
          personId={personId}
          sources={sourceList}
          heading={Sub}
          onDone={() => done('applied')}
        />
      )}
      {canPay && (
        <PayForm
          personId={personId}
          sources={sourceList}
          applications={(apps.data?.items ?? []).filter((a) => a.status === 'approved')}
          heading={Sub}
          onDone={(e) => done(e.status === 'pending_approval' ? 'pendingApproval' : 'paid')}
          // A refused payment changed nothing: the last success no longer stands above it.
          onRefused={() => setStatus(null)}
        />
      )}
    </section>
  );
}

export function Meter({ percent }: { percent: number }) {
  // The numbers are in the words beside it; the bar only draws them.
  return (
    <div className="funds-meter" aria-hidden="true">
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}

function ApplicationItem({
  a,
  source,
  canDecide,
  onDone,
}: {
  a: FundApplication;
  source: FundingSource | undefined;
  canDecide: boolean;
  onDone: (key: StatusKey) => void;
}) {
  const { t } = useTranslation();
  const won = useWon();
  const submit = useSubmission();
  const [amount, setAmount] = useState(String(a.amount));
  const [committeeOn, setCommitteeOn] = useState('');
  const committee = Boolean(source?.rules[a.kind]?.committee);
  const fields = submit.error?.fields ?? {};
  const label = `${t(`fund.kind.${a.kind}`)} ${won(a.amount)}`;
  async function decide(approve: boolean) {
    const r = await submit.run(() =>
      decideFundApplication(
        a.id,
        approve
          ? {
              approve,
              amount: wholeNumber(amount) ?? a.amount,
              ...(committee && committeeOn ? { committee_on: committeeOn } : {}),
            }
          : { approve },
      ),
    );
    if (r) onDone(approve ? 'approved' : 'refused');
  }
  return (
    <li className="funds-item">
      <p>
        <strong>{t(`fund.kind.${a.kind}`)}</strong> {won(a.amount)}{' '}
        <span className={`badge funds-${a.status}`}>{t(`fund.appStatus.${a.status}`)}</span>
      </p>
      <p className="muted">
        {source?.name}
        {a.kind === 'living_costs' && ` · ${t('fund.her.monthsAsked', { months: a.months })}`}
        {a.children > 0 && ` · ${t('fund.her.childrenCount', { count: a.children })}`} ·{' '}
        {t('fund.her.appliedOn', { date: formatDate(a.applied_at) })}
      </p>
      {a.status === 'approved' && a.approved_amount !== null && (
        <p>
          {t('fund.her.decisionApproved', { amount: won(a.approved_amount), paid: won(a.paid) })}
          {a.committee_on &&
            ` · ${t('fund.her.committeeOn', { date: formatDate(a.committee_on) })}`}
        </p>
      )}
      {a.status === 'refused' && a.decided_at && (
        <p>{t('fund.her.decisionRefused', { date: formatDate(a.decided_at) })}</p>
      )}
      {a.reason && <p>{t('fund.her.reasonShown', { reason: a.reason })}</p>}
      {(a.elsewhere ?? []).length > 0 && (
        <div className="funds-elsewhere" role="note">
          <p>
            <strong>{t('fund.her.elsewhereTitle')}</strong>
          </p>
          <ul>
            {a.elsewhere!.map((x, i) => (
              <li key={i}>
                {x.organization
                  ? t('fund.her.elsewhereNamed', {
                      kind: t(`fund.kind.${x.kind}`),
                      year: x.year,
                      name: x.organization.name,
                    })
                  : t('fund.her.elsewhereUnnamed', {
                      kind: t(`fund.kind.${x.kind}`),
                      year: x.year,
                    })}
              </li>
            ))}
          </ul>
          <p className="muted">{t('fund.her.elsewhereHint')}</p>
        </div>
      )}
      {canDecide && a.status === 'pending' && (
        <div className="funds-decide">
          <ErrorAlert error={submit.error} />
          <TextField
            label={t('fund.her.approveAmount', { what: label })}
            inputMode="numeric"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={fields.amount}
          />
          {committee && (
            <TextField
              type="date"
              label={t('fund.her.committeeDate')}
              hint={t('fund.her.committeeHint')}
              value={committeeOn}
              max={seoulToday()}
              onChange={(e) => setCommitteeOn(e.target.value)}
              error={fields.committee_on}
              required
            />
          )}
          <div className="actions">
            <button type="button" disabled={submit.busy} onClick={() => void decide(true)}>
              {t('fund.her.approve')}
              <span className="visually-hidden"> {label}</span>
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={submit.busy}
              onClick={() => void decide(false)}
            >
              {t('fund.her.refuse')}
              <span className="visually-hidden"> {label}</span>
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function EntryItem({
  e,
  sourceName,
  left,
  clawback,
  canReverse,
  canAttach,
  onDone,
}: {
  e: LedgerEntry;
  sourceName: string;
  left: number;
  clawback: boolean;
  canReverse: boolean;
  canAttach: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const won = useWon();
  const submit = useSubmission();
  const [open, setOpen] = useState(false);
  const [showReceipts, setShowReceipts] = useState(false);
  const [reason, setReason] = useState<ReversalReason>('entry_error');
  const label = `${formatDate(e.paid_on)} ${t(`fund.kind.${e.kind}`)} ${won(e.amount)}`;
  async function reverse(ev: FormEvent) {
    ev.preventDefault();
    const r = await submit.run(() => reverseEntry(e.id, { reason }));
    if (r) {
      setOpen(false);
      onDone();
    }
  }
  return (
    <li className={e.amount < 0 ? 'funds-item funds-reversal' : 'funds-item'}>
      <p>
        {formatDate(e.paid_on)} · <strong>{t(`fund.kind.${e.kind}`)}</strong> {won(e.amount)}{' '}
        <span className={`badge funds-${e.status}`}>{t(`fund.entryStatus.${e.status}`)}</span>
      </p>
      <p className="muted">
        {sourceName}
        {e.kind === 'living_costs' && e.month && ` · ${t('fund.her.forMonth', { month: e.month })}`}
        {e.reversal_reason &&
          ` · ${t('fund.her.reversedBecause', { reason: t(`fund.reversal.${e.reversal_reason}`) })}`}
      </p>
      {e.amount > 0 && (
        <button
          type="button"
          className="button-secondary button-small"
          aria-expanded={showReceipts}
          onClick={() => setShowReceipts(!showReceipts)}
        >
          {t('fund.receipt.toggle', { count: e.receipts ?? 0 })}
          <span className="visually-hidden"> {label}</span>
        </button>
      )}{' '}
      {showReceipts && <Receipts entryId={e.id} canAttach={canAttach} />}
      {canReverse && e.status === 'paid' && e.amount > 0 && left > 0 && !open && (
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => setOpen(true)}
        >
          {t('fund.her.reverse')}
          <span className="visually-hidden"> {label}</span>
        </button>
      )}
      {open && (
        <form className="funds-decide" onSubmit={(ev) => void reverse(ev)} noValidate>
          <ErrorAlert error={submit.error} />
          <SelectField
            label={t('fund.her.reverseReason')}
            value={reason}
            onChange={(ev) => setReason(ev.target.value as ReversalReason)}
          >
            {REVERSAL_REASONS.filter((r) => r !== 'clawback' || clawback).map((r) => (
              <option key={r} value={r}>
                {t(`fund.reversal.${r}`)}
              </option>
            ))}
          </SelectField>
          <p>{t('fund.her.reverseWhat', { amount: won(left) })}</p>
          <div className="actions">
            <SubmitButton busy={submit.busy}>{t('fund.her.reverseConfirm')}</SubmitButton>
            <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
              {t('fund.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
