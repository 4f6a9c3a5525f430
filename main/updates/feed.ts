/**
 * Which update feed the desktop app uses. Plain Node so it is testable without
 * Electron: Settings wins over the environment, which wins over the feed baked
 * into the build (electron-builder's `publish`, shipped as app-update.yml); with
 * none of them, updates are off.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppAbout } from '../../shared/api/app';

export const UPDATE_ENV = 'SALES_WORKBENCH_UPDATE_URL';

export interface FeedChoice {
  source: AppAbout['feedSource'];
  /** A generic-provider URL to set, or null to keep the build's own feed (or none). */
  url: string | null;
}

export function chooseFeed(o: { settingsUrl: string | null; envUrl?: string; hasBuildFeed: boolean }): FeedChoice {
  if (o.settingsUrl) return { source: 'settings', url: o.settingsUrl };
  if (o.envUrl?.trim()) return { source: 'environment', url: o.envUrl.trim() };
  if (o.hasBuildFeed) return { source: 'build', url: null };
  return { source: 'none', url: null };
}

/** The feed chosen in Settings lives in the data folder (it belongs to this machine, not to a workspace). */
export class UpdateSettings {
  constructor(private readonly dataDir: string) {}
  private get file() {
    return path.join(this.dataDir, 'updates.json');
  }
  get feed(): string | null {
    try {
      const v = (JSON.parse(fs.readFileSync(this.file, 'utf8')) as { feed?: unknown }).feed;
      return typeof v === 'string' && v ? v : null;
    } catch {
      return null;
    }
  }
  set feed(url: string | null) {
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ feed: url }, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
