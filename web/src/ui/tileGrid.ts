// Where Korea's 17 first-level regions sit on the tile-grid map (one square each, placed roughly
// where the region lies), and which square an arrow key moves to from another: the nearest one
// in that direction, so the keyboard walks the map the way the eye does.

// [region, column, row]
export const TILES: readonly [string, number, number][] = [
  ['KR-41', 1, 0], // 경기
  ['KR-42', 2, 0], // 강원
  ['KR-28', 0, 1], // 인천
  ['KR-11', 1, 1], // 서울
  ['KR-43', 2, 1], // 충북
  ['KR-47', 3, 1], // 경북
  ['KR-44', 0, 2], // 충남
  ['KR-50', 1, 2], // 세종
  ['KR-30', 2, 2], // 대전
  ['KR-27', 3, 2], // 대구
  ['KR-31', 4, 2], // 울산
  ['KR-45', 1, 3], // 전북
  ['KR-48', 2, 3], // 경남
  ['KR-26', 3, 3], // 부산
  ['KR-29', 0, 4], // 광주
  ['KR-46', 1, 4], // 전남
  ['KR-49', 0, 5], // 제주
];

export const GRID_COLUMNS = 5;
export const GRID_ROWS = 6;

export type Direction = 'left' | 'right' | 'up' | 'down';

const STEP: Record<Direction, [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

// The square an arrow key leads to from `region`: among the squares ahead in that direction,
// the closest (distance along the direction counts, drifting sideways counts twice). The same
// region when there is none.
export function neighbour(region: string, direction: Direction): string {
  const from = TILES.find(([r]) => r === region);
  if (!from) return TILES[0]![0];
  const [dx, dy] = STEP[direction];
  let best: string = region;
  let bestCost = Infinity;
  for (const [r, col, row] of TILES) {
    const along = (col - from[1]) * dx + (row - from[2]) * dy;
    if (along <= 0) continue;
    const across = Math.abs(dx !== 0 ? row - from[2] : col - from[1]);
    const cost = along + 2 * across;
    if (cost < bestCost) {
      bestCost = cost;
      best = r;
    }
  }
  return best;
}

export function directionOf(key: string): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}
