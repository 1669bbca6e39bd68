// Pure rules of the survivors' network's staff screens (docs/api-survivors.md): who may open
// them, what her network role lets her do, a statement's signatures against the minimum, the
// erasure's typed confirmation, and meetings split into coming and past.
import type { NetworkRole, Role } from '../api';

// survivor.read is held by these roles; the server narrows by her role in the network.
export const SURVIVOR_ROLES: readonly Role[] = ['survivor_member', 'org_admin'];

export interface NetworkRights {
  coordinator: boolean;
  facilitator: boolean;
  peerSupporter: boolean;
  // The groups she facilitates (all, for a coordinator: null).
  facilitates: readonly string[] | null;
}

// The organization's admin has a coordinator's rights without a member record; a member
// account has what her member record's roles give.
export function rightsOf(
  accountRoles: readonly Role[],
  member: { roles: readonly NetworkRole[]; groupId: string | null } | null,
): NetworkRights {
  const coordinator =
    accountRoles.includes('org_admin') || Boolean(member?.roles.includes('coordinator'));
  const facilitator = Boolean(member?.roles.includes('facilitator'));
  return {
    coordinator,
    facilitator,
    peerSupporter: Boolean(member?.roles.includes('peer_supporter')),
    facilitates: coordinator ? null : facilitator && member?.groupId ? [member.groupId] : [],
  };
}

export function canRunGroup(rights: NetworkRights, groupId: string): boolean {
  return rights.facilitates === null || rights.facilitates.includes(groupId);
}

export interface Progress {
  percent: number; // of the minimum, 0–100
  reached: boolean;
  missing: number; // signatures still needed
}

export function signatureProgress(signatures: number, minimum: number): Progress {
  const min = Math.max(1, minimum);
  return {
    percent: Math.min(100, Math.round((signatures / min) * 100)),
    reached: signatures >= min,
    missing: Math.max(0, min - signatures),
  };
}

// Erasing a member cannot be undone: the coordinator types her alias exactly (spaces around
// it forgiven).
export function erasureConfirmed(typed: string, alias: string): boolean {
  return alias.trim() !== '' && typed.trim() === alias.trim();
}

// Coming meetings soonest first, past ones latest first.
export function splitMeetings<T extends { starts_at: string }>(
  items: readonly T[],
  now: Date,
): { coming: T[]; past: T[] } {
  const ms = (s: string) => new Date(s).getTime();
  const t = now.getTime();
  return {
    coming: items
      .filter((m) => ms(m.starts_at) >= t)
      .sort((a, b) => ms(a.starts_at) - ms(b.starts_at)),
    past: items
      .filter((m) => ms(m.starts_at) < t)
      .sort((a, b) => ms(b.starts_at) - ms(a.starts_at)),
  };
}

// The minimum a coordinator types: a whole number 1–100000, else null.
export function parseMinimum(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= 100_000 ? n : null;
}
