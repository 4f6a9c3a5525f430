import { demoWorkspace } from './helpers/demoWorkspace';
/**
 * The notifications inbox against a demo workspace in a temp folder: the
 * triggers in the real services (scored call, coaching note, dispute raised
 * and resolved, assignment given, due soon / overdue, content expiring or due
 * for verification), and the scoping of the three methods through the real
 * `dispatch` (own rows only, markRead never touches another person's rows).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api/access';
import type { NotificationRow } from '../../shared/api/notifications';
import { allCriteria, scaleRange } from '../../shared/domain/scoring';
import type { ApiContext } from '../../main/api/context';
import { dispatch } from '../../main/api/dispatch';
import { actorFor } from '../../main/services/access/actor';
import { createPerson } from '../../main/services/people';
import { addCoaching, addFeedback, resolveFeedback, startEvaluation, submitEvaluation } from '../../main/services/scorecards/evaluations';
import { savePlan } from '../../main/services/training/plans';
import { listNotifications, markRead, unreadCount } from '../../main/services/notifications/inbox';
import { sweepAll, sweepPerson } from '../../main/services/notifications/sweep';
import { WorkspaceManager } from '../../main/services/workspace';

let dir: string;
let ws: WorkspaceManager;
let base: ApiContext;
const id: Record<string, number> = {};
const actor: Record<string, Actor> = {};

beforeAll(() => {
  let byEmail: (e: string) => number;
  ({ dir, ws, base, byEmail } = demoWorkspace('swb-inbox-'));
  Object.assign(id, {
    anna: byEmail('anna.petrova@example.com'), // North rep
    ivan: byEmail('ivan.sokolov@example.com'), // North rep
    nina: byEmail('nina.orlova@example.com'), // North manager
    tom: byEmail('tom.baker@example.com'), // East manager
    kate: byEmail('kate.lee@example.com'), // trainer
  });
  // a grader who is not the rep's manager: a dispute goes to both
  id.gail = createPerson(ws.db, {
    name: 'Gail Grader',
    email: 'gail@example.com',
    teamId: null,
    roles: ['manager'],
    hiredAt: null,
    names: {},
  }).id;
  for (const k of ['anna', 'ivan', 'nina', 'tom', 'kate']) actor[k] = actorFor(ws.db, id[k])!;
}, 120_000);

afterAll(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const db = () => ws.db;
const call = async <T>(who: string, method: string, input: unknown = {}): Promise<T> => {
  const r = await dispatch(method, input, base.withActor(actor[who]));
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
};
const inbox = (who: string) => call<{ rows: NotificationRow[]; total: number; unread: number }>(who, 'notifications.list', { limit: 500 });
const newest = (personId: number, kind: string) =>
  listNotifications(db(), personId, { offset: 0, limit: 500, unreadOnly: false }).rows.find((r) => r.kind === kind);

/** Scores one of Anna's calls nobody has scored yet, as `graderId`, with every criterion at its top value. */
function scoreAnnasCall(graderId: number) {
  const callId = db()
    .prepare('SELECT id FROM calls WHERE rep_id = ? AND id NOT IN (SELECT call_id FROM evaluations) ORDER BY id LIMIT 1')
    .pluck()
    .get(id.anna) as number;
  const ev = startEvaluation(db(), callId, graderId, null, null);
  const answers: Record<string, { value: number | null; na: boolean; comment: string; evidenceMs: number | null }> = {};
  for (const c of allCriteria(ev.version.definition))
    answers[String(c.id)] = { value: scaleRange(c.scale).max, na: false, comment: '', evidenceMs: null };
  const done = submitEvaluation(db(), ev.evaluation.id, answers, 'Well done', graderId);
  return { callId, evaluationId: done.evaluation.id, criterionId: allCriteria(ev.version.definition)[0].id, answers };
}

describe('triggers', () => {
  it('a submitted evaluation tells the rep (once, not on a later edit), with the grader, score and a link to the call', () => {
    const before = unreadCount(db(), id.anna);
    const s = scoreAnnasCall(id.nina);
    const n = newest(id.anna, 'evaluation_submitted')!;
    expect(n).toMatchObject({
      entity: 'call',
      entityId: s.callId,
      link: `/calls/${s.callId}`,
      read: false,
      params: { who: 'Nina Orlova', callId: s.callId, evaluationId: s.evaluationId, score: 100 },
    });
    expect(unreadCount(db(), id.anna)).toBe(before + 1);
    // editing a submitted evaluation is not a new one
    submitEvaluation(db(), s.evaluationId, s.answers, 'Edited', id.nina);
    expect(unreadCount(db(), id.anna)).toBe(before + 1);
    // the grader is not told about their own work
    expect(newest(id.nina, 'evaluation_submitted')).toBeUndefined();
  });

  it('a coaching note on my call tells me, linked to the call', () => {
    const s = scoreAnnasCall(id.nina);
    addCoaching(
      db(),
      {
        repId: id.anna,
        evaluationId: null,
        criterionIds: [],
        body: 'Ask about budget earlier',
        action: '',
        due: null,
        callId: s.callId,
        atMs: 5000,
      },
      id.nina,
    );
    expect(newest(id.anna, 'coaching_note')).toMatchObject({ link: `/calls/${s.callId}`, params: { who: 'Nina Orlova' } });
  });

  it("a dispute tells the call's grader and the rep's manager; its resolution tells the rep", () => {
    const s = scoreAnnasCall(id.gail);
    const f = addFeedback(db(), s.evaluationId, s.criterionId, 'dispute', 'I did ask', id.anna);
    for (const p of [id.gail, id.nina])
      expect(newest(p, 'dispute_raised'), String(p)).toMatchObject({
        entity: 'dispute',
        entityId: f.id,
        link: '/calls?tab=disputes',
        params: { who: 'Anna Petrova', callId: s.callId },
      });
    expect(newest(id.tom, 'dispute_raised')).toBeUndefined();
    expect(newest(id.anna, 'dispute_raised')).toBeUndefined();
    // an acknowledgement is not a dispute
    const gailBefore = unreadCount(db(), id.gail);
    addFeedback(
      db(),
      s.evaluationId,
      allCriteria(startEvaluation(db(), s.callId, id.gail, null, null).version.definition)[1].id,
      'acknowledge',
      '',
      id.anna,
    );
    expect(unreadCount(db(), id.gail)).toBe(gailBefore);
    resolveFeedback(db(), f.id, 'rejected', 'The recording says otherwise', null, id.nina);
    expect(newest(id.anna, 'dispute_resolved')).toMatchObject({
      entityId: f.id,
      link: `/calls/${s.callId}`,
      params: { decision: 'rejected', who: 'Nina Orlova' },
    });
  });

  it('an assignment tells each newly assigned person once per course; keeping it on a plan change does not repeat it', () => {
    const course = db().prepare("SELECT id, title FROM courses WHERE status = 'published' ORDER BY id LIMIT 1").get() as {
      id: number;
      title: string;
    };
    const data = {
      name: 'Inbox plan',
      courseIds: [course.id],
      target: { kind: 'people' as const, personIds: [id.ivan], teamIds: [], roles: [] },
      dueDate: '2099-01-01',
      recurrenceMonths: null,
    };
    const count = () =>
      db().prepare("SELECT count(*) FROM notifications WHERE person_id = ? AND kind = 'assignment_given'").pluck().get(id.ivan) as number;
    const before = count();
    const plan = savePlan(db(), undefined, data, id.kate);
    expect(count()).toBe(before + 1);
    expect(newest(id.ivan, 'assignment_given')).toMatchObject({
      link: `/training/learn/${course.id}`,
      params: { course: course.title, due: '2099-01-01' },
    });
    savePlan(db(), plan.plan.id, { ...data, dueDate: '2099-02-01' }, id.kate);
    expect(count()).toBe(before + 1);
  });

  it('due soon and overdue reminders are computed on read, each once, and moved due dates remind again', () => {
    // Gail has no training yet, so nothing of hers is already completed
    const course = db().prepare("SELECT id FROM courses WHERE status = 'published' ORDER BY id LIMIT 1 OFFSET 1").get() as { id: number };
    const today = '2030-06-10';
    const data = {
      name: 'Due plan',
      courseIds: [course.id],
      target: { kind: 'people' as const, personIds: [id.gail], teamIds: [], roles: [] },
      dueDate: '2030-06-12',
      recurrenceMonths: null,
    };
    const plan = savePlan(db(), undefined, data, id.kate);
    const keys = () =>
      db()
        .prepare(
          "SELECT kind || ' ' || json_extract(params, '$.due') FROM notifications WHERE person_id = ? AND kind LIKE 'assignment_%' AND json_extract(params, '$.courseId') = ?",
        )
        .pluck()
        .all(id.gail, course.id) as string[];
    sweepPerson(db(), id.gail, today);
    expect(keys()).toContain('assignment_due_soon 2030-06-12');
    expect(sweepPerson(db(), id.gail, today)).toBe(0);
    sweepPerson(db(), id.gail, '2030-06-13');
    expect(keys()).toContain('assignment_overdue 2030-06-12');
    expect(keys().filter((k) => k.startsWith('assignment_overdue'))).toHaveLength(1);
    // not due soon a week ahead
    savePlan(db(), plan.plan.id, { ...data, dueDate: '2030-06-20' }, id.kate);
    sweepPerson(db(), id.gail, today);
    expect(keys().filter((k) => k.endsWith('2030-06-20'))).toEqual([]);
    sweepPerson(db(), id.gail, '2030-06-18');
    expect(keys()).toContain('assignment_due_soon 2030-06-20');
  });

  it("the daily sweep tells library owners about content expiring or due for verification (not other people's items)", () => {
    const [a, b] = db().prepare('SELECT id FROM library_items ORDER BY id LIMIT 2').pluck().all() as number[];
    db()
      .prepare('UPDATE library_items SET owner_id = ?, valid_until = ?, verify_every_days = NULL WHERE id = ?')
      .run(id.kate, '2031-01-05', a);
    db()
      .prepare(
        "UPDATE library_items SET owner_id = ?, valid_until = NULL, verify_every_days = 30, verified_at = '2030-12-01T00:00:00Z' WHERE id = ?",
      )
      .run(id.kate, b);
    const mine = () =>
      db()
        .prepare("SELECT kind, entity_id AS id FROM notifications WHERE person_id = ? AND kind LIKE 'content_%' ORDER BY id")
        .all(id.kate) as { kind: string; id: number }[];
    const others = () =>
      db()
        .prepare("SELECT count(*) FROM notifications WHERE person_id <> ? AND kind LIKE 'content_%' AND entity_id IN (?, ?)")
        .pluck()
        .get(id.kate, a, b) as number;
    sweepAll(db(), '2030-12-01');
    expect(mine().filter((r) => r.id === a || r.id === b)).toEqual([]);
    sweepAll(db(), '2030-12-25');
    expect(mine()).toContainEqual({ kind: 'content_expiring', id: a });
    expect(mine().some((r) => r.id === b)).toBe(false);
    sweepAll(db(), '2030-12-31');
    expect(mine()).toContainEqual({ kind: 'content_verify_due', id: b });
    expect(newest(id.kate, 'content_verify_due')).toMatchObject({ link: `/library/${b}`, params: { date: '2030-12-31' } });
    expect(others()).toBe(0);
    sweepAll(db(), '2030-12-31');
    expect(mine().filter((r) => r.id === a || r.id === b)).toHaveLength(2);
  });
});

describe('scoping through dispatch', () => {
  it('a rep lists only their own notifications, and the count matches', async () => {
    const anna = await inbox('anna');
    const annaIds = db().prepare('SELECT id FROM notifications WHERE person_id = ?').pluck().all(id.anna) as number[];
    expect(anna.total).toBe(annaIds.length);
    expect(anna.rows.every((r) => annaIds.includes(r.id))).toBe(true);
    expect(anna.total).toBeGreaterThan(0);
    const ivan = await inbox('ivan');
    expect(ivan.rows.some((r) => annaIds.includes(r.id))).toBe(false);
    expect((await call<{ unread: number }>('anna', 'notifications.unreadCount')).unread).toBe(unreadCount(db(), id.anna));
  });

  it("markRead with another person's ids changes nothing; with own ids marks only those; all marks only mine", async () => {
    const ivanUnreadBefore = unreadCount(db(), id.ivan);
    expect(ivanUnreadBefore).toBeGreaterThan(0);
    const ivanIds = db().prepare('SELECT id FROM notifications WHERE person_id = ? AND read_at IS NULL').pluck().all(id.ivan) as number[];
    const r = await call<{ marked: number }>('anna', 'notifications.markRead', { ids: ivanIds });
    expect(r.marked).toBe(0);
    expect(unreadCount(db(), id.ivan)).toBe(ivanUnreadBefore);

    const anna = await inbox('anna');
    const one = anna.rows.find((x) => !x.read)!;
    const after = await call<{ marked: number; unread: number }>('anna', 'notifications.markRead', { ids: [one.id, ...ivanIds] });
    expect(after).toEqual({ marked: 1, unread: anna.unread - 1 });
    expect((await inbox('anna')).rows.find((x) => x.id === one.id)!.read).toBe(true);

    const all = await call<{ marked: number; unread: number }>('anna', 'notifications.markRead', { all: true });
    expect(all).toEqual({ marked: anna.unread - 1, unread: 0 });
    expect(unreadCount(db(), id.ivan)).toBe(ivanUnreadBefore);
    expect((await call<{ rows: NotificationRow[] }>('anna', 'notifications.list', { unreadOnly: true })).rows).toEqual([]);
  });

  it('the solo owner reads the inbox of the person chosen in the header, and an empty one with nobody chosen', async () => {
    ws.setMeta('session', JSON.stringify({ personId: null, role: 'manager' }));
    expect(await dispatch('notifications.unreadCount', {}, base)).toEqual({ ok: true, value: { unread: 0 } });
    ws.setMeta('session', JSON.stringify({ personId: id.ivan, role: 'rep' }));
    const r = await dispatch('notifications.list', { limit: 500 }, base);
    expect(r.ok && (r.value as { total: number }).total).toBe(
      db().prepare('SELECT count(*) FROM notifications WHERE person_id = ?').pluck().get(id.ivan),
    );
  });

  it('while another connection holds the write lock (a CRM import), the inbox still answers', async () => {
    // a reminder waits to be added for Anna: content she owns expires in five days
    const item = db().prepare('SELECT id FROM library_items ORDER BY id DESC LIMIT 1').pluck().get() as number;
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    db().prepare('UPDATE library_items SET owner_id = ?, valid_until = ? WHERE id = ?').run(id.anna, soon, item);
    const expiring = () =>
      db()
        .prepare("SELECT count(*) FROM notifications WHERE person_id = ? AND kind = 'content_expiring' AND entity_id = ?")
        .pluck()
        .get(id.anna, item) as number;
    const other = new Database(ws.path);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      ws.db.pragma('busy_timeout = 50');
      const r = await dispatch('notifications.unreadCount', {}, base.withActor(actor.anna));
      expect(r).toEqual({ ok: true, value: { unread: unreadCount(db(), id.anna) } });
      expect(expiring()).toBe(0);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      ws.db.pragma('busy_timeout = 5000');
    }
    // the next read adds it
    await dispatch('notifications.unreadCount', {}, base.withActor(actor.anna));
    expect(expiring()).toBe(1);
  });

  it('paging: newest first, offset and limit respected, unread-only filter', () => {
    const all = listNotifications(db(), id.ivan, { offset: 0, limit: 500, unreadOnly: false });
    const page = listNotifications(db(), id.ivan, { offset: 1, limit: 1, unreadOnly: false });
    expect(page.rows.map((r) => r.id)).toEqual([all.rows[1].id]);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => b - a));
    markRead(db(), id.ivan, { ids: [all.rows[0].id] });
    expect(listNotifications(db(), id.ivan, { offset: 0, limit: 500, unreadOnly: true }).rows.some((r) => r.id === all.rows[0].id)).toBe(
      false,
    );
  });
});
