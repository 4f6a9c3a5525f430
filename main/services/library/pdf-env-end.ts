/** Ends pdf-env.ts's filtering of pdf.js load-time warnings. */
const g = globalThis as Record<string, unknown>;
const saved = g.__swbConsole as { log: typeof console.log; warn: typeof console.warn } | undefined;
if (saved) {
  console.log = saved.log;
  console.warn = saved.warn;
}
delete g.__swbConsole;
export {};
