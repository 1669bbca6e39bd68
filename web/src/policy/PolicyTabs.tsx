// The policy monitor's own navigation: map, items, scorecard, work, and (for editors) import.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useCanEdit } from './words';

const TABS = [
  ['map', '/policy'],
  ['items', '/policy/items'],
  ['scorecard', '/policy/scorecard'],
  ['work', '/policy/work'],
  ['import', '/policy/import'],
] as const;

export function PolicyTabs() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  return (
    <nav className="policy-tabs" aria-label={t('policy.tabs.label')}>
      <ul>
        {TABS.filter(([key]) => key !== 'import' || canEdit).map(([key, path]) => (
          <li key={key}>
            <NavLink to={path} end>
              {t(`policy.tabs.${key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// The frame of every policy screen: title, the tabs, and a word for readers who cannot edit.
export function PolicyFrame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  return (
    <div className="page policy">
      <h1>{title}</h1>
      <PolicyTabs />
      {!canEdit && <p className="muted">{t('policy.readOnly')}</p>}
      {children}
    </div>
  );
}
