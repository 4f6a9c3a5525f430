import type { scorecardsMethods } from '../../shared/api/scorecards';
import { listCompetencyRefs } from '../services/competencies';
import * as calls from '../services/scorecards/calls';
import * as cal from '../services/scorecards/calibration';
import * as ev from '../services/scorecards/evaluations';
import { scoringQueue } from '../services/scorecards/queue';
import { disputeDashboard } from '../services/scorecards/disputes';
import { resultsExport } from '../services/scorecards/results';
import * as tpl from '../services/scorecards/templates';
import type { HandlersFor } from './context';
import * as see from './viewer';

export const scorecardsHandlers: HandlersFor<typeof scorecardsMethods> = {
  'scorecards.templates.list': (_i, { db }) => tpl.listTemplates(db),
  'scorecards.templates.create': (i, ctx) => tpl.createTemplate(ctx.db, i, ctx.actorId()),
  'scorecards.versions.get': ({ id }, { db }) => tpl.getVersion(db, id),
  'scorecards.versions.current': ({ templateId }, { db }) => tpl.currentVersion(db, templateId),
  'scorecards.versions.saveDraft': (i, ctx) => tpl.saveDraft(ctx.db, i.templateId, i.name, i.definition, ctx.actorId()),
  'scorecards.versions.publish': ({ id }, ctx) => tpl.publishVersion(ctx.db, id, ctx.actorId()),
  'scorecards.versions.archive': ({ id }, ctx) => tpl.archiveVersion(ctx.db, id, ctx.actorId()),
  'scorecards.versions.whatIf': ({ id, lastN }, { db }) => tpl.whatIf(db, id, lastN),
  'scorecards.competencies': (_i, { db }) => listCompetencyRefs(db),
  'scorecards.scripts': (_i, { db }) => calls.publishedScripts(db),

  'scorecards.calls.list': (i, ctx) => calls.listCalls(ctx.db, i, see.callScope(ctx)),
  'scorecards.calls.get': ({ id }, ctx) => (see.call(ctx, id), calls.getCall(ctx.db, id)),
  'scorecards.calls.import': ({ items }, ctx) => (
    items.forEach((it) => see.person(ctx, 'calls', it.repId)),
    calls.importCalls(ctx.db, ctx.staging, ctx.ws.filesDir, items, ctx.actorId())
  ),
  'scorecards.calls.manifest': ({ contentBase64 }, { db }) => calls.readManifest(db, Buffer.from(contentBase64, 'base64')),
  'scorecards.calls.setTranscript': ({ callId, text }, ctx) => (
    see.call(ctx, callId),
    calls.setTranscript(ctx.db, callId, text, ctx.actorId())
  ),
  'scorecards.calls.setScript': ({ callId, scriptId }, ctx) => (
    see.call(ctx, callId),
    calls.setScript(ctx.db, callId, scriptId, ctx.actorId())
  ),
  'scorecards.calls.peaks': ({ callId }, ctx) => (see.call(ctx, callId), calls.getPeaks(ctx.db, callId)),
  'scorecards.calls.savePeaks': ({ callId, peaks }, ctx) => (see.call(ctx, callId), calls.savePeaks(ctx.db, callId, peaks)),
  'scorecards.calls.coverage': ({ callId, versionId }, ctx) => (see.call(ctx, callId), calls.callCoverage(ctx.db, callId, versionId)),
  'scorecards.comments.add': ({ callId, atMs, body }, ctx) => (
    see.call(ctx, callId),
    calls.addComment(ctx.db, callId, atMs, body, ctx.actorId())
  ),
  'scorecards.comments.remove': ({ id }, ctx) => (
    see.owned(ctx, 'calls', 'call_comments', id),
    calls.removeComment(ctx.db, id, ctx.actorId())
  ),
  'scorecards.queue': (i, ctx) => (see.team(ctx, 'calls', i.teamId), scoringQueue(ctx.db, i, see.personScope(ctx, 'calls', 'p.id'))),

  'scorecards.evaluations.start': ({ callId, calibrationId, versionId }, ctx) => (
    see.call(ctx, callId),
    ev.startEvaluation(ctx.db, callId, ctx.actorId(), calibrationId, versionId)
  ),
  'scorecards.evaluations.get': ({ id }, ctx) => {
    see.evaluation(ctx, id);
    cal.assertCanSeeEvaluation(ctx.db, id, ctx.actorId());
    return ev.getEvaluation(ctx.db, id);
  },
  'scorecards.evaluations.save': ({ id, answers, summary }, ctx) => (
    see.evaluation(ctx, id),
    ev.saveEvaluation(ctx.db, id, answers, summary, ctx.actorId())
  ),
  'scorecards.evaluations.submit': ({ id, answers, summary }, ctx) => (
    see.evaluation(ctx, id),
    ev.submitEvaluation(ctx.db, id, answers, summary, ctx.actorId())
  ),
  'scorecards.evaluations.list': (i, ctx) => ev.listEvaluations(ctx.db, i, see.evaluationScope(ctx)),
  'scorecards.evaluations.trend': ({ repId, months }, ctx) => (see.person(ctx, 'calls', repId), ev.repTrend(ctx.db, repId, months)),

  'scorecards.feedback.add': (i, ctx) => (
    see.evaluation(ctx, i.evaluationId),
    ev.addFeedback(ctx.db, i.evaluationId, i.criterionId, i.kind, i.reason, ctx.actorId())
  ),
  'scorecards.feedback.resolve': (i, ctx) => (
    see.owned(ctx, 'calls', 'evaluation_feedback', i.id),
    ev.resolveFeedback(ctx.db, i.id, i.decision, i.note, i.newValue, ctx.actorId())
  ),
  'scorecards.feedback.list': (i, ctx) => ev.listFeedback(ctx.db, i, see.personScope(ctx, 'calls', 'f.rep_id')),

  'scorecards.disputes.dashboard': (_i, ctx) => disputeDashboard(ctx.db, ctx.actor),
  'scorecards.results.export': (i, ctx) => resultsExport(ctx.db, i, ctx.actor),
  'scorecards.coaching.add': (i, ctx) => (see.person(ctx, 'calls', i.repId), ev.addCoaching(ctx.db, i, ctx.actorId())),
  'scorecards.coaching.list': ({ repId, includeDone }, ctx) => (
    see.person(ctx, 'calls', repId),
    ev.listCoaching(ctx.db, repId, includeDone)
  ),
  'scorecards.coaching.setDone': ({ id, done }, ctx) => (
    see.owned(ctx, 'calls', 'coaching_notes', id),
    ev.setCoachingDone(ctx.db, id, done)
  ),

  'scorecards.calibration.list': (_i, { db }) => cal.listCalibrations(db),
  'scorecards.calibration.create': (i, ctx) => (
    i.callIds.forEach((c) => see.call(ctx, c)),
    cal.createCalibration(ctx.db, i, ctx.actorId())
  ),
  'scorecards.calibration.get': ({ id }, ctx) => cal.getCalibration(ctx.db, id, ctx.actorId()),
  'scorecards.calibration.report': ({ id }, ctx) => cal.calibrationReport(ctx.db, id, ctx.actorId()),
  'scorecards.calibration.close': ({ id }, ctx) => cal.closeCalibration(ctx.db, id, ctx.actorId()),
};
