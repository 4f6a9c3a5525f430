/**
 * Worker-thread entry (bundled as dist/main/insights-dataset-worker.cjs): reads the
 * deals into typed columns on its own read-only connection and hands the arrays back
 * without copying (transferred), so a million-deal read never blocks the API thread.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { readDataset } from './dataset';

const { file, nativeBinding } = workerData as { file: string; nativeBinding?: string };
try {
  const db = new Database(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  const ds = db.transaction(() => readDataset(db))();
  db.close();
  const buffers = Object.values(ds)
    .filter((v): v is ArrayBufferView => ArrayBuffer.isView(v))
    .map((v) => v.buffer as ArrayBuffer);
  parentPort!.postMessage({ ok: true, ds }, [...new Set(buffers)]);
} catch (e) {
  parentPort!.postMessage({ ok: false, message: (e as Error).message });
}
