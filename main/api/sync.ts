import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/api/contract';
import type { syncMethods } from '../../shared/api/sync';
import { syncChanges } from '../services/sync/changes';
import { storeQueuedUsage } from '../services/sync/usage';
import type { ApiContext, HandlersFor } from './context';

/** The workspace's stable id (made once): how a client tells one team workspace from another. */
function workspaceId(ctx: ApiContext): string {
  let wid = ctx.ws.getMeta('workspace_id');
  if (!wid) {
    wid = randomUUID();
    ctx.ws.setMeta('workspace_id', wid);
  }
  return wid;
}

export const syncHandlers: HandlersFor<typeof syncMethods> = {
  'sync.changes': ({ cursor }, ctx) => syncChanges(ctx.db, workspaceId(ctx), cursor),
  'sync.uploadUsage': ({ events }, ctx) => {
    const personId = ctx.actorId();
    if (personId == null)
      throw new AppError('invalid_input', 'Choose who you are before sending usage.', undefined, { key: 'scripts.pinNoPerson' });
    return storeQueuedUsage(ctx.db, personId, events);
  },
};
