/** Row shapes and mapping shared by the library's service modules. */
import type { FileKind, FunnelStage, ItemKind, ItemStatus, LibraryListRow, LibraryVersion } from '../../../shared/api/library';
import { fold } from '../../../shared/search/text';

export interface ItemRow {
  id: number;
  kind: ItemKind;
  title: string;
  description: string;
  tags: string;
  stage: FunnelStage | null;
  channel: string;
  product: string;
  audience: string;
  language: string;
  owner_id: number | null;
  owner_name: string | null;
  valid_until: string | null;
  verify_every_days: number | null;
  verified_at: string | null;
  url: string;
  body_md: string;
  current_version_id: number | null;
  file_kind: FileKind | null;
  sha256: string | null;
  file_name: string | null;
  mime: string | null;
  size: number | null;
  extract_status: LibraryVersion['extractStatus'] | null;
  created_at: string;
  updated_at: string;
}

export const ITEM_SELECT = `
  SELECT i.id, i.kind, i.title, i.description, i.tags, i.stage, i.channel, i.product, i.audience, i.language, i.owner_id,
         p.name AS owner_name, i.valid_until, i.verify_every_days, i.verified_at, i.url, i.body_md, i.current_version_id,
         i.file_kind, i.sha256, v.file_name, v.mime, v.size, v.extract_status, i.created_at, i.updated_at
  FROM library_items i
  LEFT JOIN library_versions v ON v.id = i.current_version_id
  LEFT JOIN people p ON p.id = i.owner_id`;

export const todayIso = (d = new Date()) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = new Date(iso.slice(0, 10) + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Expired beats due-for-verification; verification is due `verify_every_days` after the last check (or creation). */
export function statusOf(
  r: { valid_until: string | null; verify_every_days: number | null; verified_at: string | null; created_at: string },
  today: string,
): ItemStatus {
  if (r.valid_until && r.valid_until < today) return 'expired';
  if (r.verify_every_days && addDays(r.verified_at ?? r.created_at, r.verify_every_days) <= today) return 'verify_due';
  return 'ok';
}

/** SQL fragments matching statusOf (parameter :today). */
export const SQL_EXPIRED = `(i.valid_until IS NOT NULL AND i.valid_until < :today)`;
export const SQL_VERIFY_DUE = `(i.verify_every_days IS NOT NULL AND date(substr(coalesce(i.verified_at, i.created_at), 1, 10), '+' || i.verify_every_days || ' days') <= :today)`;

export const parseTags = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

export function toListRow(r: ItemRow, today: string): LibraryListRow {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    tags: parseTags(r.tags),
    stage: r.stage,
    product: r.product,
    language: r.language,
    ownerName: r.owner_name,
    validUntil: r.valid_until,
    status: statusOf(r, today),
    fileKind: r.file_kind,
    fileName: r.file_name ?? '',
    sha256: r.sha256,
    mime: r.mime ?? '',
    size: r.size ?? 0,
    extractStatus: r.extract_status ?? 'none',
    updatedAt: r.updated_at,
    snippet: null,
    snippetFrom: null,
    titleSegments: null,
  };
}

/** Words that mark copies and revisions of the same document, ignored when looking for near-identical titles. */
const NOISE = new Set([
  'v',
  'ver',
  'version',
  'final',
  'copy',
  'draft',
  'new',
  'old',
  'updated',
  'rev',
  'копия',
  'версия',
  'новый',
  'новая',
  'финал',
  'черновик',
  '副本',
  '最终版',
  '草稿',
  '新版',
]);

/** Folded title without punctuation, version numbers, years and copy markers. */
export function titleKey(title: string): string {
  const words = fold(title.normalize('NFKD').replace(/\p{M}/gu, ''))
    .replace(/\.[a-z0-9]{2,5}$/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !NOISE.has(w) && !/^v?\d{1,2}$/.test(w) && !/^(19|20)\d\d$/.test(w) && !/^\d+$/.test(w));
  return words.join(' ');
}

/** Guesses a document's language from its letters (Han, Cyrillic, Latin). */
export function guessLanguage(text: string): 'en' | 'ru' | 'zh' | 'other' {
  const sample = text.slice(0, 5000);
  const han = (sample.match(/\p{Script=Han}/gu) ?? []).length;
  const cyr = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const lat = (sample.match(/[A-Za-z]/g) ?? []).length;
  if (han * 3 > cyr + lat && han > 10) return 'zh';
  if (cyr > lat && cyr > 20) return 'ru';
  if (lat > 20) return 'en';
  return 'other';
}
