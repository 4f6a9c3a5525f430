/**
 * Runs the parse side of an import in a worker thread (crm-parse-worker.cjs beside the
 * main bundle; SWB_CRM_WORKER points elsewhere), so decoding and normalizing the file
 * overlaps with the SQLite writes on this thread. Same callbacks as walk(); unit tests
 * (TypeScript sources, no bundle) use walk() in-process.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/contract';
import { bundledWorker } from '../bundledWorker';
import type { CrmMapping } from '../../../shared/api/crm';
import { unpackSteps } from './dealPack';
import type { OwnerData } from './owners';
import type { ParseJob, ParseMessage } from './parse-worker';
import type { OnDeal, OnProgress } from './walk';

/** Chunks (of ~2,000 rows) parsed ahead of the writer. */
const CREDITS = 3;
/** rows the dry run handles per turn of the request thread's event loop (a few ms of work at most) */
export const DRY_RUN_SLICE_ROWS = 500;

const parseWorker = bundledWorker('crm-parse-worker', 'SWB_CRM_WORKER');
export const crmWorkerAvailable = parseWorker.available;

/**
 * `sliceRows`: on the request thread (the dry run), chunks are taken in slices of this many rows with a turn of the
 * event loop between them; the import's writer (on the jobs worker) takes each chunk whole.
 */
export function walkInWorker(
  file: string,
  mapping: CrmMapping,
  owners: OwnerData,
  onDeal: OnDeal,
  onProgress: OnProgress,
  sliceRows = Infinity,
): Promise<{ rows: number }> {
  const credits = new SharedArrayBuffer(4);
  const counter = new Int32Array(credits);
  Atomics.store(counter, 0, CREDITS);
  const job: ParseJob = { path: file, mapping, owners, credits };
  const worker = new Worker(parseWorker.file(), {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (e: Error | null, rows = 0) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (e) reject(e);
      else resolve({ rows });
    };
    // chunks are taken in order (each whole, or in slices with a turn of the event loop between them)
    let queue = Promise.resolve();
    worker.on('message', (m: ParseMessage) => {
      queue = queue.then(async () => {
        if (settled) return;
        try {
          if (m.type === 'chunk') {
            for (const _ of unpackSteps(m.chunk, onDeal, sliceRows)) {
              await new Promise((r) => setImmediate(r));
              if (settled) return;
            }
            Atomics.add(counter, 0, 1);
            Atomics.notify(counter, 0);
            if (!onProgress(m.chunk.bytes, m.chunk.rowsSoFar)) finish(null, m.chunk.rowsSoFar);
          } else if (m.type === 'done') finish(null, m.rows);
          else finish(new AppError(m.code as never, m.message, m.field, m.localized));
        } catch (e) {
          finish(e as Error);
        }
      });
    });
    worker.on('error', (e) =>
      finish(
        new AppError('bad_file', `The file cannot be read: ${e.message}`, undefined, { key: 'unreadable', params: { detail: e.message } }),
      ),
    );
    // after the chunks and the 'done' still queued: a reader that finished exits before they are taken
    worker.on(
      'exit',
      (code) =>
        void queue.then(() => finish(new AppError('internal', `The import's file reader stopped unexpectedly (exit code ${code}).`))),
    );
  });
}
