// The policy screens' pure rules: who edits, how a score is read from a form and written in
// words, the order of the work list, the years of the timeline, a region's municipalities and
// the report of an import. No React here, so each rule has its test beside it.
import type {
  CriterionKind,
  ImportReport,
  Jurisdiction,
  MapStatus,
  PolicyTask,
  Role,
  ScoreValue,
  PolicyTimelineEntry,
} from '../api';

export const EDITOR_ROLES: readonly Role[] = ['advocate', 'network_admin'];

export const canEditPolicy = (roles: readonly Role[]) =>
  roles.some((r) => EDITOR_ROLES.includes(r));

// The shade of a region on the map: darkest where the region's own ordinance is in force.
export const MAP_SHADE: Record<MapStatus, number> = {
  in_force: 4,
  municipal: 2,
  considering: 1,
  none: 0,
};

// What a form field for a criterion holds, read into the value the API takes: yes_no from
// "yes"/"no", amounts and months as whole numbers (commas, spaces and a trailing 원 or 개월
// allowed). Empty clears the score. An unreadable entry is an error, not a guess.
export type ParsedScore = { ok: true; value: ScoreValue } | { ok: false; error: 'yesNo' | 'whole' };

export function parseScore(kind: CriterionKind, raw: string): ParsedScore {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (kind === 'yes_no') {
    if (text === 'yes') return { ok: true, value: true };
    if (text === 'no') return { ok: true, value: false };
    return { ok: false, error: 'yesNo' };
  }
  const digits = text.replace(/[,\s]/g, '').replace(/(원|개월|months?|KRW|₩)$/i, '');
  const clean = digits.replace(/^₩/, '');
  if (!/^\d{1,15}$/.test(clean)) return { ok: false, error: 'whole' };
  return { ok: true, value: Number(clean) };
}

// The form field's text for a stored value (the inverse of parseScore).
export function scoreInput(kind: CriterionKind, value: ScoreValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (kind === 'yes_no') return value === true ? 'yes' : value === false ? 'no' : '';
  return typeof value === 'number' ? String(value) : '';
}

// A criterion's value in words, given the words of the display language.
export interface ScoreWords {
  yes: string;
  no: string;
  unscored: string;
  won: (n: number) => string;
  months: (n: number) => string;
}

export function scoreText(kind: CriterionKind, value: ScoreValue | undefined, w: ScoreWords) {
  if (value === null || value === undefined) return w.unscored;
  if (kind === 'yes_no') return value ? w.yes : w.no;
  if (typeof value !== 'number') return w.unscored;
  return kind === 'amount' ? w.won(value) : w.months(value);
}

// A criterion is met when true (yes/no) or above zero (amounts, months), as the server counts.
export function isMet(kind: CriterionKind, value: ScoreValue | undefined): boolean {
  if (kind === 'yes_no') return value === true;
  return typeof value === 'number' && value > 0;
}

// The work list: open tasks before done ones; among them her own first, then by due date
// (undated last), then by title.
export function orderTasks(tasks: readonly PolicyTask[], me: string): PolicyTask[] {
  const rank = (t: PolicyTask) => (t.done ? 2 : t.assignee?.id === me ? 0 : 1);
  return [...tasks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.due_on ?? '9999-99-99').localeCompare(b.due_on ?? '9999-99-99') ||
      a.title.localeCompare(b.title),
  );
}

// Whether an open task's due date has passed (Korea dates, compared as text).
export const isOverdue = (t: PolicyTask, today: string) =>
  !t.done && !!t.due_on && t.due_on < today;

// The timeline grouped by year, newest year first, entries in the order given (newest first).
export function timelineYears(
  entries: readonly PolicyTimelineEntry[],
): [string, PolicyTimelineEntry[]][] {
  const years = new Map<string, PolicyTimelineEntry[]>();
  for (const e of entries) {
    const y = e.on.slice(0, 4);
    years.set(y, [...(years.get(y) ?? []), e]);
  }
  return [...years.entries()].sort(([a], [b]) => b.localeCompare(a));
}

// The jurisdictions a form offers, nation first, then each region followed by its
// municipalities (indented by the caller), in code order.
export function jurisdictionOptions(all: readonly Jurisdiction[]): Jurisdiction[] {
  const nation = all.filter((j) => j.level === 'nation');
  const regions = all
    .filter((j) => j.level === 'region')
    .sort((a, b) => a.code.localeCompare(b.code));
  const out = [...nation];
  for (const r of regions) {
    out.push(r);
    out.push(
      ...all
        .filter((j) => j.level === 'municipality' && j.parent === r.code)
        .sort((a, b) => a.code.localeCompare(b.code)),
    );
  }
  return out;
}

// An import's rows in three counts and the refused ones by row number.
export function importSummary(report: ImportReport) {
  return {
    accepted: report.created + report.updated,
    unchanged: report.unchanged,
    refused: [...report.refused].sort((a, b) => a.row - b.row),
  };
}

// The ids chosen for a comparison: at most ten, at least two to compare.
export const MAX_COMPARE = 10;
export function toggleChoice(chosen: readonly string[], id: string): string[] {
  if (chosen.includes(id)) return chosen.filter((c) => c !== id);
  return chosen.length >= MAX_COMPARE ? [...chosen] : [...chosen, id];
}
