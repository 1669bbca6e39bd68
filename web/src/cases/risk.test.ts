import type { RiskLevel } from '../api';
import { riskOrder } from './risk';

describe('risk order', () => {
  it('puts critical and high risk first, keeping the order within a level', () => {
    const cases: { id: string; risk_level: RiskLevel }[] = [
      { id: 'a', risk_level: 'low' },
      { id: 'b', risk_level: 'high' },
      { id: 'c', risk_level: 'critical' },
      { id: 'd', risk_level: 'medium' },
      { id: 'e', risk_level: 'high' },
    ];
    expect(riskOrder(cases).map((c) => c.id)).toEqual(['c', 'b', 'e', 'd', 'a']);
  });
});
