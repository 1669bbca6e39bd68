// Her consent as the referral form reads it: which active referral_sharing consents name a
// receiver, and which fields may still be ticked. The server decides (409 consent_required);
// this only keeps the form from offering what it would refuse. One consent must cover every
// field sent, so a field can be ticked only when some single consent covers it together with
// everything already ticked.
import type { Consent, ShareField } from '../api';

export type Receiver = { org_id: string } | { external: string };

export function sharingConsents(consents: readonly Consent[]): Consent[] {
  return consents.filter((c) => c.kind === 'referral_sharing' && c.state === 'active');
}

export function namesReceiver(c: Consent, to: Receiver): boolean {
  return 'org_id' in to
    ? c.scope.org_id === to.org_id
    : c.scope.external !== undefined && c.scope.external === to.external;
}

export function consentsFor(consents: readonly Consent[], to: Receiver): Consent[] {
  return sharingConsents(consents).filter((c) => namesReceiver(c, to));
}

function covers(c: Consent, fields: readonly ShareField[]): boolean {
  const allowed = c.scope.fields ?? [];
  return fields.every((f) => allowed.includes(f));
}

// Whether one consent covers every one of `fields`.
export function covered(forReceiver: readonly Consent[], fields: readonly ShareField[]): boolean {
  return forReceiver.some((c) => covers(c, fields));
}

// Whether `field` can be added to (or is part of) the ticked fields.
export function tickable(
  forReceiver: readonly Consent[],
  ticked: readonly ShareField[],
  field: ShareField,
): boolean {
  const wanted = ticked.includes(field) ? ticked : [...ticked, field];
  return covered(forReceiver, wanted);
}
