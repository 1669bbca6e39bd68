// /survivors/groups: the network's regional self-help groups with their facilitators (by alias)
// and how many members each has; coordinators create groups. Every member may read the list.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createSurvivorGroup, listSurvivorGroups, REGIONS, type ApiError } from '../api';
import { useLoad } from '../cases/widgets';
import { ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { canRunGroup } from './model';
import { SurvivorsFrame } from './SurvivorsFrame';
import { aliases, useRegionName } from './words';

export function GroupsPage() {
  const { t } = useTranslation();
  const region = useRegionName();
  const groups = useLoad(() => listSurvivorGroups(), []);
  const [notice, setNotice] = useState('');
  const items = groups.data?.items ?? [];
  return (
    <SurvivorsFrame title={t('survivors.groups.title')} error={groups.error}>
      {(rights) => (
        <>
          <StatusMessage text={notice} />
          {groups.data && items.length === 0 ? (
            <p>{t('survivors.groups.none')}</p>
          ) : (
            items.length > 0 && (
              <div
                className="table-wrap"
                tabIndex={0}
                role="region"
                aria-label={t('survivors.groups.listLabel')}
              >
                <table>
                  <caption className="visually-hidden">{t('survivors.groups.listLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('survivors.groups.name')}</th>
                      <th scope="col">{t('survivors.groups.region')}</th>
                      <th scope="col">{t('survivors.groups.facilitators')}</th>
                      <th scope="col">{t('survivors.groups.members')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((g) => (
                      <tr key={g.id}>
                        <th scope="row">
                          {canRunGroup(rights, g.id) ? (
                            <Link to={`/survivors/groups/${encodeURIComponent(g.id)}`}>
                              {g.name}
                            </Link>
                          ) : (
                            g.name
                          )}
                        </th>
                        <td>{region(g.region)}</td>
                        <td>
                          {g.facilitators.length
                            ? aliases(g.facilitators)
                            : t('survivors.groups.noFacilitator')}
                        </td>
                        <td>{t('survivors.members.count', { n: g.member_count })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          )}
          {rights.coordinator && (
            <NewGroup
              onCreated={() => {
                setNotice(t('survivors.groups.created'));
                void groups.reload();
              }}
            />
          )}
        </>
      )}
    </SurvivorsFrame>
  );
}

function NewGroup({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const region = useRegionName();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await createSurvivorGroup({ name: name.trim(), region: code });
    if (!r.ok) return setError(r.error);
    setError(null);
    setName('');
    setCode('');
    onCreated();
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="group-new">
      <h2 id="group-new">{t('survivors.groups.new')}</h2>
      <ErrorAlert error={error} />
      <TextField
        label={t('survivors.groups.name')}
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error?.fields.name}
      />
      <SelectField
        label={t('survivors.groups.region')}
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error?.fields.region}
      >
        <option value="">{t('survivors.groups.chooseRegion')}</option>
        {REGIONS.map((r) => (
          <option key={r} value={r}>
            {region(r)}
          </option>
        ))}
      </SelectField>
      <button type="submit">{t('survivors.groups.create')}</button>
    </form>
  );
}
