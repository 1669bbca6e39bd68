// The tile-grid map of Korea's 17 first-level regions: one square per region, placed roughly
// where it lies (tileGrid.ts), each with its short name and a figure or word the caller gives,
// shaded by a class the caller chooses. Read-only, it is one image whose squares name their
// region and value; given `onSelect`, every square is a button reached with Tab once and walked
// with the arrow keys (Enter or Space chooses it), named by the words on it and then its whole
// label ("서울 시행, 서울특별시: …"), so that saying what is on a square (voice control)
// reaches it. A table beside the map (the caller's) carries the same data for screen readers.
// Statistics and the policy monitor both draw it.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './tileMap.css';
import { directionOf, GRID_COLUMNS, GRID_ROWS, neighbour, TILES } from './tileGrid';

export interface Tile {
  name: string; // short region name on the square ("서울")
  value: string; // the figure or word under it
  label: string; // the square in full ("서울특별시: 시행 중"), after its name and value
  className: string; // its shade
  onDark?: boolean; // white text on a dark shade
  hatched?: boolean; // hatched instead of filled (a hidden figure)
}

interface Props {
  title: string;
  tile: (region: string) => Tile;
  caption?: ReactNode;
  onSelect?: (region: string) => void;
  selected?: string | null;
}

const SIZE = 64;
const GAP = 6;

export function TileMap({ title, tile, caption, onSelect, selected }: Props) {
  const titleId = useId();
  // useId gives ":r1:"; colons do not survive inside url(#…).
  const hatchId = useId().replace(/:/g, '');
  const [focus, setFocus] = useState<string>(selected ?? TILES[0]![0]);
  const squares = useRef(new Map<string, SVGGElement>());
  const width = GRID_COLUMNS * (SIZE + GAP);
  const height = GRID_ROWS * (SIZE + GAP);
  const interactive = !!onSelect;

  function onKey(e: KeyboardEvent<SVGGElement>, region: string) {
    const direction = directionOf(e.key);
    if (direction) {
      e.preventDefault();
      const next = neighbour(region, direction);
      setFocus(next);
      squares.current.get(next)?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect?.(region);
    }
  }

  return (
    <figure className={interactive ? 'region-map region-map-interactive' : 'region-map'}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role={interactive ? 'group' : 'img'}
        aria-labelledby={titleId}
      >
        <title id={titleId}>{title}</title>
        <defs>
          <pattern id={hatchId} width="8" height="8" patternUnits="userSpaceOnUse">
            <path d="M0 8 L8 0" className="hatch" />
          </pattern>
        </defs>
        {TILES.map(([region, col, row]) => {
          const tl = tile(region);
          const dark = tl.onDark ? ' on-dark' : '';
          return (
            <g
              key={region}
              transform={`translate(${col * (SIZE + GAP)}, ${row * (SIZE + GAP)})`}
              className={selected === region ? 'tile-square selected' : 'tile-square'}
              {...(interactive
                ? {
                    role: 'button',
                    tabIndex: focus === region ? 0 : -1,
                    'aria-label': `${tl.name} ${tl.value}, ${tl.label}`,
                    'aria-pressed': selected === region,
                    ref: (el: SVGGElement | null) => {
                      if (el) squares.current.set(region, el);
                      else squares.current.delete(region);
                    },
                    onClick: () => {
                      setFocus(region);
                      onSelect(region);
                    },
                    onKeyDown: (e: KeyboardEvent<SVGGElement>) => onKey(e, region),
                    onFocus: () => setFocus(region),
                  }
                : {})}
            >
              {!interactive && <title>{tl.label}</title>}
              <rect
                className={`tile ${tl.className}`}
                width={SIZE}
                height={SIZE}
                rx={6}
                // A style, not the fill attribute: the tile's class would win over an attribute.
                style={tl.hatched ? { fill: `url(#${hatchId})` } : undefined}
              />
              <text className={`tile-name${dark}`} x={SIZE / 2} y={26} aria-hidden="true">
                {tl.name}
              </text>
              {/* A space between the two words, so that the square's text reads "서울 시행". */}{' '}
              <text className={`tile-value${dark}`} x={SIZE / 2} y={48} aria-hidden="true">
                {tl.value}
              </text>
            </g>
          );
        })}
      </svg>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
