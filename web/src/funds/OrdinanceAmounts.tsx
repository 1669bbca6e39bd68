// Beside a funding source's rules: the amounts of the local ordinances in force where the
// organization works (its region and that region's municipalities), read from the policy
// monitor's scorecards. One button writes an ordinance's amounts into the rules, which the user
// can still change before saving: the ordinance is where a rule starts, not what it must be.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getOrdinanceAmounts,
  listCriteria,
  type Criterion,
  type OrdinanceAmounts as Amounts,
} from '../api';
import { useLoad } from '../cases/widgets';
import { currentLanguage } from '../i18n';
import { useRegionName } from '../policy/words';
import { useSignedIn } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../ui';
import { useWon } from './money';
import { fillsSomething } from './ordinance';

export function OrdinanceAmounts({ onUse }: { onUse: (amounts: Record<string, number>) => void }) {
  const region = useSignedIn().organization?.region ?? null;
  return region ? <ForRegion region={region} onUse={onUse} /> : null;
}

function ForRegion({
  region,
  onUse,
}: {
  region: string;
  onUse: (amounts: Record<string, number>) => void;
}) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const [used, setUsed] = useState('');
  const loaded = useLoad(async () => {
    const [amounts, criteria] = await Promise.all([getOrdinanceAmounts(region), listCriteria()]);
    if (!amounts.ok) return amounts;
    // Without the criteria the amounts are still useful: a missing name falls back below.
    const criteriaByKey = new Map(criteria.ok ? criteria.data.items.map((c) => [c.key, c]) : []);
    return { ok: true as const, data: { items: amounts.data.items, criteriaByKey } };
  }, [region]);
  const heading = 'funds-ordinance-heading';
  return (
    <section className="funds-ordinance" aria-labelledby={heading}>
      <h3 id={heading}>{t('fund.ordinance.title', { region: regionName(region) })}</h3>
      <ErrorAlert error={loaded.error} />
      {loaded.data &&
        (loaded.data.items.length === 0 ? (
          <p>{t('fund.ordinance.none', { region: regionName(region) })}</p>
        ) : (
          <>
            <p className="hint">{t('fund.ordinance.intro')}</p>
            <ul>
              {loaded.data.items.map((item) => (
                <Ordinance
                  key={item.id}
                  item={item}
                  criteria={loaded.data!.criteriaByKey}
                  onUse={() => {
                    onUse(item.amounts);
                    setUsed(t('fund.ordinance.used', { title: item.title }));
                  }}
                />
              ))}
            </ul>
          </>
        ))}
      <StatusMessage text={used} />
    </section>
  );
}

function Ordinance({
  item,
  criteria,
  onUse,
}: {
  item: Amounts;
  criteria: Map<string, Criterion>;
  onUse: () => void;
}) {
  const { t } = useTranslation();
  const won = useWon();
  const entries = Object.entries(item.amounts).filter(([, v]) => v > 0);
  return (
    <li>
      <strong>{item.title}</strong> ({item.jurisdiction_name})
      <ul className="funds-ordinance-amounts">
        {entries.map(([key, value]) => {
          const c = criteria.get(key);
          const name = c ? (currentLanguage() === 'en' ? c.label_en : c.label_ko) : null;
          return (
            <li key={key}>
              {name ?? t('fund.ordinance.otherAmount')}:{' '}
              {c?.kind === 'months' || (!c && key.endsWith('_months'))
                ? t('fund.ordinance.months', { count: value })
                : won(value)}
            </li>
          );
        })}
      </ul>
      {fillsSomething(item.amounts) && (
        <button
          type="button"
          className="button-secondary"
          onClick={onUse}
          aria-label={t('fund.ordinance.useNamed', { title: item.title })}
        >
          {t('fund.ordinance.use')}
        </button>
      )}
    </li>
  );
}
