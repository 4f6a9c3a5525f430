/**
 * Self-update through electron-updater (generic feed). Off unless a feed is set
 * in Settings, by SALES_WORKBENCH_UPDATE_URL, or in the build (electron-builder
 * `publish`, which ships app-update.yml). Downloads in the background and
 * installs on the next quit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { UpdateState } from '../../shared/api/app';
import type { UpdatesControl } from '../api/context';
import { chooseFeed, UPDATE_ENV, UpdateSettings } from '../updates/feed';
import { log } from './log';

export function createUpdater(dataDir: string): UpdatesControl {
  let state: UpdateState = { state: 'off' };
  let checkedAt: string | null = null;
  const settings = new UpdateSettings(dataDir);
  const hasBuildFeed = () => app.isPackaged && fs.existsSync(path.join(process.resourcesPath, 'app-update.yml'));
  autoUpdater.logger = log;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('checking-for-update', () => (state = { state: 'checking' }));
  autoUpdater.on('update-not-available', () => (state = { state: 'idle', checkedAt: (checkedAt = new Date().toISOString()) }));
  autoUpdater.on('update-available', (i: { version: string }) => (state = { state: 'available', version: i.version }));
  autoUpdater.on('update-downloaded', (i: { version: string }) => (state = { state: 'downloaded', version: i.version }));
  autoUpdater.on('error', (e: Error) => (state = { state: 'error', message: e.message }));

  const applyFeed = () => {
    const feed = chooseFeed({ settingsUrl: settings.feed, envUrl: process.env[UPDATE_ENV], hasBuildFeed: hasBuildFeed() });
    if (feed.url) autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
    state = feed.source === 'none' || !app.isPackaged ? { state: 'off' } : { state: 'idle', checkedAt };
  };
  applyFeed();
  const control: UpdatesControl = {
    state: () => state,
    hasBuildFeed,
    applyFeed,
    async check() {
      if (state.state === 'off') return;
      await autoUpdater.checkForUpdates();
    },
  };
  // one quiet check a few seconds after start, then every 6 hours
  if (state.state !== 'off') {
    setTimeout(() => void control.check().catch((e: Error) => log.warn('update check failed', e.message)), 10_000).unref();
    setInterval(() => void control.check().catch((e: Error) => log.warn('update check failed', e.message)), 6 * 3600_000).unref();
  }
  return control;
}
