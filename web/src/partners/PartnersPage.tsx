// /partners: the partner organizations the user sees, by name, filtered by kind in words; those
// who may write get the "new partner" link.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listPartners, PARTNER_KINDS, type PartnerKind } from '../api';
import { useLoad } from '../cases/widgets';
import { useMayWrite } from '../campaigns/words';
import { ErrorAlert, SelectField } from '../ui';
import { partnerName } from './words';
import '../campaigns/campaigns.css';

export function PartnersPage() {
  const { t } = useTranslation();
  const mayWrite = useMayWrite();
  const [kind, setKind] = useState<PartnerKind | ''>('');
  const partners = useLoad(() => listPartners(kind || undefined), [kind]);
  const items = partners.data?.items ?? [];
  return (
    <div className="page partners">
      <div className="page-head">
        <h1>{t('partners.title')}</h1>
        {mayWrite && (
          <Link className="campaign-link-button" to="/partners/new">
            {t('partners.new')}
          </Link>
        )}
      </div>
      <p className="page-intro">{t('partners.intro')}</p>
      <SelectField
        label={t('partners.filterKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as PartnerKind | '')}
      >
        <option value="">{t('partners.allKinds')}</option>
        {PARTNER_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`partners.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <ErrorAlert error={partners.error} />
      {partners.data && items.length === 0 && <p>{t('partners.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('partners.listLabel')}>
          <table>
            <caption className="visually-hidden">{t('partners.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partners.name')}</th>
                <th scope="col">{t('partners.kindLabel')}</th>
                <th scope="col">{t('partners.keptBy')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/partners/${encodeURIComponent(p.id)}`}>{partnerName(p)}</Link>
                  </th>
                  <td>{t(`partners.kind.${p.kind}`)}</td>
                  <td>{p.organization.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
