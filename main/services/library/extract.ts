/**
 * Text extraction for the search index, as a plain module: the worker thread
 * (extract-worker.ts) wraps it, unit tests call it directly. Every failure is
 * turned into a note a person can read; the file itself is always kept.
 */
import './pdf-env';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import './pdf-env-end';
import type { FileKind } from '../../../shared/api/library';
import { decodeText } from '../import/decode';
import { assertSafeZip } from './filetype';

(globalThis as Record<string, unknown>).pdfjsWorker = pdfWorker;

/** Extracted text beyond this is cut (a 2,000-sheet workbook must not bloat the index). */
export const MAX_TEXT_CHARS = 2_000_000;

export interface Extraction {
  text: string;
  pageCount: number | null;
  status: 'ok' | 'empty' | 'failed' | 'none';
  note: string;
}

const clean = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- stray control characters from PDFs and Office XML
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    // Line wraps inside Chinese text or after a hyphen are layout, not word breaks.
    .replace(/(\p{Script=Han})\n(?=\p{Script=Han})/gu, '$1')
    .replace(/(\p{L})-\n(?=\p{L})/gu, '$1-')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function done(
  text: string,
  pageCount: number | null = null,
  emptyNote = 'The file has no text to search (it may be scanned images).',
): Extraction {
  let t = clean(text);
  let note = '';
  if (t.length > MAX_TEXT_CHARS) {
    t = t.slice(0, MAX_TEXT_CHARS);
    note = `Only the first ${MAX_TEXT_CHARS.toLocaleString('en')} characters are searchable.`;
  }
  return t ? { text: t, pageCount, status: 'ok', note } : { text: '', pageCount, status: 'empty', note: emptyNote };
}

async function pdfText(buf: Buffer): Promise<Extraction> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(buf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') {
      return {
        text: '',
        pageCount: null,
        status: 'failed',
        note: 'The PDF is password-protected, so its text cannot be searched. Upload an unprotected copy to make it searchable.',
      };
    }
    return {
      text: '',
      pageCount: null,
      status: 'failed',
      note: `The PDF is damaged and its text cannot be read (${(e as Error).message}). It is stored as uploaded.`,
    };
  }
  try {
    const pages: string[] = [];
    let chars = 0;
    for (let i = 1; i <= doc.numPages && chars < MAX_TEXT_CHARS; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let line = '';
      for (const it of content.items) {
        if (!('str' in it)) continue;
        line += it.str + (it.hasEOL ? '\n' : '');
      }
      pages.push(line);
      chars += line.length;
      page.cleanup();
    }
    return done(
      pages.join('\n\n'),
      doc.numPages,
      'The PDF has no text layer (it is probably scanned), so only its title and description are searchable.',
    );
  } finally {
    await doc.destroy();
  }
}

async function docxText(buf: Buffer, name: string): Promise<Extraction> {
  await assertSafeZip(buf, name);
  const r = await mammoth.extractRawText({ buffer: buf });
  return done(r.value);
}

const xml = new XMLParser({ ignoreAttributes: true, preserveOrder: true, trimValues: false, processEntities: true, htmlEntities: true });

/** Collects the text of every <a:t> (DrawingML) run, paragraph by paragraph. */
function drawingText(node: unknown, out: string[]) {
  if (Array.isArray(node)) {
    for (const n of node) drawingText(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'a:t') {
      for (const t of v as { '#text'?: unknown }[]) if (t['#text'] != null) out.push(textOf(t['#text']));
    } else if (k === 'a:p') {
      drawingText(v, out);
      out.push('\n');
    } else if (k !== ':@') drawingText(v, out);
  }
}

const slideNo = (n: string) => Number(/(\d+)\.xml$/.exec(n)?.[1] ?? 0);

async function pptxText(buf: Buffer, name: string): Promise<Extraction> {
  await assertSafeZip(buf, name);
  const zip = await JSZip.loadAsync(buf);
  const slides = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => slideNo(a) - slideNo(b));
  const parts: string[] = [];
  for (const s of slides) {
    const out: string[] = [];
    drawingText(xml.parse(await zip.file(s)!.async('string')), out);
    const notes = zip.file(`ppt/notesSlides/notesSlide${slideNo(s)}.xml`);
    if (notes) drawingText(xml.parse(await notes.async('string')), out);
    parts.push(out.join('').replace(/\n+/g, '\n'));
  }
  return done(parts.join('\n\n'), slides.length);
}

async function xlsxText(buf: Buffer, name: string): Promise<Extraction> {
  await assertSafeZip(buf, name);
  const zip = await JSZip.loadAsync(buf);
  const shared: string[] = [];
  const ss = zip.file('xl/sharedStrings.xml');
  if (ss) {
    const parsed = new XMLParser({ ignoreAttributes: true, isArray: (n) => n === 'si' || n === 'r' }).parse(await ss.async('string')) as {
      sst?: { si?: { t?: unknown; r?: { t?: unknown }[] }[] };
    };
    for (const si of parsed.sst?.si ?? []) {
      const t = si.t != null ? textOf(si.t) : (si.r ?? []).map((r) => textOf(r.t)).join('');
      shared.push(t);
    }
  }
  const sheets = Object.keys(zip.files)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => slideNo(a) - slideNo(b));
  const rowsOut: string[] = [];
  let chars = 0;
  const cellParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'row' || n === 'c' });
  for (const s of sheets) {
    const doc = cellParser.parse(await zip.file(s)!.async('string')) as {
      worksheet?: { sheetData?: { row?: { c?: { t?: string; v?: unknown; is?: { t?: unknown } }[] }[] } };
    };
    for (const row of doc.worksheet?.sheetData?.row ?? []) {
      const cells = (row.c ?? [])
        .map((c) => (c.t === 's' ? (shared[Number(c.v)] ?? '') : c.t === 'inlineStr' ? textOf(c.is?.t) : c.v != null ? textOf(c.v) : ''))
        .filter(Boolean);
      if (cells.length) {
        const line = cells.join(' | ');
        rowsOut.push(line);
        chars += line.length;
      }
      if (chars > MAX_TEXT_CHARS) break;
    }
    rowsOut.push('');
  }
  return done(rowsOut.join('\n'), sheets.length);
}

function textOf(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'object') return textOf((v as { '#text'?: unknown })['#text']);
  return typeof v === 'string' ? v : JSON.stringify(v); // numbers and booleans as written
}

/** Extracts searchable text from a file of a known kind; never throws for bad content. */
export async function extractText(buf: Buffer, kind: FileKind, name: string): Promise<Extraction> {
  try {
    switch (kind) {
      case 'pdf':
        return await pdfText(buf);
      case 'docx':
        return await docxText(buf, name);
      case 'pptx':
        return await pptxText(buf, name);
      case 'xlsx':
        return await xlsxText(buf, name);
      case 'text':
        return done(decodeText(buf).text);
      default:
        return { text: '', pageCount: null, status: 'none', note: '' };
    }
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    return { text: '', pageCount: null, status: 'failed', note: `The text could not be extracted: ${msg}` };
  }
}

export type Inspection = { ok: true; extraction: Extraction } | { ok: false; message: string };

/** Import-time check + extraction: a zip bomb is refused (not stored); everything else gets its text or a note. */
export async function inspectAndExtract(buf: Buffer, kind: FileKind, name: string): Promise<Inspection> {
  if (kind === 'docx' || kind === 'pptx' || kind === 'xlsx') {
    try {
      await assertSafeZip(buf, name);
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  }
  return { ok: true, extraction: await extractText(buf, kind, name) };
}
