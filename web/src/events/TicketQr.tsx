// A ticket's QR code as the server drew it (ticket_qr_svg: one white square and one black path).
// Rebuilt as React elements from those two values rather than inserted as markup, so nothing
// but the drawing can reach the page.
import { useMemo } from 'react';

export function qrParts(svg: string): { size: number; d: string } | null {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') return null;
  const box = (root.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  const d = root.querySelector('path')?.getAttribute('d') ?? '';
  const size = box[2];
  if (!size || !Number.isFinite(size) || !/^[MmHhVvZz0-9,.\s-]*$/.test(d)) return null;
  return { size, d };
}

export function TicketQr({ svg, label }: { svg: string; label: string }) {
  const parts = useMemo(() => qrParts(svg), [svg]);
  if (!parts) return null;
  return (
    <svg
      className="ticket-qr"
      viewBox={`0 0 ${parts.size} ${parts.size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
    >
      <rect width={parts.size} height={parts.size} fill="#fff" />
      <path fill="#000" d={parts.d} />
    </svg>
  );
}
