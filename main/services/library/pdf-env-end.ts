/** Ends pdf-env.ts's filtering of pdf.js load-time warnings. */
const g = globalThis as Record<string, unknown>;
if (typeof g.__swbConsoleLog === 'function') console.log = g.__swbConsoleLog as typeof console.log;
delete g.__swbConsoleLog;
export {};
