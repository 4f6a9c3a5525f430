/**
 * Demo scripts: 8 published call flows (en/ru/zh) with branches, 32 objection
 * cards, a few revisions, pins, and live-call usage events per rep. How often a
 * rep uses live-call mode follows their hidden skill with noise (stronger reps
 * prepare more), so later correlations are real but imperfect.
 */
import type { ScriptData } from '../../../shared/api/scripts';
import { createObjection } from '../scripts/objections';
import { createScript, publishScript, saveScript } from '../scripts/store';
import { setPinned } from '../scripts/usage';
import type { DemoContext } from './context';
import { DEMO_OBJECTIONS, DEMO_SCRIPTS, DEMO_SYNONYMS, DEMO_TRIGGERS } from './scriptsContent';
import { saveSynonyms } from '../scripts/synonyms';

export function seedScripts(ctx: DemoContext) {
  const { db, rng } = ctx;
  const author = ctx.trainers[0]?.id ?? ctx.managers[0]?.id ?? null;
  const cardIds = new Map<string, number>();
  for (const o of DEMO_OBJECTIONS) {
    const triggers = { en: [], ru: [], zh: [], ...DEMO_TRIGGERS[o.ref] };
    cardIds.set(
      o.ref,
      createObjection(db, { objection: o.objection, responses: o.responses, tags: o.tags, language: o.language, triggers }, author).id,
    );
  }
  saveSynonyms(db, DEMO_SYNONYMS, author);

  const scripts: { id: number; language: string; steps: { id: number; choices: { toObjectionId: number | null }[] }[] }[] = [];
  for (const s of DEMO_SCRIPTS) {
    const data: ScriptData = {
      title: s.title,
      description: s.description,
      language: s.language,
      tags: { products: s.products, channels: s.channels, funnelStages: s.funnelStages, segments: s.segments },
      steps: s.steps.map(([key, stage, title, talkingPointsMd, sayIt, listenFor, mustSay, answers]) => ({
        key,
        stage,
        title,
        talkingPointsMd,
        sayIt,
        listenFor,
        mustSay,
        choices: answers.map(([label, to]) => ({
          label,
          toStepKey: to?.startsWith('step:') ? to.slice(5) : null,
          toObjectionId: to?.startsWith('obj:') ? (cardIds.get(to.slice(4)) ?? null) : null,
        })),
      })),
    };
    // First a shorter draft, then the full version: the history shows a real edit.
    const first = createScript(db, { ...data, steps: data.steps.map((st) => ({ ...st, mustSay: st.mustSay.slice(0, 1) })) }, author);
    const full = saveScript(db, first.id, data, first.revision, ctx.managers[0]?.id ?? author);
    publishScript(db, full.id, author);
    scripts.push({ id: full.id, language: s.language, steps: full.steps });
  }

  // Usage: live-call sessions over the last 30 days.
  const ins = db.prepare(
    'INSERT INTO script_usage_events(at, person_id, session_key, action, script_id, step_id, objection_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const day = 86_400_000;
  for (const rep of ctx.reps) {
    const skill = ctx.skill.get(rep.id) ?? 0.5;
    const lang =
      /[\u4e00-\u9fff]/.test(rep.names.zh ?? '') && rep.email.match(/^(li|wang|zhang|chen|liu|zhao)\./)
        ? 'zh'
        : rng.chance(0.7)
          ? 'ru'
          : 'en';
    const mine = scripts.filter((s) => s.language === lang);
    const pool = mine.length ? mine : scripts;
    const sessions = Math.max(0, Math.round(3 + 12 * skill + rng.normal(0, 2.5)));
    for (let n = 0; n < sessions; n++) {
      const sc = rng.chance(0.8) ? rng.pick(pool) : rng.pick(scripts);
      const key = `demo-${rep.id}-${n}`;
      let t = ctx.now.getTime() - rng.int(1, 30) * day + rng.int(9 * 3600, 18 * 3600) * 1000 - day;
      const at = () => new Date((t += rng.int(20, 120) * 1000)).toISOString();
      ins.run(at(), rep.id, key, 'start', sc.id, null, null);
      for (const st of sc.steps) {
        ins.run(at(), rep.id, key, 'open_step', sc.id, st.id, null);
        const card = st.choices.find((c) => c.toObjectionId != null && rng.chance(0.35));
        if (card) {
          ins.run(at(), rep.id, key, 'open_card', sc.id, st.id, card.toObjectionId);
          if (rng.chance(0.3 + 0.5 * skill)) ins.run(at(), rep.id, key, 'copy_response', sc.id, st.id, card.toObjectionId);
        }
        if (rng.chance(0.15)) break; // call ended early
      }
    }
    if (pool.length && rng.chance(0.7)) setPinned(db, rep.id, rng.pick(pool).id, true);
  }
}
