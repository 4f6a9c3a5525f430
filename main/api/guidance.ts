import type { guidanceMethods } from '../../shared/api/guidance';
import { feed } from '../services/guidance/feed';
import { forbiddenPhrases, getCallGuidance, guidanceBank, saveCallGuidance, saveForbidden } from '../services/guidance/store';
import type { HandlersFor } from './context';

export const guidanceHandlers: HandlersFor<typeof guidanceMethods> = {
  'guidance.bank': ({ scriptId }, { db }) => guidanceBank(db, scriptId),
  'guidance.forbidden.get': (_i, { db }) => forbiddenPhrases(db),
  'guidance.forbidden.save': ({ phrases }, ctx) => saveForbidden(ctx.db, phrases, ctx.actorId()),
  'guidance.feed.push': ({ events }) => feed.push(events),
  'guidance.feed.poll': ({ after }) => feed.poll(after),
  'guidance.save': (i, ctx) => saveCallGuidance(ctx.db, i, ctx.actorId()),
  'guidance.get': ({ callId }, { db }) => getCallGuidance(db, callId),
};
