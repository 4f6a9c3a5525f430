/** Chart export: the chart's SVG drawn onto a canvas (PNG) and its data as CSV (Excel-friendly BOM). */
import { toCsv } from '../../../shared/domain/csv';
import { downloadBlob, safeFileName as safeName } from '../../lib/download';

export const safeFileName = (s: string) => safeName(s, 'chart');

/** Serialises the first chart SVG inside `container` (with its title above) to a PNG at 2x. */
export async function exportPng(container: HTMLElement, title: string): Promise<void> {
  const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new Error('No chart to export');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // computed font so text renders the same outside the page
  clone.setAttribute('style', `font-family:${getComputedStyle(container).fontFamily};font-size:12px`);
  const xml = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn'));
      img.src = url;
    });
    const scale = 2;
    const pad = 36;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil((height + pad) * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height + pad);
    ctx.fillStyle = '#222';
    ctx.font = `600 14px ${getComputedStyle(container).fontFamily}`;
    ctx.fillText(title, 8, 22);
    ctx.drawImage(img, 0, pad, width, height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!blob) throw new Error('The chart could not be drawn');
    downloadBlob(blob, `${safeFileName(title)}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function exportCsv(rows: Record<string, unknown>[], title: string) {
  if (!rows.length) return;
  const text = toCsv(rows);
  downloadBlob(new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' }), `${safeFileName(title)}.csv`);
}
