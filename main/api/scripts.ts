import { AppError } from '../../shared/api/contract';
import type { scriptsMethods } from '../../shared/api/scripts';
import * as objections from '../services/scripts/objections';
import { searchScripts } from '../services/scripts/search';
import * as store from '../services/scripts/store';
import { exportLibrary, exportMarkdown, importScripts } from '../services/scripts/transfer';
import { logUsage, setPinned, usageSummary } from '../services/scripts/usage';
import { loadSynonyms, saveSynonyms } from '../services/scripts/synonyms';
import type { ApiContext, HandlersFor } from './context';
import { readsOnly } from './viewer';

/** Reps (the header's rep view, or a signed-in person who may not author scripts) read published scripts only and cannot edit. */
const isRep = (ctx: ApiContext) => readsOnly(ctx, 'scripts.save');
function assertEditor(ctx: ApiContext) {
  if (isRep(ctx))
    throw new AppError('forbidden', 'Reps use published scripts; writing and publishing scripts is for managers and trainers.', undefined, {
      key: 'scripts.repsCannotEdit',
    });
}

export const scriptsHandlers: HandlersFor<typeof scriptsMethods> = {
  'scripts.list': (i, ctx) => store.listScripts(ctx.db, isRep(ctx) ? { ...i, status: 'published' } : i, ctx.actorId()),
  'scripts.get': ({ id, view }, ctx) => store.getScript(ctx.db, id, isRep(ctx) ? 'published' : view, ctx.actorId()),
  'scripts.create': (data, ctx) => (assertEditor(ctx), store.createScript(ctx.db, data, ctx.actorId())),
  'scripts.save': ({ id, data, expectedRevision }, ctx) => (
    assertEditor(ctx),
    store.saveScript(ctx.db, id, data, expectedRevision, ctx.actorId())
  ),
  'scripts.publish': ({ id }, ctx) => (assertEditor(ctx), store.publishScript(ctx.db, id, ctx.actorId())),
  'scripts.unpublish': ({ id }, ctx) => (assertEditor(ctx), store.unpublishScript(ctx.db, id, ctx.actorId())),
  'scripts.remove': ({ id }, ctx) => (assertEditor(ctx), store.removeScript(ctx.db, id, ctx.actorId())),
  'scripts.revisions': ({ id }, ctx) => (assertEditor(ctx), store.listRevisions(ctx.db, id)),
  'scripts.diff': ({ id, fromRev, toRev }, ctx) => (assertEditor(ctx), store.diffRevisions(ctx.db, id, fromRev, toRev)),
  'scripts.restore': ({ id, rev }, ctx) => (assertEditor(ctx), store.restoreRevision(ctx.db, id, rev, ctx.actorId())),
  'scripts.exportMarkdown': ({ id }, ctx) => (
    isRep(ctx) && store.getScript(ctx.db, id, 'published', ctx.actorId()),
    exportMarkdown(ctx.db, id)
  ),
  'scripts.exportLibrary': (_i, { db }) => exportLibrary(db),
  'scripts.import': ({ text }, ctx) => (assertEditor(ctx), importScripts(ctx.db, text, ctx.actorId())),
  'scripts.search': (i, { db }) => searchScripts(db, i),
  'scripts.pin': ({ id, pinned }, ctx) => setPinned(ctx.db, ctx.actorId(), id, pinned),
  'scripts.usage': (_i, ctx) => usageSummary(ctx.db, ctx.actorId()),
  'scripts.logUsage': (e, ctx) => logUsage(ctx.db, ctx.actorId(), e),
  'scripts.openLiveWindow': (_i, ctx) => {
    if (!ctx.host.openLiveCallWindow) {
      throw new AppError(
        'unavailable',
        'The compact always-on-top window exists only in the desktop app. In the browser, keep this tab beside your softphone.',
        undefined,
        {
          key: 'scripts.liveWindowDesktopOnly',
        },
      );
    }
    ctx.host.openLiveCallWindow();
    return { opened: true };
  },
  'scripts.objections.list': (i, { db }) => objections.listObjections(db, i),
  'scripts.objections.get': ({ id }, { db }) => objections.getObjection(db, id),
  'scripts.objections.create': (d, ctx) => (assertEditor(ctx), objections.createObjection(ctx.db, d, ctx.actorId())),
  'scripts.objections.update': ({ id, data }, ctx) => (assertEditor(ctx), objections.updateObjection(ctx.db, id, data, ctx.actorId())),
  'scripts.objections.remove': ({ id }, ctx) => (assertEditor(ctx), objections.removeObjection(ctx.db, id, ctx.actorId())),
  'scripts.synonyms.get': (_i, { db }) => loadSynonyms(db),
  'scripts.synonyms.save': ({ groups }, ctx) => (assertEditor(ctx), saveSynonyms(ctx.db, groups, ctx.actorId())),
};
