// Korea's 17 first-level regions as a tile grid: one square per region, placed roughly where it
// lies, shaded by its count; a hidden cell is hatched and reads "<k". The squares carry their
// region's name and figure; the table beside the map has the same numbers for screen readers.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsRow } from '../api';
import { cellText } from './tables';

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

const SIZE = 64;
const GAP = 6;

// Five shades from the lightest to the darkest, by the share of the largest count.
export function shade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((count / max) * 4));
}

interface Props {
  title: string;
  rows: ReadonlyMap<string, StatsRow>;
  k?: number;
  num: (n: number) => string;
}

export function RegionMap({ title, rows, k, num }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  // useId gives ":r1:"; colons do not survive inside url(#…).
  const hatchId = useId().replace(/:/g, '');
  const max = Math.max(0, ...[...rows.values()].map((r) => r.count ?? 0));
  const width = 5 * (SIZE + GAP);
  const height = 6 * (SIZE + GAP);
  return (
    <figure className="region-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        <defs>
          <pattern id={hatchId} width="8" height="8" patternUnits="userSpaceOnUse">
            <path d="M0 8 L8 0" className="hatch" />
          </pattern>
        </defs>
        {TILES.map(([region, col, row]) => {
          const r = rows.get(region);
          const hidden = r?.suppressed ?? false;
          const level = hidden ? 0 : shade(r?.count ?? 0, max);
          return (
            <g key={region} transform={`translate(${col * (SIZE + GAP)}, ${row * (SIZE + GAP)})`}>
              <title>{`${t(`regions.${region}` as never)}: ${cellText(r, k, num)}`}</title>
              <rect
                className={`tile tile-${level}`}
                width={SIZE}
                height={SIZE}
                rx={6}
                // A style, not the fill attribute: the tile's class would win over an attribute.
                style={hidden ? { fill: `url(#${hatchId})` } : undefined}
              />
              <text className={`tile-name${level >= 3 ? ' on-dark' : ''}`} x={SIZE / 2} y={26}>
                {t(`stats.regionShort.${region}` as never)}
              </text>
              <text className={`tile-value${level >= 3 ? ' on-dark' : ''}`} x={SIZE / 2} y={48}>
                {cellText(r, k, num)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('stats.mapLegend')}</figcaption>
    </figure>
  );
}
