/**
 * pdfjs-dist expects a browser: it builds a DOMMatrix at load time (for
 * rendering, which text extraction never does) and starts a worker. Inside our
 * own worker thread we run its "fake worker" in-process by handing it the
 * worker module up front, so the bundled build needs no loose .mjs files.
 */
const g = globalThis as Record<string, unknown>;
if (!g.DOMMatrix) {
  g.DOMMatrix = class DOMMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
    constructor(init?: number[]) {
      if (Array.isArray(init) && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init;
    }
    multiplySelf() {
      return this;
    }
    preMultiplySelf() {
      return this;
    }
    translate() {
      return this;
    }
    scale() {
      return this;
    }
    invertSelf() {
      return this;
    }
  };
}
if (!g.Path2D) g.Path2D = class Path2D {};
if (!g.ImageData) g.ImageData = class ImageData {};

// pdf.js logs harmless load-time warnings under Node (no `require` in a bundle, no canvas package,
// no canvas polyfills) through console.warn (console.log in older versions); they are filtered
// until pdf-env-end.ts restores both right after it loads. Nothing else is swallowed.
const HARMLESS = /^Warning: Cannot (access the `require` function|load "@napi-rs\/canvas"|polyfill)/;
const originalLog = console.log;
const originalWarn = console.warn;
g.__swbConsole = { log: originalLog, warn: originalWarn };
console.log = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && HARMLESS.test(args[0])) return;
  originalLog(...args);
};
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && HARMLESS.test(args[0])) return;
  originalWarn(...args);
};
export {};
