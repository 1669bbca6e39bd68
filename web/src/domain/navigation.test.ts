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
    expect(navFor(['finance']).map((n) => n.key)).toEqual([
      'funds',
      'policy',
      'campaigns',
      'partners',
    ]);
    expect(navFor(['org_admin']).map((n) => n.key)).toEqual([
      'coverage',
      'directory',
      'funds',
      'statistics',
      'reports',
      'policy',
      'events',
      'campaigns',
      'partners',
      'training',
      'users',
    ]);
    expect(navFor(['network_admin']).map((n) => n.key)).toEqual([
      'statistics',
      'reports',
      'policy',
      'events',
      'campaigns',
      'partners',
      'training',
      'organizations',
    ]);
    expect(navFor(['advocate']).map((n) => n.key)).toEqual([
      'policy',
      'events',
      'campaigns',
      'partners',
      'training',
    ]);
    expect(navFor(['dispatcher']).map((n) => n.key)).toEqual([
      'emergency',
      'coverage',
      'policy',
      'campaigns',
      'partners',
    ]);
  });

  it('gives case roles their caseload, people, calendar, referrals and the directory', () => {
    expect(homeFor(['supervisor'])).toBe('/cases');
    expect(navFor(['case_worker']).map((n) => n.key)).toEqual([
      'cases',
      'people',
      'calendar',
      'referrals',
      'directory',
      'policy',
      'campaigns',
      'partners',
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
      'policy',
      'campaigns',
      'partners',
    ]);
    expect(navFor(['shelter_staff']).map((n) => n.key)).toEqual([
      'cases',
      'shelter',
      'policy',
      'campaigns',
      'partners',
    ]);
  });

  it('gives staff of a self-reliance center its programs, and no one else', () => {
    expect(navFor(['case_worker'], 'self_reliance_center').map((n) => n.key)).toEqual([
      'cases',
      'people',
      'calendar',
      'referrals',
      'directory',
      'programs',
      'policy',
      'campaigns',
      'partners',
    ]);
    expect(navFor(['org_admin'], 'self_reliance_center').map((n) => n.key)).toContain('programs');
    expect(navFor(['supervisor'], 'counseling_center').map((n) => n.key)).not.toContain('programs');
    expect(navFor(['finance'], 'self_reliance_center').map((n) => n.key)).toEqual([
      'funds',
      'policy',
      'campaigns',
      'partners',
    ]);
  });

  it('shows the policy monitor to every role', () => {
    for (const role of ['auditor', 'researcher', 'advocate', 'case_worker'] as const)
      expect(navFor([role]).map((n) => n.key)).toContain('policy');
  });

  it('shows campaigns and partners to every role, training to advocates and admins', () => {
    for (const role of ['auditor', 'researcher', 'case_worker', 'finance'] as const) {
      expect(navFor([role]).map((n) => n.key)).toEqual(
        expect.arrayContaining(['campaigns', 'partners']),
      );
      expect(navFor([role]).map((n) => n.key)).not.toContain('training');
    }
    for (const role of ['advocate', 'org_admin', 'network_admin'] as const)
      expect(navFor([role]).map((n) => n.key)).toContain('training');
  });

  it('gives a user without roles the account page', () => {
    expect(homeFor([])).toBe('/account');
  });
});
