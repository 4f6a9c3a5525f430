/**
 * Demo CRM outcomes: 18 months of deals for the demo reps, derived from each rep's
 * hidden skill with noise (close probability, repeat business, customer ratings),
 * and a small lift in close rate after each course the rep completed in the training
 * demo (capped), so the training-effect chart has a real but modest effect to find.
 */
import { valueKey } from '../../../shared/domain/crmParse';
import { bumpCrmVersion } from '../crm/importWrite';
import { defaultChannelGroup } from '../crm/presets';
import type { DemoContext } from './context';

const CUSTOMERS: Record<string, string[]> = {
  North: [
    'ООО «Вектор»',
    'ООО «Орион»',
    'АО «Северсталь-Сервис»',
    'ООО «Зенит»',
    'ИП Кузьмин',
    'ООО «Космос»',
    'ООО «Балтика Трейд»',
    'АО «Уралмаш-Снаб»',
    'ООО «Технопарк»',
    'ООО «Луч»',
  ],
  East: [
    '东方贸易有限公司',
    '天成科技',
    '恒通物流',
    '博远电子',
    '宏达制造',
    '华信咨询',
    '金桥商贸',
    '瑞丰食品',
    'Pacific Rim Traders',
    'Lotus Distribution',
  ],
  West: [
    'Northwind Traders',
    'Contoso Ltd',
    'Fabrikam Inc',
    'Globex GmbH',
    'Vertex Partners',
    'Initech',
    'Umbrella Retail',
    'Stark Logistics',
    'Wayne Foods',
    'Acme Supplies',
  ],
};
const CHANNELS = ['Website', 'Phone', 'Exhibition', 'Referral', 'Partner', 'Marketplace'];
const CHANNEL_WEIGHT = [0.24, 0.22, 0.1, 0.16, 0.16, 0.12];
const PRODUCTS = ['CRM Cloud', 'Analytics Add-on', 'Onboarding Services', 'Hardware Bundle'];
const OPEN_STAGES = ['Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review'];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export function seedInsights(ctx: DemoContext) {
  const { db, rng, now } = ctx;
  const end = now.getTime();
  const start = end - 548 * DAY; // 18 months
  const teamName = new Map(Object.entries(ctx.teams).map(([name, id]) => [id, name]));
  const batchId = Number(
    db
      .prepare(
        "INSERT INTO crm_import_batches(source, file_name, file_sha256, mapping, counts) VALUES ('demo', 'demo-crm-export.csv', '', '{}', '{}')",
      )
      .run().lastInsertRowid,
  );
  const insCust = db.prepare('INSERT INTO crm_customers(source, key, name, batch_id) VALUES (?, ?, ?, ?)');
  const ins = db.prepare(
    `INSERT INTO crm_deals(source, external_id, name, customer_id, rep_id, amount, currency, stage, stage_pos, status, created_at, closed_at, channel, product, is_repeat, csat, nps, batch_id)
     VALUES ('demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The training seeder runs first: its course completions drive the (small) post-training lift.
  const completionsOf = db.prepare(
    'SELECT MIN(completed_at) AS completedAt FROM course_completions WHERE person_id = ? GROUP BY course_id',
  );
  const counts = { rows: 0, valid: 0, invalid: 0, create: 0, update: 0, skipped: 0, won: 0, lost: 0, open: 0 };
  let seq = 1000;
  let custSeq = 0;
  for (const rep of ctx.reps) {
    const skill = ctx.skill.get(rep.id) ?? 0.5;
    const team = (rep.teamId && teamName.get(rep.teamId)) || 'West';
    // one reporting currency: revenue is only comparable in one currency
    const currency = 'USD';
    const fx = 1;
    const repOffset = rng.normal(0, 0.06);
    const done = (completionsOf.all(rep.id) as { completedAt: string }[]).map((c) => ({ at: Date.parse(c.completedAt) }));
    const won: number[] = [];
    const pool = CUSTOMERS[team] ?? CUSTOMERS.West;
    const perMonth = 6 + Math.round(rng.next() * 6);
    for (let m = 0; m < 18; m++) {
      const k = Math.max(2, Math.round(perMonth + rng.normal(0, 2)));
      for (let j = 0; j < k; j++) {
        const created = start + (m * 30.4 + rng.next() * 30.4) * DAY;
        if (created > end) continue;
        const repeat = won.length > 0 && rng.chance(0.25 + 0.3 * skill);
        let custId: number;
        if (repeat) custId = rng.pick(won);
        else {
          const name = `${rng.pick(pool)} ${++custSeq}`;
          custId = Number(insCust.run('demo', valueKey(name), name, batchId).lastInsertRowid);
        }
        const cycle = rng.int(7, 70);
        const closedMs = created + cycle * DAY;
        const lift = Math.min(0.08, done.filter((d) => closedMs > d.at).length * 0.025);
        const p = Math.min(0.9, Math.max(0.05, 0.12 + 0.5 * skill + repOffset + lift + (repeat ? 0.12 : 0) + rng.normal(0, 0.03)));
        const channel = CHANNELS[pickWeighted(rng.next(), CHANNEL_WEIGHT)];
        const product = rng.pick(PRODUCTS);
        const amount = Math.round(Math.exp(rng.normal(Math.log(9000), 0.7)) * fx * 100) / 100;
        let status: 'open' | 'won' | 'lost';
        let stage: string;
        let pos: number;
        if (closedMs > end) {
          status = 'open';
          pos = Math.min(4, 1 + Math.floor(((end - created) / (closedMs - created)) * 4));
          stage = OPEN_STAGES[pos - 1];
        } else if (rng.chance(p)) {
          status = 'won';
          stage = 'Closed Won';
          pos = 5;
          if (!repeat) won.push(custId);
        } else {
          status = 'lost';
          stage = 'Closed Lost';
          pos = 1 + Math.min(3, Math.floor(rng.next() * (1 + skill * 4)));
        }
        const csat = status === 'won' && rng.chance(0.4) ? clamp(Math.round(2.4 + 2.6 * skill + rng.normal(0, 0.7)), 1, 5) : null;
        const nps = status === 'won' && rng.chance(0.25) ? clamp(Math.round(4 + 6 * skill + rng.normal(0, 1.5)), 0, 10) : null;
        ins.run(
          `D-${++seq}`,
          `${product} — deal ${seq}`,
          custId,
          rep.id,
          amount,
          currency,
          stage,
          pos,
          status,
          iso(created),
          status === 'open' ? null : iso(closedMs),
          channel,
          product,
          repeat ? 1 : 0,
          csat,
          nps,
          batchId,
        );
        counts.rows++;
        counts.valid++;
        counts.create++;
        counts[status]++;
      }
    }
  }
  const chan = db.prepare('INSERT OR IGNORE INTO crm_channels(value_key, value, kind, mode) VALUES (?, ?, ?, ?)');
  for (const c of CHANNELS) {
    const g = defaultChannelGroup(c);
    chan.run(valueKey(c), c, g.kind, g.mode);
  }
  db.prepare('UPDATE crm_import_batches SET counts = ? WHERE id = ?').run(JSON.stringify(counts), batchId);
  // the demo reports in US dollars, the currency of its deals
  db.prepare(
    "INSERT INTO meta(key, value) VALUES ('crm_reporting_currency', 'USD') ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run();
  bumpCrmVersion(db);
}

function pickWeighted(u: number, w: number[]) {
  let acc = 0;
  for (let i = 0; i < w.length; i++) if ((acc += w[i]) >= u) return i;
  return w.length - 1;
}
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
