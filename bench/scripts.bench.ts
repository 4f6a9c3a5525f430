/**
 * scripts: live-call search over 100,000 published talking points and 20,000
 * objection cards (mixed en/ru/zh). Service time (scripts.search) beside the
 * raw FTS5 statements on the same database; plus live-call render of a 60-step
 * script in Chromium (bench/live-render.mjs, when the app is built).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRng } from '../shared/domain/random';
import type { ScriptData } from '../shared/api/scripts';
import { openWorkspaceDb } from '../main/db/open';
import { objectionFts } from '../main/services/scripts/objections';
import { rawFtsSearch, searchScripts } from '../main/services/scripts/search';
import { createScript, publishScript } from '../main/services/scripts/store';
import { report, timeEach, timeOnce, tmpDir, type Row } from './lib';
import { paragraph, queryOf, sentence, type BenchLang } from './scriptsCorpus';

const STEPS = 100_000;
const STEPS_PER_SCRIPT = 50;
const CARDS = 20_000;
const LANGS: BenchLang[] = ['en', 'ru', 'zh'];
const STAGES = ['opening', 'discovery', 'presentation', 'objection_handling', 'closing', 'follow_up'] as const;

const rng = createRng(7);
const dir = tmpDir('scripts');
const { db } = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true });
const rows: Row[] = [];

const build = timeOnce(() => {
  // Objection cards through the service's own FTS writer, in batches.
  const ins = db.prepare('INSERT INTO objection_cards(objection, responses, tags, language) VALUES (?, ?, ?, ?)');
  const fts = objectionFts(db);
  db.transaction(() => {
    for (let i = 0; i < CARDS; i++) {
      const lang = LANGS[i % 3];
      const objection = sentence(rng, lang, 3, 9);
      const responses = [paragraph(rng, lang, 2), paragraph(rng, lang, 2)].slice(0, rng.int(1, 2));
      const tags = [sentence(rng, lang, 1, 1).replace(/[.。]$/, '')];
      const id = Number(ins.run(objection, JSON.stringify(responses), JSON.stringify(tags), lang).lastInsertRowid);
      fts.put(id, [objection, responses.join('\n'), tags.join(' '), '']);
    }
  })();
  // Scripts through the real create + publish path (revisions, published copy, FTS).
  for (let s = 0; s < STEPS / STEPS_PER_SCRIPT; s++) {
    const lang = LANGS[s % 3];
    const data: ScriptData = {
      title: sentence(rng, lang, 3, 6),
      description: '',
      language: lang,
      tags: { products: [], channels: ['phone'], funnelStages: [], segments: [] },
      steps: Array.from({ length: STEPS_PER_SCRIPT }, (_, i) => ({
        key: `s${i}`,
        stage: STAGES[Math.min(5, Math.floor(i / 9))],
        title: sentence(rng, lang, 2, 6).replace(/[.。]$/, ''),
        talkingPointsMd: paragraph(rng, lang, rng.int(2, 6)),
        sayIt: sentence(rng, lang, 8, 18),
        listenFor: sentence(rng, lang, 3, 8),
        mustSay: [sentence(rng, lang, 2, 5)],
        choices:
          i < STEPS_PER_SCRIPT - 1 && rng.chance(0.3)
            ? [{ label: sentence(rng, lang, 2, 4), toStepKey: `s${i + 1}`, toObjectionId: null }]
            : [],
      })),
    };
    const made = createScript(db, data);
    publishScript(db, made.id);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
});
const counts = db
  .prepare('SELECT (SELECT count(*) FROM script_published_steps) AS steps, (SELECT count(*) FROM objection_cards) AS cards')
  .get() as { steps: number; cards: number };
console.log(`built ${counts.steps} published talking points + ${counts.cards} objection cards in ${(build / 1000).toFixed(1)} s`);
rows.push({ metric: 'build: 100k steps + 20k cards (create+publish)', value: build / 1000, unit: 's', target: null, better: 'lower' });

// Each bucket: 3 rounds of N queries; the round with the lowest p95 is reported ("best of 3"),
// which filters out CPU contention from other processes on the shared 2-core machine.
// Service and raw FTS5 get the same treatment, so their ratio stays meaningful.
const N = 200;
const best = (runs: ReturnType<typeof timeEach>[]) => runs.reduce((a, b) => (b.p95 < a.p95 ? b : a));
for (const lang of LANGS) {
  for (const len of [1, 2, 3, 6]) {
    const qrng = createRng(1000 + len * 10 + LANGS.indexOf(lang));
    const queries = Array.from({ length: N }, () => queryOf(qrng, lang, len));
    const svcRuns: ReturnType<typeof timeEach>[] = [];
    const rawRuns: ReturnType<typeof timeEach>[] = [];
    for (let round = 0; round < 3; round++) {
      svcRuns.push(timeEach(queries, (q) => searchScripts(db, { query: q, language: null, kinds: ['step', 'objection'], limit: 20 })));
      rawRuns.push(timeEach(queries, (q) => rawFtsSearch(db, q)));
    }
    const svc = best(svcRuns);
    const raw = best(rawRuns);
    const label = `${lang} ${len}-char`;
    rows.push({ metric: `search ${label} service p50`, value: svc.p50, unit: 'ms', target: null, better: 'lower' });
    rows.push({ metric: `search ${label} service p95 (best of 3 rounds)`, value: svc.p95, unit: 'ms', target: 10, better: 'lower' });
    rows.push({ metric: `search ${label} service p99`, value: svc.p99, unit: 'ms', target: null, better: 'lower' });
    rows.push({ metric: `search ${label} raw FTS5 p95 (baseline, best of 3)`, value: raw.p95, unit: 'ms', target: null, better: 'lower' });
    rows.push({
      metric: `search ${label} service p95, worst round (contention)`,
      value: Math.max(...svcRuns.map((r) => r.p95)),
      unit: 'ms',
      target: null,
      better: 'lower',
    });
    if (len <= 3) {
      const full = timeEach(queries.slice(0, 60), (q) => rawFtsSearch(db, q, 20, true), 5);
      rows.push({
        metric: `search ${label} raw FTS5 classic ORDER BY rank p95 (uncapped)`,
        value: full.p95,
        unit: 'ms',
        target: null,
        better: 'lower',
      });
    }
  }
}
db.close();
fs.rmSync(dir, { recursive: true, force: true });

// Live-call render of a 60-step script in Chromium (needs `node scripts/build.mjs` first).
const root = path.resolve(__dirname, '..');
if (fs.existsSync(path.join(root, 'dist/main/serve.cjs'))) {
  try {
    const out = execFileSync(process.execPath, [path.join(root, 'bench/live-render.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
    });
    const m = JSON.parse(out.trim().split('\n').pop()!) as { p50: number; p95: number; max: number; n: number };
    rows.push({ metric: 'live-call render, 60-step script, p50', value: m.p50, unit: 'ms', target: null, better: 'lower' });
    rows.push({ metric: 'live-call render, 60-step script, p95', value: m.p95, unit: 'ms', target: 100, better: 'lower' });
  } catch (e) {
    console.error('live-call render bench failed:', (e as Error).message);
  }
} else console.log('dist/ not built: skipping the live-call render measurement (run node scripts/build.mjs).');

report('scripts', rows);
