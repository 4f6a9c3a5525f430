/**
 * Calls, scorecards, evaluations, disputes, coaching and calibration.
 * Scoring math lives in shared/domain/scoring.ts; agreement in shared/domain/agreement.ts.
 */
import { z } from 'zod';
import { id, isoDate, isoDateTime, isoMonth, method, pageInput, rangeInOrder, requiredText, text, type Page, WRITES } from './contract';
import { SCALES, SECTION_KINDS, type Scale, type ScoreResult, type TemplateDef } from '../domain/scoring';
import type { TalkMetrics, TranscriptSegment } from '../domain/transcript';
import type { StepCoverage, Suggestion } from '../domain/coverage';
import type { AlphaResult, GraderBias, Spread } from '../domain/agreement';
import type { Localized } from '../domain/scoring';
import type { LocalizedNames } from './people';

export interface ResultsExport {
  criteria: { criterionId: number; label: Localized; n: number; avg: number | null }[];
  reps: { rep: PersonRef; teamName: string | null; n: number; avgScore: number | null; criteria: Record<number, number | null> }[];
}

/** Disputes at a glance: what waits, for whom (the grader whose score is disputed), on which criterion, and for how long. */
export interface DisputeDashboard {
  open: number;
  resolved: number;
  /** Of the resolved: how many the grader changed (accepted or partly). */
  changed: number;
  oldestOpenDays: number | null;
  medianOpenDays: number | null;
  /** Open disputes by age in whole days: 0–2, 3–7, 8–14, 15 and more. */
  age: { bucket: '0-2' | '3-7' | '8-14' | '15+'; n: number }[];
  byGrader: { grader: PersonRef | null; open: number; total: number; changed: number; oldestOpenDays: number | null }[];
  byCriterion: { criterionId: number; label: Localized; open: number; total: number; changed: number }[];
}

export const CHANNELS = ['phone', 'video', 'voip', 'other'] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const OUTCOMES = ['', 'meeting', 'proposal', 'sale', 'no_interest', 'callback', 'no_answer'] as const;
export const AUDIO_EXTENSIONS = ['mp3', 'wav', 'ogg', 'opus', 'oga', 'm4a', 'aac', 'mp4', 'webm'] as const;

const localized = (max: number) => z.object({ en: text(max).default(''), ru: text(max).default(''), zh: text(max).default('') });

export const criterionInput = z.object({
  /** null for a new criterion; kept across versions. */
  id: id.nullable().default(null),
  prompt: localized(300).refine((l) => !!(l.en || l.ru || l.zh), { message: 'Write the question in at least one language' }),
  guideline: localized(2000).default({ en: '', ru: '', zh: '' }),
  scale: z.enum(SCALES).default('1_5'),
  weight: z.number().min(0).max(100).default(1),
  naAllowed: z.boolean().default(false),
  critical: z.boolean().default(false),
  competencyId: id.nullable().default(null),
  scriptStage: text(40).nullable().default(null),
});

export const sectionInput = z.object({
  key: text(40).default(''),
  title: localized(200),
  kind: z.enum(SECTION_KINDS).default('standard'),
  weight: z.number().min(0).max(100).default(1),
  criteria: z.array(criterionInput).min(1, { message: 'A section needs at least one criterion' }).max(60),
});

export const definitionInput = z.object({
  sections: z.array(sectionInput).min(1, { message: 'Add at least one section' }).max(20),
  bonusCap: z.number().min(0).max(50).default(10),
});
export type DefinitionInput = z.input<typeof definitionInput>;

export type VersionStatus = 'draft' | 'published' | 'archived';
export interface VersionSummary {
  id: number;
  version: number;
  status: VersionStatus;
  criteria: number;
  evaluations: number;
  createdAt: string;
  publishedAt: string | null;
}
export interface TemplateSummary {
  id: number;
  name: string;
  description: string;
  versions: VersionSummary[];
}
export interface TemplateVersion {
  id: number;
  templateId: number;
  name: string;
  version: number;
  status: VersionStatus;
  definition: TemplateDef;
}

export interface PersonRef {
  id: number;
  name: string;
  names: LocalizedNames;
}

export interface CallRow {
  id: number;
  rep: PersonRef;
  teamName: string | null;
  at: string;
  customer: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  durationMs: number | null;
  outcome: string;
  hasAudio: boolean;
  hasTranscript: boolean;
  score: number | null;
  evaluations: number;
}

export interface CallComment {
  id: number;
  atMs: number;
  body: string;
  author: PersonRef | null;
  createdAt: string;
}

export interface EvaluationRow {
  id: number;
  callId: number;
  callAt: string;
  customer: string;
  rep: PersonRef;
  grader: PersonRef;
  status: 'draft' | 'submitted';
  score: number | null;
  autoFailed: boolean;
  failReason: string;
  templateName: string;
  version: number;
  submittedAt: string | null;
  calibrationId: number | null;
  openDisputes: number;
}

export interface CallDetail extends CallRow {
  audio: { sha256: string; type: string; name: string; size: number; codec: string } | null;
  transcript: TranscriptSegment[] | null;
  transcriptFormat: string | null;
  metrics: TalkMetrics | null;
  language: string;
  scriptId: number | null;
  comments: CallComment[];
  evaluationsList: EvaluationRow[];
  hasPeaks: boolean;
}

export interface AnswerData {
  value: number | null;
  na: boolean;
  comment: string;
  evidenceMs: number | null;
}

export interface FeedbackItem {
  id: number;
  evaluationId: number;
  criterionId: number;
  criterionLabel: string;
  kind: 'acknowledge' | 'dispute';
  reason: string;
  status: 'acknowledged' | 'open' | 'accepted' | 'partly' | 'rejected';
  resolution: string;
  oldValue: number | null;
  newValue: number | null;
  rep: PersonRef;
  /** Who gave the disputed score. */
  grader: PersonRef | null;
  resolvedBy: PersonRef | null;
  resolvedAt: string | null;
  createdAt: string;
  callId: number;
  customer: string;
}

export interface EvaluationDetail {
  evaluation: EvaluationRow;
  /** The grader's overall comment. */
  summary: string;
  version: TemplateVersion;
  answers: Record<number, AnswerData>;
  result: ScoreResult;
  feedback: FeedbackItem[];
  log: { at: string; action: string; actor: PersonRef | null; detail: string }[];
}

export interface TrendPoint {
  month: string;
  avg: number | null;
  n: number;
}
export interface RepTrend {
  totals: TrendPoint[];
  criteria: {
    criterionId: number;
    label: { en: string; ru: string; zh: string };
    bonus: boolean;
    points: TrendPoint[];
    avg: number | null;
    n: number;
  }[];
}

export interface CoachingNote {
  id: number;
  rep: PersonRef;
  author: PersonRef | null;
  evaluationId: number | null;
  callId: number | null;
  /** The moment of the call the note is about (ms), when written from the call page. */
  atMs: number | null;
  criteria: { id: number; label: { en: string; ru: string; zh: string } }[];
  body: string;
  action: string;
  due: string | null;
  done: boolean;
  createdAt: string;
}

export interface QueueRep {
  rep: PersonRef;
  calls: number;
  scored: number;
  picks: CallRow[];
}

export interface CalibrationSummary {
  id: number;
  title: string;
  status: 'open' | 'closed';
  deadline: string | null;
  calls: number;
  graders: number;
  submitted: number;
  expected: number;
  createdAt: string;
}
export interface CalibrationDetail extends CalibrationSummary {
  versionId: number;
  reference: PersonRef | null;
  graderList: { person: PersonRef; submitted: number }[];
  callList: CallRow[];
  /** The current person's own evaluation per call (blind: nobody else's). */
  mine: { callId: number; evaluationId: number | null; status: 'draft' | 'submitted' | null }[];
  isGrader: boolean;
  canSeeReport: boolean;
}
export interface PairAgreement {
  percent: number | null;
  pairs: number;
  agreeing: number;
  rule: 'exact' | 'within1';
}
export interface CalibrationReport {
  n: { graders: number; calls: number; scores: number };
  totals: { callId: number; customer: string; scores: { graderId: number; score: number | null }[]; spread: Spread }[];
  criteria: {
    criterionId: number;
    label: { en: string; ru: string; zh: string };
    scale: string;
    alpha: AlphaResult;
    /** Pairs of graders agreeing on this criterion's own scale: exactly on yes/no, within one point otherwise. */
    agreement: PairAgreement;
    spread: Spread;
    ambiguous: { disagreeing: number; units: number; share: number | null; ambiguous: boolean };
  }[];
  /** Alpha and pair agreement per scale (criteria of one scale pooled; scales never mixed). */
  byScale: { scale: Scale; criteria: number; metric: 'nominal' | 'ordinal' | 'interval'; alpha: AlphaResult; agreement: PairAgreement }[];
  alphaTotals: AlphaResult;
  bias: (GraderBias & { person: PersonRef })[];
  reference: PersonRef | null;
}

const callMeta = {
  repId: id,
  at: isoDateTime,
  customer: text(200).default(''),
  channel: z.enum(CHANNELS).default('phone'),
  direction: z.enum(DIRECTIONS).default('outbound'),
  outcome: z.enum(OUTCOMES).default(''),
  language: z.enum(['', 'en', 'ru', 'zh']).default(''),
};
export const callImportItem = z.object({
  uploadId: z.string().max(64).nullable().default(null),
  fileName: text(260).default(''),
  ...callMeta,
  transcript: z.string().max(2_000_000, { message: 'The transcript is larger than 2 MB' }).nullable().default(null),
  /** A staged transcript file (Electron's native picker), read on the main side instead of `transcript`. */
  transcriptUploadId: z.string().max(64).nullable().default(null),
  scriptId: id.nullable().default(null),
});
export type CallImportItem = z.input<typeof callImportItem>;

const answerInput = z.object({
  value: z.number().min(0).max(10).nullable().default(null),
  na: z.boolean().default(false),
  comment: text(2000).default(''),
  evidenceMs: z.number().int().min(0).max(86_400_000).nullable().default(null),
});
const answersInput = z.record(z.string().regex(/^\d+$/), answerInput);

export const scorecardsMethods = {
  'scorecards.templates.list': method(z.object({}), 'signedIn').returns<TemplateSummary[]>(),
  'scorecards.templates.create': method(
    z.object({ name: requiredText(120), description: text(1000).default(''), definition: definitionInput }),
    ['manager'],
    WRITES,
  ).returns<TemplateVersion>(),
  'scorecards.versions.get': method(z.object({ id }), 'signedIn').returns<TemplateVersion>(),
  /** Published version for new evaluations (the first template's when none is given). */
  'scorecards.versions.current': method(
    z.object({ templateId: id.nullable().default(null) }),
    'signedIn',
  ).returns<TemplateVersion | null>(),
  /** Saves the template's draft; editing a published template creates a new draft version. */
  'scorecards.versions.saveDraft': method(
    z.object({ templateId: id, name: requiredText(120), definition: definitionInput }),
    ['manager'],
    WRITES,
  ).returns<TemplateVersion>(),
  'scorecards.versions.publish': method(z.object({ id }), ['manager'], WRITES).returns<TemplateVersion>(),
  'scorecards.versions.archive': method(z.object({ id }), ['manager'], WRITES).returns<TemplateVersion>(),
  'scorecards.versions.whatIf': method(z.object({ id, lastN: z.number().int().min(1).max(2000).default(200) }), ['manager']).returns<{
    n: number;
    before: number | null;
    after: number | null;
    delta: number | null;
    changed: number;
    byRep: { rep: PersonRef; n: number; before: number | null; after: number | null }[];
  }>(),
  'scorecards.competencies': method(z.object({}), 'signedIn').returns<{ id: number; key: string; name: string; names: LocalizedNames }[]>(),
  'scorecards.scripts': method(z.object({}), 'signedIn').returns<{ id: number; title: string; language: string }[]>(),

  'scorecards.calls.list': method(
    z
      .object({
        repId: id.nullable().default(null),
        teamId: id.nullable().default(null),
        from: isoDate.nullable().default(null),
        to: isoDate.nullable().default(null),
        channel: z.enum(CHANNELS).nullable().default(null),
        scored: z.enum(['all', 'scored', 'unscored']).default('all'),
        band: z.enum(['low', 'mid', 'high']).nullable().default(null),
        query: text(200).default(''),
        ...pageInput,
      })
      .refine(...rangeInOrder),
    ['rep', 'manager'],
  ).returns<Page<CallRow>>(),
  'scorecards.calls.get': method(z.object({ id }), ['rep', 'manager']).returns<CallDetail>(),
  'scorecards.calls.import': method(z.object({ items: z.array(callImportItem).min(1).max(500) }), ['manager'], WRITES).returns<{
    imported: { index: number; call: CallRow }[];
    errors: { index: number; fileName: string; field?: string; message: string }[];
  }>(),
  /** Reads a CSV manifest (file, rep, date, customer, channel, direction, outcome) for a batch import. */
  'scorecards.calls.manifest': method(
    z.object({ contentBase64: z.string().max(4_000_000, { message: 'The manifest is larger than 3 MB' }) }),
    ['manager'],
  ).returns<{
    rows: { row: number; file: string; repId: number; at: string; customer: string; channel: string; direction: string; outcome: string }[];
    errors: { row: number; field: string; value: string; message: string }[];
  }>(),
  'scorecards.calls.setTranscript': method(
    z.object({ callId: id, text: z.string().max(2_000_000, { message: 'The transcript is larger than 2 MB' }) }),
    ['manager'],
    WRITES,
  ).returns<CallDetail>(),
  'scorecards.calls.setScript': method(z.object({ callId: id, scriptId: id.nullable() }), ['manager'], WRITES).returns<CallDetail>(),
  'scorecards.calls.peaks': method(z.object({ callId: id }), ['rep', 'manager']).returns<number[] | null>(),
  'scorecards.calls.savePeaks': method(z.object({ callId: id, peaks: z.array(z.number().min(0).max(1)).min(1).max(20_000) }), [
    'rep',
    'manager',
  ]).returns<{ saved: boolean }>(),
  'scorecards.calls.coverage': method(z.object({ callId: id, versionId: id.nullable().default(null) }), ['rep', 'manager']).returns<{
    script: { id: number; title: string } | null;
    steps: StepCoverage[];
    suggestions: Suggestion[];
    reason: 'ok' | 'no_script' | 'script_missing' | 'no_transcript';
  }>(),
  'scorecards.comments.add': method(
    z.object({ callId: id, atMs: z.number().int().min(0).max(86_400_000), body: requiredText(2000) }),
    ['rep', 'manager'],
    WRITES,
  ).returns<CallComment>(),
  'scorecards.comments.remove': method(z.object({ id }), ['rep', 'manager'], WRITES).returns<{ removed: boolean }>(),
  'scorecards.queue': method(
    z.object({
      month: isoMonth,
      perRep: z.number().int().min(1).max(20).default(4),
      mode: z.enum(['random', 'stratified']).default('stratified'),
      teamId: id.nullable().default(null),
    }),
    ['manager'],
  ).returns<{ reps: QueueRep[]; month: string }>(),

  'scorecards.evaluations.start': method(
    z.object({ callId: id, calibrationId: id.nullable().default(null), versionId: id.nullable().default(null) }),
    ['manager'],
    WRITES,
  ).returns<EvaluationDetail>(),
  'scorecards.evaluations.get': method(z.object({ id }), ['rep', 'manager']).returns<EvaluationDetail>(),
  'scorecards.evaluations.save': method(
    z.object({ id, answers: answersInput, summary: text(4000).default('') }),
    ['manager'],
    WRITES,
  ).returns<EvaluationDetail>(),
  'scorecards.evaluations.submit': method(
    z.object({ id, answers: answersInput, summary: text(4000).default('') }),
    ['manager'],
    WRITES,
  ).returns<EvaluationDetail>(),
  'scorecards.evaluations.list': method(
    z.object({
      repId: id.nullable().default(null),
      graderId: id.nullable().default(null),
      status: z.enum(['draft', 'submitted']).nullable().default(null),
      ...pageInput,
    }),
    ['rep', 'manager'],
  ).returns<Page<EvaluationRow>>(),
  'scorecards.evaluations.trend': method(z.object({ repId: id, months: z.number().int().min(1).max(36).default(12) }), [
    'rep',
    'manager',
  ]).returns<RepTrend>(),

  'scorecards.feedback.add': method(
    z.object({ evaluationId: id, criterionId: id, kind: z.enum(['acknowledge', 'dispute']), reason: text(2000).default('') }),
    ['rep'],
    WRITES,
  ).returns<FeedbackItem>(),
  'scorecards.feedback.resolve': method(
    z.object({
      id,
      decision: z.enum(['accepted', 'partly', 'rejected']),
      note: text(2000).default(''),
      newValue: z.number().min(0).max(10).nullable().default(null),
    }),
    ['manager'],
    WRITES,
  ).returns<FeedbackItem>(),
  'scorecards.feedback.list': method(
    z.object({ status: z.enum(['open', 'all']).default('open'), repId: id.nullable().default(null), ...pageInput }),
    ['rep', 'manager'],
  ).returns<Page<FeedbackItem>>(),

  'scorecards.coaching.add': method(
    z.object({
      repId: id,
      evaluationId: id.nullable().default(null),
      criterionIds: z.array(id).max(30).default([]),
      body: requiredText(4000),
      action: text(500).default(''),
      due: isoDate.nullable().default(null),
      /** Written from a call page: the call and the moment it is about. */
      callId: id.nullable().default(null),
      atMs: z.number().int().min(0).max(86_400_000).nullable().default(null),
    }),
    ['manager'],
    WRITES,
  ).returns<CoachingNote>(),
  'scorecards.coaching.list': method(z.object({ repId: id, includeDone: z.boolean().default(false) }), ['rep', 'manager']).returns<
    CoachingNote[]
  >(),
  'scorecards.coaching.setDone': method(z.object({ id, done: z.boolean() }), ['rep', 'manager'], WRITES).returns<CoachingNote>(),

  /** Submitted results for export (CSV): per criterion and per rep; managers get their teams' reps. */
  /** The disputes dashboard; managers get their teams' disputes, admins and the solo owner everyone's. */
  'scorecards.disputes.dashboard': method(z.object({}), ['manager', 'admin']).returns<DisputeDashboard>(),
  'scorecards.results.export': method(
    z.object({ from: isoDate.nullable().default(null), to: isoDate.nullable().default(null) }).refine(...rangeInOrder),
    ['manager', 'admin'],
  ).returns<ResultsExport>(),

  'scorecards.calibration.list': method(z.object({}), ['manager']).returns<CalibrationSummary[]>(),
  'scorecards.calibration.create': method(
    z.object({
      title: requiredText(200),
      versionId: id.nullable().default(null),
      callIds: z.array(id).min(1, { message: 'Choose at least one call' }).max(50),
      graderIds: z.array(id).min(2, { message: 'Choose at least two graders' }).max(30),
      deadline: isoDate.nullable().default(null),
      referenceGraderId: id.nullable().default(null),
    }),
    ['manager'],
    WRITES,
  ).returns<CalibrationDetail>(),
  'scorecards.calibration.get': method(z.object({ id }), ['manager']).returns<CalibrationDetail>(),
  'scorecards.calibration.report': method(z.object({ id }), ['manager']).returns<CalibrationReport>(),
  'scorecards.calibration.close': method(z.object({ id }), ['manager'], WRITES).returns<CalibrationDetail>(),
};
