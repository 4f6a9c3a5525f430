import { AppError } from '../../shared/api/contract';
import type { speechMethods } from '../../shared/api/speech';
import { feedFor } from '../services/guidance/feed';
import { captureSessions, speechWorker } from '../services/guidance/speech/capture';
import { setModelFolder, speechSettings, SpeechSettingsFile } from '../services/guidance/speech/settings';
import type { ApiContext, HandlersFor } from './context';

const owner = (ctx: ApiContext) => ctx.actor.personId ?? 0;

export const speechHandlers: HandlersFor<typeof speechMethods> = {
  'speech.settings.get': (_i, ctx) => speechSettings(ctx.ws.opts.dataDir, ctx.host.kind),
  'speech.settings.setModel': ({ language, folder }, ctx) => {
    setModelFolder(ctx.ws.opts.dataDir, language, folder);
    return speechSettings(ctx.ws.opts.dataDir, ctx.host.kind);
  },
  'speech.settings.pickFolder': async (_i, ctx) => {
    if (!ctx.host.showFolderDialog)
      throw new AppError(
        'unavailable',
        "The browser cannot choose folders on this computer: type the model folder's path instead.",
        'folder',
        { key: 'speech.pickDesktopOnly' },
      );
    return { folder: await ctx.host.showFolderDialog() };
  },
  'speech.capture.start': ({ language, channels }, ctx) => {
    const dataDir = ctx.ws.opts.dataDir;
    const personId = ctx.actor.personId;
    return captureSessions.start(owner(ctx), language, channels, {
      onWords: (events) => feedFor(personId).push(events),
      modelFolder: (l) => new SpeechSettingsFile(dataDir).folder(l),
      workerFile: () => (speechWorker.available() ? speechWorker.file() : null),
    });
  },
  'speech.capture.push': ({ sessionId, frames }, ctx) => captureSessions.push(owner(ctx), sessionId, frames),
  'speech.capture.status': ({ sessionId }, ctx) => captureSessions.status(owner(ctx), sessionId),
  'speech.capture.stop': ({ sessionId }, ctx) => captureSessions.stop(owner(ctx), sessionId),
};
