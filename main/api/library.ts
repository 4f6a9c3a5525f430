import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/contract';
import type { libraryMethods } from '../../shared/api/library';
import { blobPath, trashBlob } from '../files/store';
import { safeDisplayName } from '../files/staging';
import { assertOpenable } from '../services/library/filetype';
import type { DB } from '../db/open';
import { governance } from '../services/library/governance';
import { addFile, addVersion } from '../services/library/import';
import * as items from '../services/library/items';
import { link, listLinks, unlink } from '../services/library/links';
import { getSettings, saveSettings } from '../services/library/maintenance';
import { analytics, itemUsage, recordUsage } from '../services/library/usage';
import type { ApiContext, HandlersFor } from './context';
import { readsOnly } from './viewer';
import { assertLibraryReadable } from '../services/access/scope';

/** Readers (reps: the header's rep view, or a signed-in person who may not edit content) only read and use content. */
const role = (ctx: ApiContext): string => (readsOnly(ctx, 'library.update') ? 'rep' : 'manager');

function editor(ctx: ApiContext): DB {
  if (role(ctx) === 'rep')
    throw new AppError('forbidden', 'Reps can use library content but not change it; ask the content owner or a manager.', undefined, {
      key: 'library.repsCannotEdit',
    });
  return ctx.db;
}

const importOpts = (ctx: ApiContext) => ({
  filesDir: ctx.ws.filesDir,
  limitBytes: getSettings(ctx.db).uploadLimitMb * 1048576,
  actorId: ctx.actorId(),
});

export const libraryHandlers: HandlersFor<typeof libraryMethods> = {
  'library.list': (i, ctx) => items.listItems(ctx.db, i, { role: role(ctx) }),
  'library.get': ({ id }, ctx) => {
    const item = items.getItem(ctx.db, id);
    if (role(ctx) === 'rep' && item.status === 'expired')
      throw new AppError('forbidden', 'This item has expired and is no longer available to reps.', undefined, {
        key: 'library.expiredForReps',
      });
    return item;
  },
  'library.facets': (_, { db }) => items.facets(db),
  'library.addFile': async ({ uploadId, allowDuplicate, meta }, ctx) => {
    const db = editor(ctx);
    const staged = ctx.staging.get(uploadId);
    try {
      const r = await addFile(db, staged, { ...importOpts(ctx), allowDuplicate, meta });
      // A duplicate keeps its staged bytes so "add anyway" can follow without a second upload.
      if (r.status === 'added') ctx.staging.release(uploadId);
      return r;
    } catch (e) {
      ctx.staging.release(uploadId);
      throw e;
    }
  },
  'library.addLink': ({ url, ...meta }, ctx) => items.getItem(ctx.db, items.insertItem(editor(ctx), 'link', meta, { url }, ctx.actorId())),
  'library.addNote': ({ bodyMd, ...meta }, ctx) =>
    items.getItem(ctx.db, items.insertItem(editor(ctx), 'note', meta, { bodyMd }, ctx.actorId())),
  'library.update': ({ id, meta, url, bodyMd }, ctx) => items.updateItem(editor(ctx), id, meta, { url, bodyMd }, ctx.actorId()),
  'library.bulkUpdate': ({ ids, addTags, removeTags, ownerId }, ctx) =>
    items.bulkUpdate(editor(ctx), ids, { addTags, removeTags, ownerId }, ctx.actorId()),
  'library.remove': ({ id }, ctx) => {
    const gone = items.removeItem(editor(ctx), id, ctx.actorId());
    // to the trash, not deleted: a backup may still refer to the file
    for (const sha of gone) trashBlob(ctx.ws.filesDir, sha);
    return { removed: true };
  },
  'library.addVersion': async ({ id, uploadId, changeNote }, ctx) => {
    const db = editor(ctx);
    const staged = ctx.staging.get(uploadId);
    try {
      return await addVersion(db, id, staged, changeNote, importOpts(ctx));
    } finally {
      ctx.staging.release(uploadId);
    }
  },
  'library.versions': ({ id }, ctx) => (
    role(ctx) === 'rep' && assertLibraryReadable(ctx.db, { itemId: id }),
    items.listVersions(ctx.db, id)
  ),
  'library.restoreVersion': ({ id, versionId }, ctx) => items.restoreVersion(editor(ctx), id, versionId, ctx.actorId()),
  'library.text': ({ versionId, maxChars }, ctx) => (
    role(ctx) === 'rep' && assertLibraryReadable(ctx.db, { versionId }),
    items.versionText(ctx.db, versionId, maxChars)
  ),
  'library.verify': ({ id }, ctx) => items.setVerified(editor(ctx), id, ctx.actorId()),
  'library.markExpired': ({ id, validUntil }, ctx) => items.setValidUntil(editor(ctx), id, validUntil, ctx.actorId()),
  'library.governance': ({ staleDays }, { db }) => governance(db, { staleDays: staleDays ?? getSettings(db).staleDays }),
  'library.openExternal': async ({ id }, ctx) => {
    if (!ctx.host.openPath)
      throw new AppError('unavailable', 'Opening with another program exists only in the desktop app; use "Save a copy".', undefined, {
        key: 'library.openDesktopOnly',
      });
    const item = items.getItem(ctx.db, id);
    if (role(ctx) === 'rep' && item.status === 'expired')
      throw new AppError('forbidden', 'This item has expired and is no longer available to reps.', undefined, {
        key: 'library.expiredForReps',
      });
    const v = item.current;
    if (!v?.sha256) throw new AppError('not_found', 'This item has no file to open.', undefined, { key: 'library.noFileToOpen' });
    const name = safeDisplayName(v.fileName);
    // Only known document and media kinds are handed to the system (an allowlist, never a blocklist).
    await assertOpenable(name, blobPath(ctx.ws.filesDir, v.sha256));
    const dir = path.join(ctx.ws.opts.dataDir, 'tmp', 'open', v.sha256);
    fs.mkdirSync(dir, { recursive: true });
    const copy = path.join(dir, name);
    if (!fs.existsSync(copy)) fs.copyFileSync(blobPath(ctx.ws.filesDir, v.sha256), copy);
    const err = await ctx.host.openPath(copy);
    if (err)
      throw new AppError('unavailable', `The system could not open "${name}": ${err}`, undefined, {
        key: 'library.openFailed',
        params: { name, reason: err },
      });
    recordUsage(ctx.db, { itemId: id, action: 'open', context: 'library', targetKind: null, targetId: null, personId: ctx.actorId() });
    return { opened: true as const };
  },
  'library.recordUsage': ({ id, action, context, targetKind, targetId }, ctx) =>
    recordUsage(ctx.db, { itemId: id, action, context, targetKind, targetId, personId: ctx.actorId() }),
  'library.usage': ({ id }, { db }) => itemUsage(db, id),
  'library.analytics': ({ from, to, limit }, { db }) => analytics(db, from, to, limit),
  'library.links': ({ targetKind, targetId }, ctx) => listLinks(ctx.db, targetKind, targetId, { role: role(ctx) }),
  'library.link': ({ targetKind, targetId, itemId }, ctx) => {
    link(editor(ctx), targetKind, targetId, itemId, ctx.actorId());
    return listLinks(ctx.db, targetKind, targetId, { role: role(ctx) });
  },
  'library.unlink': ({ targetKind, targetId, itemId }, ctx) => {
    unlink(editor(ctx), targetKind, targetId, itemId, ctx.actorId());
    return listLinks(ctx.db, targetKind, targetId, { role: role(ctx) });
  },
  'library.settings': (_, { db }) => getSettings(db),
  'library.saveSettings': (s, ctx) => saveSettings(editor(ctx), s),
};
