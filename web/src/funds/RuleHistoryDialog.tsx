// Every version of a source's rules, newest first, each with when it was made and what it
// changed from the one before in sentences. The first version lists its rules in full. A
// payment records the rule version it was checked against, so this is where a worker looks
// when asking "why was this allowed then and refused now?".
import { useTranslation } from 'react-i18next';
import { getFundingSource, type FundRules, type FundingSource } from '../api';
import { useLoad } from '../cases/widgets';
import { formatDateTime } from '../i18n/format';
import { Dialog, ErrorAlert } from '../ui';
import { ruleChanges, useWon, type RuleChange, type RuleField } from './money';

const MONEY_FIELDS: readonly RuleField[] = ['cap', 'monthly', 'per_child'];

function useChangeText() {
  const { t } = useTranslation();
  const won = useWon();
  const value = (field: RuleField, v: number | boolean | null) => {
    if (v === null) return t('fund.history.notSet');
    if (typeof v === 'boolean') return v ? t('fund.history.yes') : t('fund.history.no');
    if (MONEY_FIELDS.includes(field)) return won(v);
    return t('fund.history.months', { count: v });
  };
  return (c: RuleChange): string => {
    switch (c.what) {
      case 'name':
        return t('fund.history.name', { before: c.before, after: c.after });
      case 'year':
        return t('fund.history.year', { before: c.before, after: c.after });
      case 'budget':
        return t('fund.history.budget', { before: won(c.before), after: won(c.after) });
      case 'kindAdded':
        return t('fund.history.kindAdded', { kind: t(`fund.kind.${c.kind}`) });
      case 'kindRemoved':
        return t('fund.history.kindRemoved', { kind: t(`fund.kind.${c.kind}`) });
      case 'rule':
        return t('fund.history.rule', {
          kind: t(`fund.kind.${c.kind}`),
          field: t(`fund.history.field.${c.field}`),
          before: value(c.field, c.before),
          after: value(c.field, c.after),
        });
    }
  };
}

// The rules of a first version as the same sentences, each from "not set".
function initialChanges(rules: FundRules): RuleChange[] {
  return ruleChanges(
    { name: '', year: 0, budget: 0, rules: {} },
    { name: '', year: 0, budget: 0, rules },
  );
}

export function RuleHistoryDialog({
  source,
  onClose,
}: {
  source: FundingSource;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const won = useWon();
  const text = useChangeText();
  const detail = useLoad(() => getFundingSource(source.id), [source.id]);
  const versions = [...(detail.data?.versions ?? [])].sort((a, b) => a.version - b.version);
  return (
    <Dialog open title={t('fund.history.title', { name: source.name })} onClose={onClose}>
      <ErrorAlert error={detail.error} />
      {detail.data && (
        <ol className="funds-history" reversed>
          {[...versions].reverse().map((v) => {
            const prev = versions.find((p) => p.version === v.version - 1);
            const changes = prev
              ? ruleChanges(prev, v)
              : initialChanges(v.rules).filter((c) => c.what === 'kindAdded' || c.what === 'rule');
            return (
              <li key={v.version}>
                <p>
                  <strong>{t('fund.version', { version: v.version })}</strong>{' '}
                  <span className="muted">
                    {t('fund.history.madeAt', { at: formatDateTime(v.created_at) })}
                  </span>
                  {v.version === detail.data!.version && (
                    <span className="funds-badge"> {t('fund.history.inForce')}</span>
                  )}
                </p>
                {!prev && (
                  <p className="muted">
                    {t('fund.history.first', { budget: won(v.budget), year: v.year })}
                  </p>
                )}
                {changes.length === 0 ? (
                  <p className="muted">{t('fund.history.noChange')}</p>
                ) : (
                  <ul>
                    {changes.map((c, i) => (
                      <li key={i}>{text(c)}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('fund.history.close')}
        </button>
      </div>
    </Dialog>
  );
}
