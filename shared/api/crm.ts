/** CRM outcomes import: sniff a staged file, map its columns, dry run, import with progress, undo a batch. */
import { z } from 'zod';
import { id, isoMonth, method, text, WRITES } from './contract';

export const DEAL_FIELDS = [
  'externalId',
  'name',
  'customer',
  'owner',
  'ownerEmail',
  'amount',
  'currency',
  'stage',
  'won',
  'closed',
  'createdAt',
  'closedAt',
  'channel',
  'type',
  'product',
  'csat',
  'nps',
  'churnedAt',
] as const;
export type DealField = (typeof DEAL_FIELDS)[number];
export const REQUIRED_FIELDS: DealField[] = ['externalId', 'owner', 'stage', 'createdAt'];

export const CRM_PRESETS = ['zoho', 'salesforce', 'hubspot', 'amocrm', 'bitrix24', 'fxiaoke', 'generic'] as const;
export type CrmPreset = (typeof CRM_PRESETS)[number];
export const DATE_FORMATS = ['iso', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const NUMBER_FORMATS = ['dot', 'comma'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, { message: 'Use a three-letter ISO 4217 currency code' });

export const stageRule = z.object({ status: z.enum(DEAL_STATUSES), position: z.number().int().min(1).max(5) });
export type StageRule = z.infer<typeof stageRule>;

export const mappingSchema = z.object({
  /** deal field -> column header in the file */
  fields: z.partialRecord(z.enum(DEAL_FIELDS), text(200)),
  dateFormat: z.enum(DATE_FORMATS),
  numberFormat: z.enum(NUMBER_FORMATS),
  /** raw stage value -> status and funnel position (1..5) */
  stages: z.record(text(200), stageRule),
  /** values of the "type" column that mean repeat business */
  repeatValues: z.array(text(200)).max(50).default([]),
  /** raw owner value -> person id, or 0 = skip those rows */
  owners: z.record(text(200), z.number().int().min(0)).default({}),
  /** ISO 4217 code of the amounts when the file has no currency column (or a row leaves it blank) */
  fileCurrency: currencyCode.nullable().default(null),
});
export type CrmMapping = z.infer<typeof mappingSchema>;

export interface OwnerMatch {
  value: string;
  rows: number;
  personId: number | null;
  personName: string | null;
  how: 'name' | 'email' | 'alias' | 'saved' | null;
}

export interface CrmSniff {
  uploadId: string;
  fileName: string;
  size: number;
  kind: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string;
  headerRow: number;
  columns: string[];
  sample: string[][];
  preset: CrmPreset;
  source: string;
  savedMapping: boolean;
  mapping: CrmMapping;
  /** distinct values (up to 200) seen in the scanned part of the file, per column */
  values: Record<string, { value: string; rows: number }[]>;
  owners: OwnerMatch[];
  scannedRows: number;
  complete: boolean;
  formats: SniffFormats;
}

/** A slash date of the file read both ways (day/month and month/day), as YYYY-MM-DD. */
export interface DateReading {
  row: number;
  column: string;
  value: string;
  dmy: string;
  mdy: string;
}

export interface SniffFormats {
  /** what the file's own values show (null: nothing tells, e.g. whole numbers only) */
  detectedDate: DateFormat | null;
  detectedNumber: NumberFormat | null;
  /** the formats of the mapping saved for this source, when there is one */
  saved: { dateFormat: DateFormat; numberFormat: NumberFormat } | null;
  /** slash dates whose parts are all 12 or less: two sample rows read both ways, and the user says which */
  ambiguousDates: DateReading[] | null;
}

/** The mapping reads a format other than the file shows, or the saved choice for this source disagrees with the file. */
export interface FormatWarning {
  kind: 'dateFormat' | 'numberFormat';
  detected: string;
  used: string;
  saved: string | null;
}

export interface CrmRowError {
  row: number;
  column: string;
  value: string;
  /** English text; `key` (under `rowErrors.`) and `params` give it in the UI language */
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}

export interface CrmPreviewRow {
  row: number;
  externalId: string;
  name: string;
  customer: string;
  ownerName: string;
  amount: number | null;
  currency: string;
  stage: string;
  status: DealStatus;
  position: number;
  createdAt: string;
  closedAt: string | null;
  channel: string;
  isRepeat: boolean;
  action: 'create' | 'update';
}

export interface CrmCounts {
  rows: number;
  valid: number;
  invalid: number;
  create: number;
  update: number;
  skipped: number;
  won: number;
  lost: number;
  open: number;
}

export interface CrmDryRun {
  counts: CrmCounts;
  errors: CrmRowError[];
  errorsTotal: number;
  preview: CrmPreviewRow[];
  unknownOwners: OwnerMatch[];
  unmappedStages: { value: string; rows: number; suggested: StageRule }[];
  formatWarnings: FormatWarning[];
  /** ISO currencies of the valid rows and how many rows each */
  currencies: { currency: string; rows: number }[];
}

export interface FxRate {
  /** YYYY-MM */
  month: string;
  currency: string;
  /** units of the reporting currency for one unit of `currency` */
  rate: number;
}

export interface CurrencySettings {
  /** the workspace's reporting currency (null: not chosen yet; revenue then uses `suggested`) */
  reporting: string | null;
  /** the currency Insights reports in now: `reporting`, or the most common deal currency */
  effective: string | null;
  /** currencies of the deals and how many deals each */
  used: { currency: string; deals: number }[];
  /** rates to the effective reporting currency, newest month first */
  rates: FxRate[];
  /** months with won deals in another currency and no rate yet */
  missing: { currency: string; month: string; deals: number }[];
}

export interface RatesImport {
  imported: number;
  errors: CrmRowError[];
  settings: CurrencySettings;
}

export interface CrmJob {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  fraction: number;
  rows: number;
  batchId: number | null;
  counts: CrmCounts | null;
  error: string | null;
  /** the error's translation key under `errors.` and its values */
  errorKey?: string;
  errorParams?: Record<string, string | number>;
}

export interface CrmBatch {
  id: number;
  source: string;
  fileName: string;
  fileSha256: string;
  counts: CrmCounts;
  createdAt: string;
  createdBy: string | null;
  undoneAt: string | null;
  canUndo: boolean;
  /** The later live import that changed this batch's deals (undo that one first), if any. */
  blockedBy: { id: number; fileName: string; createdAt: string } | null;
}

export interface ChannelRule {
  value: string;
  deals: number;
  kind: 'direct' | 'indirect';
  mode: 'online' | 'offline';
}

const upload = z.object({ uploadId: z.string().regex(/^[0-9a-f]{32}$/, { message: 'Upload the file again' }) });
const runInput = upload.extend({ source: text(80).min(1), mapping: mappingSchema, fileName: text(260).default('') });

export const crmMethods = {
  'crm.sniff': method(upload.extend({ source: text(80).default('') }), ['admin']).returns<CrmSniff>(),
  'crm.dryRun': method(runInput, ['admin']).returns<CrmDryRun>(),
  /** How far a running dry run of this upload is (null when none runs), for its progress bar. */
  'crm.dryRunProgress': method(upload, ['admin']).returns<{ fraction: number; rows: number } | null>(),
  'crm.startImport': method(runInput, ['admin'], WRITES).returns<CrmJob>(),
  'crm.job': method(z.object({ jobId: z.string().max(64) }), ['admin']).returns<CrmJob>(),
  'crm.cancelImport': method(z.object({ jobId: z.string().max(64) }), ['admin'], WRITES).returns<CrmJob>(),
  'crm.batches': method(z.object({}), ['admin']).returns<CrmBatch[]>(),
  'crm.undoBatch': method(z.object({ id }), ['admin'], WRITES).returns<{ removed: number; restored: number }>(),
  'crm.channels': method(z.object({}), ['admin', 'manager']).returns<ChannelRule[]>(),
  'crm.setChannel': method(
    z.object({ value: text(200).min(1), kind: z.enum(['direct', 'indirect']), mode: z.enum(['online', 'offline']) }),
    ['admin'],
    WRITES,
  ).returns<ChannelRule[]>(),
  'crm.currencies': method(z.object({}), ['admin', 'manager']).returns<CurrencySettings>(),
  'crm.setReportingCurrency': method(z.object({ currency: currencyCode }), ['admin'], WRITES).returns<CurrencySettings>(),
  /** Sets (or with rate null removes) one month's rate of a currency to the reporting currency. */
  'crm.setRate': method(
    z.object({ month: isoMonth, currency: currencyCode, rate: z.number().positive().max(1e9).nullable() }),
    ['admin'],
    WRITES,
  ).returns<CurrencySettings>(),
  /** Rates from a CSV text (columns month, currency, rate); rows with problems are reported, the rest saved. */
  'crm.importRates': method(
    z.object({ csv: z.string().max(2_000_000, { message: 'The rates file is larger than 2 MB' }) }),
    ['admin'],
    WRITES,
  ).returns<RatesImport>(),
};
