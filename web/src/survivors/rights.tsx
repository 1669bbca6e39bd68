// What the signed-in user may do in the survivors' network: the organization's admin is a
// coordinator; a member account has what her member record's roles give, read once per session
// from her own page (GET /api/v1/survivors/me) and kept in memory.
import { useEffect, useState } from 'react';
import { getMyPage, type ApiError, type ApiResult, type MyPage } from '../api';
import { useSignedIn } from '../session';
import { rightsOf, type NetworkRights } from './model';

let cache: { userId: string; page: Promise<ApiResult<MyPage>> } | null = null;

// For tests and sign-out: the next screen reads her roles again.
export function forgetNetworkRights(): void {
  cache = null;
}

export function useNetworkRights(): {
  rights: NetworkRights | null;
  memberId: string | null;
  error: ApiError | null;
} {
  const session = useSignedIn();
  const roles = session.user.roles;
  const isMember = roles.includes('survivor_member');
  const [state, setState] = useState<{
    rights: NetworkRights | null;
    memberId: string | null;
    error: ApiError | null;
  }>(() =>
    isMember
      ? { rights: null, memberId: null, error: null }
      : { rights: rightsOf(roles, null), memberId: null, error: null },
  );
  useEffect(() => {
    if (!isMember) return;
    if (!cache || cache.userId !== session.user.id)
      cache = { userId: session.user.id, page: getMyPage() };
    let live = true;
    void cache.page.then((r) => {
      if (!live) return;
      if (r.ok)
        setState({
          rights: rightsOf(roles, {
            roles: r.data.member.roles,
            groupId: r.data.group?.id ?? null,
          }),
          memberId: r.data.member.id,
          error: null,
        });
      else {
        cache = null;
        setState({ rights: rightsOf(roles, null), memberId: null, error: r.error });
      }
    });
    return () => {
      live = false;
    };
  }, [isMember, roles, session.user.id]);
  return state;
}
