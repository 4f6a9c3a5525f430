/**
 * Foundation bench: workspace open + migrate, demo generation, people list
 * page at 10,000 people (beside a bare indexed SELECT of the same page), and
 * browser-host cold start to the first API answer; the renderer's first chunk and the
 * first screen in Chromium (beside the total JS and the HTML response).
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceDb } from '../main/db/open';
import { generateDemo } from '../main/services/demo';
import { listPeople, personSearchText } from '../main/services/people';
import { createRng } from '../shared/domain/random';
import { report, timeEach, timeOnce, tmpDir, type Row } from './lib';

const dir = tmpDir('foundation');
const rows: Row[] = [];

// 1. Open + migrate a new workspace; then reopen an existing one.
const file = path.join(dir, 'w.sqlite');
const openNew = timeOnce(() => openWorkspaceDb(file, { create: true }).db.close());
const reopen = timeEach(Array.from({ length: 20 }), () => openWorkspaceDb(file).db.close(), 2);
rows.push({ metric: 'workspace create + migrate', value: openNew, unit: 'ms', target: null, better: 'lower' });
rows.push({ metric: 'workspace open (existing) p50', value: reopen.p50, unit: 'ms', target: null, better: 'lower' });

// 2. Demo generation (every seeder registered in main/services/demo).
const demoFile = path.join(dir, 'demo.sqlite');
const demoDb = openWorkspaceDb(demoFile, { create: true }).db;
const demoMs = timeOnce(() => generateDemo(demoDb, { filesDir: path.join(dir, 'demo.files') }));
demoDb.close();
// the demo must be ready within a first start's patience (moved here from the unit tests' old 3 s limits)
rows.push({ metric: 'demo workspace generation', value: demoMs, unit: 'ms', target: 3000, better: 'lower' });

// 3. People list at 10,000 people with realistic en/ru/zh names.
const FIRST_EN = [
  'Anna',
  'Ivan',
  'Maria',
  'James',
  'Emily',
  'Michael',
  'Sophie',
  'Daniel',
  'Olivia',
  'Thomas',
  'Laura',
  'Peter',
  'Kate',
  'Robert',
  'Helen',
  'David',
];
const LAST_EN = [
  'Petrova',
  'Sokolov',
  'Carter',
  'Johnson',
  'Brown',
  'Martin',
  'Wilson',
  'Taylor',
  'Moore',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'King',
  'Wright',
];
const FIRST_RU = [
  'Анна',
  'Иван',
  'Мария',
  'Дмитрий',
  'Ольга',
  'Сергей',
  'Елена',
  'Павел',
  'Нина',
  'Алексей',
  'Светлана',
  'Наталья',
  'Ирина',
  'Марина',
  'Юлия',
  'Андрей',
];
const LAST_RU = [
  'Петрова',
  'Соколов',
  'Иванова',
  'Кузнецов',
  'Смирнова',
  'Попов',
  'Волкова',
  'Морозов',
  'Орлова',
  'Фёдоров',
  'Козлова',
  'Сорокина',
  'Белова',
  'Зайцева',
  'Новикова',
  'Лебедев',
];
const SURN_ZH = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN_ZH = ['伟', '芳', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '丽', '强'];
const bigFile = path.join(dir, 'people.sqlite');
const big = openWorkspaceDb(bigFile, { create: true }).db;
const rng = createRng(7);
const teams = ['North', 'East', 'West', 'South', 'Central', 'Enterprise', 'SMB', 'Partners'].map(
  (n) => big.prepare('INSERT INTO teams(name, name_key) VALUES (?, ?) RETURNING id').get(n, n.toLowerCase()) as { id: number },
);
const insP = big.prepare('INSERT INTO people(name, email, team_id, hired_at, active, search_text) VALUES (?, ?, ?, ?, ?, ?)');
const insN = big.prepare('INSERT INTO person_names(person_id, locale, name) VALUES (?, ?, ?)');
const insR = big.prepare('INSERT INTO person_roles(person_id, role) VALUES (?, ?)');
big.transaction(() => {
  for (let i = 0; i < 10_000; i++) {
    const p = {
      name: `${rng.pick(FIRST_EN)} ${rng.pick(LAST_EN)}`,
      names: { ru: `${rng.pick(FIRST_RU)} ${rng.pick(LAST_RU)}`, zh: rng.pick(SURN_ZH) + rng.pick(GIVEN_ZH) },
      email: `person${i}@example.com`,
    };
    const { lastInsertRowid } = insP.run(
      p.name,
      p.email,
      rng.pick(teams).id,
      `20${10 + rng.int(0, 15)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      rng.chance(0.9) ? 1 : 0,
      personSearchText(p),
    );
    for (const [l, n] of Object.entries(p.names)) insN.run(lastInsertRowid, l, n);
    insR.run(lastInsertRowid, rng.chance(0.85) ? 'rep' : rng.pick(['manager', 'trainer', 'admin']));
  }
})();
const base = { query: '', teamId: null, role: null, includeInactive: false, sort: 'name' as const, limit: 50 };
const offsets = Array.from({ length: 200 }, (_, i) => (i * 47) % 9000);
const page = timeEach(offsets, (offset) => listPeople(big, { ...base, offset }));
const bare = big.prepare('SELECT id, name, email FROM people WHERE active = 1 ORDER BY name COLLATE NOCASE, id LIMIT 50 OFFSET ?');
const bareT = timeEach(offsets, (offset) => bare.all(offset));
const queries = ['анна', 'petrova', '王', 'соколов иван', 'person12', 'wilson', '芳', 'kate'];
const search = timeEach(
  Array.from({ length: 200 }, (_, i) => queries[i % queries.length]),
  (query) => listPeople(big, { ...base, query, offset: 0 }),
);
big.close();
rows.push({ metric: 'people list page @10k p95 (service)', value: page.p95, unit: 'ms', target: 20, better: 'lower' });
rows.push({ metric: 'people list page @10k p95 (bare SELECT baseline)', value: bareT.p95, unit: 'ms', target: null, better: 'lower' });
rows.push({ metric: 'people search @10k p95 (ru/en/zh, service)', value: search.p95, unit: 'ms', target: 20, better: 'lower' });

// 4. Browser host cold start to first API answer (fresh data folder: includes demo generation).
async function coldStart(demo: boolean): Promise<number> {
  const data = fs.mkdtempSync(path.join(dir, 'host-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [
    path.join(__dirname, '..', 'dist/main/serve.cjs'),
    '--port',
    '0',
    '--data',
    data,
    '--token',
    'b',
    ...(demo ? [] : ['--no-demo']),
  ]);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /READY port=(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(out)));
  });
  const res = await fetch(`http://127.0.0.1:${port}/api/workspace.info`, {
    method: 'POST',
    headers: { Authorization: 'Bearer b' },
    body: '{}',
  });
  await res.json();
  const ms = performance.now() - t0;
  child.kill();
  return ms;
}

// 5. Renderer bundle: the entry chunk and what index.html preloads with it, beside all the JS (pages load on first visit).
function bundleSizes(): { entry: number; initial: number; total: number } | null {
  const dist = path.join(__dirname, '..', 'dist/renderer');
  if (!fs.existsSync(path.join(dist, 'index.html'))) return null;
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const kb = (rel: string) => fs.statSync(path.join(dist, rel)).size / 1024;
  const entry = /<script[^>]+src="\.\/([^"]+\.js)"/.exec(html)![1];
  const preloads = [...html.matchAll(/rel="modulepreload"[^>]*href="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const all = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    entry: kb(entry),
    initial: kb(entry) + preloads.reduce((a, p) => a + kb(p), 0),
    total: all.reduce((a, f) => a + kb(`assets/${f}`), 0),
  };
}

// 6. First screen (the navigation drawn) after the page starts loading, in a fresh browser context each time,
// beside the HTML response of the same navigation (Navigation Timing).
async function firstScreen(): Promise<{ screen: number; html: number }> {
  const data = fs.mkdtempSync(path.join(dir, 'screen-'));
  const child = spawn(process.execPath, [
    path.join(__dirname, '..', 'dist/main/serve.cjs'),
    '--port',
    '0',
    '--data',
    data,
    '--token',
    'b',
    '--no-demo',
  ]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY port=(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', () => reject(new Error(out)));
    });
    const screens: number[] = [];
    const htmls: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(`http://127.0.0.1:${port}/?token=b`, { waitUntil: 'commit' });
      await page.getByRole('link', { name: 'Home' }).first().waitFor();
      const t = await page.evaluate(() => ({
        screen: performance.now(),
        html: (performance as unknown as { getEntriesByType(t: string): { responseEnd: number }[] }).getEntriesByType('navigation')[0]
          .responseEnd,
      }));
      await ctx.close();
      if (i === 0) continue; // the first load warms the host's file cache
      screens.push(t.screen);
      htmls.push(t.html);
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    return { screen: median(screens), html: median(htmls) };
  } finally {
    await browser.close();
    child.kill();
  }
}

void (async () => {
  if (fs.existsSync(path.join(__dirname, '..', 'dist/main/serve.cjs'))) {
    rows.push({
      metric: 'browser host cold start → first API answer (first run, demo)',
      value: await coldStart(true),
      unit: 'ms',
      target: 3000,
      better: 'lower',
    });
    rows.push({
      metric: 'browser host cold start → first API answer (empty)',
      value: await coldStart(false),
      unit: 'ms',
      target: 1000,
      better: 'lower',
    });
    const screen = await firstScreen();
    rows.push({
      metric: 'first screen (navigation drawn) after page start, median',
      value: screen.screen,
      unit: 'ms',
      target: 1000,
      better: 'lower',
    });
    rows.push({ metric: 'first screen baseline: HTML response end', value: screen.html, unit: 'ms', target: null, better: 'lower' });
  } else console.log('(dist/ missing: run `npm run build` to measure the browser host cold start)');
  const b = bundleSizes();
  if (b) {
    rows.push({ metric: 'renderer entry chunk', value: b.entry, unit: 'kB', target: 800, better: 'lower' });
    rows.push({
      metric: 'renderer JS loaded on the first screen (entry + preloads)',
      value: b.initial,
      unit: 'kB',
      target: null,
      better: 'lower',
    });
    rows.push({ metric: 'renderer JS total (baseline)', value: b.total, unit: 'kB', target: null, better: 'lower' });
  }
  report('foundation', rows);
  fs.rmSync(dir, { recursive: true, force: true });
})();
