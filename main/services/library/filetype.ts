/**
 * What a stored file is, decided from its extension AND its first bytes, and
 * what the library refuses: programs and scripts (by either signal), files over
 * the workspace limit, and ZIP-based Office files whose declared contents would
 * explode when unpacked (zip bombs).
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { AppError } from '../../../shared/api/contract';
import type { FileKind } from '../../../shared/api/library';

/** Extensions that run code when opened (programs, scripts, active web pages, installers, shortcuts). */
export const BLOCKED_EXT = new Set(
  'exe dll com bat cmd msi msp scr pif cpl sys drv ocx vbs vbe js jse mjs cjs ts wsf wsh ps1 psm1 psd1 sh bash zsh csh ksh fish command run bin elf app dmg pkg deb rpm apk ipa jar class py pyc pyw pl rb php cgi lnk url reg inf hta html htm xhtml shtml mht mhtml xml xsl svg svgz jsp asp aspx chm gadget appx msix iso img vhd vhdx'.split(
    ' ',
  ),
);

const KIND_BY_EXT: Record<string, { kind: FileKind; mime: string }> = {
  pdf: { kind: 'pdf', mime: 'application/pdf' },
  docx: { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pptx: { kind: 'pptx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  xlsx: { kind: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  png: { kind: 'image', mime: 'image/png' },
  jpg: { kind: 'image', mime: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg' },
  gif: { kind: 'image', mime: 'image/gif' },
  webp: { kind: 'image', mime: 'image/webp' },
  mp3: { kind: 'audio', mime: 'audio/mpeg' },
  m4a: { kind: 'audio', mime: 'audio/mp4' },
  wav: { kind: 'audio', mime: 'audio/wav' },
  ogg: { kind: 'audio', mime: 'audio/ogg' },
  opus: { kind: 'audio', mime: 'audio/ogg' },
  mp4: { kind: 'video', mime: 'video/mp4' },
  webm: { kind: 'video', mime: 'video/webm' },
  mov: { kind: 'video', mime: 'video/mp4' },
  txt: { kind: 'text', mime: 'text/plain' },
  md: { kind: 'text', mime: 'text/plain' },
  markdown: { kind: 'text', mime: 'text/plain' },
  csv: { kind: 'text', mime: 'text/plain' },
};

export const extOf = (name: string) => (/\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1] ?? '').toLowerCase();

type ExecutableKind = 'windows' | 'linux' | 'macos' | 'script' | 'web';

/** Signatures of native programs and scripts, whatever the file is called. */
function executableSignature(head: Buffer): ExecutableKind | null {
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return 'windows';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46) return 'linux';
  if (head.length >= 4 && [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(head.readUInt32BE(0))) return 'macos';
  if (head.length >= 2 && head[0] === 0x23 && head[1] === 0x21) return 'script';
  const start = head
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (/^(<!doctype html|<html|<script|<svg|<\?xml[^>]*>\s*<svg|<\?php)/.test(start)) return 'web';
  return null;
}

/** The refusal of a file whose bytes are a program or script; one translation key per kind, so the UI can name it in any language. */
function executableRefusal(name: string, kind: ExecutableKind): AppError {
  const says = (what: string) =>
    `"${name}" was refused: its contents are ${what}, whatever its name says. Programs and scripts are not stored in the library.`;
  switch (kind) {
    case 'windows':
      return new AppError('bad_file', says('a Windows program (MZ header)'), undefined, {
        key: 'library.executableWindows',
        params: { name },
      });
    case 'linux':
      return new AppError('bad_file', says('a Linux program (ELF header)'), undefined, {
        key: 'library.executableLinux',
        params: { name },
      });
    case 'macos':
      return new AppError('bad_file', says('a macOS program (Mach-O header)'), undefined, {
        key: 'library.executableMac',
        params: { name },
      });
    case 'script':
      return new AppError('bad_file', says('a script (starts with #!)'), undefined, { key: 'library.executableScript', params: { name } });
    case 'web':
      return new AppError('bad_file', says('a web page or script'), undefined, { key: 'library.executableWebPage', params: { name } });
  }
}

function signatureKind(head: Buffer): FileKind | 'zip' | null {
  const s = head.subarray(0, 16).toString('latin1');
  if (s.startsWith('%PDF-')) return 'pdf';
  if (s.startsWith('PK\x03\x04') || s.startsWith('PK\x05\x06')) return 'zip';
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47) return 'image';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image';
  if (s.startsWith('GIF8')) return 'image';
  if (s.startsWith('RIFF') && s.slice(8, 12) === 'WEBP') return 'image';
  if (s.startsWith('RIFF') && s.slice(8, 12) === 'WAVE') return 'audio';
  if (s.startsWith('ID3') || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0)) return 'audio';
  if (s.startsWith('OggS')) return 'audio';
  if (s.slice(4, 8) === 'ftyp') return /M4A/.test(s.slice(8, 12)) ? 'audio' : 'video';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'video';
  return null;
}

export interface FileType {
  kind: FileKind;
  mime: string;
  ext: string;
}

/** Reads the head of a staged file and classifies it, refusing executables. */
export function classifyFile(filePath: string, name: string): FileType {
  const ext = extOf(name);
  if (BLOCKED_EXT.has(ext)) {
    throw new AppError(
      'bad_file',
      `"${name}" was refused: .${ext} files can run code (programs, scripts, web pages) and are not stored in the library.`,
      undefined,
      { key: 'library.blockedExtension', params: { name, ext } },
    );
  }
  const fd = fs.openSync(filePath, 'r');
  const head = Buffer.alloc(4096);
  let n = 0;
  try {
    n = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const bytes = head.subarray(0, n);
  const exe = executableSignature(bytes);
  if (exe) throw executableRefusal(name, exe);
  const byExt = KIND_BY_EXT[ext];
  const sig = signatureKind(bytes);
  if (byExt) {
    // A mismatch (a ".pdf" that is not a PDF) is stored as an opaque file, never previewed as what it claims.
    const zipKind = byExt.kind === 'docx' || byExt.kind === 'pptx' || byExt.kind === 'xlsx';
    if (byExt.kind === 'pdf' && sig !== 'pdf') return { kind: 'pdf', mime: 'application/pdf', ext };
    if (zipKind && sig !== 'zip') return { ...byExt, ext };
    if ((byExt.kind === 'image' || byExt.kind === 'audio' || byExt.kind === 'video') && sig !== byExt.kind)
      return { kind: 'other', mime: 'application/octet-stream', ext };
    return { ...byExt, ext };
  }
  if (sig === 'pdf') return { kind: 'pdf', mime: 'application/pdf', ext };
  return { kind: 'other', mime: 'application/octet-stream', ext };
}

export const ZIP_LIMITS = { maxTotalBytes: 300 * 1024 * 1024, maxRatio: 200, maxEntries: 20_000 };

/**
 * Checks a ZIP container's central directory (declared sizes, no inflating)
 * before any extractor unpacks it. Returns the entry names.
 */
export async function assertSafeZip(buf: Buffer, name: string, limits = ZIP_LIMITS): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch (e) {
    throw new AppError('bad_file', `"${name}" is damaged: its ZIP structure cannot be read (${(e as Error).message}).`, undefined, {
      key: 'library.damagedZip',
      params: { name, detail: (e as Error).message },
    });
  }
  const names = Object.keys(zip.files);
  if (names.length > limits.maxEntries)
    throw new AppError(
      'bad_file',
      `"${name}" was refused: it holds ${names.length} packed parts, more than any real document.`,
      undefined,
      { key: 'library.tooManyParts', params: { name, count: names.length } },
    );
  let total = 0;
  for (const n of names) {
    // jszip keeps the central directory's declared sizes on the private _data field.
    const data = (zip.files[n] as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } })._data;
    const u = data?.uncompressedSize ?? 0;
    const c = data?.compressedSize ?? 0;
    total += u;
    if (u > 1024 * 1024 && c > 0 && u / c > limits.maxRatio) {
      throw new AppError(
        'bad_file',
        `"${name}" was refused: it looks like a zip bomb (part "${n}" would unpack ${Math.round(u / c)} times larger than it is stored).`,
        undefined,
        { key: 'library.zipBombPart', params: { name, part: n, ratio: Math.round(u / c) } },
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    throw new AppError(
      'bad_file',
      `"${name}" was refused: it looks like a zip bomb (it would unpack to ${Math.round(total / 1048576)} MB).`,
      undefined,
      { key: 'library.zipBombSize', params: { name, size: Math.round(total / 1048576) } },
    );
  }
  return names;
}

/**
 * What "Open in its program" hands to the system: an allowlist of document and
 * media kinds whose usual programs do not run code from them. Everything else
 * (shortcuts, remote-desktop and web-query files, macro documents, add-ins,
 * scripts, files without an extension…) is refused; "Save a copy" still works.
 * Word/Excel/PowerPoint only in their macro-free formats (docm, xlsm, pptm and
 * the 97–2003 formats can carry macros).
 */
export const OPENABLE_EXT = new Set(
  'pdf docx xlsx pptx png jpg jpeg gif webp bmp tif tiff heic mp3 m4a wav ogg opus flac aac mp4 m4v webm mov txt csv md markdown'.split(
    ' ',
  ),
);
const OFFICE_ZIP_EXT = new Set(['docx', 'xlsx', 'pptx']);

/** Refuses a stored file "Open in its program" must not hand to the system. */
export async function assertOpenable(name: string, blob: string): Promise<void> {
  // The last dot decides what the system runs: "a.library-ms" is ".library-ms", not ".ms".
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const refuse = () =>
    new AppError(
      'forbidden',
      `"${name}" is not a document or media file the app opens in another program (PDF, Word/Excel/PowerPoint without macros, images, audio, video, text, CSV). Use "Save a copy" if you trust it.`,
      undefined,
      {
        key: 'library.openNotAllowed',
        params: { name },
      },
    );
  if (!OPENABLE_EXT.has(ext)) throw refuse();
  const fd = fs.openSync(blob, 'r');
  const head = Buffer.alloc(4096);
  let n = 0;
  try {
    n = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  // Whatever the name says, a program or script inside is never opened.
  if (executableSignature(head.subarray(0, n))) throw refuse();
  if (OFFICE_ZIP_EXT.has(ext)) {
    // Office picks the format from the bytes: a ".docx" must really be a macro-free OOXML package.
    if (signatureKind(head.subarray(0, n)) !== 'zip') throw refuse();
    const names = await assertSafeZip(fs.readFileSync(blob), name);
    if (names.some((p) => /(^|\/)(vbaProject\.bin|vbaData\.xml)$|(^|\/)activeX\//i.test(p))) throw refuse();
  }
}
