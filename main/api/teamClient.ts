import { AppError } from '../../shared/api/contract';
import type { teamClientMethods } from '../../shared/api/teamClient';
import type { TeamConnections } from '../services/teamClient/connections';
import type { ApiContext, HandlersFor } from './context';

/** The desktop app's own ability: never offered by a server to the people signed in to it. */
function connections(ctx: ApiContext): TeamConnections {
  if (!ctx.host.teamClient || !ctx.actor.owner) {
    throw new AppError('unavailable', 'Connecting to a team workspace is done in the desktop app.', undefined, {
      key: 'teamClient.desktopOnly',
    });
  }
  return ctx.host.teamClient;
}

export const teamClientHandlers: HandlersFor<typeof teamClientMethods> = {
  // null: this host cannot connect (the screen says what the desktop app offers)
  'teamClient.state': (_i, ctx) => (ctx.host.teamClient && ctx.actor.owner ? ctx.host.teamClient.state() : null),
  'teamClient.probe': ({ url }, ctx) => connections(ctx).probe(url),
  'teamClient.connect': (i, ctx) => connections(ctx).connect(i),
  'teamClient.connectSso': (i, ctx) => connections(ctx).connectSso(i),
  'teamClient.cancelSso': (_i, ctx) => connections(ctx).cancelSso(),
  'teamClient.use': ({ url }, ctx) => connections(ctx).use(url),
  'teamClient.signOut': ({ url }, ctx) => connections(ctx).signOut(url),
};
