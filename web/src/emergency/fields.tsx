// A date-time input (ui/Field's TextField as datetime-local) and reading its value as Korea time.
import { TextField } from '../ui';

export function DateTimeField(props: Omit<Parameters<typeof TextField>[0], 'type'>) {
  return <TextField type="datetime-local" {...props} />;
}

// A datetime-local value ("2026-03-01T18:30") read as Korea time, as RFC 3339 UTC.
export function koreaTimeToIso(value: string): string {
  if (!value) return '';
  const d = new Date(`${value.length === 16 ? `${value}:00` : value}+09:00`);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace('.000Z', 'Z');
}
