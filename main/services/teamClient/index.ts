/**
 * The desktop role's team-client abilities, built the same way by every host that has them
 * (the Electron app, and the browser host with --client): the remembered team connections
 * (data in <data>/team-client) and the dispatcher that forwards calls to the active one.
 */
import path from 'node:path';
import { TeamConnections, type ConnectionsHost } from './connections';
import { RemoteDispatcher } from './remote';

export function teamClientAbilities(dataDir: string, host: ConnectionsHost) {
  const teamClient = new TeamConnections(path.join(dataDir, 'team-client'), host);
  return { teamClient, remote: new RemoteDispatcher(teamClient) };
}
