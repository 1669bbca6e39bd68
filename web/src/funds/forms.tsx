// The forms of her money: applying for her and paying her, each with the source and kind it
// concerns. A refused payment keeps what was typed and shows the server's words.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyForFunds,
  payFunds,
  FUND_KINDS,
  type FundApplication,
  type FundKind,
  type FundingSource,
  type LedgerEntry,
} from '../api';
import { useSubmission, wholeNumber } from '../cases/forms';
import { SubmitButton } from '../cases/widgets';
import { seoulToday } from '../shelters/dialogs';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';
import { seoulMonth, useWon } from './money';

const num = (s: string) => wholeNumber(s) ?? 0;

function kindsOf(source: FundingSource | undefined): FundKind[] {
  return source ? FUND_KINDS.filter((k) => source.rules[k] !== undefined) : [];
}

function SourceKindFields({
  sources,
  sourceId,
  kind,
  onSource,
  onKind,
  fields,
}: {
  sources: FundingSource[];
  sourceId: string;
  kind: FundKind | '';
  onSource: (id: string) => void;
  onKind: (k: FundKind) => void;
  fields: Record<string, string>;
}) {
  const { t } = useTranslation();
  const kinds = kindsOf(sources.find((s) => s.id === sourceId));
  return (
    <>
      <SelectField
        label={t('fund.her.source')}
        value={sourceId}
        onChange={(e) => onSource(e.target.value)}
        error={fields.source_id}
      >
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {t('fund.sourceName', { name: s.name, year: s.year })}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('fund.her.kind')}
        value={kind}
        onChange={(e) => onKind(e.target.value as FundKind)}
        error={fields.kind}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`fund.kind.${k}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

// The source chosen (the first when none yet) and a kind it pays.
function useSourceKind(sources: FundingSource[]) {
  const [picked, setPicked] = useState('');
  const [pickedKind, setPickedKind] = useState<FundKind | ''>('');
  const sourceId = sources.some((s) => s.id === picked) ? picked : (sources[0]?.id ?? '');
  const kinds = kindsOf(sources.find((s) => s.id === sourceId));
  const kind: FundKind | '' =
    pickedKind && kinds.includes(pickedKind) ? pickedKind : (kinds[0] ?? '');
  return { sourceId, kind, setSource: setPicked, setKind: setPickedKind };
}

export function ApplyForm({
  personId,
  sources,
  heading: Sub,
  onDone,
}: {
  personId: string;
  sources: FundingSource[];
  heading: 'h2' | 'h3';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const titleId = useId();
  const sk = useSourceKind(sources);
  const [amount, setAmount] = useState('');
  const [months, setMonths] = useState('');
  const [children, setChildren] = useState('0');
  const [reason, setReason] = useState('');
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!sk.kind) return;
    const r = await submit.run(() =>
      applyForFunds(personId, {
        source_id: sk.sourceId,
        kind: sk.kind as FundKind,
        amount: num(amount),
        months: sk.kind === 'living_costs' ? num(months) : 0,
        children: num(children),
        reason: reason.trim(),
      }),
    );
    if (r) {
      setAmount('');
      setMonths('');
      setReason('');
      onDone();
    }
  }
  return (
    <form
      className="funds-form"
      aria-labelledby={titleId}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <Sub id={titleId}>{t('fund.her.applyTitle')}</Sub>
      <ErrorAlert error={submit.error} />
      <SourceKindFields
        sources={sources}
        sourceId={sk.sourceId}
        kind={sk.kind}
        onSource={sk.setSource}
        onKind={sk.setKind}
        fields={fields}
      />
      <TextField
        label={t('fund.her.amount')}
        hint={t('fund.her.amountHint')}
        inputMode="numeric"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={fields.amount}
        required
      />
      {sk.kind === 'living_costs' && (
        <TextField
          label={t('fund.her.months')}
          inputMode="numeric"
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          error={fields.months}
          required
        />
      )}
      <TextField
        label={t('fund.her.children')}
        inputMode="numeric"
        value={children}
        onChange={(e) => setChildren(e.target.value)}
        error={fields.children}
      />
      <TextAreaField
        label={t('fund.her.reason')}
        hint={t('fund.her.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fields.reason}
      />
      <SubmitButton busy={submit.busy}>{t('fund.her.applySubmit')}</SubmitButton>
    </form>
  );
}

export function PayForm({
  personId,
  sources,
  applications,
  heading: Sub,
  onDone,
  onRefused,
}: {
  personId: string;
  sources: FundingSource[];
  applications: FundApplication[];
  heading: 'h2' | 'h3';
  onDone: (e: LedgerEntry) => void;
  onRefused: () => void;
}) {
  const { t } = useTranslation();
  const won = useWon();
  const submit = useSubmission();
  const titleId = useId();
  const sk = useSourceKind(sources);
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(seoulToday());
  const [month, setMonth] = useState(seoulMonth());
  const [children, setChildren] = useState('');
  const [appId, setAppId] = useState('');
  const fitting = applications.filter((a) => a.source_id === sk.sourceId && a.kind === sk.kind);
  const application = fitting.some((a) => a.id === appId) ? appId : (fitting[0]?.id ?? '');
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!sk.kind) return;
    const living = sk.kind === 'living_costs';
    const kids = wholeNumber(children);
    const r = await submit.run(() =>
      payFunds(personId, {
        source_id: sk.sourceId,
        kind: sk.kind as FundKind,
        amount: num(amount),
        paid_on: paidOn,
        ...(application ? { application_id: application } : {}),
        ...(living && month ? { month } : {}),
        ...(living && kids !== undefined ? { children: kids } : {}),
      }),
    );
    if (r) {
      setAmount('');
      onDone(r);
    } else onRefused();
  }
  return (
    <form
      className="funds-form"
      aria-labelledby={titleId}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <Sub id={titleId}>{t('fund.her.payTitle')}</Sub>
      <ErrorAlert error={submit.error} />
      <SourceKindFields
        sources={sources}
        sourceId={sk.sourceId}
        kind={sk.kind}
        onSource={sk.setSource}
        onKind={sk.setKind}
        fields={fields}
      />
      <SelectField
        label={t('fund.her.application')}
        value={application}
        onChange={(e) => setAppId(e.target.value)}
        error={fields.application_id}
      >
        <option value="">{t('fund.her.noApplication')}</option>
        {fitting.map((a) => (
          <option key={a.id} value={a.id}>
            {t('fund.her.applicationOption', {
              kind: t(`fund.kind.${a.kind}`),
              amount: won(a.approved_amount ?? a.amount),
              paid: won(a.paid),
            })}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('fund.her.amount')}
        hint={t('fund.her.amountHint')}
        inputMode="numeric"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={fields.amount}
        required
      />
      <TextField
        type="date"
        label={t('fund.her.paidOn')}
        value={paidOn}
        onChange={(e) => setPaidOn(e.target.value)}
        error={fields.paid_on}
        required
      />
      {sk.kind === 'living_costs' && (
        <>
          <TextField
            type="month"
            label={t('fund.her.month')}
            hint={t('fund.her.monthHint')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            error={fields.month}
          />
          <TextField
            label={t('fund.her.children')}
            hint={t('fund.her.childrenPayHint')}
            inputMode="numeric"
            value={children}
            onChange={(e) => setChildren(e.target.value)}
            error={fields.children}
          />
        </>
      )}
      <SubmitButton busy={submit.busy}>{t('fund.her.paySubmit')}</SubmitButton>
    </form>
  );
}
