/** Chart export: the chart's SVG drawn onto a canvas (PNG, with its statistics and caveats) and its data as CSV (Excel-friendly BOM). */
import { csvCell, roundForCsv } from '../../../shared/domain/csv';
import { downloadBlob, safeFileName as safeName } from '../../lib/download';

export const safeFileName = (s: string) => safeName(s, 'chart');

/** Splits text into lines that fit `width` on the canvas (by words; CJK by characters). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const units = /[\u3000-\u9fff]/.test(text) ? [...text] : text.split(/(\s+)/);
  const lines: string[] = [];
  let line = '';
  for (const u of units) {
    if (line && ctx.measureText(line + u).width > width) {
      lines.push(line.trimEnd());
      line = u.trimStart();
    } else line += u;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * Serialises the first chart SVG inside `container` to a PNG at 2x, with the
 * title above and, below, what a slide must keep: the statistics shown with
 * the chart (n, r, CI, warnings: elements marked data-export-text) and the
 * chart's definition and caveats (`notes`).
 */
export async function exportPng(container: HTMLElement, title: string, notes: string[] = []): Promise<void> {
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
    const font = getComputedStyle(container).fontFamily;
    // data-export-text="parts": the children are separate facts (badges), joined with " · "
    const textOf = (e: HTMLElement) => (e.innerText || e.textContent || '').replace(/\s+/g, ' ').trim();
    const stats = [...container.querySelectorAll<HTMLElement>('[data-export-text]')]
      .map((e) =>
        e.dataset.exportText === 'parts'
          ? [...e.children]
              .map((c) => textOf(c as HTMLElement))
              .filter(Boolean)
              .join(' · ')
          : textOf(e),
      )
      .filter(Boolean);
    const measure = document.createElement('canvas').getContext('2d')!;
    measure.font = `12px ${font}`;
    const statLines = stats.flatMap((s) => wrap(measure, s, width - 16));
    measure.font = `11px ${font}`;
    const noteLines = notes.filter(Boolean).flatMap((s) => wrap(measure, s, width - 16));
    const footer = 10 + statLines.length * 17 + (noteLines.length ? 6 : 0) + noteLines.length * 15;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil((height + pad + footer) * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height + pad + footer);
    ctx.fillStyle = '#222';
    ctx.font = `600 14px ${font}`;
    ctx.fillText(title, 8, 22);
    ctx.drawImage(img, 0, pad, width, height);
    let y = height + pad + 14;
    ctx.font = `12px ${font}`;
    for (const l of statLines) {
      ctx.fillText(l, 8, y);
      y += 17;
    }
    y += noteLines.length ? 6 : 0;
    ctx.fillStyle = '#555';
    ctx.font = `11px ${font}`;
    for (const l of noteLines) {
      ctx.fillText(l, 8, y);
      y += 15;
    }
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!blob) throw new Error('The chart could not be drawn');
    downloadBlob(blob, `${safeFileName(title)}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Numbers rounded for reading (no 15-decimal values), text escaped against spreadsheet formulas. */
export const cell = (v: unknown) => csvCell(typeof v === 'number' ? roundForCsv(v) : v);

export function exportCsv(rows: Record<string, unknown>[], title: string) {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const text = [cols.map(cell).join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\r\n');
  downloadBlob(new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' }), `${safeFileName(title)}.csv`);
}
