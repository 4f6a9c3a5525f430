/**
 * Reads CRM exports without holding them in memory: the file kind is decided by
 * magic bytes (an .xlsx renamed .csv is still read as XLSX), the encoding and
 * delimiter from the first 64 KB (decode.ts), then rows stream through
 * papaparse (CSV, on an iconv-lite decoding stream) or exceljs's streaming
 * WorkbookReader (XLSX), in chunks handed to a synchronous callback.
 */
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../../../shared/api/contract';
import { decodeText, looksLikeZip, parseCsv } from '../import/decode';

export interface FileInfo {
  kind: 'csv' | 'xlsx';
  /** Display name of the encoding ("UTF-8 (BOM)", "Windows-1251", "GBK"...). */
  encoding: string;
  delimiter: string;
  size: number;
}

const HEAD_BYTES = 64 * 1024;

function readHead(path: string, bytes = HEAD_BYTES): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

const iconvName = (encoding: string) =>
  encoding.startsWith('UTF-8') ? 'utf8' : encoding === 'Windows-1251' ? 'win1251' : encoding === 'GBK' ? 'gb18030' : encoding.toLowerCase();

export function detectFile(path: string): FileInfo {
  const size = fs.statSync(path).size;
  if (size === 0)
    throw new AppError('bad_file', 'The file is empty: export the deals from your CRM again.', undefined, { key: 'emptyFile' });
  const head = readHead(path);
  if (looksLikeZip(head)) return { kind: 'xlsx', encoding: 'XLSX', delimiter: '', size };
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    throw new AppError('bad_file', 'This is an old Excel 97–2003 (.xls) file: save it as .xlsx or CSV and try again.', undefined, {
      key: 'oldXls',
    });
  if (head.subarray(0, 4).toString('latin1') === '%PDF')
    throw new AppError('bad_file', 'This is a PDF, not a CSV or XLSX export.', undefined, { key: 'pdfFile' });
  const sample = head.length === size ? head : head.subarray(0, Math.max(head.lastIndexOf(0x0a), 1));
  const zeros = sample.subarray(0, 4096).filter((b) => b === 0).length;
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (zeros > 16 && !utf16)
    throw new AppError('bad_file', 'This file is not a CSV or XLSX export (it contains binary data).', undefined, { key: 'binaryFile' });
  const { text, encoding } = decodeText(sample);
  const { delimiter } = parseCsv(text.slice(0, 32 * 1024));
  return { kind: 'csv', encoding, delimiter: delimiter || ',', size };
}

const WHATWG: Record<string, string> = { utf8: 'utf-8', win1251: 'windows-1251', gb18030: 'gb18030' };

/**
 * Bytes -> text as a stream. Node's built-in (ICU) TextDecoder decodes twice as fast as
 * iconv-lite and keeps multi-byte characters split across reads whole; iconv-lite covers
 * any encoding ICU lacks.
 */
function decodeStream(encoding: string): Transform {
  const label = iconvName(encoding);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(WHATWG[label] ?? label);
  } catch {
    return iconv.decodeStream(label, { stripBOM: true }) as unknown as Transform;
  }
  return new Transform({
    encoding: 'utf8', // the readable side emits the decoded strings as they are
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      const tail = decoder.decode();
      done(null, tail || undefined);
    },
  });
}

/** bytesRead = -1 when the position is unknown (XLSX). */
export type RowsCallback = (rows: string[][], bytesRead: number) => void | 'stop';

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().replace('.000Z', '').replace('Z', '');
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return ''; // a cell kind with no text (e.g. a shared formula without its result)
  }
  return String(v);
}

/** Streams all rows (header included) in chunks; resolves when done or when the callback returns 'stop'. */
export async function streamRows(path: string, info: FileInfo, onRows: RowsCallback, chunkRows = 2000): Promise<void> {
  if (info.kind === 'xlsx') {
    let reader: ExcelJS.stream.xlsx.WorkbookReader;
    try {
      reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
        sharedStrings: 'cache',
        styles: 'ignore',
        hyperlinks: 'ignore',
        worksheets: 'emit',
      });
    } catch {
      throw new AppError('bad_file', 'The XLSX file cannot be opened.', undefined, { key: 'xlsxUnreadable' });
    }
    let buf: string[][] = [];
    let approx = 0;
    try {
      for await (const ws of reader) {
        for await (const row of ws) {
          const values = Array.isArray(row.values) ? row.values.slice(1) : [];
          const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]));
          // exceljs skips empty rows; keep numbering right with row.number
          while (approx + buf.length + 1 < row.number) buf.push([]);
          buf.push(cells);
          if (buf.length >= chunkRows) {
            approx += buf.length;
            const r = onRows(buf, -1); // the zip stream gives no byte position: -1 = unknown
            buf = [];
            if (r === 'stop') return;
          }
        }
        break; // first worksheet only
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('bad_file', `The XLSX file is damaged or not a spreadsheet (${(e as Error).message}).`, undefined, {
        key: 'xlsxDamaged',
        params: { detail: (e as Error).message },
      });
    }
    if (buf.length) onRows(buf, info.size);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    // modest reads: each chunk's rows die young (scavenged), so the heap stays flat on huge files
    const file = fs.createReadStream(path, { highWaterMark: 128 << 10 });
    const text = file.pipe(decodeStream(info.encoding));
    let stopped = false;
    const fail = (e: unknown) => {
      if (stopped) return;
      stopped = true;
      file.destroy();
      reject(
        e instanceof AppError
          ? e
          : new AppError('bad_file', `The file cannot be read: ${(e as Error).message}`, undefined, {
              key: 'unreadable',
              params: { detail: (e as Error).message },
            }),
      );
    };
    file.on('error', fail);
    Papa.parse(text as unknown as File, {
      delimiter: info.delimiter,
      skipEmptyLines: false,
      chunkSize: 1 << 20,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (stopped) return;
        try {
          if (onRows(results.data, file.bytesRead) === 'stop') {
            stopped = true;
            resolve();
            parser.abort();
            file.destroy();
          }
        } catch (e) {
          fail(e); // before abort(): abort() calls complete() synchronously
          parser.abort();
        }
      },
      complete() {
        if (!stopped) {
          stopped = true;
          resolve();
        }
      },
      error(e: Error) {
        fail(e);
      },
    });
  });
}
