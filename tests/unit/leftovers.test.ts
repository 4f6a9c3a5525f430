import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app';
import type { ApiContext } from '../../main/api/context';
import type { ApiResult } from '../../shared/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { Staging } from '../../main/files/staging';
import { importRoster } from '../../main/services/roster';
import { integrityCheck } from '../../main/db/open';
import type { CrmJob, CrmSniff } from '../../shared/api/crm';
import { tempDir } from './helpers/db';

const FIX = path.join(__dirname, '..', 'fixtures', 'crm');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function app(dataDir: string): ApiContext {
  const ctx = createApp({ dataDir, demo: false, host: { kind: 'browser' } });
  cleanups.push(() => {
    ctx.staging.clear();
    ctx.ws.close();
  });
  return ctx;
}

const waitJob = async (ctx: ApiContext, jobId: string) => {
  for (;;) {
    const r = await dispatch('crm.job', { jobId }, ctx);
    const job = (r as { ok: true; value: CrmJob }).value;
    if (job.state !== 'running') return job;
    await new Promise((res) => setTimeout(res, 50));
  }
};

describe('crash leftovers are cleaned at start', () => {
  it('removes killed backups, restores, demo generations and staged uploads; keeps real files', () => {
    const data = tempDir();
    cleanups.push(() => fs.rmSync(data, { recursive: true, force: true }));
    let ctx = app(data);
    const ws = ctx.ws.path;
    const backup = (ctx.ws as unknown as { backupsDir: string }).backupsDir;
    fs.mkdirSync(backup, { recursive: true });
    const keep = [path.join(backup, 'Workspace-2025.sqlite'), path.join(path.dirname(ws), 'notes.partial.txt')];
    const gone = [
      path.join(backup, 'Workspace-2025-01.sqlite.partial'),
      `${ws}.restore-tmp`,
      path.join(path.dirname(ws), '.demo-999999999.sqlite'),
      path.join(data, 'tmp', 'uploads', 'a'.repeat(32)),
    ];
    fs.mkdirSync(path.join(data, 'tmp', 'uploads'), { recursive: true });
    for (const f of [...keep, ...gone]) fs.writeFileSync(f, 'x'.repeat(1000));
    ctx.staging.clear();
    ctx.ws.close();
    cleanups.length = 0;
    ctx = app(data);
    for (const f of gone) expect(fs.existsSync(f), f).toBe(false);
    for (const f of keep) expect(fs.existsSync(f), f).toBe(true);
  });
});

describe('staged uploads are released', () => {
  it('after they expire', async () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const s = new Staging(dir, 1000);
    const f = await s.fromStream(Readable.from([Buffer.from('hello')]), 'a.txt');
    expect(s.expire(Date.now())).toBe(0);
    expect(fs.existsSync(f.path)).toBe(true);
    expect(s.expire(Date.now() + 5000)).toBe(1);
    expect(fs.existsSync(f.path)).toBe(false);
    expect(() => s.get(f.id)).toThrow(/upload it again/);
    s.clear();
  });

  it('a CRM upload is released once imported', async () => {
    const data = tempDir();
    cleanups.push(() => fs.rmSync(data, { recursive: true, force: true }));
    const ctx = app(data);
    importRoster(ctx.db, fs.readFileSync(path.join(FIX, 'people.csv')), null);
    const staged = await ctx.staging.fromPath(path.join(FIX, 'hubspot_deals.csv'));
    const s = (await dispatch('crm.sniff', { uploadId: staged.id }, ctx)) as { ok: true; value: CrmSniff };
    expect(s.ok).toBe(true);
    // this export has no currency column: the wizard asks, and the user answers USD
    if (!s.value.mapping.fields.currency) s.value.mapping.fileCurrency = 'USD';
    const start = (await dispatch('crm.startImport', { uploadId: staged.id, source: s.value.source, mapping: s.value.mapping }, ctx)) as {
      ok: true;
      value: CrmJob;
    };
    expect(start.ok).toBe(true);
    const job = await waitJob(ctx, start.value.jobId);
    expect(job.state).toBe('done');
    expect(fs.existsSync(staged.path)).toBe(false);
    expect(fs.readdirSync(path.join(data, 'tmp', 'uploads'))).toEqual([]);
  });
});

/** A tiny tmpfs as the data folder: a real full disk. Needs root (CI containers run as root); skipped with the reason otherwise. */
function tinyDisk(): string | null {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  cleanups.unshift(() => {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
const fill = (dir: string, leaveBytes: number) => {
  const free = fs.statfsSync(dir).bavail * fs.statfsSync(dir).bsize;
  fs.writeFileSync(path.join(dir, 'filler.bin'), Buffer.alloc(Math.max(0, free - leaveBytes)));
};

const canMount = (() => {
  const probe = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();
describe.skipIf(!canMount)('a full disk (tmpfs; needs root to mount)', () => {
  it('backup, upload and CRM import say "the disk is full" in the UI language; nothing half-written is left', async () => {
    const data = tinyDisk()!;
    const ctx = app(data);
    importRoster(ctx.db, fs.readFileSync(path.join(FIX, 'people.csv')), null);
    const crm = await ctx.staging.fromPath(path.join(FIX, 'salesforce_opportunities.csv'));
    const sniff = (await dispatch('crm.sniff', { uploadId: crm.id }, ctx)) as { ok: true; value: CrmSniff };
    const before = ctx.db.prepare('SELECT count(*) FROM crm_deals').pluck().get();
    fill(data, 8 * 1024);

    const b = await dispatch('workspace.backup', {}, ctx);
    expect(b).toMatchObject({ ok: false, error: { key: 'diskFull', message: expect.stringMatching(/disk is full/) } });
    const backups = path.join(data, 'backups');
    expect(fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f.endsWith('.partial')) : []).toEqual([]);

    await expect(ctx.staging.fromStream(Readable.from([Buffer.alloc(512 * 1024)]), 'big.pdf')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fs.readdirSync(path.join(data, 'tmp', 'uploads')).filter((f) => f !== crm.id)).toEqual([]);

    const start = (await dispatch(
      'crm.startImport',
      { uploadId: crm.id, source: sniff.value.source, mapping: sniff.value.mapping },
      ctx,
    )) as ApiResult<CrmJob>;
    if (start.ok) {
      // the import ran out of space while writing
      const job = await waitJob(ctx, start.value.jobId);
      expect(job.state).toBe('failed');
      expect(job.error).not.toMatch(/cannot rollback/);
      expect(job).toMatchObject({ errorKey: 'diskFull' });
    } else {
      // or the job's own record could not be written: refused before anything started
      expect(start.error).toMatchObject({ key: 'diskFull', message: expect.stringMatching(/disk is full/) });
    }
    expect(ctx.db.prepare('SELECT count(*) FROM crm_deals').pluck().get()).toBe(before);
    expect(integrityCheck(ctx.db)).toEqual(['ok']);
  });
});
