import type { searchMethods } from '../../shared/api/search';
import { can } from '../../shared/api/can';
import { searchEverywhere } from '../services/search/everywhere';
import type { HandlersFor } from './context';
import * as see from './viewer';

export const searchHandlers: HandlersFor<typeof searchMethods> = {
  // Each group only where the actor may call that feature's own list, with its row scope.
  'search.everywhere': ({ query, perGroup }, ctx) =>
    searchEverywhere(ctx.db, query, perGroup, {
      actorId: ctx.actorId(),
      reader: see.readsOnly(ctx, 'scripts.save'),
      calls: can(ctx.actor, 'scorecards.calls.list') ? see.callScope(ctx) : null,
      people: see.personScope(ctx, 'people', 'p.id'),
      calibrations: can(ctx.actor, 'scorecards.calibration.list') && !(ctx.actor.owner && see.headerRole(ctx) === 'rep'),
    }),
};
