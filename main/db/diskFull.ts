/** A full disk, however it shows up: the OS's ENOSPC/EDQUOT, or SQLite's SQLITE_FULL and failed writes. */
export function isDiskFull(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return true;
  return (
    typeof err?.message === 'string' && /database or disk is full|ENOSPC|no space left on device|disk quota exceeded/i.test(err.message)
  );
}

export const DISK_FULL_MESSAGE =
  'The disk is full: nothing was changed. Free some space on the disk that holds the data folder, then try again.';
