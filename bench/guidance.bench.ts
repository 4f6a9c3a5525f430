/**
 * guidance: the live-guidance engine with a bank of 500 objection cards (4 trigger
 * phrases each) and 50 scripts (6 steps × 4 talking points) in English, Russian and
 * Chinese, fed a generated two-speaker call word by word. Target: p95 per incoming
 * word ≤ 5 ms. Beside it, in the same run: a plain substring search of every phrase
 * over the recent words (the naive way), and the engine's memory.
 */
import { createRng } from '../shared/domain/random';
import { fold } from '../shared/search/text';
import { GuidanceEngine, type GuidanceBank, type TranscriptEvent } from '../shared/guidance';
import { report, rssMb, timeEach, timeOnce, type Row } from './lib';
import { sentence, VOCAB, type BenchLang } from './scriptsCorpus';

const CARDS = 500;
const SCRIPTS = 50;
const LANGS: BenchLang[] = ['en', 'ru', 'zh'];
const rng = createRng(15);
const rows: Row[] = [];
const phrase = (lang: BenchLang, min: number, max: number) => sentence(rng, lang, min, max).replace(/[.。!?！？]$/, '');

const bank: GuidanceBank = {
  cards: Array.from({ length: CARDS }, (_, i) => {
    const lang = LANGS[i % 3];
    const triggers = { en: [] as string[], ru: [] as string[], zh: [] as string[] };
    triggers[lang] = Array.from({ length: 4 }, () => phrase(lang, 2, 4));
    return { id: i + 1, objection: phrase(lang, 4, 8), triggers };
  }),
  scripts: Array.from({ length: SCRIPTS }, (_, i) => {
    const lang = LANGS[i % 3];
    return {
      id: i + 1,
      steps: Array.from({ length: 6 }, (_, s) => ({
        key: `s${s}`,
        title: phrase(lang, 2, 4),
        mustSay: [phrase(lang, 3, 6), phrase(lang, 3, 6)],
        talkingPointsMd: `- ${phrase(lang, 4, 8)}\n- ${phrase(lang, 4, 8)}`,
      })),
    };
  }),
  forbidden: ['to be honest', 'trust me', 'честно говоря', '说实话'],
};

// A call: 6,000 words alternating speakers in runs, mixed languages, with some trigger phrases said.
const words: TranscriptEvent[] = [];
let t = 0;
for (let turn = 0; words.length < 6000; turn++) {
  const speaker = turn % 2 ? 'customer' : 'rep';
  const lang = LANGS[rng.int(0, 2)];
  const n = rng.int(4, 20);
  for (let k = 0; k < n; k++) {
    const w = rng.pick(VOCAB[lang]);
    if (lang === 'zh') for (const ch of w) words.push({ text: ch, atMs: (t += 250), speaker, final: true });
    else words.push({ text: w, atMs: (t += 400), speaker, final: true });
  }
  if (speaker === 'customer' && turn % 5 === 1) {
    const c = rng.pick(bank.cards);
    const tr = [...c.triggers.en, ...c.triggers.ru, ...c.triggers.zh][0];
    for (const w of tr.split(/\s+/)) words.push({ text: w, atMs: (t += 400), speaker, final: true });
  }
}

global.gc?.();
const before = process.memoryUsage().heapUsed;
let engine!: GuidanceEngine;
const buildMs = timeOnce(() => {
  engine = new GuidanceEngine(bank);
});
global.gc?.();
const heapMb = (process.memoryUsage().heapUsed - before) / 1048576;

const lat = timeEach(words, (w) => engine.push(w), 0);
const cards = engine.events.filter((e) => e.kind === 'card').length;

// Baseline: every phrase checked by substring against the folded last 12 words of the same speaker.
const phrases = [
  ...bank.cards.flatMap((c) => [...c.triggers.en, ...c.triggers.ru, ...c.triggers.zh].map(fold)),
  ...bank.scripts.flatMap((s) =>
    s.steps.flatMap((st) => [...st.mustSay, ...st.talkingPointsMd.split('\n').map((l) => l.slice(2))].map(fold)),
  ),
];
const recent: Record<string, string[]> = { rep: [], customer: [] };
let baseHits = 0;
const base = timeEach(
  words,
  (w) => {
    const r = recent[w.speaker];
    r.push(fold(w.text));
    if (r.length > 12) r.shift();
    const text = r.join(' ');
    for (const p of phrases) if (text.includes(p)) baseHits++;
  },
  0,
);

rows.push(
  { metric: 'engine per word p95', value: lat.p95, unit: 'ms', target: 5, better: 'lower' },
  { metric: 'engine per word p50', value: lat.p50, unit: 'ms', target: null, better: 'lower' },
  { metric: 'engine per word p99', value: lat.p99, unit: 'ms', target: null, better: 'lower' },
  { metric: 'baseline: substring search per word p95', value: base.p95, unit: 'ms', target: null, better: 'lower' },
  { metric: 'baseline: substring search per word p50', value: base.p50, unit: 'ms', target: null, better: 'lower' },
  { metric: 'engine build (500 cards, 50 scripts)', value: buildMs, unit: 'ms', target: null, better: 'lower' },
  { metric: 'engine heap after build', value: heapMb, unit: 'MB', target: null, better: 'lower' },
  { metric: 'process RSS', value: rssMb(), unit: 'MB', target: null, better: 'lower' },
  { metric: 'phrases in the bank', value: phrases.length, unit: 'phrases', target: null, better: 'higher' },
  { metric: 'words fed', value: words.length, unit: 'words', target: null, better: 'higher' },
  { metric: 'cards raised (engine)', value: cards, unit: 'cards', target: null, better: 'higher' },
  { metric: 'exact phrase hits (baseline)', value: baseHits, unit: 'hits', target: null, better: 'higher' },
);
report('guidance', rows);
