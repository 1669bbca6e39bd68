// /partners/:partnerId: a partner organization — kind, names, website, the staff-only note —
// with its alliance memberships, agreements (signed, expiring, active), the stops it hosts and
// the events it co-organizes, the history of interactions, and, for those who may edit it, its
// sealed contacts: loaded only when asked for ("Show contacts"), because every read is audited.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  addAgreement,
  addAlliance,
  addInteraction,
  addPartnerContact,
  agreementFileUrl,
  getPartner,
  INTERACTION_KINDS,
  listPartnerContacts,
  removeAgreement,
  removeAlliance,
  removePartnerContact,
  type ApiResult,
  type InteractionKind,
  type PartnerContact,
  type PartnerDetail,
} from '../api';
import { isDay } from '../campaigns/model';
import { placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { formatDate, formatDateTime, seoulToday } from '../i18n/format';
import { ErrorAlert, SelectField, StatusMessage, TextAreaField, TextField } from '../ui';
import { partnerName } from './words';
import '../campaigns/campaigns.css';

// A small form of a section: its fields and the one request it sends; cleared after success.
function AddForm({
  id,
  title,
  fields,
  submitLabel,
  check,
  send,
  onDone,
  children,
}: {
  id: string;
  title: string;
  fields: string[];
  submitLabel: string;
  check: () => Record<string, string>;
  send: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
  children: (err: (f: string) => string | undefined) => ReactNode;
}) {
  const submit = useSubmission();
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, fields);
  async function go(e: FormEvent) {
    e.preventDefault();
    const need = check();
    setLocal(need);
    if (Object.keys(need).length) return;
    const r = await submit.run(send);
    if (r !== null) onDone();
  }
  return (
    <form onSubmit={(e) => void go(e)} noValidate aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        {children((f) => local[f] ?? byField[f])}
        <div className="actions">
          <SubmitButton busy={submit.busy}>{submitLabel}</SubmitButton>
        </div>
      </div>
    </form>
  );
}

function useRemove(onDone: () => void) {
  const remove = useSubmission();
  const run = async (call: () => Promise<ApiResult<void>>) => {
    const ok = await remove.run(async () => {
      const r = await call();
      return r.ok ? { ok: true as const, data: true } : r;
    });
    if (ok) onDone();
  };
  return { ...remove, go: run };
}

export function PartnerPage() {
  const { t } = useTranslation();
  const { partnerId = '' } = useParams();
  const location = useLocation();
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  const loaded = useLoad(() => getPartner(partnerId), [partnerId]);
  const p = loaded.data;
  return (
    <div className="page partners">
      <p>
        <Link to="/partners">{t('partners.back')}</Link>
      </p>
      <ErrorAlert error={loaded.error} />
      {p && (
        <>
          <div className="page-head">
            <h1>{partnerName(p)}</h1>
            {p.can_edit && (
              <Link
                className="campaign-link-button"
                to={`/partners/${encodeURIComponent(p.id)}/edit`}
              >
                {t('partners.edit')}
              </Link>
            )}
          </div>
          <StatusMessage text={saved ? t('partners.saved') : ''} />
          <section className="card" aria-labelledby="partner-about">
            <h2 id="partner-about">{t('partners.about')}</h2>
            <dl className="campaign-facts">
              <dt>{t('partners.kindLabel')}</dt>
              <dd>{t(`partners.kind.${p.kind}`)}</dd>
              <dt>{t('partners.form.nameKo')}</dt>
              <dd>{p.name_ko}</dd>
              {p.name_en && (
                <>
                  <dt>{t('partners.form.nameEn')}</dt>
                  <dd>{p.name_en}</dd>
                </>
              )}
              {p.website && (
                <>
                  <dt>{t('partners.form.website')}</dt>
                  <dd>
                    <a href={p.website} rel="noreferrer noopener" target="_blank">
                      {p.website}
                    </a>
                  </dd>
                </>
              )}
              <dt>{t('partners.keptBy')}</dt>
              <dd>{p.organization.name}</dd>
              {p.note && (
                <>
                  <dt>{t('partners.form.note')}</dt>
                  <dd className="campaign-text">{p.note}</dd>
                </>
              )}
            </dl>
          </section>
          {p.can_edit && <ContactsSection partner={p} />}
          <AlliancesSection partner={p} onDone={() => void loaded.reload()} />
          <AgreementsSection partner={p} onDone={() => void loaded.reload()} />
          <InteractionsSection partner={p} onDone={() => void loaded.reload()} />
          <WorkTogether partner={p} />
        </>
      )}
    </div>
  );
}

function ContactsSection({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const [contacts, setContacts] = useState<PartnerContact[] | null>(null);
  const load = useSubmission();
  const remove = useSubmission();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  async function show() {
    const r = await load.run(() => listPartnerContacts(partner.id));
    if (r) setContacts(r.items);
  }
  async function drop(c: PartnerContact) {
    const ok = await remove.run(async () => {
      const r = await removePartnerContact(partner.id, c.id);
      return r.ok ? { ok: true as const, data: true } : r;
    });
    if (ok) await show();
  }
  return (
    <section className="card contacts-sealed" aria-labelledby="partner-contacts">
      <h2 id="partner-contacts">{t('partners.contacts.title')}</h2>
      <p className="muted">{t('partners.contacts.intro')}</p>
      <ErrorAlert error={load.error ?? remove.error} />
      {contacts === null ? (
        <button type="button" onClick={() => void show()} disabled={load.busy}>
          {t('partners.contacts.show')}
        </button>
      ) : (
        <>
          {contacts.length === 0 && <p>{t('partners.contacts.none')}</p>}
          <ul className="plain-list" aria-label={t('partners.contacts.listLabel')}>
            {contacts.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong>
                {c.role && <span>{c.role}</span>}
                {c.phone && <span>{c.phone}</span>}
                {c.email && <span>{c.email}</span>}
                <button
                  type="button"
                  className="button-secondary button-small"
                  disabled={remove.busy}
                  aria-label={t('partners.contacts.removeNamed', { name: c.name })}
                  onClick={() => void drop(c)}
                >
                  {t('partners.remove')}
                </button>
              </li>
            ))}
          </ul>
          <AddForm
            id="contact-add"
            title={t('partners.contacts.addTitle')}
            fields={['name', 'role', 'phone', 'email']}
            submitLabel={t('partners.contacts.add')}
            check={() => {
              const need: Record<string, string> = {};
              if (!name.trim()) need.name = t('campaigns.form.required');
              if (!phone.trim() && !email.trim()) need.phone = t('partners.contacts.phoneOrEmail');
              return need;
            }}
            send={() =>
              addPartnerContact(partner.id, {
                name: name.trim(),
                role: role.trim(),
                phone: phone.trim(),
                email: email.trim(),
              })
            }
            onDone={() => {
              setName('');
              setRole('');
              setPhone('');
              setEmail('');
              void show();
            }}
          >
            {(err) => (
              <>
                <TextField
                  label={t('partners.contacts.name')}
                  value={name}
                  maxLength={100}
                  error={err('name')}
                  onChange={(e) => setName(e.target.value)}
                />
                <TextField
                  label={t('partners.contacts.role')}
                  value={role}
                  maxLength={100}
                  error={err('role')}
                  onChange={(e) => setRole(e.target.value)}
                />
                <TextField
                  label={t('partners.contacts.phone')}
                  type="tel"
                  value={phone}
                  maxLength={40}
                  error={err('phone')}
                  onChange={(e) => setPhone(e.target.value)}
                />
                <TextField
                  label={t('partners.contacts.email')}
                  type="email"
                  value={email}
                  maxLength={200}
                  error={err('email')}
                  onChange={(e) => setEmail(e.target.value)}
                />
              </>
            )}
          </AddForm>
        </>
      )}
    </section>
  );
}

function AlliancesSection({ partner, onDone }: { partner: PartnerDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useRemove(onDone);
  const [name, setName] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  return (
    <section className="card" aria-labelledby="partner-alliances">
      <h2 id="partner-alliances">{t('partners.alliances.title')}</h2>
      <ErrorAlert error={remove.error} />
      {partner.alliances.length === 0 && <p>{t('partners.alliances.none')}</p>}
      <ul className="plain-list">
        {partner.alliances.map((a) => (
          <li key={a.id}>
            <strong>{a.name}</strong>
            <span className="muted">
              {a.until
                ? t('partners.alliances.between', {
                    since: formatDate(a.since),
                    until: formatDate(a.until),
                  })
                : t('partners.alliances.since', { since: formatDate(a.since) })}
            </span>
            {partner.can_edit && (
              <button
                type="button"
                className="button-secondary button-small"
                disabled={remove.busy}
                aria-label={t('partners.alliances.removeNamed', { name: a.name })}
                onClick={() => void remove.go(() => removeAlliance(partner.id, a.id))}
              >
                {t('partners.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {partner.can_edit && (
        <AddForm
          id="alliance-add"
          title={t('partners.alliances.addTitle')}
          fields={['name', 'since', 'until']}
          submitLabel={t('partners.alliances.add')}
          check={() => {
            const need: Record<string, string> = {};
            if (!name.trim()) need.name = t('campaigns.form.required');
            if (!isDay(since)) need.since = t('campaigns.form.badDay');
            if (until && !isDay(until)) need.until = t('campaigns.form.badDay');
            else if (until && since && until < since)
              need.until = t('campaigns.form.endBeforeStart');
            return need;
          }}
          send={() => addAlliance(partner.id, { name: name.trim(), since, until: until || null })}
          onDone={() => {
            setName('');
            setSince('');
            setUntil('');
            onDone();
          }}
        >
          {(err) => (
            <>
              <TextField
                label={t('partners.alliances.name')}
                value={name}
                maxLength={200}
                error={err('name')}
                onChange={(e) => setName(e.target.value)}
              />
              <TextField
                label={t('partners.alliances.sinceLabel')}
                type="date"
                value={since}
                error={err('since')}
                onChange={(e) => setSince(e.target.value)}
              />
              <TextField
                label={t('partners.alliances.untilLabel')}
                type="date"
                value={until}
                error={err('until')}
                onChange={(e) => setUntil(e.target.value)}
              />
            </>
          )}
        </AddForm>
      )}
    </section>
  );
}

function AgreementsSection({ partner, onDone }: { partner: PartnerDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useRemove(onDone);
  const [title, setTitle] = useState('');
  const [signed, setSigned] = useState('');
  const [expires, setExpires] = useState('');
  return (
    <section className="card" aria-labelledby="partner-agreements">
      <h2 id="partner-agreements">{t('partners.agreements.title')}</h2>
      <ErrorAlert error={remove.error} />
      {partner.agreements.length === 0 && <p>{t('partners.agreements.none')}</p>}
      <ul className="plain-list">
        {partner.agreements.map((a) => (
          <li key={a.id}>
            <strong>{a.title}</strong>
            <span className="muted">
              {t('partners.agreements.signed', { date: formatDate(a.signed_on) })}
              {' · '}
              {a.expires_on
                ? t('partners.agreements.expires', { date: formatDate(a.expires_on) })
                : t('partners.agreements.noEnd')}
            </span>
            <span className={`campaign-flag ${a.active ? 'campaign-flag-on' : ''}`}>
              {a.active ? t('partners.agreements.active') : t('partners.agreements.expired')}
            </span>
            {a.file && (
              <a href={agreementFileUrl(partner.id, a.id)} download={a.file.name}>
                {t('partners.agreements.download', { name: a.file.name })}
              </a>
            )}
            {partner.can_edit && (
              <button
                type="button"
                className="button-secondary button-small"
                disabled={remove.busy}
                aria-label={t('partners.agreements.removeNamed', { title: a.title })}
                onClick={() => void remove.go(() => removeAgreement(partner.id, a.id))}
              >
                {t('partners.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {partner.can_edit && (
        <AddForm
          id="agreement-add"
          title={t('partners.agreements.addTitle')}
          fields={['title', 'signed_on', 'expires_on']}
          submitLabel={t('partners.agreements.add')}
          check={() => {
            const need: Record<string, string> = {};
            if (!title.trim()) need.title = t('campaigns.form.required');
            if (!isDay(signed)) need.signed_on = t('campaigns.form.badDay');
            if (expires && !isDay(expires)) need.expires_on = t('campaigns.form.badDay');
            else if (expires && signed && expires < signed)
              need.expires_on = t('campaigns.form.endBeforeStart');
            return need;
          }}
          send={() =>
            addAgreement(partner.id, {
              title: title.trim(),
              signed_on: signed,
              expires_on: expires || null,
            })
          }
          onDone={() => {
            setTitle('');
            setSigned('');
            setExpires('');
            onDone();
          }}
        >
          {(err) => (
            <>
              <TextField
                label={t('partners.agreements.name')}
                value={title}
                maxLength={300}
                error={err('title')}
                onChange={(e) => setTitle(e.target.value)}
              />
              <TextField
                label={t('partners.agreements.signedOn')}
                type="date"
                value={signed}
                error={err('signed_on')}
                onChange={(e) => setSigned(e.target.value)}
              />
              <TextField
                label={t('partners.agreements.expiresOn')}
                type="date"
                value={expires}
                error={err('expires_on')}
                onChange={(e) => setExpires(e.target.value)}
              />
            </>
          )}
        </AddForm>
      )}
    </section>
  );
}

function InteractionsSection({ partner, onDone }: { partner: PartnerDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(seoulToday());
  const [kind, setKind] = useState<InteractionKind>('meeting');
  const [summary, setSummary] = useState('');
  const history = [...partner.interactions].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section className="card" aria-labelledby="partner-interactions">
      <h2 id="partner-interactions">{t('partners.interactions.title')}</h2>
      {history.length === 0 && <p>{t('partners.interactions.none')}</p>}
      <ul className="plain-list">
        {history.map((i) => (
          <li key={i.id}>
            <span>{formatDate(i.date)}</span>
            <strong>{t(`partners.interaction.${i.kind}`)}</strong>
            <span className="campaign-text">{i.summary}</span>
            <span className="muted">{t('partners.interactions.by', { name: i.by.name })}</span>
          </li>
        ))}
      </ul>
      {partner.can_edit && (
        <AddForm
          id="interaction-add"
          title={t('partners.interactions.addTitle')}
          fields={['date', 'kind', 'summary']}
          submitLabel={t('partners.interactions.add')}
          check={() => {
            const need: Record<string, string> = {};
            if (!isDay(date)) need.date = t('campaigns.form.badDay');
            else if (date > seoulToday()) need.date = t('partners.interactions.future');
            if (!summary.trim()) need.summary = t('campaigns.form.required');
            return need;
          }}
          send={() => addInteraction(partner.id, { date, kind, summary: summary.trim() })}
          onDone={() => {
            setSummary('');
            onDone();
          }}
        >
          {(err) => (
            <>
              <TextField
                label={t('partners.interactions.date')}
                type="date"
                value={date}
                max={seoulToday()}
                error={err('date')}
                onChange={(e) => setDate(e.target.value)}
              />
              <SelectField
                label={t('partners.interactions.kind')}
                value={kind}
                error={err('kind')}
                onChange={(e) => setKind(e.target.value as InteractionKind)}
              >
                {INTERACTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`partners.interaction.${k}`)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                label={t('partners.interactions.summary')}
                wide
                rows={3}
                value={summary}
                maxLength={2000}
                error={err('summary')}
                onChange={(e) => setSummary(e.target.value)}
              />
            </>
          )}
        </AddForm>
      )}
    </section>
  );
}

function WorkTogether({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  if (partner.hosted_stops.length === 0 && partner.co_organized_events.length === 0) return null;
  return (
    <section className="card" aria-labelledby="partner-together">
      <h2 id="partner-together">{t('partners.together.title')}</h2>
      <ul className="plain-list">
        {partner.hosted_stops.map((s) => (
          <li key={s.stop_id}>
            <Link to={`/campaigns/${encodeURIComponent(s.campaign_id)}`}>
              {t('partners.together.stop', { city: s.city, date: formatDate(s.date) })}
            </Link>
          </li>
        ))}
        {partner.co_organized_events.map((e) => (
          <li key={e.id}>
            <Link to={`/events/${encodeURIComponent(e.id)}`}>{e.title_ko}</Link>
            <span className="muted">{formatDateTime(e.starts_at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
