import { describe, expect, it } from 'vitest';
import { directionOf, neighbour, TILES } from './tileGrid';

describe('the tile grid', () => {
  it('places the 17 regions on distinct squares', () => {
    expect(TILES).toHaveLength(17);
    expect(new Set(TILES.map(([, c, r]) => `${c},${r}`)).size).toBe(17);
  });

  it('walks to the nearest square in the direction of an arrow key', () => {
    expect(neighbour('KR-11', 'left')).toBe('KR-28'); // 서울 → 인천
    expect(neighbour('KR-11', 'right')).toBe('KR-43'); // 서울 → 충북
    expect(neighbour('KR-11', 'up')).toBe('KR-41'); // 서울 → 경기
    expect(neighbour('KR-11', 'down')).toBe('KR-50'); // 서울 → 세종
    expect(neighbour('KR-46', 'down')).toBe('KR-49'); // 전남 → 제주, one column aside
  });

  it('stays put at the edge, and names the arrow keys', () => {
    expect(neighbour('KR-31', 'right')).toBe('KR-31');
    expect(neighbour('KR-49', 'down')).toBe('KR-49');
    expect(directionOf('ArrowUp')).toBe('up');
    expect(directionOf('Enter')).toBeNull();
  });
});
