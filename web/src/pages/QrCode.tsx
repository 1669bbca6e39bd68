// Draws the server's TOTP QR code (an SVG document in a string) as React SVG elements.
//
// Why not <img src="data:image/svg+xml;base64,…">: under the server's CSP (default-src 'self')
// data: images are blocked. Why not innerHTML: markup from a string is how scripts get in.
// So the string is parsed in an inert document and only <rect> and <path> shapes with
// geometry and plain colour attributes are copied; anything else is dropped.
import { useMemo } from 'react';

interface Shape {
  tag: 'rect' | 'path';
  attrs: Record<string, string>;
}

const ALLOWED: Record<Shape['tag'], readonly string[]> = {
  rect: ['x', 'y', 'width', 'height', 'fill'],
  path: ['d', 'fill'],
};
const COLOR = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|black|white)$/;
const NUMBER = /^[0-9.]+$/;
const PATH_DATA = /^[MmHhVvLlZz0-9.,\s-]*$/;
const VIEWBOX = /^[0-9.]+ [0-9.]+ [0-9.]+ [0-9.]+$/;

function valid(name: string, value: string): boolean {
  if (name === 'fill') return COLOR.test(value);
  if (name === 'd') return PATH_DATA.test(value);
  return NUMBER.test(value);
}

export function parseQrSvg(svg: string): { viewBox: string; shapes: Shape[] } | null {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') return null;
  const viewBox = root.getAttribute('viewBox') ?? '';
  if (!VIEWBOX.test(viewBox)) return null;
  const shapes: Shape[] = [];
  for (const el of Array.from(root.children)) {
    const tag = el.nodeName;
    if (tag !== 'rect' && tag !== 'path') continue;
    const attrs: Record<string, string> = {};
    for (const name of ALLOWED[tag]) {
      const v = el.getAttribute(name);
      if (v !== null && valid(name, v)) attrs[name] = v;
    }
    shapes.push({ tag, attrs });
  }
  return shapes.length ? { viewBox, shapes } : null;
}

export function QrCode({ svg, label }: { svg: string; label: string }) {
  const parsed = useMemo(() => parseQrSvg(svg), [svg]);
  if (!parsed) return null;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={parsed.viewBox}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      {parsed.shapes.map((s, i) =>
        s.tag === 'rect' ? <rect key={i} {...s.attrs} /> : <path key={i} {...s.attrs} />,
      )}
    </svg>
  );
}
