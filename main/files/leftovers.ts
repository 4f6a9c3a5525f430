/**
 * Crash leftovers, removed at start: a backup killed mid-copy leaves
 * `<name>.sqlite.partial`, a restore killed mid-copy `<workspace>.sqlite.restore-tmp`,
 * an interrupted demo generation `.demo-<pid>.sqlite`. None is ever read back:
 * the real files are only replaced by a rename once complete. (Staged uploads
 * are Staging.start's job; stored blobs the orphan sweep's.)
 */
import fs from 'node:fs';
import path from 'node:path';

const LEFTOVER = /\.partial$|\.restore-tmp$|^\.demo-\d+\.sqlite(-wal|-shm|-journal)?$|\.sqlite\.restore-tmp-(wal|shm)$/;

/** Removes leftovers in the app's own folders (workspaces, backups; not recursive); returns the names removed. */
export function removeLeftovers(dirs: string[]): string[] {
  const removed: string[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (!LEFTOVER.test(name)) continue;
      const demoPid = /^\.demo-(\d+)\./.exec(name)?.[1];
      if (demoPid && Number(demoPid) !== process.pid && alive(Number(demoPid))) continue; // another app is generating it now
      const p = path.join(dir, name);
      try {
        if (!fs.statSync(p).isFile()) continue;
        fs.rmSync(p, { force: true });
        removed.push(name);
      } catch (e) {
        console.warn(`[start] could not remove the leftover ${name}:`, (e as Error).message);
      }
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
