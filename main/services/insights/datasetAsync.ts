/**
 * Builds the Insights columns off the API thread: on a worker when the bundled worker
 * exists (the app), in-process otherwise (unit tests). One build per data version at a
 * time; callers of the same version share it.
 */
import { Worker } from 'node:worker_threads';
import { nativeBindingOf, type DB } from '../../db/open';
import { bundledWorker } from '../bundledWorker';
import { warmPageWorker } from './pageAsync';
import { adoptDataset, cachedDataset, crmVersion, dataset, type Dataset } from './dataset';

const datasetWorker = bundledWorker('insights-dataset-worker', 'SWB_DATASET_WORKER');

const building = new WeakMap<DB, { version: string; promise: Promise<Dataset> }>();

function buildInWorker(db: DB): Promise<Dataset> {
  return new Promise((resolve, reject) => {
    const w = new Worker(datasetWorker.file(), { workerData: { file: db.name, nativeBinding: nativeBindingOf(db) } });
    w.once('message', (m: { ok: true; ds: Dataset } | { ok: false; message: string }) => {
      void w.terminate();
      if (m.ok) resolve(m.ds);
      else reject(new Error(m.message));
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the Insights reader stopped (exit code ${code})`)));
  });
}

/** The current columns, built on a worker if they are not cached yet. */
export function datasetAsync(db: DB): Promise<Dataset> {
  const hit = cachedDataset(db);
  if (hit) return Promise.resolve(hit);
  const version = crmVersion(db);
  const running = building.get(db);
  if (running && running.version === version) return running.promise;
  const useWorker = !db.memory && datasetWorker.available();
  const promise = (useWorker ? buildInWorker(db) : Promise.resolve().then(() => dataset(db)))
    .then((ds) => {
      adoptDataset(db, ds);
      // the data changed during the build (an import committed): read again
      return ds.version === crmVersion(db) ? ds : datasetAsync(db);
    })
    .catch(() => dataset(db)) // a worker failure falls back to a build on this thread
    .finally(() => {
      if (building.get(db)?.promise === promise) building.delete(db);
    });
  building.set(db, { version, promise });
  return promise;
}

/** Starts a build in the background (after an import, when a workspace opens). */
export function prewarmDataset(db: DB) {
  // the page is computed on its own worker when the bundle has it: that is where the columns are needed
  if (warmPageWorker(db)) return;
  // without the worker a build would block this thread now instead of when the page asks: no gain
  if (!db.open || db.memory || !datasetWorker.available()) return;
  const hasDeals = !!db.prepare('SELECT 1 FROM crm_live_deals LIMIT 1').get();
  if (hasDeals) datasetAsync(db).catch(() => undefined);
}
