// Referrals in words: the directory's and a referral's codes as the names the app already uses
// (service types, regions, organization kinds, languages).
import type { TFunction } from 'i18next';
import {
  SHARE_FIELDS,
  type DirectoryEntry,
  type Language,
  type Referral,
  type Region,
  type ServiceType,
  type ShareField,
} from '../api';
import { languageName } from '../domain/names';

export const serviceNames = (services: readonly ServiceType[], t: TFunction) =>
  services.map((s) => t(`services.types.${s}`)).join(', ');

export const regionNames = (regions: readonly Region[], t: TFunction) =>
  regions.map((r) => t(`regions.${r}`)).join(', ');

export const languageNames = (codes: readonly string[], lang: Language) =>
  codes.map((c) => languageName(c, lang)).join(', ');

// "지원시설 · 청소년 지원시설": the kind, and a support facility's type when it has one.
export function kindName(e: Pick<DirectoryEntry, 'kind' | 'facility_type'>, t: TFunction) {
  const kind = t(`orgKinds.${e.kind}`);
  return e.facility_type ? `${kind} · ${t(`directory.facilityTypes.${e.facility_type}`)}` : kind;
}

// The organization on the other side of a referral, as the caller sees it.
export function otherSide(r: Referral, t: TFunction): string {
  if (r.direction === 'incoming') return r.from_org.name;
  if (r.external)
    return t('referrals.external', {
      name: r.external.name,
      kind: t(`refer.externalKinds.${r.external.kind}`),
    });
  return r.to_org?.name ?? '';
}

// The fields a consent names or a referral shares, in words ("별칭, 전화번호").
export function shareFieldNames(fields: readonly string[] | undefined, t: TFunction): string {
  if (!fields?.length) return t('refer.consentNoFields');
  return fields
    .map((f) =>
      (SHARE_FIELDS as readonly string[]).includes(f) ? t(`refer.fields.${f as ShareField}`) : f,
    )
    .join(', ');
}
