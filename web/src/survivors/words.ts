// Words the survivors' network screens share: a member's roles and a region in the display
// language, a group's facilitators by alias.
import { useTranslation } from 'react-i18next';
import type { AliasRef, NetworkRole } from '../api';

export function useRoleNames() {
  const { t } = useTranslation();
  return (roles: readonly NetworkRole[]) => roles.map((r) => t(`survivors.roles.${r}`));
}

export function useRegionName() {
  const { t } = useTranslation();
  return (code: string) => t(`regions.${code}` as never, { defaultValue: code });
}

export const aliases = (refs: readonly AliasRef[]) => refs.map((r) => r.alias).join(', ');
