/**
 * Content library contract: collateral items (files, links, notes) with
 * versions, metadata, governance, usage events and links from scripts/courses.
 */
import { z } from 'zod';
import { id, isoDate, method, pageInput, rangeInOrder, requiredText, text, type Page, WRITES } from './contract';
import type { Segment } from '../search/text';

export const FUNNEL_STAGES = ['prospecting', 'discovery', 'demo', 'proposal', 'negotiation', 'closing', 'onboarding', 'renewal'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const ITEM_KINDS = ['file', 'link', 'note'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const FILE_KINDS = ['pdf', 'docx', 'pptx', 'xlsx', 'image', 'audio', 'video', 'text', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export const CONTENT_LANGS = ['en', 'ru', 'zh', 'other'] as const;
export const LINK_TARGETS = ['script_step', 'objection', 'lesson', 'course'] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];
export const USAGE_ACTIONS = ['open', 'copy', 'download'] as const;
export type UsageAction = (typeof USAGE_ACTIONS)[number];
export const USAGE_CONTEXTS = ['library', 'call', 'script', 'course'] as const;
export type UsageContext = (typeof USAGE_CONTEXTS)[number];

/** Why an item needs attention; computed from dates and usage, never stored. */
export type ItemStatus = 'ok' | 'expired' | 'verify_due';

export interface LibraryVersion {
  id: number;
  version: number;
  fileName: string;
  sha256: string | null;
  mime: string;
  size: number;
  fileKind: FileKind | null;
  pageCount: number | null;
  /** ok | empty (nothing to extract) | failed (with a note) | none (kind without text). */
  extractStatus: 'ok' | 'empty' | 'failed' | 'none';
  extractNote: string;
  changeNote: string;
  createdAt: string;
  createdById: number | null;
  createdByName: string | null;
}

export interface LibraryItem {
  id: number;
  kind: ItemKind;
  title: string;
  description: string;
  tags: string[];
  stage: FunnelStage | null;
  channel: string;
  product: string;
  audience: string;
  language: string;
  ownerId: number | null;
  ownerName: string | null;
  validUntil: string | null;
  verifyEveryDays: number | null;
  verifiedAt: string | null;
  url: string;
  bodyMd: string;
  status: ItemStatus;
  current: LibraryVersion | null;
  versionCount: number;
  opens: number;
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryListRow {
  id: number;
  kind: ItemKind;
  title: string;
  description: string;
  tags: string[];
  stage: FunnelStage | null;
  product: string;
  language: string;
  ownerName: string | null;
  validUntil: string | null;
  status: ItemStatus;
  fileKind: FileKind | null;
  fileName: string;
  sha256: string | null;
  mime: string;
  size: number;
  extractStatus: LibraryVersion['extractStatus'];
  updatedAt: string;
  /** The matching passage (title, description or file text) with highlights, when searching. */
  snippet: Segment[] | null;
  /** Which field the snippet comes from. */
  snippetFrom: 'title' | 'description' | 'tags' | 'text' | null;
  titleSegments: Segment[] | null;
}

export interface LibraryPage extends Page<LibraryListRow> {
  /** True when a search matched more items than are ranked (the total is then a lower bound). */
  capped: boolean;
}

const tagList = z.array(text(40).min(1)).max(30).default([]);

export const itemMetaInput = z.object({
  title: requiredText(200),
  description: text(2000).default(''),
  tags: tagList,
  stage: z.enum(FUNNEL_STAGES).nullable().default(null),
  channel: text(80).default(''),
  product: text(80).default(''),
  audience: text(80).default(''),
  language: z.enum(CONTENT_LANGS).default('en'),
  ownerId: id.nullable().default(null),
  validUntil: isoDate.nullable().default(null),
  verifyEveryDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type ItemMetaInput = z.input<typeof itemMetaInput>;

/** Optional metadata given with an upload: whatever is missing is derived (title from the name, language from the text). */
export const fileMetaInput = z.object({
  title: text(200).optional(),
  description: text(2000).optional(),
  tags: z.array(text(40).min(1)).max(30).optional(),
  stage: z.enum(FUNNEL_STAGES).nullable().optional(),
  channel: text(80).optional(),
  product: text(80).optional(),
  audience: text(80).optional(),
  language: z.enum(CONTENT_LANGS).optional(),
  ownerId: id.nullable().optional(),
  validUntil: isoDate.nullable().optional(),
  verifyEveryDays: z.number().int().min(1).max(3650).nullable().optional(),
});

/** http(s) only, a host name (any script), optional port and path; no user:password@ part. */
const WEB_URL = /^https?:\/\/[\p{L}\p{N}.-]+(?::\d{1,5})?(?:[/?#]\S*)?$/iu;
export const safeUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => WEB_URL.test(u), { message: 'Enter a web address starting with https://' });

export const listInput = z.object({
  query: text(200).default(''),
  kind: z.enum(ITEM_KINDS).nullable().default(null),
  fileKind: z.enum(FILE_KINDS).nullable().default(null),
  stage: z.enum(FUNNEL_STAGES).nullable().default(null),
  channel: text(80).nullable().default(null),
  product: text(80).nullable().default(null),
  audience: text(80).nullable().default(null),
  language: z.enum(CONTENT_LANGS).nullable().default(null),
  ownerId: id.nullable().default(null),
  tag: text(40).nullable().default(null),
  status: z.enum(['ok', 'expired', 'verify_due']).nullable().default(null),
  /** Expired items: reps never see them; others see them greyed unless hidden. */
  showExpired: z.boolean().default(true),
  sort: z.enum(['relevance', 'updated', 'title', 'validUntil']).default('relevance'),
  ...pageInput,
});
export type ListInput = z.input<typeof listInput>;

export interface AddResult {
  status: 'added' | 'duplicate';
  item: LibraryItem;
}

export interface UsageEvent {
  id: number;
  itemId: number;
  itemTitle: string;
  version: number | null;
  personId: number | null;
  personName: string | null;
  action: UsageAction;
  context: UsageContext;
  at: string;
}

export interface ItemUsage {
  opens: number;
  copies: number;
  downloads: number;
  callUses: number;
  lastUsedAt: string | null;
  people: { personId: number | null; name: string | null; count: number; lastAt: string }[];
  recent: UsageEvent[];
  linkedFrom: { targetKind: LinkTarget; targetId: number }[];
}

export interface AnalyticsRow {
  id: number;
  title: string;
  fileKind: FileKind | null;
  kind: ItemKind;
  uses: number;
  opens: number;
  callUses: number;
  people: number;
  lastUsedAt: string | null;
}

export interface GovernanceRow {
  id: number;
  title: string;
  kind: ItemKind;
  fileKind: FileKind | null;
  ownerId: number | null;
  ownerName: string | null;
  validUntil: string | null;
  verifiedAt: string | null;
  verifyEveryDays: number | null;
  /** Day the next verification is due (null when no cadence). */
  verifyDueOn: string | null;
  lastOpenedAt: string | null;
  createdAt: string;
}

export interface DuplicateGroup {
  reason: 'same_file' | 'similar_title';
  key: string;
  items: { id: number; title: string; ownerName: string | null; updatedAt: string }[];
}

export interface Governance {
  today: string;
  expired: GovernanceRow[];
  verifyDue: GovernanceRow[];
  stale: GovernanceRow[];
  duplicates: DuplicateGroup[];
  counts: { expired: number; verifyDue: number; stale: number; duplicates: number };
}

export interface LinkedItem {
  linkId: number;
  item: LibraryListRow;
  url: string;
}

export interface Facets {
  channels: string[];
  products: string[];
  audiences: string[];
  tags: { tag: string; count: number }[];
  owners: { id: number; name: string }[];
}

export interface LibrarySettings {
  uploadLimitMb: number;
  staleDays: number;
}

const targetInput = { targetKind: z.enum(LINK_TARGETS), targetId: id };

export const libraryMethods = {
  'library.list': method(listInput, 'signedIn').returns<LibraryPage>(),
  'library.get': method(z.object({ id }), 'signedIn').returns<LibraryItem>(),
  /** Electron only: opens the current version with the system's default app (e.g. PowerPoint for a deck). */
  'library.openExternal': method(z.object({ id }), 'signedIn').returns<{ opened: true }>(),
  'library.facets': method(z.object({}), 'signedIn').returns<Facets>(),
  /** Takes a staged upload into the store, extracts its text (in a worker) and creates an item. */
  'library.addFile': method(
    z.object({ uploadId: z.string().regex(/^[0-9a-f]{32}$/), allowDuplicate: z.boolean().default(false), meta: fileMetaInput.default({}) }),
    ['manager', 'trainer'],
    WRITES,
  ).returns<AddResult>(),
  'library.addLink': method(itemMetaInput.extend({ url: safeUrl }), ['manager', 'trainer'], WRITES).returns<LibraryItem>(),
  'library.addNote': method(
    itemMetaInput.extend({ bodyMd: z.string().max(200_000, { message: 'Must be at most 200000 characters' }) }),
    ['manager', 'trainer'],
    WRITES,
  ).returns<LibraryItem>(),
  'library.update': method(
    z.object({ id, meta: itemMetaInput, url: safeUrl.optional(), bodyMd: z.string().max(200_000).optional() }),
    ['manager', 'trainer'],
    WRITES,
  ).returns<LibraryItem>(),
  'library.bulkUpdate': method(
    z.object({
      ids: z.array(id).min(1, { message: 'Select at least one item' }).max(1000),
      addTags: tagList,
      removeTags: tagList,
      ownerId: id.nullable().optional(),
    }),
    ['manager', 'trainer'],
    WRITES,
  ).returns<{ updated: number }>(),
  'library.remove': method(z.object({ id }), ['manager', 'trainer'], WRITES).returns<{ removed: boolean }>(),
  'library.addVersion': method(
    z.object({ id, uploadId: z.string().regex(/^[0-9a-f]{32}$/), changeNote: text(500).default('') }),
    ['manager', 'trainer'],
    WRITES,
  ).returns<LibraryItem>(),
  'library.versions': method(z.object({ id }), 'signedIn').returns<LibraryVersion[]>(),
  'library.restoreVersion': method(z.object({ id, versionId: id }), ['manager', 'trainer'], WRITES).returns<LibraryItem>(),
  /** Extracted text of a version (for the text preview of DOCX/PPTX/XLSX), bounded. */
  'library.text': method(
    z.object({ versionId: id, maxChars: z.number().int().min(100).max(500_000).default(100_000) }),
    'signedIn',
  ).returns<{ text: string; truncated: boolean }>(),
  'library.verify': method(z.object({ id }), ['manager', 'trainer'], WRITES).returns<LibraryItem>(),
  'library.markExpired': method(z.object({ id, validUntil: isoDate.nullable() }), ['manager', 'trainer'], WRITES).returns<LibraryItem>(),
  'library.governance': method(z.object({ staleDays: z.number().int().min(1).max(3650).optional() }), [
    'manager',
    'trainer',
  ]).returns<Governance>(),
  'library.recordUsage': method(
    z.object({
      id,
      action: z.enum(USAGE_ACTIONS),
      context: z.enum(USAGE_CONTEXTS).default('library'),
      targetKind: z.enum(LINK_TARGETS).nullable().default(null),
      targetId: id.nullable().default(null),
    }),
    'signedIn',
  ).returns<{ recorded: boolean }>(),
  'library.usage': method(z.object({ id }), ['manager', 'trainer']).returns<ItemUsage>(),
  'library.analytics': method(
    z.object({ from: isoDate, to: isoDate, limit: z.number().int().min(1).max(200).default(20) }).refine(...rangeInOrder),
    ['manager', 'trainer'],
  ).returns<{
    top: AnalyticsRow[];
    neverUsed: AnalyticsRow[];
    neverUsedTotal: number;
    totals: { opens: number; copies: number; downloads: number; callUses: number; activePeople: number };
  }>(),
  'library.links': method(z.object(targetInput), 'signedIn').returns<LinkedItem[]>(),
  'library.link': method(z.object({ ...targetInput, itemId: id }), ['manager', 'trainer'], WRITES).returns<LinkedItem[]>(),
  'library.unlink': method(z.object({ ...targetInput, itemId: id }), ['manager', 'trainer'], WRITES).returns<LinkedItem[]>(),
  'library.settings': method(z.object({}), 'signedIn').returns<LibrarySettings>(),
  'library.saveSettings': method(
    z.object({
      uploadLimitMb: z.number().int().min(1).max(500, { message: 'The host accepts uploads up to 500 MB' }),
      staleDays: z.number().int().min(7).max(3650),
    }),
    ['manager', 'trainer', 'admin'],
    WRITES,
  ).returns<LibrarySettings>(),
};
