/**
 * No absolute path of the server's disk reaches a remote caller: errors sent
 * to anyone but the solo owner have paths cut to their last segment.
 */
import type { ApiError } from '../../../shared/api/contract';

// An absolute POSIX or Windows path not inside a URL (not preceded by a word character, ':' or '/').
const ABS = /(?<![\w:/.\\])(?:[A-Za-z]:)?[\\/](?:[^\s"'\\/]+[\\/])+([^\s"'\\/]*)/g;
const QUOTED = /"((?:[A-Za-z]:)?[\\/][^"]*)"/g;

export function stripPaths(s: string): string {
  return s.replace(QUOTED, (_m, p: string) => `"${p.split(/[\\/]/).pop() ?? ''}"`).replace(ABS, (_m, last: string) => last);
}

export const hasAbsolutePath = (s: string) => new RegExp(ABS.source).test(s) || /"(?:[A-Za-z]:)?[\\/][^"]*[\\/]/.test(s);

export function stripErrorPaths(e: ApiError): ApiError {
  const params = e.params
    ? Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' ? stripPaths(v) : v]))
    : undefined;
  return {
    ...e,
    message: stripPaths(e.message),
    ...(params ? { params } : {}),
    ...(e.issues ? { issues: e.issues.map((i) => ({ ...i, message: stripPaths(i.message) })) } : {}),
  };
}
