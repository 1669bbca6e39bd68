import { homeFor, navFor } from './navigation';

describe('navigation by role', () => {
  it('sends each role to its own home', () => {
    expect(homeFor(['case_worker'])).toBe('/cases');
    expect(homeFor(['dispatcher'])).toBe('/emergency');
    expect(homeFor(['org_admin'])).toBe('/admin/users');
    expect(homeFor(['network_admin'])).toBe('/admin/organizations');
    expect(homeFor(['finance'])).toBe('/funds');
  });

  it('puts daily work before administration', () => {
    expect(homeFor(['org_admin', 'case_worker'])).toBe('/cases');
  });

  it('shows only the modules of the user roles', () => {
    expect(navFor(['finance']).map((n) => n.key)).toEqual(['funds']);
    expect(navFor(['org_admin']).map((n) => n.key)).toEqual([
      'coverage',
      'directory',
      'funds',
      'statistics',
      'reports',
      'users',
    ]);
    expect(navFor(['network_admin']).map((n) => n.key)).toEqual([
      'statistics',
      'reports',
      'organizations',
    ]);
    expect(navFor(['dispatcher']).map((n) => n.key)).toEqual(['emergency', 'coverage']);
  });

  it('gives case roles their caseload, people, calendar, referrals and the directory', () => {
    expect(homeFor(['supervisor'])).toBe('/cases');
    expect(navFor(['case_worker']).map((n) => n.key)).toEqual([
      'cases',
      'people',
      'calendar',
      'referrals',
      'directory',
    ]);
    expect(navFor(['supervisor']).map((n) => n.key)).toEqual([
      'cases',
      'people',
      'calendar',
      'referrals',
      'directory',
      'supervision',
      'funds',
      'statistics',
      'reports',
    ]);
    expect(navFor(['shelter_staff']).map((n) => n.key)).toEqual(['cases', 'shelter']);
  });

  it('gives staff of a self-reliance center its programs, and no one else', () => {
    expect(navFor(['case_worker'], 'self_reliance_center').map((n) => n.key)).toEqual([
      'cases',
      'people',
      'calendar',
      'referrals',
      'directory',
      'programs',
    ]);
    expect(navFor(['org_admin'], 'self_reliance_center').map((n) => n.key)).toContain('programs');
    expect(navFor(['supervisor'], 'counseling_center').map((n) => n.key)).not.toContain('programs');
    expect(navFor(['finance'], 'self_reliance_center').map((n) => n.key)).toEqual(['funds']);
  });

  it('gives a user without roles the account page', () => {
    expect(homeFor([])).toBe('/account');
  });
});
