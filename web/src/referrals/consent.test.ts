import type { Consent } from '../api';
import { consentsFor, covered, sharingConsents, tickable } from './consent';

const consent = (id: string, scope: Consent['scope'], state: Consent['state'] = 'active') =>
  ({
    id,
    person_id: 'p',
    kind: 'referral_sharing',
    scope,
    method: 'verbal',
    given_at: '2026-01-01T00:00:00Z',
    expires_at: null,
    revoked_at: null,
    recorded_by: 'u',
    state,
  }) satisfies Consent;

describe('the consent check of the referral form', () => {
  const all = [
    consent('a', { org_id: 'o-busan', fields: ['alias', 'phone'] }),
    consent('b', { org_id: 'o-busan', fields: ['legal_name'] }),
    consent('c', { org_id: 'o-busan', fields: ['birth_date'] }, 'revoked'),
    consent('d', { org_id: 'o-daegu', fields: ['alias'] }, 'expired'),
    consent('e', { external: '부산경찰서', fields: ['legal_name'] }),
    { ...consent('f', { org_id: 'o-busan', fields: ['categories'] }), kind: 'services' as const },
  ];

  it('counts only active referral_sharing consents', () => {
    expect(sharingConsents(all).map((c) => c.id)).toEqual(['a', 'b', 'e']);
  });

  it('finds the consents naming one receiver, a member or an outside party by exact name', () => {
    expect(consentsFor(all, { org_id: 'o-busan' }).map((c) => c.id)).toEqual(['a', 'b']);
    expect(consentsFor(all, { org_id: 'o-daegu' })).toEqual([]);
    expect(consentsFor(all, { external: '부산경찰서' }).map((c) => c.id)).toEqual(['e']);
    expect(consentsFor(all, { external: '부산 경찰서' })).toEqual([]);
  });

  it('lets a field be ticked only when one consent covers it with everything ticked', () => {
    const busan = consentsFor(all, { org_id: 'o-busan' });
    expect(tickable(busan, [], 'alias')).toBe(true);
    expect(tickable(busan, [], 'legal_name')).toBe(true);
    expect(tickable(busan, [], 'birth_date')).toBe(false);
    expect(tickable(busan, ['alias'], 'phone')).toBe(true);
    // Two consents do not add up: alias and the legal name are in different ones.
    expect(tickable(busan, ['alias'], 'legal_name')).toBe(false);
    expect(covered(busan, [])).toBe(true);
    expect(covered(busan, ['alias', 'phone'])).toBe(true);
    expect(covered(busan, ['alias', 'legal_name'])).toBe(false);
    expect(covered([], [])).toBe(false);
  });
});
