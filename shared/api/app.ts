import { z } from 'zod';
import { method, WRITES } from './contract';

/** Where the desktop app's self-update stands (electron-updater; off when no feed is set). */
export type UpdateState =
  | { state: 'off' }
  | { state: 'idle'; checkedAt: string | null }
  | { state: 'checking' }
  | { state: 'available'; version: string }
  | { state: 'downloaded'; version: string }
  | { state: 'error'; message: string };

export interface AppAbout {
  version: string;
  host: 'electron' | 'browser';
  /** The folder the main process logs to (desktop app only). */
  logDir: string | null;
  /** The update feed set in Settings, or null (then the build's own feed, if any, applies). */
  updateFeed: string | null;
  /** Where the feed in use comes from. */
  feedSource: 'settings' | 'environment' | 'build' | 'none';
  updates: UpdateState;
}

/**
 * An update feed is an https address without credentials; http only on this
 * machine, for testing a local feed. (shared/ has no URL global: checked by pattern.)
 */
const FEED_URL = /^(https:\/\/[a-z0-9.-]+(:\d{1,5})?|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?)(\/[^\s@]*)?$/i;
export const updateFeedUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => FEED_URL.test(s), { message: 'Use an https:// address' });

export const appMethods = {
  'app.about': method(z.object({}), 'signedIn').returns<AppAbout>(),
  'app.setUpdateFeed': method(z.object({ url: updateFeedUrl.nullable() }), ['admin'], WRITES).returns<AppAbout>(),
  'app.checkForUpdates': method(z.object({}), ['admin']).returns<AppAbout>(),
  'app.openLogFolder': method(z.object({}), ['admin']).returns<{ opened: true }>(),
};
