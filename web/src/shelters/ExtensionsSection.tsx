// A supervisor's decision on stay extensions (/supervision): each pending request with the
// reason staff gave, the date asked for and the legal maximum, approved or refused once. Shown
// only when something waits, so supervisors of organizations without a shelter never see it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decideExtension, listExtensions, type Extension } from '../api';
import { useSubmission } from '../cases/forms';
import { useLoad } from '../cases/widgets';
import { formatDate, formatDateTime } from '../i18n/format';
import { ErrorAlert, StatusMessage } from '../ui';

export function ExtensionsSection() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(listExtensions, []);
  const decide = useSubmission();
  const [done, setDone] = useState('');
  const items = data?.items ?? [];
  if (!error && items.length === 0 && !done) return null;

  async function answer(x: Extension, approve: boolean) {
    const r = await decide.run(() => decideExtension(x.id, approve));
    if (r) {
      setDone(
        t(approve ? 'shelter.extensions.approved' : 'shelter.extensions.refused', {
          code: x.person_code,
          date: formatDate(x.until_on),
        }),
      );
      void reload();
    }
  }

  return (
    <section className="card" aria-labelledby="extensions-title">
      <h2 id="extensions-title">{t('shelter.extensions.title', { count: items.length })}</h2>
      <ErrorAlert error={error ?? decide.error} />
      <StatusMessage text={done} />
      <ul className="shelter-list">
        {items.map((x) => (
          <li key={x.id} className="shelter-item">
            <p>
              {t('shelter.extensions.item', {
                code: x.person_code,
                date: formatDate(x.until_on),
                max: formatDate(x.max_end_on),
                at: formatDateTime(x.requested_at),
              })}
            </p>
            <p className="quoted">
              <span className="field-label">{t('shelter.extensions.reason')}</span>{' '}
              {x.reason ?? t('shelter.extensions.noReason')}
            </p>
            <div className="actions">
              <button type="button" disabled={decide.busy} onClick={() => void answer(x, true)}>
                {t('shelter.extensions.approve')}
                <span className="visually-hidden"> {x.person_code}</span>
              </button>
              <button
                type="button"
                className="button-secondary"
                disabled={decide.busy}
                onClick={() => void answer(x, false)}
              >
                {t('shelter.extensions.refuse')}
                <span className="visually-hidden"> {x.person_code}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
