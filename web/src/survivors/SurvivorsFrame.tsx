// The frame of every survivors' network screen: its title, its own tabs (peer support only for
// peer supporters and coordinators), and the network-role refusal in words.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { ApiError } from '../api';
import { Loading } from '../App';
import { ErrorAlert } from '../ui';
import type { NetworkRights } from './model';
import { useNetworkRights } from './rights';
import './survivors.css';

export function SurvivorsTabs({ rights }: { rights: NetworkRights }) {
  const { t } = useTranslation();
  const tabs = [
    ['members', '/survivors', rights.coordinator || rights.facilitator],
    ['groups', '/survivors/groups', true],
    ['peer', '/survivors/peer-support', rights.coordinator || rights.peerSupporter],
    ['statements', '/survivors/statements', true],
  ] as const;
  return (
    <nav className="survivors-tabs" aria-label={t('survivors.tabs.label')}>
      <ul>
        {tabs
          .filter(([, , shown]) => shown)
          .map(([key, path]) => (
            <li key={key}>
              <NavLink to={path} end={key === 'members'}>
                {t(`survivors.tabs.${key}`)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

// children gets her rights once they are known.
export function SurvivorsFrame({
  title,
  children,
  error,
}: {
  title: string;
  error?: ApiError | null;
  children: (rights: NetworkRights, memberId: string | null) => ReactNode;
}) {
  const { rights, memberId, error: rightsError } = useNetworkRights();
  return (
    <div className="page survivors">
      <h1>{title}</h1>
      {rights && <SurvivorsTabs rights={rights} />}
      <ErrorAlert error={error ?? rightsError} />
      {rights ? children(rights, memberId) : !rightsError && <Loading />}
    </div>
  );
}

// A refusal by network role, in words (the server's 403 says the same).
export function NoNetworkRole() {
  const { t } = useTranslation();
  return <p className="alert alert-warning">{t('survivors.noRole')}</p>;
}
