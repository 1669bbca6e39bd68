// The periods a report can cover: quarters ("2026-Q3") and years ("2026"), newest first, from
// today in Korea back through last year — the ones an organization is asked to file or may
// still correct. This year's yearly report is offered from its last quarter on; a year comes
// before its own fourth quarter (both end on 31 December).
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function recentPeriods(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const q = Number(quarterOf(today).slice(-1));
  const out: string[] = [];
  for (let i = q; i >= 1; i--) out.push(`${year}-Q${i}`);
  out.push(String(year - 1));
  for (let i = 4; i >= 1; i--) out.push(`${year - 1}-Q${i}`);
  if (q === 4) out.push(String(year));
  return out.sort((a, b) => periodEnd(b).localeCompare(periodEnd(a)) || a.length - b.length);
}

// The last day of a period, "2026-Q3" → "2026-09-30", "2026" → "2026-12-31".
export function periodEnd(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  const [y, q] = period.split('-Q');
  const month = Number(q) * 3;
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, '0')}-${last}`;
}

export function periodWords(period: string): { year: string; quarter: string | null } {
  const [year, q] = period.split('-Q');
  return { year: year!, quarter: q ?? null };
}
