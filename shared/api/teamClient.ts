/**
 * The desktop app as a client of team servers (Settings → Team workspace):
 * remembered servers, the certificate check, sign-in, and one-click switching
 * between the local workspace and a team workspace. Only the desktop host has
 * this ability; the browser host answers that it is a desktop feature.
 */
import { z } from 'zod';
import { method, WRITES } from './contract';

export type TeamClientState = 'signedOut' | 'online' | 'offline' | 'expired' | 'revoked' | 'otherWorkspace';

export interface TeamProbe {
  url: string;
  tls: boolean;
  /** SHA-256 of the certificate, "AB:CD:…" */
  fingerprint: string | null;
  subject: string;
  /** false: the user must trust this fingerprint explicitly */
  systemTrusted: boolean;
  /** the server offers single sign-on (and this app can open the system browser for it) */
  sso: boolean;
}

export interface TeamServerRow {
  url: string;
  email: string;
  /** the fingerprint the user trusted (self-signed certificates), else null */
  fingerprint: string | null;
  lastUsedAt: string;
  state: TeamClientState;
  lastSyncAt: string | null;
  person: string | null;
  /** signed out with an offline copy: the saved sign-in did not decrypt, or this host keeps none */
  notice: 'tokenUnreadable' | 'tokenNotKept' | null;
}

export interface TeamConnectionsState {
  /** the server in use; null = the local workspace */
  active: string | null;
  servers: TeamServerRow[];
}

const address = z.string().trim().min(1, { message: 'Required' }).max(300);

export const teamClientMethods = {
  'teamClient.state': method(z.object({}), 'signedIn').returns<TeamConnectionsState | null>(),
  'teamClient.probe': method(z.object({ url: address }), 'signedIn').returns<TeamProbe>(),
  'teamClient.connect': method(
    z.object({
      url: address,
      email: z.string().trim().min(1, { message: 'Required' }).max(200),
      password: z.string().min(1, { message: 'Required' }).max(1024),
      trustFingerprint: z.string().max(200).nullable().default(null),
    }),
    'signedIn',
    WRITES,
  ).returns<TeamConnectionsState>(),
  /** Single sign-on in the system browser (RFC 8252 loopback redirect); resolves once the browser came back (≤ 5 min). */
  'teamClient.connectSso': method(
    z.object({
      url: address,
      trustFingerprint: z.string().max(200).nullable().default(null),
      lang: z.enum(['en', 'ru', 'zh']).default('en'),
    }),
    'signedIn',
    WRITES,
  ).returns<TeamConnectionsState>(),
  'teamClient.cancelSso': method(z.object({}), 'signedIn').returns<null>(),
  'teamClient.use': method(z.object({ url: z.string().max(300).nullable() }), 'signedIn', WRITES).returns<TeamConnectionsState>(),
  'teamClient.signOut': method(z.object({ url: z.string().max(300) }), 'signedIn', WRITES).returns<TeamConnectionsState>(),
};
