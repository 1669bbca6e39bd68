// /survivors/groups/:groupId (the group's facilitators and coordinators): its meetings, coming
// and past, with time, topic, place (sealed) and facilitator; planning a meeting; and attendance
// taken by alias, member by member.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  createMeeting,
  getMeetingAttendance,
  listMeetings,
  listMembers,
  listSurvivorGroups,
  markAttended,
  unmarkAttended,
  type ApiError,
  type Meeting,
  type MeetingAttendance,
  type SurvivorGroup,
} from '../api';
import { useLoad } from '../cases/widgets';
import { fromKoreaLocal } from '../events/model';
import { formatDateTime } from '../i18n/format';
import { Dialog, ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { canRunGroup, splitMeetings } from './model';
import { NoNetworkRole, SurvivorsFrame } from './SurvivorsFrame';

export function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const groups = useLoad(() => listSurvivorGroups(), []);
  const group = groups.data?.items.find((g) => g.id === groupId);
  return (
    <SurvivorsFrame title={group?.name ?? t('survivors.groups.title')} error={groups.error}>
      {(rights) =>
        !canRunGroup(rights, groupId) ? <NoNetworkRole /> : group && <GroupMeetings group={group} />
      }
    </SurvivorsFrame>
  );
}

function GroupMeetings({ group }: { group: SurvivorGroup }) {
  const { t } = useTranslation();
  const meetings = useLoad(() => listMeetings(group.id), [group.id]);
  const [notice, setNotice] = useState('');
  const [taking, setTaking] = useState<Meeting | null>(null);
  const { coming, past } = splitMeetings(meetings.data?.items ?? [], new Date());
  return (
    <>
      <p>
        <Link to="/survivors/groups">{t('survivors.group.back')}</Link>
      </p>
      <StatusMessage text={notice} />
      <ErrorAlert error={meetings.error} />
      {[['coming', coming] as const, ['past', past] as const].map(([key, list]) => (
        <section key={key} className="card" aria-labelledby={`meetings-${key}`}>
          <h2 id={`meetings-${key}`}>{t(`survivors.group.${key}`)}</h2>
          {list.length === 0 ? (
            <p>{t('survivors.group.none')}</p>
          ) : (
            <div
              className="table-wrap"
              tabIndex={0}
              role="region"
              aria-label={`${group.name}: ${t(`survivors.group.${key}`)}`}
            >
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('survivors.group.when')}</th>
                    <th scope="col">{t('survivors.group.topic')}</th>
                    <th scope="col">{t('survivors.group.place')}</th>
                    <th scope="col">{t('survivors.group.facilitator')}</th>
                    <th scope="col">{t('survivors.group.attendance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((m) => (
                    <tr key={m.id}>
                      <td>{formatDateTime(m.starts_at)}</td>
                      <th scope="row">{m.topic}</th>
                      <td>{m.place ?? ''}</td>
                      <td>{m.facilitator?.alias ?? ''}</td>
                      <td>
                        <button
                          type="button"
                          className="button-secondary"
                          aria-label={t('survivors.group.takeAttendance', {
                            n: m.attendance_count,
                            when: formatDateTime(m.starts_at),
                          })}
                          onClick={() => setTaking(m)}
                        >
                          {t('survivors.group.attendanceCount', { n: m.attendance_count })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      <NewMeeting
        group={group}
        onCreated={() => {
          setNotice(t('survivors.group.meetingCreated'));
          void meetings.reload();
        }}
      />
      {taking && (
        <AttendanceDialog
          meeting={taking}
          groupId={group.id}
          onClose={() => {
            setTaking(null);
            void meetings.reload();
          }}
        />
      )}
    </>
  );
}

function NewMeeting({ group, onCreated }: { group: SurvivorGroup; onCreated: () => void }) {
  const { t } = useTranslation();
  const [startsAt, setStartsAt] = useState('');
  const [topic, setTopic] = useState('');
  const [place, setPlace] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await createMeeting(group.id, {
      starts_at: fromKoreaLocal(startsAt),
      topic: topic.trim(),
      place: place.trim(),
      ...(facilitator ? { facilitator_id: facilitator } : {}),
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setStartsAt('');
    setTopic('');
    setPlace('');
    onCreated();
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="meeting-new">
      <h2 id="meeting-new">{t('survivors.group.newMeeting')}</h2>
      <ErrorAlert error={error} />
      <TextField
        label={t('survivors.group.startsAt')}
        type="datetime-local"
        required
        value={startsAt}
        onChange={(e) => setStartsAt(e.target.value)}
        error={error?.fields.starts_at}
      />
      <TextField
        label={t('survivors.group.topic')}
        required
        maxLength={200}
        value={topic}
        onChange={(e) => setTopic(e.target.value)}
        error={error?.fields.topic}
      />
      <TextField
        label={t('survivors.group.place')}
        required
        maxLength={300}
        autoComplete="off"
        value={place}
        onChange={(e) => setPlace(e.target.value)}
        error={error?.fields.place}
      />
      <SelectField
        label={t('survivors.group.chooseFacilitator')}
        value={facilitator}
        onChange={(e) => setFacilitator(e.target.value)}
        error={error?.fields.facilitator_id}
      >
        <option value="">—</option>
        {group.facilitators.map((f) => (
          <option key={f.id} value={f.id}>
            {f.alias}
          </option>
        ))}
      </SelectField>
      <button type="submit">{t('survivors.group.createMeeting')}</button>
    </form>
  );
}

function AttendanceDialog({
  meeting,
  groupId,
  onClose,
}: {
  meeting: Meeting;
  groupId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const members = useLoad(() => listMembers(groupId), [groupId]);
  const attendance = useLoad(() => getMeetingAttendance(meeting.id), [meeting.id]);
  const [error, setError] = useState<ApiError | null>(null);
  // A box ticked shows at once; the server's answer then replaces it.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const present = new Set((attendance.data?.items ?? []).map((i) => i.member_id));
  const when = formatDateTime(meeting.starts_at);
  async function toggle(memberId: string, on: boolean) {
    setPending((p) => ({ ...p, [memberId]: on }));
    const r = on
      ? await markAttended(meeting.id, memberId)
      : await unmarkAttended(meeting.id, memberId);
    setPending(({ [memberId]: _, ...rest }) => rest);
    if (!r.ok) return setError(r.error);
    setError(null);
    attendance.setData(r.data as MeetingAttendance);
  }
  const list = (members.data?.items ?? []).filter((m) => m.group.id === groupId);
  return (
    <Dialog open title={t('survivors.group.attendanceTitle', { when })} onClose={onClose}>
      <p>{t('survivors.group.attendanceIntro')}</p>
      <ErrorAlert error={error ?? members.error ?? attendance.error} />
      {members.data && list.length === 0 && <p>{t('survivors.group.noMembers')}</p>}
      <fieldset>
        <legend className="visually-hidden">{meeting.topic}</legend>
        {list.map((m) => (
          <label key={m.id} className="check-row">
            <input
              type="checkbox"
              checked={pending[m.id] ?? present.has(m.id)}
              disabled={!attendance.data}
              onChange={(e) => void toggle(m.id, e.target.checked)}
            />
            {m.alias}
          </label>
        ))}
      </fieldset>
      {attendance.data && attendance.data.anonymous > 0 && (
        <p className="muted">{t('survivors.group.anonymous', { n: attendance.data.anonymous })}</p>
      )}
      {attendance.data && (
        <p>{t('survivors.group.attendanceTotal', { n: attendance.data.count })}</p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('survivors.group.close')}
        </button>
      </div>
    </Dialog>
  );
}
