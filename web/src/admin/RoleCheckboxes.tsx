// A fieldset of role checkboxes, at least one to be chosen.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api';

interface Props {
  legend: string;
  available: readonly Role[];
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}

export function RoleCheckboxes({ legend, available, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset
      className={error ? 'roles field-invalid' : 'roles'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="role-grid">
        {available.map((role) => (
          <div className="checkbox" key={role}>
            <input
              id={`${id}-${role}`}
              type="checkbox"
              name="roles"
              value={role}
              checked={value.includes(role)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))
              }
            />
            <label htmlFor={`${id}-${role}`}>{t(`roles.${role}`)}</label>
          </div>
        ))}
      </div>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
