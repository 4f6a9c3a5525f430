/** Settings → About (version, logs, update feed) and the desktop shell's crash policy, without Electron. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app';
import { dispatch } from '../../main/api/dispatch';
import type { ApiContext, UpdatesControl } from '../../main/api/context';
import { chooseFeed, UpdateSettings } from '../../main/updates/feed';
import { CrashPolicy, startFailureMessage } from '../../main/electron/crashPolicy';
import type { UpdateState } from '../../shared/api/app';
import { tempDir } from './helpers/db';

let dir: string;
let browser: ApiContext;
beforeAll(() => {
  dir = tempDir();
  browser = createApp({ dataDir: path.join(dir, 'data'), demo: false, host: { kind: 'browser', version: '1.2.3' } });
});
afterAll(() => {
  browser.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('update feed choice', () => {
  it('Settings wins over the environment, which wins over the build; none means off', () => {
    expect(chooseFeed({ settingsUrl: 'https://a.example/f', envUrl: 'https://b.example/f', hasBuildFeed: true })).toEqual({
      source: 'settings',
      url: 'https://a.example/f',
    });
    expect(chooseFeed({ settingsUrl: null, envUrl: ' https://b.example/f ', hasBuildFeed: true })).toEqual({
      source: 'environment',
      url: 'https://b.example/f',
    });
    expect(chooseFeed({ settingsUrl: null, envUrl: '', hasBuildFeed: true })).toEqual({ source: 'build', url: null });
    expect(chooseFeed({ settingsUrl: null, hasBuildFeed: false })).toEqual({ source: 'none', url: null });
  });
  it('the feed chosen in Settings survives a restart and can be cleared', () => {
    const d = path.join(dir, 'feed');
    fs.mkdirSync(d);
    new UpdateSettings(d).feed = 'https://updates.example.com/swb';
    expect(new UpdateSettings(d).feed).toBe('https://updates.example.com/swb');
    new UpdateSettings(d).feed = null;
    expect(new UpdateSettings(d).feed).toBeNull();
    fs.writeFileSync(path.join(d, 'updates.json'), '{ broken');
    expect(new UpdateSettings(d).feed).toBeNull();
  });
});

describe('app.* methods', () => {
  it('the browser host reports its version, no log folder, and updates off', async () => {
    const r = await dispatch('app.about', {}, browser);
    expect(r).toEqual({
      ok: true,
      value: { version: '1.2.3', host: 'browser', logDir: null, updateFeed: null, feedSource: 'none', updates: { state: 'off' } },
    });
  });
  it('refuses feeds that are not https (or carry credentials), and keeps the old one', async () => {
    for (const url of ['http://updates.example.com/', 'ftp://x.example/', 'https://user:pw@x.example/', 'not a url']) {
      const r = await dispatch('app.setUpdateFeed', { url }, browser);
      expect(r.ok, url).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_input', field: 'url', message: 'url: Use an https:// address' });
    }
    expect(new UpdateSettings(path.join(dir, 'data')).feed).toBeNull();
    const ok = await dispatch('app.setUpdateFeed', { url: 'https://updates.example.com/swb' }, browser);
    expect(ok).toMatchObject({ ok: true, value: { updateFeed: 'https://updates.example.com/swb', feedSource: 'settings' } });
    await dispatch('app.setUpdateFeed', { url: null }, browser);
  });
  it('checking for updates or opening logs in the browser host says why not, in a translatable message', async () => {
    expect(await dispatch('app.checkForUpdates', {}, browser)).toMatchObject({
      ok: false,
      error: { code: 'unavailable', key: 'app.updatesDesktopOnly' },
    });
    expect(await dispatch('app.openLogFolder', {}, browser)).toMatchObject({
      ok: false,
      error: { code: 'unavailable', key: 'app.logsDesktopOnly' },
    });
  });
  it('the desktop host checks through its updater only when a feed is set', async () => {
    let checks = 0;
    let state: UpdateState = { state: 'off' };
    const updates: UpdatesControl = {
      state: () => state,
      hasBuildFeed: () => false,
      applyFeed: () => (state = new UpdateSettings(path.join(dir, 'desk')).feed ? { state: 'idle', checkedAt: null } : { state: 'off' }),
      check: async () => {
        checks++;
        state = { state: 'available', version: '2.0.0' };
      },
    };
    const desk = createApp({
      dataDir: path.join(dir, 'desk'),
      demo: false,
      host: { kind: 'electron', version: '1.2.3', logDir: '/logs', openLogFolder: async () => '', updates },
    });
    try {
      expect(await dispatch('app.checkForUpdates', {}, desk)).toMatchObject({ ok: false, error: { key: 'app.noFeed' } });
      expect(checks).toBe(0);
      await dispatch('app.setUpdateFeed', { url: 'https://updates.example.com/swb' }, desk);
      expect(await dispatch('app.checkForUpdates', {}, desk)).toMatchObject({
        ok: true,
        value: { updates: { state: 'available', version: '2.0.0' }, logDir: '/logs' },
      });
      expect(checks).toBe(1);
      expect(await dispatch('app.openLogFolder', {}, desk)).toEqual({ ok: true, value: { opened: true } });
    } finally {
      desk.ws.close();
    }
  });
});

describe('crash policy', () => {
  it('reloads after a crash, ignores clean exits, and gives up on the third crash within a minute', () => {
    const p = new CrashPolicy();
    expect(p.decide('clean-exit', 0)).toBe('ignore');
    expect(p.decide('crashed', 1_000)).toBe('reload');
    expect(p.decide('oom', 2_000)).toBe('reload');
    expect(p.decide('crashed', 3_000)).toBe('give-up');
    // crashes older than a minute no longer count
    expect(p.decide('crashed', 120_000)).toBe('reload');
  });
  it('a failed start says what happened and where the log is, without a stack trace', () => {
    const m = startFailureMessage(new Error('database is locked'), '/home/u/.config/Sales Workbench/logs/main.log');
    expect(m).toContain('database is locked');
    expect(m).toContain('main.log');
    expect(m).not.toMatch(/\n\s+at /);
  });
});
