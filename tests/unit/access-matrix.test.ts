/**
 * The permission matrix, generated from the contract: every method × every
 * role (rep, manager, trainer, admin, and a person with two roles) through the
 * real `dispatch`, checked against the policy table below (the issue's rules
 * written out once). Then own/other-team rows for the row-scoped methods.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/api';
import type { Actor } from '../../shared/api/access';
import type { Role } from '../../shared/api/people';
import { createContext, type ApiContext } from '../../main/api/context';
import { dispatch } from '../../main/api/dispatch';
import { actorFor } from '../../main/services/access/actor';
import { createPerson } from '../../main/services/people';
import { WorkspaceManager } from '../../main/services/workspace';
import { Staging } from '../../main/files/staging';

/** Who may call each method ("signed in" = any active person), and whether it writes. */
const POLICY: Record<string, string> = {
  'workspace.info': 'signed in',
  'workspace.problem': 'signed in',
  'workspace.list': 'admin',
  'workspace.createEmpty': 'admin / writes',
  'workspace.open': 'admin / writes',
  'workspace.openDialog': 'admin / writes',
  'workspace.openDemo': 'admin / writes',
  'workspace.backup': 'admin / writes',
  'workspace.backupAs': 'admin / writes',
  'workspace.listBackups': 'admin',
  'workspace.restore': 'admin / writes',
  'session.get': 'signed in',
  'session.set': 'signed in',
  'files.pick': 'signed in',
  'people.list': 'signed in',
  'people.get': 'signed in',
  'people.create': 'admin / writes',
  'people.update': 'admin / writes',
  'people.setActive': 'admin / writes',
  'people.rosterPreview': 'admin',
  'people.rosterImport': 'admin / writes',
  'teams.list': 'signed in',
  'teams.create': 'admin / writes',
  'teams.update': 'admin / writes',
  'teams.remove': 'admin / writes',
  'scripts.list': 'signed in',
  'scripts.get': 'signed in',
  'scripts.create': 'manager trainer / writes',
  'scripts.save': 'manager trainer / writes',
  'scripts.publish': 'manager trainer / writes',
  'scripts.unpublish': 'manager trainer / writes',
  'scripts.remove': 'manager trainer / writes',
  'scripts.revisions': 'manager trainer',
  'scripts.diff': 'manager trainer',
  'scripts.restore': 'manager trainer / writes',
  'scripts.exportMarkdown': 'signed in',
  'scripts.exportLibrary': 'manager trainer',
  'scripts.import': 'manager trainer / writes',
  'scripts.search': 'signed in',
  'scripts.pin': 'signed in / writes',
  'scripts.usage': 'signed in',
  'scripts.logUsage': 'signed in',
  'sync.changes': 'signed in',
  'sync.uploadUsage': 'signed in / writes',
  'teamClient.state': 'signed in',
  'teamClient.probe': 'signed in',
  'teamClient.connect': 'signed in / writes',
  'teamClient.connectSso': 'signed in / writes',
  'teamClient.cancelSso': 'signed in',
  'teamClient.use': 'signed in / writes',
  'teamClient.signOut': 'signed in / writes',
  'scripts.openLiveWindow': 'signed in',
  'scripts.objections.list': 'signed in',
  'scripts.objections.get': 'signed in',
  'scripts.objections.create': 'manager trainer / writes',
  'scripts.objections.update': 'manager trainer / writes',
  'scripts.objections.remove': 'manager trainer / writes',
  'scorecards.templates.list': 'signed in',
  'scorecards.templates.create': 'manager / writes',
  'scorecards.versions.get': 'signed in',
  'scorecards.versions.current': 'signed in',
  'scorecards.versions.saveDraft': 'manager / writes',
  'scorecards.versions.publish': 'manager / writes',
  'scorecards.versions.archive': 'manager / writes',
  'scorecards.versions.whatIf': 'manager',
  'scorecards.competencies': 'signed in',
  'scorecards.scripts': 'signed in',
  'scorecards.calls.list': 'rep manager',
  'scorecards.calls.get': 'rep manager',
  'scorecards.calls.import': 'manager / writes',
  'scorecards.calls.manifest': 'manager',
  'scorecards.calls.setTranscript': 'manager / writes',
  'scorecards.calls.setScript': 'manager / writes',
  'scorecards.calls.peaks': 'rep manager',
  'scorecards.calls.savePeaks': 'rep manager',
  'scorecards.calls.coverage': 'rep manager',
  'scorecards.comments.add': 'rep manager / writes',
  'scorecards.comments.remove': 'rep manager / writes',
  'scorecards.queue': 'manager',
  'scorecards.evaluations.start': 'manager / writes',
  'scorecards.evaluations.get': 'rep manager',
  'scorecards.evaluations.save': 'manager / writes',
  'scorecards.evaluations.submit': 'manager / writes',
  'scorecards.evaluations.list': 'rep manager',
  'scorecards.evaluations.trend': 'rep manager',
  'scorecards.feedback.add': 'rep / writes',
  'scorecards.feedback.resolve': 'manager / writes',
  'scorecards.feedback.list': 'rep manager',
  'scorecards.coaching.add': 'manager / writes',
  'scorecards.coaching.list': 'rep manager',
  'scorecards.coaching.setDone': 'rep manager / writes',
  'scorecards.results.export': 'manager admin',
  'scorecards.disputes.dashboard': 'manager admin',
  'search.everywhere': 'signed in',
  'scorecards.calibration.list': 'manager',
  'scorecards.calibration.create': 'manager / writes',
  'scorecards.calibration.get': 'manager',
  'scorecards.calibration.report': 'manager',
  'scorecards.calibration.close': 'manager / writes',
  'competencies.model': 'signed in',
  'competencies.create': 'trainer / writes',
  'competencies.update': 'trainer / writes',
  'competencies.setArchived': 'trainer / writes',
  'competencies.setTarget': 'trainer / writes',
  'competencies.setJobRole': 'trainer / writes',
  'competencies.assess': 'manager trainer / writes',
  'competencies.assessments': 'rep manager trainer',
  'training.courses.list': 'signed in',
  'training.courses.get': 'signed in',
  'training.courses.create': 'trainer / writes',
  'training.courses.update': 'trainer / writes',
  'training.courses.setStatus': 'trainer / writes',
  'training.courses.remove': 'trainer / writes',
  'training.modules.save': 'trainer / writes',
  'training.modules.remove': 'trainer / writes',
  'training.items.save': 'trainer / writes',
  'training.items.remove': 'trainer / writes',
  'training.learn.course': 'signed in',
  'training.learn.completeLesson': 'signed in / writes',
  'training.learn.startQuiz': 'signed in / writes',
  'training.learn.submitQuiz': 'signed in / writes',
  'training.my': 'signed in',
  'training.plans.list': 'manager trainer',
  'training.plans.save': 'trainer / writes',
  'training.assignments.list': 'rep manager trainer',
  'training.dashboard': 'manager trainer',
  'training.itemAnalysis': 'trainer',
  'training.attempts.grant': 'trainer / writes',
  'training.certificates.list': 'signed in',
  'training.certificates.get': 'signed in',
  'training.competence.profile': 'rep manager trainer',
  'training.competence.explain': 'rep manager trainer',
  'training.drills.session': 'signed in',
  'training.drills.review': 'signed in / writes',
  'training.drills.settings': 'signed in / writes when given',
  'library.list': 'signed in',
  'library.get': 'signed in',
  'library.openExternal': 'signed in',
  'library.facets': 'signed in',
  'library.addFile': 'manager trainer / writes',
  'library.addLink': 'manager trainer / writes',
  'library.addNote': 'manager trainer / writes',
  'library.update': 'manager trainer / writes',
  'library.bulkUpdate': 'manager trainer / writes',
  'library.remove': 'manager trainer / writes',
  'library.addVersion': 'manager trainer / writes',
  'library.versions': 'signed in',
  'library.restoreVersion': 'manager trainer / writes',
  'library.text': 'signed in',
  'library.verify': 'manager trainer / writes',
  'library.markExpired': 'manager trainer / writes',
  'library.governance': 'manager trainer',
  'library.recordUsage': 'signed in',
  'library.usage': 'manager trainer',
  'library.analytics': 'manager trainer',
  'library.links': 'signed in',
  'library.link': 'manager trainer / writes',
  'library.unlink': 'manager trainer / writes',
  'library.settings': 'signed in',
  'library.saveSettings': 'manager trainer admin / writes',
  'crm.sniff': 'admin',
  'crm.dryRun': 'admin',
  'crm.dryRunProgress': 'admin',
  'crm.startImport': 'admin / writes',
  'crm.job': 'admin',
  'crm.cancelImport': 'admin / writes',
  'crm.batches': 'admin',
  'crm.undoBatch': 'admin / writes',
  'crm.channels': 'admin manager',
  'crm.setChannel': 'admin / writes',
  'insights.page': 'manager',
  'insights.repTrend': 'rep manager',
  'workspace.openNamed': 'admin / writes',
  'workspace.restoreNamed': 'admin / writes',
  'audit.list': 'admin',
  'audit.facets': 'admin',
  'audit.exportCsv': 'admin',
  'scripts.synonyms.get': 'signed in',
  'scripts.synonyms.save': 'manager trainer admin / writes',
  'guidance.bank': 'signed in',
  'guidance.forbidden.get': 'signed in',
  'guidance.forbidden.save': 'manager trainer admin / writes',
  'guidance.feed.push': 'signed in',
  'guidance.feed.poll': 'signed in',
  'guidance.save': 'signed in / writes',
  'guidance.get': 'signed in',
  'speech.settings.get': 'signed in',
  'speech.settings.setModel': 'admin / writes',
  'speech.settings.pickFolder': 'admin',
  'speech.capture.start': 'signed in',
  'speech.capture.push': 'signed in',
  'speech.capture.status': 'signed in',
  'speech.capture.stop': 'signed in',
  'auth.status': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'signed in / writes',
  'auth.signOutEverywhere': 'signed in / writes',
  'auth.changePassword': 'signed in / writes',
  'auth.invitation': 'public',
  'auth.acceptInvitation': 'public / writes',
  'auth.setupInfo': 'public',
  'auth.completeSetup': 'public / writes',
  'team.overview': 'admin',
  'team.enable': 'admin / writes',
  'team.invite': 'admin / writes',
  'team.revokeInvitation': 'admin / writes',
  'team.sessions': 'admin',
  'team.revokeSession': 'admin / writes',
  'team.revokePersonSessions': 'admin / writes',
  'team.unlock': 'admin / writes',
  'team.setSettings': 'admin / writes',
  'crm.currencies': 'admin manager',
  'crm.setReportingCurrency': 'admin / writes',
  'crm.setRate': 'admin / writes',
  'crm.importRates': 'admin / writes',
  'app.about': 'signed in',
  'app.setUpdateFeed': 'admin / writes',
  'app.checkForUpdates': 'admin',
  'app.openLogFolder': 'admin',
  'jobs.get': 'signed in',
  'jobs.cancel': 'signed in / writes',
  'jobs.list': 'admin',
  'workspace.startBackup': 'admin / writes',
  'workspace.checkIntegrity': 'admin',
  'workspace.startDemo': 'admin / writes',
  'notifications.list': 'signed in',
  'notifications.unreadCount': 'signed in',
  'notifications.markRead': 'signed in',
};

const allowedFor = (policy: string, roles: Role[]) =>
  policy.startsWith('signed in') || policy.startsWith('public') || roles.some((r) => policy.split(' / ')[0].split(' ').includes(r));

let dir: string;
let ws: WorkspaceManager;
let base: ApiContext;
const people: Record<string, number> = {};
const actors: Record<string, Actor> = {};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-matrix-'));
  ws = new WorkspaceManager({ dataDir: dir, demo: true, host: 'browser' });
  ws.init();
  base = createContext(ws, new Staging(path.join(dir, 'staging')), { kind: 'browser' });
  const byEmail = (e: string) => (ws.db.prepare('SELECT id FROM people WHERE email = ?').get(e) as { id: number }).id;
  people.anna = byEmail('anna.petrova@example.com'); // North rep
  people.liWei = byEmail('li.wei@example.com'); // East rep
  people.james = byEmail('james.carter@example.com'); // West rep
  people.tom = byEmail('tom.baker@example.com'); // East manager
  people.nina = byEmail('nina.orlova@example.com'); // North manager + admin (two roles)
  people.kate = byEmail('kate.lee@example.com'); // trainer
  people.admin = createPerson(ws.db, {
    name: 'Ada Admin',
    email: 'ada.admin@example.com',
    teamId: null,
    roles: ['admin'],
    hiredAt: null,
    names: {},
  }).id;
  actors.rep = actorFor(ws.db, people.anna)!;
  actors.manager = actorFor(ws.db, people.tom)!;
  actors.trainer = actorFor(ws.db, people.kate)!;
  actors.admin = actorFor(ws.db, people.admin)!;
  actors.managerAdmin = actorFor(ws.db, people.nina)!;
}, 120_000);

afterAll(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (who: string, method: string, input: unknown = {}) => dispatch(method, input, base.withActor(actors[who]));

describe('the policy table and the contract', () => {
  const methods = Object.keys(contract) as MethodName[];

  it('every contract method has an access policy (a method without one fails here)', () => {
    const missing = methods.filter((m) => contract[m].access === undefined);
    expect(missing).toEqual([]);
  });

  it('every method is in the policy table and nothing else is', () => {
    expect(methods.filter((m) => !(m in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((m) => !(m in contract))).toEqual([]);
  });

  it.each(methods)('%s: its declared policy and write flag match the table', (m) => {
    const def = contract[m];
    const [who, w = ''] = POLICY[m].split(' / ');
    const declared =
      def.access === 'signedIn' ? 'signed in' : Array.isArray(def.access) ? [...def.access].sort().join(' ') : String(def.access);
    expect(declared).toBe(who === 'signed in' || who === 'public' ? who : who.split(' ').sort().join(' '));
    expect(def.writes === undefined ? '' : def.writes === true ? 'writes' : 'writes when given').toBe(w);
  });
});

describe('every method × every role through dispatch', () => {
  const cases: [string, Role[]][] = [
    ['rep', ['rep']],
    ['manager', ['manager']],
    ['trainer', ['trainer']],
    ['admin', ['admin']],
    ['managerAdmin', ['manager', 'admin']],
  ];
  for (const [who, roles] of cases) {
    it(`${who}: refused exactly where the table says (403 key), allowed calls reach validation or the handler`, async () => {
      expect([...actors[who].roles].sort()).toEqual([...roles].sort());
      const wrong: string[] = [];
      // Methods that would switch or replace the open workspace run last in their own test.
      for (const m of Object.keys(contract).filter((x) => !/^workspace\.(open|restore|createEmpty|startDemo)/.test(x))) {
        const r = await call(who, m, {});
        const refused = !r.ok && r.error.code === 'forbidden' && r.error.key === 'access.forbidden';
        if (refused === allowedFor(POLICY[m], roles)) wrong.push(`${m}: ${refused ? 'refused' : 'allowed'}`);
      }
      expect(wrong).toEqual([]);
    }, 120_000);
  }

  it('the solo owner passes every policy', async () => {
    const missing = Object.keys(contract).filter((m) => !/^workspace\.(open|restore|createEmpty|startDemo)/.test(m));
    for (const m of missing) {
      const r = await dispatch(m, {}, base);
      expect(!r.ok && r.error.key === 'access.forbidden', m).toBe(false);
    }
  }, 120_000);

  it('a method whose policy is removed is refused for every signed-in role, never for the owner', async () => {
    const def = contract['teams.list'] as { access?: unknown };
    const saved = def.access;
    delete def.access;
    try {
      for (const who of Object.keys(actors)) {
        const r = await call(who, 'teams.list', {});
        expect(r.ok ? null : r.error.key, who).toBe('access.forbidden');
      }
      expect((await dispatch('teams.list', {}, base)).ok).toBe(true);
    } finally {
      def.access = saved;
    }
  });
});

describe('own and other-team rows', () => {
  // The issue's row rules: everyone sees rows about themselves; managers the people of the teams they manage;
  // trainers all competence and training; admins and trainers all people.
  const SEES_ALL: Record<string, Role[]> = { calls: [], people: ['admin', 'trainer'], competence: ['trainer'], training: ['trainer'] };
  const teamOf = (id: number) => (ws.db.prepare('SELECT team_id AS t FROM people WHERE id = ?').get(id) as { t: number | null }).t;
  const sees = (who: string, area: string, target: number) => {
    const a = actors[who];
    return (
      a.personId === target ||
      SEES_ALL[area].some((r) => a.roles.includes(r)) ||
      (a.roles.includes('manager') && a.managedTeamIds.includes(teamOf(target) ?? -1))
    );
  };
  const callOf = (rep: number) =>
    (ws.db.prepare('SELECT id FROM calls WHERE rep_id = ? ORDER BY id LIMIT 1').get(rep) as { id: number }).id;
  const evalOf = (rep: number) =>
    (
      ws.db
        .prepare("SELECT id FROM evaluations WHERE rep_id = ? AND status = 'submitted' AND calibration_id IS NULL ORDER BY id LIMIT 1")
        .get(rep) as { id: number }
    ).id;
  const filters = { teamId: null, from: null, to: null, channel: null, product: null, business: 'all', lag: false, windowDays: 90 };

  /** method, area, input for a target person */
  const BY_PERSON: [string, string, (p: number) => object][] = [
    ['people.get', 'people', (p) => ({ id: p })],
    ['training.competence.profile', 'competence', (p) => ({ personId: p })],
    ['competencies.assessments', 'competence', (p) => ({ repId: p })],
    ['training.certificates.list', 'training', (p) => ({ personId: p })],
    ['training.my', 'training', (p) => ({ personId: p })],
    ['scorecards.coaching.list', 'calls', (p) => ({ repId: p })],
    ['scorecards.evaluations.trend', 'calls', (p) => ({ repId: p })],
    ['insights.repTrend', 'calls', (p) => ({ ...filters, repId: p })],
    ['scorecards.calls.get', 'calls', (p) => ({ id: callOf(p) })],
    ['scorecards.calls.peaks', 'calls', (p) => ({ callId: callOf(p) })],
    ['scorecards.calls.coverage', 'calls', (p) => ({ callId: callOf(p) })],
    ['scorecards.evaluations.get', 'calls', (p) => ({ id: evalOf(p) })],
  ];
  // own row and other-team row for each role (a rep's own; a manager's team; the trainer and admins have no team)
  const ROWS: Record<string, [string, string]> = {
    rep: ['anna', 'james'],
    manager: ['liWei', 'anna'],
    managerAdmin: ['anna', 'james'],
    trainer: ['anna', 'james'],
    admin: ['anna', 'james'],
  };

  for (const who of Object.keys(ROWS)) {
    it(`${who}: own/other-team rows are shown or refused as the rules say`, async () => {
      const wrong: string[] = [];
      for (const [m, area, input] of BY_PERSON) {
        for (const [which, target] of [
          ['own', people[ROWS[who][0]]],
          ['other', people[ROWS[who][1]]],
        ] as const) {
          const r = await call(who, m, input(target));
          const byPolicy = allowedFor(POLICY[m], actors[who].roles);
          const expected = byPolicy && sees(who, area, target);
          if (r.ok !== expected) wrong.push(`${m} ${which}: ${r.ok ? 'shown' : `${r.error.code} ${r.error.key ?? r.error.message}`}`);
          if (!r.ok && r.error.code !== 'forbidden')
            wrong.push(`${m} ${which}: failed with ${r.error.code} (${r.error.message}) instead of a refusal`);
        }
      }
      expect(wrong).toEqual([]);
    }, 60_000);
  }

  it('opening another rep\'s call by its address says "You don\'t have access to this call"', async () => {
    const r = await call('rep', 'scorecards.calls.get', { id: callOf(people.james) });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'forbidden', key: 'access.callForbidden', message: "You don't have access to this call." },
    });
  });
});
