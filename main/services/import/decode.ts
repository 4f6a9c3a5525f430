/**
 * Turns the bytes of an exported file into text: BOM, strict UTF-8, then
 * jschardet's guess among the legacy code pages real exports use
 * (Windows-1251 from Bitrix24/1C, GBK from Chinese CRMs), decoded by iconv-lite.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import Papa from 'papaparse';

export interface Decoded {
  text: string;
  encoding: string;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function looksLikeZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && Buffer.from(buf.subarray(0, 4)).equals(ZIP_MAGIC);
}

function cyrillicAndCjkShare(text: string) {
  const sample = text.slice(0, 20000);
  const cyr = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const han = (sample.match(/\p{Script=Han}/gu) ?? []).length;
  const bad = (sample.match(/[\uFFFD\u0080-\u009F]/g) ?? []).length;
  return { cyr, han, bad };
}

export function decodeText(input: Uint8Array): Decoded {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
  } catch {
    /* not UTF-8: a legacy code page */
  }
  const guess = jschardet.detect(buf.subarray(0, 64 * 1024)).encoding?.toLowerCase() ?? '';
  const candidates = ['windows-1251', 'gb18030', 'koi8-r', 'windows-1252'];
  if (guess && iconv.encodingExists(guess)) candidates.unshift(guess.includes('gb') ? 'gb18030' : guess);
  // Pick the decoding that yields the most letters of the script it claims and no replacement characters.
  let best: Decoded & { score: number } = { text: '', encoding: '', score: -Infinity };
  for (const enc of [...new Set(candidates)]) {
    const text = iconv.decode(buf, enc);
    const { cyr, han, bad } = cyrillicAndCjkShare(text);
    const score = (enc.startsWith('gb') ? han * 2 : cyr) - bad * 10 + (enc === candidates[0] ? 1 : 0);
    if (score > best.score) best = { text, encoding: enc === 'gb18030' ? 'GBK' : enc === 'windows-1251' ? 'Windows-1251' : enc, score };
  }
  return { text: best.text, encoding: best.encoding };
}

export interface ParsedCsv {
  header: string[];
  rows: string[][];
  delimiter: string;
}

/** Parses CSV text with delimiter detection (`,` `;` tab `|`); the first non-empty row is the header. */
export function parseCsv(text: string): ParsedCsv {
  // Normalise line endings first: files edited on several systems mix CRLF and LF.
  const res = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    newline: '\n',
  });
  const all = res.data.filter((r) => r.some((c) => c.trim() !== ''));
  const header = (all[0] ?? []).map((h) => h.trim());
  return { header, rows: all.slice(1), delimiter: res.meta.delimiter };
}
