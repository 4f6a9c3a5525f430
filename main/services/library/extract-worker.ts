/**
 * Worker-thread entry (bundled as dist/main/extract-worker.cjs): extraction
 * runs here so a 300-page PDF never blocks the API. Jobs arrive as
 * { id, path, kind, name } and are answered as { id, result }.
 */
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { FileKind } from '../../../shared/api/library';
import { inspectAndExtract, type Inspection } from './extract';

interface Job {
  id: number;
  path: string;
  kind: FileKind;
  name: string;
}

parentPort?.on('message', (job: Job) => {
  void (async () => {
    let result: Inspection;
    try {
      result = await inspectAndExtract(fs.readFileSync(job.path), job.kind, job.name);
    } catch (e) {
      result = {
        ok: true,
        extraction: { text: '', pageCount: null, status: 'failed', note: `The text could not be extracted: ${(e as Error).message}` },
      };
    }
    parentPort!.postMessage({ id: job.id, result });
  })();
});
