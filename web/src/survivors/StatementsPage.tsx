// /survivors/statements: collective statements — drafted by coordinators, opened for members to
// sign in their app, published (only as "signed by N members", never names) once the
// signatures reach the network's minimum, which coordinators set here. Each shows its signatures
// against the minimum as a bar; publishing below it is refused in words and nothing is public.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  draftStatement,
  getSurvivorSettings,
  listNetworkStatements,
  statementStep,
  updateSurvivorSettings,
  type ApiError,
  type NetworkStatement,
} from '../api';
import { useLoad } from '../cases/widgets';
import { currentLanguage } from '../i18n';
import { ErrorAlert, StatusMessage, TextAreaField, TextField } from '../ui';
import { parseMinimum, signatureProgress } from './model';
import { SurvivorsFrame } from './SurvivorsFrame';

export function StatementsPage() {
  const { t } = useTranslation();
  const statements = useLoad(() => listNetworkStatements(), []);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [refusal, setRefusal] = useState('');

  async function step(s: NetworkStatement, to: 'open' | 'publish' | 'close') {
    setNotice('');
    setRefusal('');
    const r = await statementStep(s.id, to);
    if (!r.ok) {
      // 409 on publishing an open statement: its signatures are below the minimum (the server
      // publishes nothing); said in our words with the numbers.
      if (to === 'publish' && r.error.status === 409 && s.signatures < s.minimum) {
        setError(null);
        setRefusal(t('survivors.statements.belowMinimum', { n: s.signatures, min: s.minimum }));
      } else setError(r.error);
      void statements.reload();
      return;
    }
    setError(null);
    setNotice(
      t(
        to === 'open'
          ? 'survivors.statements.opened'
          : to === 'publish'
            ? 'survivors.statements.published'
            : 'survivors.statements.closed',
      ),
    );
    void statements.reload();
  }

  const items = statements.data?.items ?? [];
  return (
    <SurvivorsFrame title={t('survivors.statements.title')} error={statements.error ?? error}>
      {(rights) => (
        <>
          <p className="page-intro">{t('survivors.statements.intro')}</p>
          <StatusMessage text={notice} />
          <div role="alert" className={refusal ? 'alert alert-warning' : 'alert-empty'}>
            {refusal}
          </div>
          {rights.coordinator && (
            <Minimum
              onSaved={(n) => {
                setNotice(t('survivors.statements.minimumSaved', { n }));
                void statements.reload();
              }}
            />
          )}
          <section className="card" aria-labelledby="statements-list">
            <h2 id="statements-list">{t('survivors.statements.listLabel')}</h2>
            {statements.data && items.length === 0 && <p>{t('survivors.statements.none')}</p>}
            {items.map((s) => (
              <StatementCard
                key={s.id}
                statement={s}
                coordinator={rights.coordinator}
                onStep={(to) => void step(s, to)}
              />
            ))}
          </section>
          {rights.coordinator && (
            <NewStatement
              onDrafted={() => {
                setNotice(t('survivors.statements.drafted'));
                void statements.reload();
              }}
            />
          )}
        </>
      )}
    </SurvivorsFrame>
  );
}

function StatementCard({
  statement: s,
  coordinator,
  onStep,
}: {
  statement: NetworkStatement;
  coordinator: boolean;
  onStep: (to: 'open' | 'publish' | 'close') => void;
}) {
  const { t } = useTranslation();
  const title = currentLanguage() === 'en' && s.title_en ? s.title_en : s.title_ko;
  const p = signatureProgress(s.signatures, s.minimum);
  const headingId = `statement-${s.id}`;
  return (
    <article className="statement-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p>
        <span className="role-tag">{t(`survivors.statuses.${s.status}`)}</span>{' '}
        <span className="muted">
          {s.on_site ? t('survivors.statements.onSite') : t('survivors.statements.notOnSite')}
        </span>
      </p>
      {s.status !== 'draft' && (
        <>
          <p>{t('survivors.statements.signatures', { n: s.signatures, min: s.minimum })}</p>
          <div
            className={`signature-bar ${p.reached ? 'signature-bar-reached' : ''}`}
            role="img"
            aria-label={t('survivors.statements.barLabel', {
              n: s.signatures,
              min: s.minimum,
              percent: p.percent,
            })}
          >
            <div className="signature-bar-fill" style={{ width: `${p.percent}%` }} />
          </div>
          {s.status === 'open' && (
            <p className="muted">
              {p.reached
                ? t('survivors.statements.reached')
                : t('survivors.statements.missing', { n: p.missing })}
            </p>
          )}
        </>
      )}
      {coordinator && (
        <div className="actions">
          {s.status === 'draft' && (
            <button type="button" onClick={() => onStep('open')}>
              {t('survivors.statements.open')}
            </button>
          )}
          {s.status === 'open' && (
            <button type="button" onClick={() => onStep('publish')}>
              {t('survivors.statements.publish')}
            </button>
          )}
          {(s.status === 'open' || s.status === 'published') && (
            <button type="button" className="button-secondary" onClick={() => onStep('close')}>
              {t('survivors.statements.close')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

function Minimum({ onSaved }: { onSaved: (n: number) => void }) {
  const { t } = useTranslation();
  const settings = useLoad(() => getSurvivorSettings(), []);
  const [text, setText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const value = text ?? String(settings.data?.statement_minimum ?? '');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = parseMinimum(value);
    if (n === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const r = await updateSurvivorSettings({ statement_minimum: n });
    if (!r.ok) return setError(r.error);
    setError(null);
    settings.setData(r.data);
    setText(null);
    onSaved(r.data.statement_minimum);
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="statements-minimum">
      <h2 id="statements-minimum">{t('survivors.statements.settingsTitle')}</h2>
      <p className="muted">{t('survivors.statements.settingsIntro')}</p>
      <ErrorAlert error={error ?? settings.error} />
      <TextField
        label={t('survivors.statements.minimum')}
        hint={t('survivors.statements.minimumHint')}
        inputMode="numeric"
        required
        value={value}
        onChange={(e) => {
          setText(e.target.value);
          setInvalid(false);
        }}
        error={invalid ? t('survivors.statements.minimumInvalid') : error?.fields.statement_minimum}
      />
      <button type="submit">{t('survivors.statements.saveMinimum')}</button>
    </form>
  );
}

function NewStatement({ onDrafted }: { onDrafted: () => void }) {
  const { t } = useTranslation();
  const [titleKo, setTitleKo] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [bodyKo, setBodyKo] = useState('');
  const [bodyEn, setBodyEn] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await draftStatement({
      title_ko: titleKo.trim(),
      body_ko: bodyKo.trim(),
      ...(titleEn.trim() ? { title_en: titleEn.trim() } : {}),
      ...(bodyEn.trim() ? { body_en: bodyEn.trim() } : {}),
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setTitleKo('');
    setTitleEn('');
    setBodyKo('');
    setBodyEn('');
    onDrafted();
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="statements-new">
      <h2 id="statements-new">{t('survivors.statements.newTitle')}</h2>
      <ErrorAlert error={error} />
      <TextField
        label={t('survivors.statements.titleKo')}
        required
        maxLength={200}
        value={titleKo}
        onChange={(e) => setTitleKo(e.target.value)}
        error={error?.fields.title_ko}
      />
      <TextField
        label={t('survivors.statements.titleEn')}
        maxLength={200}
        value={titleEn}
        onChange={(e) => setTitleEn(e.target.value)}
        error={error?.fields.title_en}
      />
      <TextAreaField
        label={t('survivors.statements.bodyKo')}
        required
        rows={6}
        value={bodyKo}
        onChange={(e) => setBodyKo(e.target.value)}
        error={error?.fields.body_ko}
      />
      <TextAreaField
        label={t('survivors.statements.bodyEn')}
        rows={6}
        value={bodyEn}
        onChange={(e) => setBodyEn(e.target.value)}
        error={error?.fields.body_en}
      />
      <button type="submit">{t('survivors.statements.draft')}</button>
    </form>
  );
}
