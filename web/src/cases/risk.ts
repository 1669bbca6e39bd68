// Risk ordering: the server lists open cases highest risk first; the screens keep that order
// even for lists that arrive otherwise (stable within a level).
import { RISK_LEVELS, type RiskLevel } from '../api';

export function riskRank(level: RiskLevel): number {
  const i = RISK_LEVELS.indexOf(level);
  return i < 0 ? RISK_LEVELS.length : i;
}

export function riskOrder<T extends { risk_level: RiskLevel }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => riskRank(a.item.risk_level) - riskRank(b.item.risk_level) || a.i - b.i)
    .map((x) => x.item);
}
