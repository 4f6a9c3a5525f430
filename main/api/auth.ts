/**
 * Sign-in, invitations, the owner's set-up and the admin's Team settings.
 * Sign-in handlers return the session token; the team server moves it into
 * an HttpOnly cookie for browsers (and drops it from the body) or hands it
 * to a desktop client that asked for a bearer token.
 */
import { AppError } from '../../shared/api/contract';
import type { authMethods } from '../../shared/api/auth';
import * as accounts from '../services/accounts';
import type { ApiContext, HandlersFor } from './context';

const soloOnly = () =>
  new AppError('invalid_input', 'This workspace is used on this computer only: there is nothing to sign in to.', undefined, {
    key: 'auth.soloMode',
  });

/** Team-server requests carry their client; the solo hosts (IPC, loopback with token) have nothing to sign in to. */
function clientOf(ctx: ApiContext) {
  if (ctx.actor.owner || !ctx.client) throw soloOnly();
  return ctx.client;
}

function me(ctx: ApiContext): number {
  if (ctx.actor.personId === null) throw new AppError('unauthorized', 'Sign in first.', undefined, { key: 'auth.signInRequired' });
  return ctx.actor.personId;
}

/** Who did it, for the audit log (null for the solo owner before a person is chosen). */
const by = (ctx: ApiContext) => ctx.actorId();

const signedIn = (r: accounts.SignInResult) => ({ personId: r.personId, name: r.name, token: r.token });

export const authHandlers: HandlersFor<typeof authMethods> = {
  'auth.status': (_, ctx) => ({
    mode: ctx.actor.owner ? 'solo' : 'team',
    signedIn: ctx.actor.owner || ctx.actor.personId !== null,
    sso: !!ctx.host.team?.sso,
  }),
  'auth.signIn': async ({ email, password, client }, ctx) =>
    signedIn(await accounts.signIn(ctx.db, email, password, client, clientOf(ctx))),
  'auth.signOut': (_, ctx) => {
    if (ctx.actor.sessionId) accounts.revokeSession(ctx.db, ctx.actor.sessionId);
    return null;
  },
  'auth.signOutEverywhere': (_, ctx) => ({ revoked: accounts.revokePersonSessions(ctx.db, me(ctx)) }),
  'auth.changePassword': async ({ current, next }, ctx) => ({
    revoked: await accounts.changePassword(ctx.db, me(ctx), ctx.actor.sessionId, current, next),
  }),
  'auth.invitation': ({ code }, ctx) => {
    const inv = accounts.invitationFor(ctx.db, code);
    return { name: inv.name, email: inv.email, expiresAt: new Date(inv.expires_at).toISOString() };
  },
  'auth.acceptInvitation': async ({ code, password, client }, ctx) =>
    signedIn(await accounts.acceptInvitation(ctx.db, code, password, client, clientOf(ctx))),
  'auth.setupInfo': ({ code }, ctx) => accounts.setupInfo(ctx.db, code),
  'auth.completeSetup': async ({ code, personId, name, email, password, client }, ctx) => {
    const c = clientOf(ctx);
    const owner = await accounts.makeOwner(ctx.db, { personId, name, email }, password, code);
    return signedIn(accounts.startSession(ctx.db, owner, client, c, 'setup'));
  },

  'team.overview': (_, ctx) => accounts.teamOverview(ctx.db),
  'team.enable': async ({ personId, password }, ctx) => {
    // Settings → Team in a solo workspace: the local owner becomes a person with a password
    if (!ctx.actor.owner)
      throw new AppError('forbidden', 'Only the owner of a solo workspace can turn it into a team workspace.', undefined, {
        key: 'auth.ownerOnly',
      });
    await accounts.makeOwner(ctx.db, { personId }, password, null);
    return accounts.teamOverview(ctx.db);
  },
  'team.invite': ({ personId }, ctx) => accounts.createInvitation(ctx.db, personId, by(ctx)),
  'team.revokeInvitation': ({ id }, ctx) => {
    accounts.revokeInvitation(ctx.db, id, by(ctx));
    return null;
  },
  'team.sessions': ({ personId }, ctx) => accounts.listSessions(ctx.db, personId, ctx.actor.sessionId),
  'team.revokeSession': ({ id }, ctx) => {
    accounts.revokeSession(ctx.db, id, by(ctx));
    return null;
  },
  'team.revokePersonSessions': ({ personId }, ctx) => ({ revoked: accounts.revokePersonSessions(ctx.db, personId, undefined, by(ctx)) }),
  'team.unlock': ({ personId }, ctx) => {
    accounts.unlockAccount(ctx.db, personId, by(ctx));
    return null;
  },
  'team.setSettings': (input, ctx) => accounts.setSessionSettings(ctx.db, input, by(ctx)),
};
