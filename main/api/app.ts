import { AppError } from '../../shared/api/contract';
import type { AppAbout, appMethods } from '../../shared/api/app';
import { chooseFeed, UPDATE_ENV, UpdateSettings } from '../updates/feed';
import type { ApiContext, HandlersFor } from './context';

function about(ctx: ApiContext): AppAbout {
  const settings = new UpdateSettings(ctx.ws.opts.dataDir);
  const u = ctx.host.updates;
  const feed = chooseFeed({ settingsUrl: settings.feed, envUrl: process.env[UPDATE_ENV], hasBuildFeed: u?.hasBuildFeed() ?? false });
  return {
    version: ctx.host.version ?? '0.0.0',
    host: ctx.host.kind,
    logDir: ctx.host.logDir ?? null,
    updateFeed: settings.feed,
    feedSource: feed.source,
    updates: u ? u.state() : { state: 'off' },
  };
}

export const appHandlers: HandlersFor<typeof appMethods> = {
  'app.about': (_, ctx) => about(ctx),
  'app.setUpdateFeed': ({ url }, ctx) => {
    new UpdateSettings(ctx.ws.opts.dataDir).feed = url;
    ctx.host.updates?.applyFeed();
    return about(ctx);
  },
  'app.checkForUpdates': async (_, ctx) => {
    const u = ctx.host.updates;
    if (!u)
      throw new AppError(
        'unavailable',
        'Updates are checked by the desktop app; the browser host is updated with the project.',
        undefined,
        { key: 'app.updatesDesktopOnly' },
      );
    if (about(ctx).feedSource === 'none')
      throw new AppError('unavailable', 'No update feed is set: enter the address your IT team gave you.', 'url', { key: 'app.noFeed' });
    await u.check();
    return about(ctx);
  },
  'app.openLogFolder': async (_, ctx) => {
    if (!ctx.host.openLogFolder)
      throw new AppError('unavailable', 'The log folder is opened by the desktop app; the browser host logs to its console.', undefined, {
        key: 'app.logsDesktopOnly',
      });
    const err = await ctx.host.openLogFolder();
    if (err)
      throw new AppError('unavailable', `The log folder could not be opened: ${err}`, undefined, {
        key: 'app.logsOpenFailed',
        params: { reason: err },
      });
    return { opened: true as const };
  },
};
