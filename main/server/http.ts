/**
 * HTTP pieces both hosts share (the browser host's node:http server and
 * Electron's app:// protocol handler): the Range parser, the static MIME table,
 * the headers stored files are served with, path decoding, timeouts. Plain
 * Node, no Electron, so it is unit tested.
 */
import type http from 'node:http';

/** Content types of the built interface's files. */
export const STATIC_MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export const staticType = (ext: string) => STATIC_MIME[ext.toLowerCase()] ?? 'application/octet-stream';

/** Stored user files are shown, never run as pages of this origin. */
export const STORED_FILE_CSP = "default-src 'none'; media-src 'self'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** The only types a stored file is ever served as; anything else (svg, html…) goes out as a download. */
const SAFE_STORED_TYPE = /^(audio|video|image)\/(?!svg)[a-z0-9.+-]+$|^application\/pdf$|^text\/plain$/;

/** The type a stored file is served with: the one detected at upload when it is inert, else an opaque download. */
export function servedType(detected: string | null | undefined): string {
  const t = (detected ?? '').toLowerCase().trim();
  if (!SAFE_STORED_TYPE.test(t)) return 'application/octet-stream';
  return t === 'text/plain' ? 'text/plain; charset=utf-8' : t;
}

export type RangeAnswer = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Reads a `Range: bytes=a-b` header against a file of `size` bytes (RFC 9110):
 * no or unreadable header → the whole file; a reversed range or one starting
 * past the end → 416; an end past the file is clipped; `bytes=-n` is the last n.
 * Multi-range requests get the whole file (allowed by the RFC).
 */
export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  const m = /^bytes=(\d*)-(\d*)$/.exec(String(header ?? '').trim());
  if (!m || (!m[1] && !m[2])) return { kind: 'full' };
  if (m[1].length > 15 || m[2].length > 15) return { kind: 'unsatisfiable' };
  if (!m[1]) {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : size - 1;
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

/** Headers for a stored blob's answer (200, 206 or 416), the same in both hosts. */
export function blobHeaders(size: number, type: string, range: RangeAnswer): { status: number; headers: Record<string, string> } {
  if (range.kind === 'unsatisfiable') return { status: 416, headers: { 'Content-Range': `bytes */${size}`, 'Content-Length': '0' } };
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': STORED_FILE_CSP,
  };
  if (range.kind === 'full') return { status: 200, headers: { ...headers, 'Content-Length': String(size) } };
  return {
    status: 206,
    headers: {
      ...headers,
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
      'Content-Length': String(range.end - range.start + 1),
    },
  };
}

/** decodeURIComponent that answers null for bad percent-encoding (a 400, not a 500). */
export function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Timeouts so a client that declares more body (or headers) than it sends
 * cannot hold a connection (Node's defaults let it sit for 300 s): headers must
 * arrive within seconds, and a body that stops flowing for `stallMs` is cut
 * (see `guardBodyStall`). The whole-request limit stays generous for big
 * uploads over a slow network.
 */
export const TIMEOUTS = { headersMs: 10_000, requestMs: 10 * 60_000, stallMs: 10_000 };

export function applyTimeouts(server: http.Server, t = TIMEOUTS) {
  server.headersTimeout = t.headersMs;
  server.requestTimeout = t.requestMs;
  server.keepAliveTimeout = 5_000;
}

/**
 * While a request body is read, a silence of `ms` closes the connection.
 * Returns the function that lifts the guard once the body is in (handlers may
 * then take as long as they need to answer).
 */
export function guardBodyStall(req: http.IncomingMessage, ms = TIMEOUTS.stallMs): () => void {
  const socket = req.socket;
  const onTimeout = () => socket.destroy();
  socket.setTimeout(ms, onTimeout);
  return () => {
    socket.setTimeout(0);
    socket.off('timeout', onTimeout);
  };
}

/** Parses a byte limit given on the command line in MB ("500"); null when absent or unreadable. */
export function megabytes(v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.round(n * 1048576) : null;
}
