// /survivors: the network's members by alias — never a legal name in a list — with their group,
// roles and the day they joined. Coordinators see every group (and may narrow to one) and open
// a member's page; a facilitator sees her own group.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { listMembers, listSurvivorGroups } from '../api';
import { useLoad } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { ErrorAlert, SelectField, StatusMessage } from '../ui';
import { NoNetworkRole, SurvivorsFrame } from './SurvivorsFrame';
import { useRoleNames } from './words';

export function MembersPage() {
  const { t } = useTranslation();
  return (
    <SurvivorsFrame title={t('survivors.members.title')}>
      {(rights) =>
        rights.coordinator || rights.facilitator ? (
          <MemberList coordinator={rights.coordinator} />
        ) : (
          <NoNetworkRole />
        )
      }
    </SurvivorsFrame>
  );
}

function MemberList({ coordinator }: { coordinator: boolean }) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? '';
  const [groupId, setGroupId] = useState('');
  const groups = useLoad(() => listSurvivorGroups(), []);
  const members = useLoad(() => listMembers(groupId || undefined), [groupId]);
  const items = members.data?.items ?? [];
  return (
    <>
      <p className="page-intro">{t('survivors.intro')}</p>
      <StatusMessage text={notice} />
      <ErrorAlert error={members.error ?? groups.error} />
      <div className="survivors-head">
        {coordinator && (
          <SelectField
            label={t('survivors.members.filter')}
            value={groupId}
            onChange={(e) => setGroupId(e.target.value)}
          >
            <option value="">{t('survivors.members.allGroups')}</option>
            {(groups.data?.items ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </SelectField>
        )}
        <Link className="link-button" to="/survivors/members/new">
          {t('survivors.members.admit')}
        </Link>
      </div>
      {members.data && items.length === 0 ? (
        <p>{t('survivors.members.none')}</p>
      ) : (
        items.length > 0 && (
          <div
            className="table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t('survivors.members.listLabel')}
          >
            <table>
              <caption className="visually-hidden">{t('survivors.members.listLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('survivors.members.alias')}</th>
                  <th scope="col">{t('survivors.members.group')}</th>
                  <th scope="col">{t('survivors.members.roles')}</th>
                  <th scope="col">{t('survivors.members.joined')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      {coordinator ? (
                        <Link to={`/survivors/members/${encodeURIComponent(m.id)}`}>{m.alias}</Link>
                      ) : (
                        m.alias
                      )}
                    </th>
                    <td>{m.group.name}</td>
                    <td>{roleNames(m.roles).join(', ')}</td>
                    <td>{formatDate(`${m.joined_on}T00:00:00+09:00`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
    </>
  );
}
