/**
 * Demo library: 40+ real documents (PDF, DOCX, PPTX, XLSX, text, an image) in
 * English, Russian and Chinese, generated once by scripts/make-demo-library.mjs
 * and committed under resources/demo/library with their extracted text. The
 * seeder only copies the files into the store and writes rows (it must stay
 * well under 3 s), then invents a few months of usage: reps with higher hidden
 * skill use content somewhat more often, with plenty of noise.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileKind, FunnelStage, UsageContext } from '../../../shared/api/library';
import { putBlob } from '../../files/store';
import { insertItem, type Meta } from '../library/items';
import { addDays, todayIso } from '../library/rows';
import type { DemoContext } from './context';

interface DemoMeta {
  description: string;
  tags: string[];
  stage: FunnelStage;
  channel: string;
  product: string;
  audience: string;
  validDays?: number | null;
  verifyEvery?: number | null;
  verifiedDaysAgo?: number;
  owner: number;
}
interface Manifest {
  files: {
    file: string;
    sha256: string;
    size: number;
    mime: string;
    fileKind: FileKind;
    title: string;
    lang: string;
    meta: DemoMeta;
    text: string;
    pageCount: number | null;
    extractStatus: 'ok' | 'empty' | 'failed' | 'none';
    extractNote: string;
  }[];
  links: { title: string; url: string; lang: string; meta: DemoMeta }[];
  notes: { title: string; body: string; lang: string; meta: DemoMeta }[];
}

/** resources/demo/library, found from the source tree, the bundle (dist/main) or a packaged app. */
export function demoLibraryDir(): string | null {
  // Packaged: extraResources puts resources/demo at <resources>/demo.
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && fs.existsSync(path.join(packaged, 'demo', 'library', 'manifest.json'))) return path.join(packaged, 'demo', 'library');
  const starts = [__dirname, process.cwd(), (process as { resourcesPath?: string }).resourcesPath ?? ''].filter(Boolean);
  for (const s of starts) {
    let dir = s;
    for (let i = 0; i < 6; i++) {
      const cand = path.join(dir, 'resources', 'demo', 'library');
      if (fs.existsSync(path.join(cand, 'manifest.json'))) return cand;
      dir = path.dirname(dir);
    }
  }
  return null;
}

export function seedLibrary(ctx: DemoContext) {
  const dir = demoLibraryDir();
  if (!dir) {
    console.warn('[demo] resources/demo/library not found; the demo library stays empty');
    return;
  }
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const { db, rng } = ctx;
  const today = todayIso(ctx.now);
  const owners = [...ctx.managers, ...ctx.trainers];
  const ownerId = (i: number) => owners[i % Math.max(1, owners.length)]?.id ?? null;
  const actor = ctx.managers[0]?.id ?? null;
  const meta = (title: string, lang: string, d: DemoMeta): Meta => ({
    title,
    description: d.description,
    tags: d.tags,
    stage: d.stage,
    channel: d.channel,
    product: d.product,
    audience: d.audience,
    language: lang as Meta['language'],
    ownerId: ownerId(d.owner),
    validUntil: d.validDays == null ? null : addDays(today, d.validDays),
    verifyEveryDays: d.verifyEvery ?? null,
  });
  const setDates = db.prepare('UPDATE library_items SET created_at = ?, updated_at = ?, verified_at = ? WHERE id = ?');
  const setVersionDate = db.prepare('UPDATE library_versions SET created_at = ? WHERE item_id = ?');
  const ids: number[] = [];
  const dated = (id: number, d: DemoMeta) => {
    const verifiedAgo = d.verifiedDaysAgo ?? null;
    const createdAgo = Math.max((verifiedAgo ?? 0) + rng.int(5, 40), rng.int(95, 400));
    const created = addDays(today, -createdAgo) + 'T09:' + String(rng.int(10, 59)) + ':00.000Z';
    const verified = verifiedAgo == null ? null : addDays(today, -verifiedAgo) + 'T10:00:00.000Z';
    setDates.run(created, verified ?? created, verified, id);
    setVersionDate.run(created, id);
    ids.push(id);
  };

  for (const f of m.files) {
    putBlob(ctx.filesDir, path.join(dir, f.file), f.sha256);
    const id = insertItem(
      db,
      'file',
      meta(f.title, f.lang, f.meta),
      {
        version: {
          sha256: f.sha256,
          fileName: f.file,
          mime: f.mime,
          size: f.size,
          fileKind: f.fileKind,
          pageCount: f.pageCount,
          text: f.text,
          extractStatus: f.extractStatus,
          extractNote: f.extractNote,
        },
      },
      actor,
    );
    dated(id, f.meta);
  }
  for (const l of m.links) dated(insertItem(db, 'link', meta(l.title, l.lang, l.meta), { url: l.url }, actor), l.meta);
  for (const n of m.notes) dated(insertItem(db, 'note', meta(n.title, n.lang, n.meta), { bodyMd: n.body }, actor), n.meta);

  // Usage: a few items are popular, a tail is rarely or never used (the governance view needs both).
  const popularity = ids.map((_, i) => (i % 7 === 5 ? 0 : 1 / (1 + ((i * 7) % ids.length) * 0.35)));
  const totalPop = popularity.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = rng.next() * totalPop;
    for (let i = 0; i < ids.length; i++) {
      r -= popularity[i];
      if (r <= 0) return ids[i];
    }
    return ids[0];
  };
  const ins = db.prepare(
    `INSERT INTO library_usage(item_id, version_id, version, person_id, action, context, at)
     SELECT id, current_version_id, (SELECT version FROM library_versions v WHERE v.id = current_version_id), ?, ?, ?, ? FROM library_items WHERE id = ?`,
  );
  const created = db.prepare('SELECT substr(created_at, 1, 10) AS d FROM library_items WHERE id = ?');
  for (const rep of ctx.reps) {
    const skill = ctx.skill.get(rep.id) ?? 0.5;
    const n = Math.max(3, Math.round(rng.normal(10 + skill * 30, 8)));
    for (let k = 0; k < n; k++) {
      const item = pick();
      const since = (created.get(item) as { d: string }).d;
      const daysAgo = rng.int(0, 110);
      const day = addDays(today, -daysAgo);
      if (day < since) continue;
      const context: UsageContext = rng.chance(0.45) ? 'call' : rng.chance(0.5) ? 'library' : 'script';
      const action = rng.chance(0.7) ? 'open' : rng.chance(0.6) ? 'copy' : 'download';
      const at = `${day}T${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`;
      ins.run(rep.id, action, context, at, item);
    }
  }
}
