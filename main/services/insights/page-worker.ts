/**
 * Worker-thread entry (bundled as dist/main/insights-page-worker.cjs): computes the
 * Insights page and rep trends on its own connection, with its own deal columns cached
 * per data version, so recomputing every chart never holds up the request thread.
 */
import { parentPort } from 'node:worker_threads';
import { openConnection, type DB } from '../../db/open';
import { insightsPage, repTrend, type Filters } from './page';
import { dataset } from './dataset';

/** `key` names the request thread's connection: a new one (the workspace reopened, restored) means reopen here too. */
interface Target {
  id: number;
  key: string;
  file: string;
  nativeBinding?: string;
}
export type PageRequest = Target &
  ({ kind: 'page'; filters: Filters; onlyRep: number | null } | { kind: 'trend'; filters: Filters; repId: number } | { kind: 'warm' });

export type PageResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; code?: string };

let conn: { key: string; db: DB } | null = null;
function db(m: Target): DB {
  if (conn?.key !== m.key) {
    conn?.db.close();
    conn = { key: m.key, db: openConnection(m.file, { nativeBinding: m.nativeBinding }) };
  }
  return conn.db;
}

parentPort?.on('message', (m: PageRequest) => {
  try {
    const d = db(m);
    const value =
      m.kind === 'page' ? insightsPage(d, m.filters, m.onlyRep) : m.kind === 'trend' ? repTrend(d, m.filters, m.repId) : (dataset(d), null);
    parentPort!.postMessage({ id: m.id, ok: true, value } satisfies PageResponse);
  } catch (e) {
    parentPort!.postMessage({
      id: m.id,
      ok: false,
      message: (e as Error).message,
      code: (e as { code?: string }).code,
    } satisfies PageResponse);
  }
});
