/** Insights: competence vs close rate and retention, funnel, channels, leaderboard, training effect. */
import { z } from 'zod';
import { id, isoDate, method, rangeInOrder, text } from './contract';
import type { CorrelationStats } from '../domain/stats';
import type { LocalizedNames } from './people';

const filterShape = {
  teamId: id.nullable().default(null),
  /** Period of closed deals; default = the 12 months up to the latest deal. */
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  /** A raw channel value, or a configured group: direct / indirect / online / offline. */
  channel: text(200).nullable().default(null),
  product: text(200).nullable().default(null),
  business: z.enum(['all', 'new', 'repeat']).default('all'),
  /** Competence in quarter Q against outcomes in quarter Q+1. */
  lag: z.boolean().default(false),
  /** Days before/after a course completion compared by the training-effect chart. */
  windowDays: z.number().int().min(14).max(365).default(90),
};
/**
 * Any from/to is accepted in order: the page clamps the period to the first and last day of the
 * data, so its cost follows the data, never the width of the range asked for.
 */
export const insightsFilters = z.object(filterShape).refine(...rangeInOrder);
export type InsightsFilters = z.input<typeof insightsFilters>;

/** The statistics of shared/domain/stats.ts `correlate`, with how to read them. */
export interface Correlation extends CorrelationStats {
  /** none / weak / moderate / strong, and the sign */
  strength: 'none' | 'weak' | 'moderate' | 'strong' | null;
  direction: 'positive' | 'negative' | null;
  warnings: ('smallN' | 'fewClosed' | 'noCompetence')[];
  fewClosedReps: number;
}

export interface ScatterPoint {
  repId: number;
  x: number;
  y: number;
  deals: number;
  evidence: number;
}

export interface RepRow {
  repId: number;
  name: string;
  names: LocalizedNames;
  teamId: number | null;
  won: number;
  lost: number;
  open: number;
  closeRate: number | null;
  revenue: number;
  retention: { base: number; retained: number; rate: number | null };
  competence: { score: number | null; n: number; sufficient: boolean } | null;
  csat: { mean: number; n: number } | null;
  nps: { score: number; n: number } | null;
}

export interface TrendPoint {
  month: string;
  closeRate: number | null;
  won: number;
  lost: number;
  retention: number | null;
  competence: number | null;
}

export interface DidResult {
  courseId: string;
  courseTitle: string;
  treated: number;
  controls: number;
  treatedPre: number | null;
  treatedPost: number | null;
  controlPre: number | null;
  controlPost: number | null;
  estimate: number | null;
  ci: [number, number] | null;
  dealsTreated: number;
  dealsControl: number;
}

export interface InsightsPage {
  /** The period the charts cover: the asked range clamped to the data's first and last days. */
  period: { from: string; to: string };
  dealsTotal: number;
  /** the reporting currency every revenue figure is in (ISO 4217; '' when no deal has an amount) */
  currency: string;
  /** won deals of the period whose amount could not be converted (no rate for their month, or no currency): not in any revenue */
  unconverted: { deals: number; byCurrency: { currency: string; deals: number; months: string[] }[] };
  competenceSource: 'training' | 'none';
  reps: RepRow[];
  closeScatter: { points: ScatterPoint[]; stats: Correlation };
  retentionScatter: { points: ScatterPoint[]; stats: Correlation };
  perCompetency: { competencyId: number; key: string; name: string; names: LocalizedNames; stats: Correlation }[];
  trends: { team: TrendPoint[]; byTeam: { teamId: number; name: string; points: TrendPoint[] }[] };
  funnel: {
    stages: string[];
    total: number[];
    byTeam: { teamId: number; name: string; counts: number[] }[];
    byRep: { repId: number; counts: number[] }[];
  };
  channels: {
    value: string;
    kind: 'direct' | 'indirect';
    mode: 'online' | 'offline';
    deals: number;
    won: number;
    lost: number;
    closeRate: number | null;
    revenue: number;
  }[];
  channelGroups: {
    group: 'direct' | 'indirect' | 'online' | 'offline';
    won: number;
    lost: number;
    closeRate: number | null;
    revenue: number;
  }[];
  leaderboard: {
    minDeals: number;
    month: string;
    champion: number | null;
    closeRate: { repId: number; value: number; closed: number }[];
    revenue: { repId: number; value: number }[];
    improved: { repId: number; value: number; before: number; after: number }[];
  };
  training: { available: boolean; courses: DidResult[] };
  options: {
    teams: { id: number; name: string }[];
    channels: string[];
    products: string[];
    minDate: string | null;
    maxDate: string | null;
  };
}

export const insightsMethods = {
  'insights.page': method(insightsFilters, ['manager']).returns<InsightsPage>(),
  /** One rep's monthly trend under the same filters (the Trends chart's "whose" picker). */
  'insights.repTrend': method(z.object({ ...filterShape, repId: id }).refine(...rangeInOrder), ['rep', 'manager']).returns<TrendPoint[]>(),
};
