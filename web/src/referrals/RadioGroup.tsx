// A fieldset of radio buttons over a fixed vocabulary, each option with its explanation read
// with it (the kinds of referral, urgency, outcome).
import { useId } from 'react';

export function RadioGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  label,
  hint,
  error,
}: {
  legend: string;
  options: readonly T[];
  value: T;
  onChange: (v: T) => void;
  label: (option: T) => string;
  hint?: (option: T) => string;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset
      className={error ? 'radio-group field-wide field-invalid' : 'radio-group field-wide'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="radio" key={o}>
          <input
            id={`${id}-${o}`}
            type="radio"
            name={id}
            value={o}
            checked={value === o}
            onChange={() => onChange(o)}
            aria-describedby={hint ? `${id}-${o}-hint` : undefined}
          />
          <label htmlFor={`${id}-${o}`}>{label(o)}</label>
          {hint && (
            <span className="field-hint" id={`${id}-${o}-hint`}>
              {hint(o)}
            </span>
          )}
        </div>
      ))}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
