// Pure rules of the training screens: who reads and writes courses (docs/api-training.md), how
// many sessions the pass rule asks for (the server's own rule, for the words beside the form),
// which attendance marks of a grid differ from the ones recorded (the request sends only those;
// the server is idempotent anyway), and a certificate's state.
import type { AttendanceStatus, Trainee, Role } from '../api';

export const TRAINING_ROLES: readonly Role[] = ['advocate', 'org_admin', 'network_admin'];

// ⌈sessions × percent / 100⌉, as the server counts it (80 % of 5 = 4; of 6 = 5).
export function sessionsNeeded(sessions: number, percent: number): number {
  if (sessions <= 0) return 0;
  return Math.ceil((sessions * percent) / 100 - 1e-9);
}

// The marks of one session's grid that differ from what is recorded.
export function changedMarks(
  enrollments: readonly Pick<Trainee, 'id' | 'attendance'>[],
  sessionId: string,
  draft: Readonly<Record<string, AttendanceStatus>>,
): { enrollment_id: string; status: AttendanceStatus }[] {
  return enrollments
    .filter((e) => draft[e.id] !== undefined && draft[e.id] !== e.attendance[sessionId])
    .map((e) => ({ enrollment_id: e.id, status: draft[e.id]! }));
}

export type CertificateState = 'none' | 'issued' | 'revoked';

export function certificateState(e: Pick<Trainee, 'certificate'>): CertificateState {
  if (!e.certificate) return 'none';
  return e.certificate.revoked_at ? 'revoked' : 'issued';
}
