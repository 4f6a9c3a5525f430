import { demoWorkspace } from './helpers/demoWorkspace';
/**
 * Row scoping, stored-file access, the audit trail and team-mode paths,
 * through the real `dispatch` (and the real HTTP host for 403s and files)
 * against a demo workspace in a temp folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api/access';
import type { ApiContext } from '../../main/api/context';
import { dispatch } from '../../main/api/dispatch';
import { actorFor } from '../../main/services/access/actor';
import { mayReadBlob } from '../../main/services/access/files';
import { hasAbsolutePath, stripPaths } from '../../main/services/access/paths';
import { csvCell } from '../../shared/domain/csv';
import { createPerson } from '../../main/services/people';
import { WorkspaceManager } from '../../main/services/workspace';
import { putBlob } from '../../main/files/store';
import { createServer } from '../../main/server/server';

let dir: string;
let ws: WorkspaceManager;
let base: ApiContext;
const id: Record<string, number> = {};
const actor: Record<string, Actor> = {};

beforeAll(() => {
  let byEmail: (e: string) => number;
  ({ dir, ws, base, byEmail } = demoWorkspace('swb-scope-'));
  Object.assign(id, {
    anna: byEmail('anna.petrova@example.com'),
    james: byEmail('james.carter@example.com'),
    tom: byEmail('tom.baker@example.com'),
    irina: byEmail('irina.belova@example.com'),
    kate: byEmail('kate.lee@example.com'),
  });
  id.admin = createPerson(ws.db, {
    name: 'Ada Admin',
    email: 'ada.admin@example.com',
    teamId: null,
    roles: ['admin'],
    hiredAt: null,
    names: {},
  }).id;
  for (const k of ['anna', 'tom', 'kate', 'admin']) actor[k] = actorFor(ws.db, id[k])!;
}, 120_000);

afterAll(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const as = (who: string, method: string, input: unknown = {}) => dispatch(method, input, base.withActor(actor[who]));
async function value<T>(who: string, method: string, input: unknown = {}): Promise<T> {
  const r = await as(who, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}
const teamOf = (p: number) => (ws.db.prepare('SELECT team_id AS t FROM people WHERE id = ?').get(p) as { t: number }).t;

describe('lists are scoped in SQL', () => {
  it('a rep lists only their own calls, evaluations, disputes and assignments', async () => {
    const calls = await value<{ rows: { rep: { id: number } }[]; total: number }>('anna', 'scorecards.calls.list', { limit: 500 });
    expect(calls.total).toBeGreaterThan(0);
    expect(new Set(calls.rows.map((r) => r.rep.id))).toEqual(new Set([id.anna]));
    expect(calls.total).toBe((ws.db.prepare('SELECT count(*) AS n FROM calls WHERE rep_id = ?').get(id.anna) as { n: number }).n);
    const evals = await value<{ rows: { rep: { id: number }; status: string }[] }>('anna', 'scorecards.evaluations.list', { limit: 500 });
    expect(evals.rows.length).toBeGreaterThan(0);
    expect(evals.rows.every((r) => r.rep.id === id.anna && r.status === 'submitted')).toBe(true);
    const disputes = await value<{ rows: { rep: { id: number } }[] }>('anna', 'scorecards.feedback.list', { status: 'all', limit: 500 });
    expect(disputes.rows.every((r) => r.rep.id === id.anna)).toBe(true);
    const asg = await value<{ rows: { personId: number }[] }>('anna', 'training.assignments.list', { limit: 500 });
    expect(asg.rows.every((r) => r.personId === id.anna)).toBe(true);
    const ppl = await value<{ rows: { id: number }[] }>('anna', 'people.list', { limit: 500 });
    expect(ppl.rows.map((r) => r.id)).toEqual([id.anna]);
  });

  it("a manager lists only the managed team's calls and people; a trainer sees every assignment", async () => {
    const east = actor.tom.managedTeamIds;
    expect(east.length).toBe(1);
    const calls = await value<{ rows: { rep: { id: number } }[]; total: number }>('tom', 'scorecards.calls.list', { limit: 500 });
    expect(calls.total).toBeGreaterThan(0);
    const graded = new Set(
      (
        ws.db
          .prepare(
            'SELECT cc.call_id AS id FROM calibration_calls cc JOIN calibration_graders g ON g.session_id = cc.session_id WHERE g.grader_id = ?',
          )
          .all(id.tom) as { id: number }[]
      ).map((r) => r.id),
    );
    // every listed call is the team's, or one given to Tom in a calibration session
    const outside = (calls.rows as unknown as { id: number; rep: { id: number } }[]).filter((c) => !east.includes(teamOf(c.rep.id)));
    expect(outside.every((c) => graded.has(c.id))).toBe(true);
    expect(calls.total).toBe(
      (
        ws.db
          .prepare(
            `SELECT count(*) AS n FROM calls c JOIN people p ON p.id = c.rep_id WHERE p.team_id = ? OR c.id IN (SELECT cc.call_id FROM calibration_calls cc JOIN calibration_graders g ON g.session_id = cc.session_id WHERE g.grader_id = ?)`,
          )
          .get(east[0], id.tom) as { n: number }
      ).n,
    );
    const reps = await value<{ rows: { id: number; roles: string[]; teamId: number }[] }>('tom', 'people.list', {
      role: 'rep',
      limit: 500,
    });
    expect(new Set(reps.rows.map((r) => r.teamId))).toEqual(new Set(east));
    // a team filter naming another team is refused, not silently emptied
    const other = await as('tom', 'scorecards.queue', { month: '2026-01', teamId: teamOf(id.anna) });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'access.teamForbidden' } });
    const all = await value<{ total: number }>('kate', 'training.assignments.list', { limit: 1 });
    const everyone = await dispatch('training.assignments.list', { limit: 1 }, base);
    expect(all.total).toBe(everyone.ok ? (everyone.value as { total: number }).total : -1);
    expect(all.total).toBeGreaterThan(0);
  });

  it("a call given to a manager in a calibration session is visible to them, other teams' calls are not", async () => {
    const northCall = (ws.db.prepare('SELECT id FROM calls WHERE rep_id = ? ORDER BY id DESC LIMIT 1').get(id.anna) as { id: number }).id;
    expect((await as('tom', 'scorecards.calls.get', { id: northCall })).ok).toBe(false);
    const r = await dispatch(
      'scorecards.calibration.create',
      { title: 'Calibrate North', callIds: [northCall], graderIds: [id.tom, id.irina] },
      base,
    );
    expect(r.ok).toBe(true);
    expect((await as('tom', 'scorecards.calls.get', { id: northCall })).ok).toBe(true);
    const listed = await value<{ rows: { id: number }[] }>('tom', 'scorecards.calls.list', { limit: 500, repId: id.anna });
    expect(listed.rows.map((c) => c.id)).toEqual([northCall]);
    // the rep's other calls stay hidden
    const anotherNorth = (
      ws.db.prepare('SELECT id FROM calls WHERE rep_id = ? AND id <> ? LIMIT 1').get(id.anna, northCall) as { id: number }
    ).id;
    expect(await as('tom', 'scorecards.calls.get', { id: anotherNorth })).toMatchObject({
      ok: false,
      error: { key: 'access.callForbidden' },
    });
  });

  it('the solo owner keeps seeing everything, and the header role still switches the script view', async () => {
    const r = await dispatch('scorecards.calls.list', { limit: 1 }, base);
    expect(r.ok && (r.value as { total: number }).total).toBe((ws.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n);
    ws.setMeta('session', JSON.stringify({ personId: id.anna, role: 'rep' }));
    const asRep = await dispatch('scripts.create', { title: 'x', language: 'en', steps: [] }, base);
    expect(asRep).toMatchObject({ ok: false, error: { key: 'scripts.repsCannotEdit' } });
    ws.setMeta('session', JSON.stringify({ personId: id.tom, role: 'manager' }));
  });
});

describe('stored files', () => {
  const blob = (content: string) => {
    const f = path.join(dir, `blob-${crypto.randomUUID()}`);
    fs.writeFileSync(f, content);
    const sha = crypto.createHash('sha256').update(content).digest('hex');
    putBlob(ws.filesDir, f, sha);
    return sha;
  };
  let annaAudio = '';
  let jamesAudio = '';
  let libSha = '';
  let libItem = 0;
  beforeAll(() => {
    annaAudio = blob('anna audio');
    jamesAudio = blob('james audio');
    ws.db
      .prepare('UPDATE calls SET audio_sha = ? WHERE id = (SELECT id FROM calls WHERE rep_id = ? ORDER BY id LIMIT 1)')
      .run(annaAudio, id.anna);
    ws.db
      .prepare('UPDATE calls SET audio_sha = ? WHERE id = (SELECT id FROM calls WHERE rep_id = ? ORDER BY id LIMIT 1)')
      .run(jamesAudio, id.james);
    const v = ws.db.prepare('SELECT v.sha256, v.item_id FROM library_versions v WHERE v.sha256 IS NOT NULL LIMIT 1').get() as {
      sha256: string;
      item_id: number;
    };
    libSha = v.sha256;
    libItem = v.item_id;
  });

  it('mayReadBlob: call audio only for those who may see the call; library files for everyone until the item expires', () => {
    expect(mayReadBlob(ws.db, actor.anna, annaAudio)).toBe(true);
    expect(mayReadBlob(ws.db, actor.anna, jamesAudio)).toBe(false);
    expect(mayReadBlob(ws.db, actor.tom, annaAudio)).toBe(false);
    expect(mayReadBlob(ws.db, actor.kate, annaAudio)).toBe(false);
    expect(mayReadBlob(ws.db, base.actor, jamesAudio)).toBe(true);
    expect(mayReadBlob(ws.db, actor.anna, 'f'.repeat(64))).toBe(false);
    ws.db.prepare('UPDATE library_items SET valid_until = NULL WHERE id = ?').run(libItem);
    expect(mayReadBlob(ws.db, actor.anna, libSha)).toBe(true);
    const expire = (until: string | null) =>
      ws.db
        .prepare('UPDATE library_items SET valid_until = ? WHERE id IN (SELECT item_id FROM library_versions WHERE sha256 = ?)')
        .run(until, libSha);
    expire('2000-01-01');
    expect(mayReadBlob(ws.db, actor.anna, libSha)).toBe(false);
    expect(mayReadBlob(ws.db, actor.tom, libSha)).toBe(true);
    expect(mayReadBlob(ws.db, actor.kate, libSha)).toBe(true);
    expire(null);
  });

  it('the HTTP host answers 403 for refusals and serves files per actor', async () => {
    let who: Actor | null = actor.anna;
    const srv = createServer({ ctx: base, token: 't', staticDir: dir, actorFor: () => who });
    const { port } = await srv.listen();
    const req = (method: string, p: string, body?: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const r = http.request(
          { host: '127.0.0.1', port, method, path: p, headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' } },
          (res) => {
            let b = '';
            res.on('data', (c) => (b += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
          },
        );
        r.on('error', reject);
        r.end(body);
      });
    try {
      const refused = await req('POST', '/api/people.create', '{}');
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { key: 'access.forbidden' } });
      const otherCall = (ws.db.prepare('SELECT id FROM calls WHERE rep_id = ? LIMIT 1').get(id.james) as { id: number }).id;
      expect((await req('POST', '/api/scorecards.calls.get', JSON.stringify({ id: otherCall }))).status).toBe(403);
      expect((await req('POST', '/api/teams.list', '{}')).status).toBe(200);
      expect((await req('GET', `/files/${annaAudio}?token=t`)).body).toBe('anna audio');
      expect((await req('GET', `/files/${jamesAudio}?token=t`)).status).toBe(403);
      who = null;
      expect((await req('GET', `/files/${annaAudio}?token=t`)).status).toBe(401);
      expect((await req('POST', '/api/teams.list', '{}')).status).toBe(401);
    } finally {
      await srv.close();
    }
  });
});

describe('audit trail', () => {
  const rows = (where: string, ...p: unknown[]) =>
    ws.db.prepare(`SELECT actor_id, entity, entity_id, action, detail FROM audit_log WHERE ${where} ORDER BY id`).all(...p) as {
      actor_id: number | null;
      entity: string;
      entity_id: number | null;
      action: string;
      detail: string;
    }[];

  it('every successful write is logged with who, which record and a short summary; reads are not', async () => {
    const before = (ws.db.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m ?? 0;
    const team = await value<{ id: number }>('admin', 'teams.create', { name: 'South', description: 'New office' });
    await value('admin', 'teams.list', {});
    const mine = rows("id > ? AND entity = 'teams'", before);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ actor_id: id.admin, entity: 'teams', entity_id: team.id, action: 'create' });
    expect(JSON.parse(mine[0].detail).summary).toBe(
      'teams.create #' + team.id + ': name "South", description "New office", managerId none',
    );
    // the owner's writes too, as the person chosen in the header
    await dispatch('teams.update', { id: team.id, data: { name: 'South-West' } }, base);
    expect(rows("id > ? AND entity = 'teams' AND action = 'update'", before)[0]).toMatchObject({ actor_id: id.tom, entity_id: team.id });
  });

  it('refusals are logged (policy and row refusals), and secrets never reach the log', async () => {
    const before = (ws.db.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m ?? 0;
    await as('anna', 'people.setActive', { id: id.james, active: false });
    const jamesCall = (ws.db.prepare('SELECT id FROM calls WHERE rep_id = ? LIMIT 1').get(id.james) as { id: number }).id;
    await as('anna', 'scorecards.calls.get', { id: jamesCall });
    const refused = rows("id > ? AND action = 'refused'", before);
    expect(refused.map((r) => [r.actor_id, r.entity, r.entity_id])).toEqual([
      [id.anna, 'people', id.james],
      [id.anna, 'scorecards.calls', jamesCall],
    ]);
    expect(JSON.parse(refused[1].detail).summary).toContain('access.callForbidden');
    await value('admin', 'people.rosterImport', {
      contentBase64: Buffer.from('email,name\nzed@example.com,Zed\n').toString('base64'),
    }).catch(() => null);
    const roster = rows("id > ? AND entity = 'people' AND action = 'rosterImport'", before);
    for (const r of roster) expect(r.detail).not.toContain(Buffer.from('zed@example.com').toString('base64').slice(0, 12));
  });

  it('the admin screen lists with filters and exports CSV with formula cells escaped', async () => {
    await value('admin', 'teams.create', { name: '=HYPERLINK("http://x")', description: '' });
    const page = await value<{ rows: { actorId: number; summary: string }[]; total: number }>('admin', 'audit.list', {
      actorId: id.admin,
      entity: 'teams',
      limit: 10,
    });
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.rows.every((r) => r.actorId === id.admin)).toBe(true);
    const csv = await value<{ text: string; rows: number }>('admin', 'audit.exportCsv', {
      actorId: id.admin,
      entity: 'teams',
      action: 'create',
    });
    expect(csv.rows).toBe(2);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor_id,actor,entity,entity_id,action,summary');
    expect(csv.text).toContain('"teams.create #');
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+7 999')).toBe("'+7 999");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect((await as('anna', 'audit.list', {})).ok).toBe(false);
  });
});

describe('team mode never takes or shows a server path', () => {
  it('refuses paths from non-owners, names files by their name, and no error carries an absolute path', async () => {
    const open = await as('admin', 'workspace.open', { path: path.join(dir, 'workspaces', 'demo.sqlite') });
    expect(open).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'workspace.pathsOwnerOnly' } });
    const restore = await as('admin', 'workspace.restore', { path: '/etc/passwd' });
    expect(restore).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const missing = await as('admin', 'workspace.restoreNamed', { name: 'nope.sqlite' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not_found', key: 'workspace.namedBackupNotFound', params: { name: 'nope.sqlite' } },
    });
    expect((await as('admin', 'workspace.openNamed', { name: '../demo.sqlite' })).ok).toBe(false);
    fs.writeFileSync(path.join(ws.workspacesDir, 'broken.sqlite'), 'not a database at all, just text'.repeat(200));
    const broken = await as('admin', 'workspace.openNamed', { name: 'broken.sqlite' });
    expect(broken.ok).toBe(false);
    const info = await value<{ path: string; dataDir: string }>('admin', 'workspace.info');
    expect(info).toMatchObject({ path: 'demo.sqlite', dataDir: '' });
    const backup = await value<{ path: string; name: string }>('admin', 'workspace.backup');
    expect(backup.path).toBe(backup.name);
    const list = await value<{ path: string }[]>('admin', 'workspace.listBackups');
    for (const r of [open, restore, missing, broken]) {
      const text = JSON.stringify(r);
      expect(text.includes(dir), text).toBe(false);
      expect(hasAbsolutePath(text), text).toBe(false);
    }
    expect(list.every((b) => !b.path.includes('/'))).toBe(true);
    // the owner keeps paths (their own disk)
    expect(
      (await dispatch('workspace.info', {}, base)).ok &&
        ((await dispatch('workspace.info', {}, base)) as { value: { path: string } }).value.path,
    ).toBe(ws.path);
    const restored = await as('admin', 'workspace.restoreNamed', { name: backup.name });
    expect(restored.ok).toBe(true);
    // the audit log survives the restore (it lives in the workspace file)
    expect((ws.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'refused'").get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('stripPaths keeps URLs and cuts POSIX and Windows paths to their last part', () => {
    expect(stripPaths('There is no file at "/srv/data/x y.sqlite".')).toBe('There is no file at "x y.sqlite".');
    expect(stripPaths('cannot open /var/lib/app/w.sqlite now')).toBe('cannot open w.sqlite now');
    expect(stripPaths('see C:\\Users\\a\\w.sqlite')).toBe('see w.sqlite');
    expect(stripPaths('see https://example.com/a/b')).toBe('see https://example.com/a/b');
  });
});
