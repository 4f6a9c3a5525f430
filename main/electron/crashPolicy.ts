/**
 * What to do when a window's renderer (or a helper process) dies: reload with a
 * message, unless it keeps dying, when a reload loop would hide the problem.
 * Plain logic (no electron import) so it is unit-tested.
 */
export const CRASH_WINDOW_MS = 60_000;
export const CRASHES_BEFORE_GIVING_UP = 3;

/** Reasons Electron reports that mean the process ended on purpose, not a crash. */
const NOT_A_CRASH = new Set(['clean-exit', 'killed']);

export class CrashPolicy {
  private times: number[] = [];

  /** 'ignore' for a clean exit, 'reload' for a crash, 'give-up' for the third crash within a minute. */
  decide(reason: string, now = Date.now()): 'ignore' | 'reload' | 'give-up' {
    if (NOT_A_CRASH.has(reason)) return 'ignore';
    this.times = this.times.filter((t) => now - t < CRASH_WINDOW_MS);
    this.times.push(now);
    return this.times.length >= CRASHES_BEFORE_GIVING_UP ? 'give-up' : 'reload';
  }
}

/** The message a user sees after a start failure: what happened and what to do, no stack trace. */
export function startFailureMessage(e: unknown, logFile: string | null): string {
  const what = e instanceof Error ? e.message : String(e);
  return `Sales Workbench could not start: ${what}\n\n${logFile ? `Details are in the log: ${logFile}\n\n` : ''}Close any other copy of the app and start it again. If this keeps happening, send the log to your IT team.`;
}
