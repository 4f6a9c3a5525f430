/**
 * The Insights page and rep trends computed off the request thread: on one long-lived
 * worker (insights-page-worker.cjs beside the main bundle; SWB_INSIGHTS_PAGE_WORKER points
 * elsewhere) that keeps its own connection and deal columns; in-process where the bundle
 * is absent (unit tests on the TypeScript sources).
 */
import { Worker } from 'node:worker_threads';
import type { InsightsPage, TrendPoint } from '../../../shared/api/insights';
import { nativeBindingOf, type DB } from '../../db/open';
import { bundledWorker } from '../bundledWorker';
import { datasetAsync } from './datasetAsync';
import { insightsPage, repTrend, type Filters } from './page';
import type { PageRequest, PageResponse } from './page-worker';

const pageWorker = bundledWorker('insights-page-worker', 'SWB_INSIGHTS_PAGE_WORKER');
export const pageWorkerAvailable = pageWorker.available;

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(pageWorker.file());
  w.unref();
  w.on('message', (m: PageResponse) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (!pending.size) w.unref();
    if (m.ok) p.resolve(m.value);
    else p.reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}));
  });
  const fail = (e: Error) => {
    if (worker === w) worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(e);
    }
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the Insights worker stopped (exit code ${code})`)));
  worker = w;
  return w;
}

type Ask = PageRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id' | 'key' | 'file' | 'nativeBinding'> : never) : never;

const keys = new WeakMap<DB, string>();
let opened = 0;
const keyOf = (db: DB) => keys.get(db) ?? (keys.set(db, String(++opened)), keys.get(db)!);

/**
 * Stops the worker and with it its connection, before the workspace file is replaced
 * (restore, demo rebuild): a connection to the old file must not outlive it.
 */
export async function releasePageWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

function ask<T>(db: DB, req: Ask): Promise<T> {
  const w = getWorker();
  const id = ++seq;
  w.ref();
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage({ ...req, id, key: keyOf(db), file: db.name, nativeBinding: nativeBindingOf(db) });
  });
}

const useWorker = (db: DB) => !db.memory && pageWorker.available();

export async function insightsPageAsync(db: DB, f: Filters, onlyRep: number | null = null): Promise<InsightsPage> {
  if (useWorker(db)) return ask<InsightsPage>(db, { kind: 'page', filters: f, onlyRep });
  await datasetAsync(db);
  return insightsPage(db, f, onlyRep);
}

export async function repTrendAsync(db: DB, f: Filters, repId: number): Promise<TrendPoint[]> {
  if (useWorker(db)) return ask<TrendPoint[]>(db, { kind: 'trend', filters: f, repId });
  await datasetAsync(db);
  return repTrend(db, f, repId);
}

/** Reads the deal columns into the worker ahead of the first page (after an import, at open); false without the worker. */
export function warmPageWorker(db: DB): boolean {
  if (!db.open || !useWorker(db)) return false;
  ask(db, { kind: 'warm' }).catch(() => undefined);
  return true;
}
