// The scope of a referral_sharing consent as her consent form records it: whom she agrees her
// information may go to (a member organization, or an outside party by its exact name) and
// which fields. A referral can share only fields one such consent names.
import { useTranslation } from 'react-i18next';
import { SHARE_FIELDS, type Consent, type ShareField } from '../api';
import { SelectField, TextField } from '../ui';
import { CheckboxGroup } from '../cases/widgets';
import { RadioGroup } from './RadioGroup';

export type SharingScope = Consent['scope'];
type To = 'org' | 'external';
const TOS: readonly To[] = ['org', 'external'];

export function SharingScopeFields({
  scope,
  onChange,
  orgs,
  error,
}: {
  scope: SharingScope;
  onChange: (s: SharingScope) => void;
  orgs: { id: string; name: string }[];
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const to: To = scope.external !== undefined ? 'external' : 'org';
  const fields = (scope.fields ?? []) as ShareField[];
  return (
    <>
      <RadioGroup
        legend={t('refer.consentTo')}
        options={TOS}
        value={to}
        onChange={(next) => onChange(next === 'org' ? { fields } : { external: '', fields })}
        label={(x) => (x === 'org' ? t('refer.modeNetwork') : t('refer.modeExternal'))}
      />
      {to === 'org' ? (
        <SelectField
          label={t('consents.toOrg')}
          value={scope.org_id ?? ''}
          onChange={(e) => onChange({ org_id: e.target.value || undefined, fields })}
          error={error}
        >
          <option value="">{t('consents.chooseOrg')}</option>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <TextField
          label={t('refer.externalName')}
          hint={t('refer.externalNameHint')}
          value={scope.external ?? ''}
          onChange={(e) => onChange({ external: e.target.value, fields })}
          error={error}
        />
      )}
      <div className="field-wide">
        <CheckboxGroup
          legend={t('refer.consentFields')}
          name="scope-fields"
          options={SHARE_FIELDS}
          value={fields}
          onChange={(f) => onChange({ ...scope, fields: f })}
          label={(f) => t(`refer.fields.${f}`)}
        />
      </div>
    </>
  );
}
