import type { scorecardsMethods } from '../../shared/api/scorecards';
import { listCompetencyRefs } from '../services/competencies';
import * as calls from '../services/scorecards/calls';
import * as cal from '../services/scorecards/calibration';
import * as ev from '../services/scorecards/evaluations';
import { scoringQueue } from '../services/scorecards/queue';
import { resultsExport } from '../services/scorecards/results';
import * as tpl from '../services/scorecards/templates';
import type { HandlersFor } from './context';

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

  'scorecards.calls.list': (i, { db }) => calls.listCalls(db, i),
  'scorecards.calls.get': ({ id }, { db }) => calls.getCall(db, id),
  'scorecards.calls.import': ({ items }, ctx) => calls.importCalls(ctx.db, ctx.staging, ctx.ws.filesDir, items, ctx.actorId()),
  'scorecards.calls.manifest': ({ contentBase64 }, { db }) => calls.readManifest(db, Buffer.from(contentBase64, 'base64')),
  'scorecards.calls.setTranscript': ({ callId, text }, ctx) => calls.setTranscript(ctx.db, callId, text, ctx.actorId()),
  'scorecards.calls.setScript': ({ callId, scriptId }, ctx) => calls.setScript(ctx.db, callId, scriptId, ctx.actorId()),
  'scorecards.calls.peaks': ({ callId }, { db }) => calls.getPeaks(db, callId),
  'scorecards.calls.savePeaks': ({ callId, peaks }, { db }) => calls.savePeaks(db, callId, peaks),
  'scorecards.calls.coverage': ({ callId, versionId }, { db }) => calls.callCoverage(db, callId, versionId),
  'scorecards.comments.add': ({ callId, atMs, body }, ctx) => calls.addComment(ctx.db, callId, atMs, body, ctx.actorId()),
  'scorecards.comments.remove': ({ id }, ctx) => calls.removeComment(ctx.db, id, ctx.actorId()),
  'scorecards.queue': (i, { db }) => scoringQueue(db, i),

  'scorecards.evaluations.start': ({ callId, calibrationId, versionId }, ctx) => ev.startEvaluation(ctx.db, callId, ctx.actorId(), calibrationId, versionId),
  'scorecards.evaluations.get': ({ id }, ctx) => {
    cal.assertCanSeeEvaluation(ctx.db, id, ctx.actorId());
    return ev.getEvaluation(ctx.db, id);
  },
  'scorecards.evaluations.save': ({ id, answers, summary }, ctx) => ev.saveEvaluation(ctx.db, id, answers, summary, ctx.actorId()),
  'scorecards.evaluations.submit': ({ id, answers, summary }, ctx) => ev.submitEvaluation(ctx.db, id, answers, summary, ctx.actorId()),
  'scorecards.evaluations.list': (i, { db }) => ev.listEvaluations(db, i),
  'scorecards.evaluations.trend': ({ repId, months }, { db }) => ev.repTrend(db, repId, months),

  'scorecards.feedback.add': (i, ctx) => ev.addFeedback(ctx.db, i.evaluationId, i.criterionId, i.kind, i.reason, ctx.actorId()),
  'scorecards.feedback.resolve': (i, ctx) => ev.resolveFeedback(ctx.db, i.id, i.decision, i.note, i.newValue, ctx.actorId()),
  'scorecards.feedback.list': (i, { db }) => ev.listFeedback(db, i),

  'scorecards.results.export': (i, ctx) => resultsExport(ctx.db, i, ctx.actor),
  'scorecards.coaching.add': (i, ctx) => ev.addCoaching(ctx.db, i, ctx.actorId()),
  'scorecards.coaching.list': ({ repId, includeDone }, { db }) => ev.listCoaching(db, repId, includeDone),
  'scorecards.coaching.setDone': ({ id, done }, { db }) => ev.setCoachingDone(db, id, done),

  'scorecards.calibration.list': (_i, { db }) => cal.listCalibrations(db),
  'scorecards.calibration.create': (i, ctx) => cal.createCalibration(ctx.db, i, ctx.actorId()),
  'scorecards.calibration.get': ({ id }, ctx) => cal.getCalibration(ctx.db, id, ctx.actorId()),
  'scorecards.calibration.report': ({ id }, ctx) => cal.calibrationReport(ctx.db, id, ctx.actorId()),
  'scorecards.calibration.close': ({ id }, ctx) => cal.closeCalibration(ctx.db, id, ctx.actorId()),
};
