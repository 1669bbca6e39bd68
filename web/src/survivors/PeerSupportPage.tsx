// /survivors/peer-support: peer supporters log their contacts with women (date, region, how,
// minutes, a sealed note) with no link to any case or person; a peer supporter reads her own,
// coordinators all. Statistics count them as peer_support services.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listPeerContacts,
  logPeerContact,
  PEER_MODES,
  REGIONS,
  type ApiError,
  type PeerMode,
} from '../api';
import { useLoad } from '../cases/widgets';
import { formatDate, seoulToday } from '../i18n/format';
import { ErrorAlert, SelectField, StatusMessage, TextAreaField, TextField } from '../ui';
import { NoNetworkRole, SurvivorsFrame } from './SurvivorsFrame';
import { useRegionName } from './words';

export function PeerSupportPage() {
  const { t } = useTranslation();
  return (
    <SurvivorsFrame title={t('survivors.peer.title')}>
      {(rights) =>
        rights.coordinator || rights.peerSupporter ? (
          <PeerLog canLog={rights.peerSupporter} />
        ) : (
          <NoNetworkRole />
        )
      }
    </SurvivorsFrame>
  );
}

function PeerLog({ canLog }: { canLog: boolean }) {
  const { t } = useTranslation();
  const region = useRegionName();
  const contacts = useLoad(() => listPeerContacts(), []);
  const [notice, setNotice] = useState('');
  const items = contacts.data?.items ?? [];
  return (
    <>
      <p className="page-intro">{t('survivors.peer.intro')}</p>
      <StatusMessage text={notice} />
      <ErrorAlert error={contacts.error} />
      {canLog && (
        <NewContact
          onLogged={() => {
            setNotice(t('survivors.peer.logged'));
            void contacts.reload();
          }}
        />
      )}
      <section className="card" aria-labelledby="peer-list">
        <h2 id="peer-list">{t('survivors.peer.listLabel')}</h2>
        {contacts.data && items.length === 0 ? (
          <p>{t('survivors.peer.none')}</p>
        ) : (
          <div
            className="table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t('survivors.peer.listLabel')}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('survivors.peer.date')}</th>
                  <th scope="col">{t('survivors.peer.region')}</th>
                  <th scope="col">{t('survivors.peer.mode')}</th>
                  <th scope="col">{t('survivors.peer.minutes')}</th>
                  <th scope="col">{t('survivors.peer.supporter')}</th>
                  <th scope="col">{t('survivors.peer.note')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{formatDate(`${c.date}T00:00:00+09:00`)}</th>
                    <td>{region(c.region)}</td>
                    <td>{t(`survivors.modes.${c.mode}`)}</td>
                    <td>{t('survivors.peer.minutesValue', { n: c.minutes })}</td>
                    <td>{c.supporter.alias}</td>
                    <td>{c.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function NewContact({ onLogged }: { onLogged: () => void }) {
  const { t } = useTranslation();
  const region = useRegionName();
  const [date, setDate] = useState(seoulToday());
  const [code, setCode] = useState('');
  const [mode, setMode] = useState<PeerMode | ''>('');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await logPeerContact({
      date,
      region: code,
      mode: mode as PeerMode,
      minutes: Number(minutes),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setMinutes('');
    setNote('');
    onLogged();
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="peer-new">
      <h2 id="peer-new">{t('survivors.peer.newTitle')}</h2>
      <ErrorAlert error={error} />
      <TextField
        label={t('survivors.peer.date')}
        type="date"
        required
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={error?.fields.date}
      />
      <SelectField
        label={t('survivors.peer.region')}
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
      <SelectField
        label={t('survivors.peer.mode')}
        required
        value={mode}
        onChange={(e) => setMode(e.target.value as PeerMode)}
        error={error?.fields.mode}
      >
        <option value="">—</option>
        {PEER_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`survivors.modes.${m}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('survivors.peer.minutes')}
        type="number"
        inputMode="numeric"
        min={1}
        max={1440}
        required
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        error={error?.fields.minutes}
      />
      <TextAreaField
        label={t('survivors.peer.note')}
        hint={t('survivors.peer.noteHint')}
        maxLength={2000}
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={error?.fields.note}
      />
      <button type="submit">{t('survivors.peer.log')}</button>
    </form>
  );
}
