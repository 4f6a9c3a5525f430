/**
 * Taking a staged upload into the library: size limit, refusal of programs and
 * scripts (extension and magic bytes), duplicate detection by content hash,
 * zip-bomb check and text extraction in the worker, then the blob (temp file +
 * rename) and only then the database row. If the row cannot be written the
 * blob is removed again, so nothing is left half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/contract';
import type { AddResult, LibraryItem } from '../../../shared/api/library';
import type { DB } from '../../db/open';
import { blobPath, putBlob } from '../../files/store';
import type { StagedFile } from '../../files/staging';
import { runExtraction } from './extractor';
import { classifyFile } from './filetype';
import { addVersionRow, findBySha, getItem, insertItem, type Meta, type NewVersion } from './items';
import { guessLanguage } from './rows';

export interface ImportOptions {
  filesDir: string;
  limitBytes: number;
  actorId: number | null;
}

/** Title from a file name: no extension, separators as spaces. */
export const titleFromName = (name: string) =>
  name
    .replace(/\.[A-Za-z0-9]{1,10}$/, '')
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim() || name;

async function prepareVersion(staged: StagedFile, limitBytes: number): Promise<NewVersion> {
  if (staged.size > limitBytes) {
    throw new AppError(
      'too_large',
      `"${staged.name}" is ${Math.round(staged.size / 1048576)} MB, over the library's ${Math.round(limitBytes / 1048576)} MB limit (Settings can raise it).`,
      undefined,
      {
        key: 'library.tooLarge',
        params: { name: staged.name, size: Math.round(staged.size / 1048576), limit: Math.round(limitBytes / 1048576) },
      },
    );
  }
  if (staged.size === 0)
    throw new AppError('bad_file', `"${staged.name}" is empty.`, undefined, { key: 'library.emptyFile', params: { name: staged.name } });
  const type = classifyFile(staged.path, staged.name);
  const inspected = await runExtraction(staged.path, type.kind, staged.name);
  if (!inspected.ok) throw new AppError('bad_file', inspected.message);
  const x = inspected.extraction;
  return {
    sha256: staged.sha256,
    fileName: staged.name,
    mime: type.mime,
    size: staged.size,
    fileKind: type.kind,
    pageCount: x.pageCount,
    text: x.text,
    extractStatus: x.status,
    extractNote: x.note,
  };
}

/** Stores the blob, runs `write`, and removes the blob again when the write fails and nothing else refers to it. */
function storeThenWrite<T>(db: DB, filesDir: string, staged: StagedFile, write: () => T): T {
  const existed = fs.existsSync(blobPath(filesDir, staged.sha256));
  putBlob(filesDir, staged.path, staged.sha256);
  try {
    return write();
  } catch (e) {
    if (!existed && !db.prepare('SELECT 1 FROM library_versions WHERE sha256 = ? LIMIT 1').get(staged.sha256)) {
      fs.rmSync(blobPath(filesDir, staged.sha256), { force: true });
    }
    throw e;
  }
}

export async function addFile(
  db: DB,
  staged: StagedFile,
  opts: ImportOptions & { allowDuplicate: boolean; meta: Partial<Meta> },
): Promise<AddResult> {
  const dup = findBySha(db, staged.sha256);
  if (dup != null && !opts.allowDuplicate) return { status: 'duplicate', item: getItem(db, dup) };
  const version = await prepareVersion(staged, opts.limitBytes);
  const meta: Meta = {
    title: opts.meta.title?.trim() || titleFromName(staged.name),
    description: opts.meta.description ?? '',
    tags: opts.meta.tags ?? [],
    stage: opts.meta.stage ?? null,
    channel: opts.meta.channel ?? '',
    product: opts.meta.product ?? '',
    audience: opts.meta.audience ?? '',
    language: opts.meta.language ?? (version.text ? guessLanguage(version.text) : 'en'),
    ownerId: opts.meta.ownerId ?? opts.actorId ?? null,
    validUntil: opts.meta.validUntil ?? null,
    verifyEveryDays: opts.meta.verifyEveryDays ?? null,
  };
  const id = storeThenWrite(db, opts.filesDir, staged, () => insertItem(db, 'file', meta, { version }, opts.actorId));
  return { status: 'added', item: getItem(db, id) };
}

export async function addVersion(
  db: DB,
  itemId: number,
  staged: StagedFile,
  changeNote: string,
  opts: ImportOptions,
): Promise<LibraryItem> {
  const item = getItem(db, itemId);
  if (item.kind !== 'file')
    throw new AppError('invalid_input', 'Only file items have versions; edit links and notes directly.', undefined, {
      key: 'library.onlyFilesHaveVersions',
    });
  if (item.current?.sha256 === staged.sha256)
    throw new AppError('conflict', `"${staged.name}" is identical to the current version.`, undefined, {
      key: 'library.sameAsCurrent',
      params: { name: staged.name },
    });
  const version = { ...(await prepareVersion(staged, opts.limitBytes)), changeNote };
  storeThenWrite(db, opts.filesDir, staged, () => addVersionRow(db, itemId, version, opts.actorId));
  return getItem(db, itemId);
}

/** Imports a file from disk (demo seeding, bench): stages nothing, same checks. */
export async function addLocalFile(
  db: DB,
  file: string,
  opts: ImportOptions & { meta: Partial<Meta>; sha256: string },
): Promise<AddResult> {
  const st = fs.statSync(file);
  const staged: StagedFile = {
    id: 'local',
    name: path.basename(file),
    size: st.size,
    path: file,
    sha256: opts.sha256,
    stagedAt: Date.now(),
  };
  return addFile(db, staged, { ...opts, allowDuplicate: true });
}
