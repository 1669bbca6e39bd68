// Member organizations of the network.
import { request, type ApiResult } from './client';
import type { NewOrganization, Organization, Page } from './types';

export function listOrganizations(cursor?: string): Promise<ApiResult<Page<Organization>>> {
  const q = new URLSearchParams({ limit: '50' });
  if (cursor) q.set('cursor', cursor);
  return request<Page<Organization>>('GET', `/api/v1/organizations?${q}`);
}

export function createOrganization(org: NewOrganization): Promise<ApiResult<Organization>> {
  return request<Organization>('POST', '/api/v1/organizations', { body: org });
}
