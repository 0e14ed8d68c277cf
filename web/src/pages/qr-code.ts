// A QR code as an SVG drawn with DOM nodes, never HTML strings: the check-in
// code, a connect code's URL. Its own module so that only the pages that draw
// one (home, an event, encounters) load qrcode-generator (20 KiB).
import qrcode from 'qrcode-generator';
import { t } from '../i18n';

// A QR code (the check-in code, a connect code's URL): an SVG of dark modules,
// role=img named `label` (default: the check-in code's name).
export function qrSvg(text: string, label = t('events.checkin.qr', { code: text })): SVGSVGElement {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const margin = 4;
  const size = n + 2 * margin;
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('width', '200');
  svg.setAttribute('height', '200');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('class', 'qr');
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', String(size));
  bg.setAttribute('height', String(size));
  bg.setAttribute('fill', '#fff');
  svg.appendChild(bg);
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`;
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.appendChild(path);
  return svg;
}
