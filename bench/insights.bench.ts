/**
 * Insights bench: 1,000,000 deals for 500 reps over 3 years, written as a Bitrix24
 * export (Windows-1251, ";" and quotes, comma decimals, DD.MM.YYYY HH:MM:SS).
 * - import throughput (streaming, one transaction; in a child process so its peak RSS is its own)
 *   beside a bare better-sqlite3 prepared-insert loop of the same rows into the same table;
 * - the full Insights page (every chart, default filters) and filter changes.
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import Database from 'better-sqlite3';
import { createRng } from '../shared/domain/random';
import { openWorkspaceDb } from '../main/db/open';
import { createPerson, createTeam } from '../main/services/people';
import { dryRun, runImport, sniff } from '../main/services/crm/importer';
import { suggestStage } from '../main/services/crm/presets';
import type { CrmMapping } from '../shared/api/crm';
import { insightsPage, type Filters } from '../main/services/insights/page';
import { readDataset } from '../main/services/insights/dataset';
import { datasetAsync } from '../main/services/insights/datasetAsync';
import { percentile, report, rssMb, timeOnce, tmpDir, type Row } from './lib';

const ROOT = path.resolve(__dirname, '..');
const DEALS = Number(process.env.INSIGHTS_DEALS ?? 1_000_000);
const REPS = 500;
const END = Date.UTC(2026, 5, 30);
const START = END - 3 * 365 * 86_400_000;

const FIRST = [
  'Александр',
  'Мария',
  'Дмитрий',
  'Анна',
  'Сергей',
  'Елена',
  'Андрей',
  'Ольга',
  'Алексей',
  'Татьяна',
  'Максим',
  'Наталья',
  'Иван',
  'Ирина',
  'Павел',
  'Светлана',
  'Никита',
  'Юлия',
  'Михаил',
  'Екатерина',
];
const LAST = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
];
const FEMALE = new Set(['Мария', 'Анна', 'Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Юлия', 'Екатерина']);
const COMPANY = [
  'Вектор',
  'Орион',
  'Зенит',
  'Космос',
  'Луч',
  'Гранит',
  'Альянс',
  'Меридиан',
  'Северсталь-Сервис',
  'Балтика Трейд',
  'Технопарк',
  'Уралснаб',
  'Прогресс',
  'Ресурс',
  'Сибирь-Логистик',
];
const FORMS = ['ООО', 'АО', 'ИП', 'ПАО'];
const SOURCES = ['Сайт', 'Звонок', 'Выставка', 'Рекомендация', 'Партнёр', 'Маркетплейс', 'Электронная почта', 'Реклама'];
const PRODUCTS = ['CRM Облако', 'Аналитика', 'Внедрение', 'Оборудование', 'Поддержка 24/7'];
const OPEN = ['Новая', 'Подготовка документов', 'Счёт на предоплату', 'В работе'];

function repName(i: number) {
  const f = FIRST[i % FIRST.length];
  const l = LAST[Math.floor(i / FIRST.length) % LAST.length];
  return `${f} ${FEMALE.has(f) ? l.replace(/(ов|ев|ёв|ин)$/, '$1а').replace(/ий$/, 'ая') : l}${i >= FIRST.length * LAST.length ? ' ' + (i + 1) : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dmy = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

interface Deal {
  id: number;
  name: string;
  stage: string;
  status: 'open' | 'won' | 'lost';
  pos: number;
  amount: number;
  rep: number;
  created: number;
  closed: number | null;
  company: string;
  source: string;
  repeat: boolean;
  product: string;
}

/** Deterministic deal generator: each rep has a skill; customers come back more to skilled reps. */
function* deals(): Generator<Deal> {
  const rng = createRng(7);
  const skill = Array.from({ length: REPS }, () => Math.min(0.95, Math.max(0.1, rng.normal(0.55, 0.17))));
  const won: number[][] = Array.from({ length: REPS }, () => []);
  for (let i = 0; i < DEALS; i++) {
    const rep = Math.floor(rng.next() * REPS);
    const created = START + Math.floor((i / DEALS) * (END - START)) + Math.floor(rng.next() * 3_600_000);
    const repeat = won[rep].length > 3 && rng.chance(0.2 + 0.3 * skill[rep]);
    // accounts belong to a rep's territory (1,000 each); repeat business comes from the rep's won accounts
    const customer = repeat ? won[rep][Math.floor(rng.next() * won[rep].length)] : rep * 1000 + Math.floor(rng.next() * 1000);
    const closedMs = created + (5 + Math.floor(rng.next() * 80)) * 86_400_000;
    let status: Deal['status'], stage: string, pos: number;
    if (closedMs > END) {
      status = 'open';
      pos = 1 + Math.floor(rng.next() * 4);
      stage = OPEN[pos - 1];
    } else if (rng.chance(Math.min(0.9, 0.15 + 0.5 * skill[rep] + (repeat ? 0.1 : 0)))) {
      status = 'won';
      stage = 'Сделка успешна';
      pos = 5;
      if (!repeat && won[rep].length < 400) won[rep].push(customer);
    } else {
      status = 'lost';
      stage = 'Сделка провалена';
      pos = 1;
    }
    const company = `${FORMS[customer % 4]} «${COMPANY[customer % COMPANY.length]}-${customer}»`;
    yield {
      id: 100000 + i,
      name: `${company}: поставка ${i}`,
      stage,
      status,
      pos,
      amount: Math.round(Math.exp(rng.normal(Math.log(60000), 0.8)) * 100) / 100,
      rep,
      created,
      closed: status === 'open' ? null : closedMs,
      company,
      source: SOURCES[Math.floor(rng.next() * SOURCES.length)],
      repeat,
      product: PRODUCTS[Math.floor(rng.next() * PRODUCTS.length)],
    };
  }
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

function writeCsv(file: string) {
  const fd = fs.openSync(file, 'w');
  const header = [
    'ID',
    'Название',
    'Стадия сделки',
    'Сумма',
    'Валюта',
    'Ответственный',
    'Дата создания',
    'Дата закрытия',
    'Компания',
    'Источник',
    'Тип',
    'Продукт',
  ];
  let buf = header.map(q).join(';') + '\r\n';
  for (const d of deals()) {
    buf +=
      [
        String(d.id),
        d.name,
        d.stage,
        d.amount.toFixed(2).replace('.', ','),
        'RUB',
        repName(d.rep),
        dmy(d.created),
        d.closed ? dmy(d.closed) : '',
        d.company,
        d.source,
        d.repeat ? 'Повторная продажа' : 'Продажа',
        d.product,
      ]
        .map(q)
        .join(';') + '\r\n';
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, iconv.encode(buf, 'win1251'));
      buf = '';
    }
  }
  fs.writeSync(fd, iconv.encode(buf, 'win1251'));
  fs.closeSync(fd);
}

function seedPeople(dbFile: string) {
  const { db } = openWorkspaceDb(dbFile, { create: true });
  const ids: number[] = [];
  db.transaction(() => {
    const teams = Array.from({ length: 10 }, (_, i) => createTeam(db, { name: `Отдел ${i + 1}`, description: '', managerId: null }).id);
    for (let i = 0; i < REPS; i++)
      ids.push(
        createPerson(db, {
          name: repName(i),
          email: `rep${i}@bench.example`,
          roles: ['rep'],
          teamId: teams[i % 10],
          names: { ru: repName(i), zh: '' },
          hiredAt: null,
        }).id,
      );
    const rng = createRng(7);
    const skill = Array.from({ length: REPS }, () => Math.min(0.95, Math.max(0.1, rng.normal(0.55, 0.17))));
    // competence for the charts (interim scores read the demo skill)
    db.prepare("INSERT INTO meta(key, value) VALUES ('demo_skill', ?)").run(JSON.stringify(ids.map((id, i) => [id, skill[i]])));
  })();
  db.close();
  return ids;
}

function db2errors(f: string) {
  const d = new Database(f, { readonly: true });
  const e = d.prepare('SELECT errors FROM crm_import_batches ORDER BY id DESC LIMIT 1').pluck().get() as string;
  d.close();
  return (JSON.parse(e) as unknown[]).slice(0, 5);
}

/** Child: import the file into the prepared workspace, report time and peak RSS. */
async function child(dbFile: string, csv: string, mappingFile: string) {
  const { db } = openWorkspaceDb(dbFile);
  const file = { id: 'b'.repeat(32), path: csv, name: path.basename(csv), size: fs.statSync(csv).size };
  let peak = rssMb();
  let heapAtPeak = 0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss / 1048576 > peak) {
      peak = m.rss / 1048576;
      heapAtPeak = m.heapUsed / 1048576;
    }
  }, 25);
  const mapping = JSON.parse(fs.readFileSync(mappingFile, 'utf8')) as CrmMapping;
  const t0 = performance.now();
  const job = await runImport(db, file, 'bitrix24', mapping, null);
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, rssMb());
  db.close();
  const errs = db2errors(dbFile);
  if (process.env.INSIGHTS_MEM) console.log('heap at peak', heapAtPeak, process.memoryUsage());
  process.send!({ ms, peak, counts: job.counts, preset: 'bitrix24', encoding: 'Windows-1251', errs });
}

async function main() {
  if (process.argv[2] === 'child') return child(process.argv[3], process.argv[4], process.argv[5]);
  // the import parses on the app's worker thread: build the main bundle so it is current (the child inherits the path)
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--main-only'], { stdio: 'inherit' });
  process.env.SWB_CRM_WORKER = path.join(ROOT, 'dist/main/crm-parse-worker.cjs');
  // and writes on the jobs worker, as in the app (in-process, the import commits at every pause of the parser:
  // a save on the same thread can only run then)
  process.env.SWB_JOBS_WORKER = path.join(ROOT, 'dist/main/jobs-worker.cjs');
  // INSIGHTS_DIR keeps the generated file between runs (for profiling); the workspace is always fresh
  const keep = process.env.INSIGHTS_DIR;
  const dir = keep ?? tmpDir('insights');
  if (keep) fs.mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, `bitrix24_deals_${DEALS}.csv`);
  const dbFile = path.join(dir, 'w.sqlite');
  for (const f of [
    dbFile,
    `${dbFile}-wal`,
    `${dbFile}-shm`,
    path.join(dir, 'baseline.sqlite'),
    path.join(dir, 'baseline.sqlite-wal'),
    path.join(dir, 'baseline.sqlite-shm'),
  ])
    fs.rmSync(f, { force: true });
  const rows: Row[] = [];
  if (!keep || !fs.existsSync(csv)) {
    const tGen = timeOnce(() => writeCsv(csv));
    console.log(`generated ${DEALS} deals in ${(tGen / 1000).toFixed(1)} s`);
  }
  const size = fs.statSync(csv).size;
  const repIds = seedPeople(dbFile);
  // the wizard's steps, as a user would take them: sniff, dry run (stages first seen later in the file get the suggested mapping)
  const mappingFile = path.join(dir, 'mapping.json');
  {
    const { db } = openWorkspaceDb(dbFile);
    const file = { id: 'b'.repeat(32), path: csv, name: path.basename(csv), size };
    const s = await sniff(db, file);
    const tDry = performance.now();
    const dr = await dryRun(db, file, s.source, s.mapping);
    rows.push({
      metric: 'dry run: seconds (whole file, counts + errors)',
      value: (performance.now() - tDry) / 1000,
      unit: 's',
      target: null,
      better: 'lower',
    });
    if (process.env.INSIGHTS_STOP === 'dry') process.exit(0);
    for (const st of dr.unmappedStages) s.mapping.stages[st.value] = suggestStage(st.value);
    fs.writeFileSync(mappingFile, JSON.stringify(s.mapping));
    db.close();
  }

  const result = await new Promise<{
    ms: number;
    peak: number;
    counts: { valid: number; invalid: number };
    preset: string;
    encoding: string;
  }>((resolve, reject) => {
    const c = fork(process.argv[1], ['child', dbFile, csv, mappingFile], {
      execArgv: ['--expose-gc', ...(process.env.INSIGHTS_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/insprof'] : [])],
    });
    c.on('message', (m) => resolve(m as never));
    c.on('exit', (code) => code && reject(new Error(`import child exited with ${code}`)));
  });
  console.log(
    `import: ${result.preset} ${result.encoding}, ${result.counts.valid} valid, ${result.counts.invalid} invalid`,
    JSON.stringify((result as unknown as { errs: unknown }).errs),
  );
  const importRate = result.counts.valid / (result.ms / 1000);

  // Baseline: the same rows, already parsed, into the same table (same indexes) with a bare prepared INSERT, 100,000 rows per transaction.
  const base = new Database(path.join(dir, 'baseline.sqlite'));
  base.pragma('journal_mode = WAL');
  const ddl = (
    new Database(dbFile, { readonly: true }).prepare("SELECT sql FROM sqlite_schema WHERE name = 'crm_deals'").pluck().get() as string
  ).replace(/REFERENCES \w+\(id\)( ON DELETE SET NULL)?/g, '');
  base.exec(ddl);
  base.exec(
    'CREATE INDEX crm_deals_rep_closed ON crm_deals(rep_id, closed_at); CREATE INDEX crm_deals_batch ON crm_deals(batch_id); CREATE INDEX crm_deals_customer ON crm_deals(customer_id);',
  );
  const ins = base.prepare(
    `INSERT INTO crm_deals(source, external_id, name, customer_id, rep_id, amount, currency, stage, stage_pos, status, created_at, closed_at, channel, product, is_repeat, csat, nps, batch_id)
     VALUES ('bitrix24', ?, ?, ?, ?, ?, 'RUB', ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1)`,
  );
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  let insertMs = 0;
  let chunk: unknown[][] = [];
  const flush = () => {
    const t0 = performance.now();
    base.transaction(() => {
      for (const r of chunk) ins.run(...r);
    })();
    insertMs += performance.now() - t0;
    chunk = [];
  };
  // customer ids as the import assigns them: in order of first appearance of the company
  const customerIds = new Map<string, number>();
  for (const d of deals()) {
    let cust = customerIds.get(d.company);
    if (cust === undefined) customerIds.set(d.company, (cust = customerIds.size + 1));
    chunk.push([
      String(d.id),
      d.name,
      cust,
      repIds[d.rep],
      d.amount,
      d.stage,
      d.pos,
      d.status,
      iso(d.created),
      d.closed ? iso(d.closed) : null,
      d.source,
      d.product,
      d.repeat ? 1 : 0,
    ]);
    if (chunk.length === 100_000) flush();
  }
  flush();
  base.close();
  const baseRate = DEALS / (insertMs / 1000);

  rows.push({
    metric: 'import: deals/s (CSV 1M, Win-1251, streaming, short transactions on the jobs worker)',
    value: importRate,
    unit: 'rows/s',
    target: null,
    better: 'higher',
  });
  rows.push({
    metric: 'baseline: bare prepared INSERT deals/s (same rows)',
    value: baseRate,
    unit: 'rows/s',
    target: null,
    better: 'higher',
  });
  rows.push({ metric: 'import throughput / baseline', value: importRate / baseRate, unit: 'x', target: 0.5, better: 'higher' });
  rows.push({ metric: 'import: total seconds', value: result.ms / 1000, unit: 's', target: null, better: 'lower' });
  rows.push({ metric: 'import: peak RSS', value: result.peak, unit: 'MB', target: 300, better: 'lower' });
  rows.push({ metric: 'file size', value: size / 1048576, unit: 'MB', target: null, better: 'lower' });

  // The Insights page over the imported million deals.
  const { db } = openWorkspaceDb(dbFile);
  const F = (f: Partial<Filters> = {}): Filters => ({
    teamId: null,
    from: null,
    to: null,
    channel: null,
    product: null,
    business: 'all',
    lag: false,
    windowDays: 90,
    ...f,
  });
  // First load after the import, as the app does it: the deal columns are read on a worker
  // thread while the API thread stays free (its longest stall is measured), then the page.
  process.env.SWB_DATASET_WORKER = path.join(ROOT, 'dist/main/insights-dataset-worker.cjs');
  let maxStall = 0;
  const rssBefore = rssMb();
  let readPeak = rssBefore;
  let tick = performance.now();
  const stallTimer = setInterval(() => {
    const now = performance.now();
    maxStall = Math.max(maxStall, now - tick - 5);
    readPeak = Math.max(readPeak, rssMb());
    tick = now;
  }, 5);
  const tRead = performance.now();
  await datasetAsync(db);
  const readMs = performance.now() - tRead;
  clearInterval(stallTimer);
  const cold = readMs + timeOnce(() => insightsPage(db, F()));
  const inThread = timeOnce(() => db.transaction(() => readDataset(db))());
  const warm: number[] = [];
  for (let i = 0; i < 30; i++) warm.push(timeOnce(() => insightsPage(db, F())));
  warm.sort((a, b) => a - b);
  const teams = db.prepare('SELECT id FROM teams').pluck().all() as number[];
  const variants: Partial<Filters>[] = [
    ...teams.slice(0, 5).map((teamId) => ({ teamId })),
    { channel: 'online' },
    { channel: 'indirect' },
    { channel: 'Сайт' },
    { product: 'Аналитика' },
    { business: 'repeat' },
    { business: 'new' },
    { lag: true },
    { from: '2024-01-01', to: '2024-12-31' },
    { from: '2025-07-01', to: '2026-06-30', teamId: teams[1] },
    { teamId: teams[2], channel: 'direct', business: 'new' },
  ];
  const changes = variants.map((v) => timeOnce(() => insightsPage(db, F(v)))).sort((a, b) => a - b);
  // the widest range the contract accepts: the page clamps it to the data, so it costs what the data's span costs
  const widest: number[] = [];
  let widestMonths = 0;
  for (let i = 0; i < 10; i++)
    widest.push(
      timeOnce(() => {
        widestMonths = insightsPage(db, F({ from: '1900-01-01', to: '2200-12-31' })).trends.team.length;
      }),
    );
  widest.sort((a, b) => a - b);
  // baseline: the one SQL aggregate a naive page would run per chart (close rate per rep for the period)
  const sqlTimes: number[] = [];
  for (let i = 0; i < 5; i++)
    sqlTimes.push(
      timeOnce(() =>
        db
          .prepare(
            "SELECT rep_id, SUM(status='won'), SUM(status='lost') FROM crm_deals WHERE closed_at BETWEEN '2025-07-01' AND '2026-06-30T23:59:59' GROUP BY rep_id",
          )
          .all(),
      ),
    );
  sqlTimes.sort((a, b) => a - b);
  db.close();
  rows.push({
    metric: 'page: first load after the import (columns read on a worker + page)',
    value: cold,
    unit: 'ms',
    target: null,
    better: 'lower',
  });
  rows.push({
    metric: 'API thread: longest stall while the worker reads the columns',
    value: maxStall,
    unit: 'ms',
    target: null,
    better: 'lower',
  });
  rows.push({
    metric: 'process RSS growth while the worker reads the columns',
    value: readPeak - rssBefore,
    unit: 'MB',
    target: null,
    better: 'lower',
  });
  rows.push({ metric: 'baseline: reading the columns on the API thread', value: inThread, unit: 'ms', target: null, better: 'lower' });
  rows.push({
    metric: 'page: all charts, default filters (p95 of 30)',
    value: percentile(warm, 95),
    unit: 'ms',
    target: 150,
    better: 'lower',
  });
  rows.push({
    metric: 'page: all charts, default filters (p50 of 30)',
    value: percentile(warm, 50),
    unit: 'ms',
    target: null,
    better: 'lower',
  });
  rows.push({
    metric: 'page: filter change (p95 of 15 variants)',
    value: percentile(changes, 95),
    unit: 'ms',
    target: 150,
    better: 'lower',
  });
  rows.push({
    metric: 'page: widest accepted range 1900-01-01..2200-12-31 (p95 of 10)',
    value: percentile(widest, 95),
    unit: 'ms',
    target: 150,
    better: 'lower',
  });
  rows.push({
    metric: 'page: months iterated for the widest range (= the data span, not 119,988)',
    value: widestMonths,
    unit: 'months',
    target: null,
    better: 'lower',
  });
  rows.push({
    metric: 'baseline: one SQL GROUP BY close rate per rep (p50)',
    value: percentile(sqlTimes, 50),
    unit: 'ms',
    target: null,
    better: 'lower',
  });
  report('insights', rows);
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
