/**
 * The rows of a CRM export as normalized deals: finds the header, then streams every
 * data row through the normalizer in chunks. Runs in the import's parse worker, or
 * in-process where the bundled worker is absent (unit tests).
 */
import { AppError } from '../../../shared/api/contract';
import type { CrmMapping } from '../../../shared/api/crm';
import { valueKey } from '../../../shared/domain/crmParse';
import { makeNormalizer, type NormalResult } from './normalize';
import type { OwnerIndex } from './owners';
import { PRESET_FIELDS } from './presets';
import { detectFile, streamRows } from './reader';

export type OnDeal = (r: NormalResult, row: number) => void;
/** bytes read so far (-1 = unknown), data rows so far; false = stop (cancel). */
export type OnProgress = (bytes: number, rows: number) => boolean;

export const isBlank = (cells: string[]) => cells.every((c) => !c || !String(c).trim());

/** The header is the first of the first 20 rows naming ≥ 2 known columns, else the first non-empty row. */
export function findHeader(rows: string[][]): number {
  const known = new Set<string>();
  for (const f of Object.values(PRESET_FIELDS)) for (const c of Object.values(f)) known.add(valueKey(c));
  for (const s of ['id', 'name', 'owner', 'amount', 'stage', 'created', 'customer']) known.add(s);
  let firstNonEmpty = -1;
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    if (isBlank(rows[i])) continue;
    if (firstNonEmpty < 0) firstNonEmpty = i;
    if (rows[i].filter((c) => known.has(valueKey(c))).length >= 2) return i;
  }
  return firstNonEmpty;
}

/** Walks every data row of the file through the normalizer, in chunks. */
export async function walk(path: string, mapping: CrmMapping, owners: OwnerIndex, onDeal: OnDeal, onProgress?: OnProgress) {
  const info = detectFile(path);
  let headerIndex = -1;
  let pending: string[][] = [];
  let normalize: ReturnType<typeof makeNormalizer> | null = null;
  let rowNo = 0;
  let rows = 0;
  await streamRows(path, info, (chunk, bytes) => {
    let start = 0;
    if (!normalize) {
      pending.push(...chunk);
      if (pending.length < 20 && bytes >= 0 && bytes < info.size) return;
      headerIndex = findHeader(pending);
      if (headerIndex < 0) return;
      normalize = makeNormalizer(
        pending[headerIndex].map((h) => String(h).trim()),
        mapping,
        owners,
      );
      chunk = pending;
      pending = [];
      start = headerIndex + 1;
      rowNo = headerIndex + 1;
    }
    for (let i = start; i < chunk.length; i++) {
      rowNo++;
      const cells = chunk[i];
      if (isBlank(cells)) continue;
      rows++;
      onDeal(normalize(cells, rowNo), rowNo);
    }
    if (onProgress && !onProgress(bytes, rows)) return 'stop';
  });
  if (!normalize) {
    if (headerIndex < 0)
      throw new AppError('bad_file', 'The file has no rows: export the deals from your CRM again.', undefined, { key: 'noRows' });
    throw new AppError('bad_file', 'The file has a header row but no deals.', undefined, { key: 'headerOnly' });
  }
  if (!rows) throw new AppError('bad_file', 'The file has a header row but no deals.', undefined, { key: 'headerOnly' });
  return { info, rows };
}
