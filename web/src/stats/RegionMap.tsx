// Statistics on the tile-grid map of the 17 regions (ui/TileMap): each square shaded by its
// count; a hidden cell is hatched and reads "<k". The table beside the map has the same numbers
// for screen readers.
import { useTranslation } from 'react-i18next';
import type { StatsRow } from '../api';
import { TileMap } from '../ui';
import { cellText } from './tables';

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
  const max = Math.max(0, ...[...rows.values()].map((r) => r.count ?? 0));
  return (
    <TileMap
      title={title}
      caption={<span className="muted">{t('stats.mapLegend')}</span>}
      tile={(region) => {
        const r = rows.get(region);
        const hidden = r?.suppressed ?? false;
        const level = hidden ? 0 : shade(r?.count ?? 0, max);
        return {
          name: t(`stats.regionShort.${region}` as never),
          value: cellText(r, k, num),
          label: `${t(`regions.${region}` as never)}: ${cellText(r, k, num)}`,
          className: `tile-${level}`,
          onDark: level >= 3,
          hatched: hidden,
        };
      }}
    />
  );
}
