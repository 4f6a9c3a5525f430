/**
 * Worker-thread entry (bundled as dist/main/crm-parse-worker.cjs): decodes, parses and
 * normalizes a CRM export while the import thread writes the previous chunk to SQLite.
 * At most CREDITS chunks are in flight: the worker blocks (Atomics.wait) until the
 * importer has written one, so a 2 GB file never piles up in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type Localized } from '../../../shared/api/contract';
import type { CrmMapping } from '../../../shared/api/crm';
import { DealPacker } from './dealPack';
import { ownerIndexOf, type OwnerData } from './owners';
import { walk } from './walk';

export interface ParseJob {
  path: string;
  mapping: CrmMapping;
  owners: OwnerData;
  /** Int32 credit counter shared with the importer */
  credits: SharedArrayBuffer;
}

export type ParseMessage =
  | { type: 'chunk'; chunk: import('./dealPack').PackedChunk }
  | { type: 'done'; rows: number }
  | { type: 'error'; code: string; message: string; field?: string; localized?: Localized };

const job = workerData as ParseJob;
const credits = new Int32Array(job.credits);
const post = (m: ParseMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

const packer = new DealPacker();
const flush = (bytes: number, rows: number) => {
  while (Atomics.load(credits, 0) <= 0) Atomics.wait(credits, 0, 0, 1000);
  Atomics.sub(credits, 0, 1);
  const chunk = packer.take(bytes, rows);
  post({ type: 'chunk', chunk }, [chunk.rows.buffer as ArrayBuffer, chunk.nums.buffer as ArrayBuffer]);
};

walk(
  job.path,
  job.mapping,
  ownerIndexOf(job.owners),
  (r, row) => packer.add(r, row),
  (bytes, rows) => {
    flush(bytes, rows);
    return true;
  },
)
  .then(({ rows }) => {
    if (packer.size) flush(-1, rows);
    post({ type: 'done', rows });
  })
  .catch((e: unknown) => {
    const err = e as AppError;
    post({
      type: 'error',
      code: e instanceof AppError ? err.code : 'bad_file',
      message: (e as Error).message,
      ...(err.field ? { field: err.field } : {}),
      ...(err.localized ? { localized: err.localized } : {}),
    });
  });
