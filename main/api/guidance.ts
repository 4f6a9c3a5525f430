import type { guidanceMethods } from '../../shared/api/guidance';
import { feedFor } from '../services/guidance/feed';
import { forbiddenPhrases, getCallGuidance, guidanceBank, saveCallGuidance, saveForbidden } from '../services/guidance/store';
import type { HandlersFor } from './context';
import * as see from './viewer';

export const guidanceHandlers: HandlersFor<typeof guidanceMethods> = {
  'guidance.bank': ({ scriptId }, { db }) => guidanceBank(db, scriptId),
  'guidance.forbidden.get': (_i, { db }) => forbiddenPhrases(db),
  'guidance.forbidden.save': ({ phrases }, ctx) => saveForbidden(ctx.db, phrases, ctx.actorId()),
  'guidance.feed.push': ({ events }, ctx) => feedFor(ctx.actor.personId).push(events),
  'guidance.feed.poll': ({ after }, ctx) => feedFor(ctx.actor.personId).poll(after),
  'guidance.save': (i, ctx) => (see.call(ctx, i.callId), saveCallGuidance(ctx.db, i, ctx.actorId())),
  'guidance.get': ({ callId }, ctx) => (see.call(ctx, callId), getCallGuidance(ctx.db, callId)),
};
