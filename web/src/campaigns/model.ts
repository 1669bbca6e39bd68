// Pure rules of the campaign and partner screens: who may write (the API decides per record with
// `can_edit`; these roles hold the permission at all), a campaign's progress as a share, moving
// a stop one place up or down the route (the order sent to PUT …/route), and a text in the
// display language with the Korean as the fallback.
import type { Campaign, CampaignStop, Role } from '../api';

// docs/security.md: campaign.write and partner.write.
export const CAMPAIGN_WRITERS: readonly Role[] = ['advocate', 'org_admin', 'network_admin'];

export const canWriteCampaigns = (roles: readonly Role[]) =>
  roles.some((r) => CAMPAIGN_WRITERS.includes(r));

// 0..1; a campaign without stops has made no progress along a route.
export function progressShare(p: Campaign['progress']): number {
  if (p.stops_total <= 0) return 0;
  return Math.min(1, Math.max(0, p.stops_done / p.stops_total));
}

// The route's stop ids with the stop at `index` moved one place (`-1` up, `+1` down); null when
// it cannot move that way.
export function moveStop(
  stops: readonly Pick<CampaignStop, 'id' | 'position'>[],
  index: number,
  by: -1 | 1,
): string[] | null {
  const ordered = [...stops].sort((a, b) => a.position - b.position).map((s) => s.id);
  const to = index + by;
  if (index < 0 || index >= ordered.length || to < 0 || to >= ordered.length) return null;
  [ordered[index], ordered[to]] = [ordered[to]!, ordered[index]!];
  return ordered;
}

export function pick(lang: string, ko: string, en: string): string {
  return lang === 'en' && en.trim() ? en : ko;
}

// A day typed into a form: "YYYY-MM-DD" that is a real calendar day.
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

// A stop's place in words: the region's name and the city, once when the city is the region
// itself ("서울특별시", not "서울특별시 서울특별시").
export function placeWords(regionName: string, city: string): string {
  const c = city.trim();
  if (!c) return regionName;
  return c === regionName || c.startsWith(regionName) ? c : `${regionName} ${c}`;
}
