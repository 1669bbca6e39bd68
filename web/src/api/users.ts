// Users of one organization, managed by its org admins.
import { request, type ApiResult } from './client';
import type { CreatedOrgUser, NewOrgUser, OrgUser, Page, Role } from './types';

const base = (orgId: string) => `/api/v1/organizations/${encodeURIComponent(orgId)}/users`;
const one = (orgId: string, userId: string) => `${base(orgId)}/${encodeURIComponent(userId)}`;

export function listUsers(orgId: string, cursor?: string): Promise<ApiResult<Page<OrgUser>>> {
  const q = new URLSearchParams({ limit: '50' });
  if (cursor) q.set('cursor', cursor);
  return request<Page<OrgUser>>('GET', `${base(orgId)}?${q}`);
}

// The answer holds the one-time password; it is never retrievable again. Accepts both
// {"user": {...}, "one_time_password"} and a flat user with "one_time_password".
export async function createUser(
  orgId: string,
  user: NewOrgUser,
): Promise<ApiResult<CreatedOrgUser>> {
  return withPassword(
    await request<CreatedOrgUser | (OrgUser & { one_time_password: string })>('POST', base(orgId), {
      body: user,
    }),
  );
}

// POST …/users/{id}/reset-password: a new one-time password, shown once.
export async function resetPassword(
  orgId: string,
  userId: string,
): Promise<ApiResult<CreatedOrgUser>> {
  return withPassword(
    await request<CreatedOrgUser | (OrgUser & { one_time_password: string })>(
      'POST',
      `${one(orgId, userId)}/reset-password`,
      { body: {} },
    ),
  );
}

function withPassword(
  r: ApiResult<CreatedOrgUser | (OrgUser & { one_time_password: string })>,
): ApiResult<CreatedOrgUser> {
  if (!r.ok) return r;
  const d = r.data;
  if ('user' in d && d.user) return { ok: true, data: d };
  const { one_time_password, ...rest } = d as OrgUser & { one_time_password: string };
  return { ok: true, data: { user: rest, one_time_password } };
}

export function setRoles(
  orgId: string,
  userId: string,
  roles: Role[],
): Promise<ApiResult<OrgUser>> {
  return request<OrgUser>('PATCH', one(orgId, userId), { body: { roles } });
}

export function disableUser(orgId: string, userId: string): Promise<ApiResult<OrgUser>> {
  return request<OrgUser>('POST', `${one(orgId, userId)}/disable`, { body: {} });
}

export function enableUser(orgId: string, userId: string): Promise<ApiResult<OrgUser>> {
  return request<OrgUser>('POST', `${one(orgId, userId)}/enable`, { body: {} });
}

export function unlockUser(orgId: string, userId: string): Promise<ApiResult<OrgUser>> {
  return request<OrgUser>('POST', `${one(orgId, userId)}/unlock`, { body: {} });
}

export function resetMfa(orgId: string, userId: string): Promise<ApiResult<OrgUser>> {
  return request<OrgUser>('POST', `${one(orgId, userId)}/reset-mfa`, { body: {} });
}
