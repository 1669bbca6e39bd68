// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { QrCode, parseQrSvg } from './QrCode';

const SERVER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" shape-rendering="crispEdges">' +
  '<rect width="29" height="29" fill="#fff"/><path fill="#000" d="M4 4h7v1h-7z"/></svg>\n';

describe('QrCode', () => {
  it('copies the shapes of the server SVG', () => {
    const { container } = render(<QrCode svg={SERVER_SVG} label="QR" />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 29 29');
    expect(svg.getAttribute('aria-label')).toBe('QR');
    expect(container.querySelector('path')!.getAttribute('d')).toBe('M4 4h7v1h-7z');
  });

  it('drops scripts, handlers and foreign content', () => {
    const evil =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><script>alert(1)</script>' +
      '<rect width="9" height="9" fill="url(http://x)" onclick="alert(1)"/>' +
      '<foreignObject><p>x</p></foreignObject><path d="M0 0h1z" style="x"/></svg>';
    const parsed = parseQrSvg(evil)!;
    expect(parsed.shapes).toEqual([
      { tag: 'rect', attrs: { width: '9', height: '9' } },
      { tag: 'path', attrs: { d: 'M0 0h1z' } },
    ]);
  });

  it('renders nothing for something that is not an SVG', () => {
    expect(parseQrSvg('<html></html>')).toBeNull();
  });
});
