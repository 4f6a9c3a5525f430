/**
 * Live-call render timings for the e2e test and bench/live-render.mjs. Published on `window.__liveRender` only in
 * development or when the page set `window.__measureLive = true` before loading (the bench does, via an init script),
 * so a packaged app exposes nothing.
 */
export interface LiveRenderTiming {
  render: number;
  open: number;
  steps: number;
}

declare global {
  interface Window {
    __liveRender?: LiveRenderTiming;
    __measureLive?: boolean;
  }
}

export function publishLiveRender(timing: LiveRenderTiming): void {
  if (import.meta.env.DEV || window.__measureLive === true) window.__liveRender = timing;
}

/** Live search: when the results for a query were committed and their frame came (for bench/live-search.mjs). */
export interface LiveSearchTiming {
  query: string;
  painted: number;
}

declare global {
  interface Window {
    __liveSearch?: LiveSearchTiming;
  }
}

export function publishLiveSearch(query: string): void {
  if (!(import.meta.env.DEV || window.__measureLive === true)) return;
  requestAnimationFrame(() => (window.__liveSearch = { query, painted: performance.now() }));
}
