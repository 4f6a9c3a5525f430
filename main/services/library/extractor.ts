/**
 * Runs extraction in a worker thread when the bundled worker exists (the app),
 * in-process otherwise (unit tests run the TypeScript sources). One worker,
 * jobs queued; a job that runs too long or exhausts the worker's memory cap
 * kills the worker and yields a note instead of text.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FileKind } from '../../../shared/api/library';
import { bundledWorker } from '../bundledWorker';
import { inspectAndExtract, type Inspection } from './extract';

const extractWorker = bundledWorker('extract-worker', 'SWB_EXTRACT_WORKER');
export const EXTRACT_TIMEOUT_MS = 120_000;

interface Pending {
  resolve: (r: Inspection) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, Pending>();

function failAll(note: string) {
  for (const [id, p] of pending) {
    clearTimeout(p.timer);
    p.resolve({ ok: true, extraction: { text: '', pageCount: null, status: 'failed', note } });
    pending.delete(id);
  }
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(extractWorker.file(), { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  w.unref();
  w.on('message', (m: { id: number; result: Inspection }) => {
    const p = pending.get(m.id);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(m.id);
    p.resolve(m.result);
  });
  w.on('error', (e) => {
    worker = null;
    failAll(`The text could not be extracted: the extractor stopped (${e.message}).`);
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
    failAll('The text could not be extracted: the extractor stopped unexpectedly.');
  });
  worker = w;
  return w;
}

export const workerAvailable = extractWorker.available;

/** Inspects and extracts a stored file off the main thread where possible. */
export function runExtraction(filePath: string, kind: FileKind, name: string): Promise<Inspection> {
  if (!['pdf', 'docx', 'pptx', 'xlsx', 'text'].includes(kind)) {
    return Promise.resolve({ ok: true, extraction: { text: '', pageCount: null, status: 'none', note: '' } });
  }
  if (!workerAvailable()) return inspectAndExtract(fs.readFileSync(filePath), kind, name);
  return new Promise((resolve) => {
    const id = ++seq;
    const w = getWorker();
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({
        ok: true,
        extraction: {
          text: '',
          pageCount: null,
          status: 'failed',
          note: `Text extraction took longer than ${EXTRACT_TIMEOUT_MS / 1000} s and was stopped.`,
        },
      });
      void w.terminate();
    }, EXTRACT_TIMEOUT_MS);
    pending.set(id, { resolve, timer });
    w.ref();
    w.postMessage({ id, path: filePath, kind, name });
  }).finally(() => {
    if (!pending.size) worker?.unref();
  }) as Promise<Inspection>;
}
