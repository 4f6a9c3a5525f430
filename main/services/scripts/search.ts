/**
 * Live-call search across published talking points and the objection bank,
 * on every keystroke. Built on the shared search module (main/db/fts.ts +
 * shared/search/text.ts). Long queries are ranked by FTS5 bm25 (title/objection
 * weighted above body); very short queries (1 letter, 2 letters, 1 CJK char)
 * can match most of the corpus, so they take the newest bounded set of
 * candidates and rank those by where the term hits (title, word start) — the
 * rep keeps typing anyway, and latency stays flat.
 */
import type { ScriptLanguage, SearchHit } from '../../../shared/api/scripts';
import { fold, highlight, snippet, type ParsedQuery } from '../../../shared/search/text';
import { parseQuery } from '../../db/fts';
import type { DB } from '../../db/open';

export interface SearchInput {
  query: string;
  language: ScriptLanguage | null;
  kinds: ('step' | 'objection')[];
  limit: number;
}

/** Candidate cap for short queries. */
const SHORT_CANDIDATES = 200;

export function isShortQuery(q: ParsedQuery) {
  return q.terms.every((t) => (t.cjk ? [...t.text].length < 2 : t.text.length < 3));
}

/** Markdown syntax out of the way for snippets (the card itself renders the Markdown). */
const plain = (md: string) =>
  md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|]+/g, '')
    .replace(/^\s*[-+]\s+/gm, '')
    .replace(/<[^>]*>/g, '');

/** Score for the short-query path: title hits and whole-word hits first. */
function shortScore(title: string, terms: ParsedQuery['terms']) {
  const f = fold(title);
  let s = 0;
  for (const t of terms) {
    const at = f.indexOf(t.text);
    if (at < 0) continue;
    s += 2;
    if (at === 0) s += 2;
    else if (t.cjk || /[^\p{L}\p{N}]/u.test(f[at - 1])) s += 1;
  }
  return s;
}

interface StepCand {
  id: number;
  score: number;
}

function stepCandidates(db: DB, q: ParsedQuery, language: ScriptLanguage | null, limit: number): StepCand[] {
  const lang = language ? 'AND s.language = ?' : '';
  const args: unknown[] = [q.match];
  if (language) args.push(language);
  if (isShortQuery(q)) {
    const rows = db
      .prepare(
        `SELECT f.rowid AS id, ps.title FROM script_steps_fts f JOIN script_published_steps ps ON ps.step_id = f.rowid
         ${language ? 'JOIN scripts s ON s.id = ps.script_id' : ''}
         WHERE script_steps_fts MATCH ? ${lang} ORDER BY f.rowid DESC LIMIT ${SHORT_CANDIDATES}`,
      )
      .all(...args) as { id: number; title: string }[];
    return rows.map((r) => ({ id: r.id, score: shortScore(r.title, q.terms) + 1 })).sort((a, b) => b.score - a.score).slice(0, limit);
  }
  const rows = db
    .prepare(
      `SELECT f.rowid AS id, bm25(script_steps_fts, 4.0, 1.0) AS rank FROM script_steps_fts f
       ${language ? 'JOIN script_published_steps ps ON ps.step_id = f.rowid JOIN scripts s ON s.id = ps.script_id' : ''}
       WHERE script_steps_fts MATCH ? ${lang} ORDER BY rank LIMIT ?`,
    )
    .all(...args, limit) as { id: number; rank: number }[];
  return rows.map((r) => ({ id: r.id, score: -r.rank }));
}

function objectionCandidates(db: DB, q: ParsedQuery, language: ScriptLanguage | null, limit: number): StepCand[] {
  const lang = language ? 'AND o.language = ?' : '';
  const args: unknown[] = [q.match];
  if (language) args.push(language);
  if (isShortQuery(q)) {
    const rows = db
      .prepare(
        `SELECT f.rowid AS id, o.objection AS title FROM objection_cards_fts f JOIN objection_cards o ON o.id = f.rowid
         WHERE objection_cards_fts MATCH ? ${lang} ORDER BY f.rowid DESC LIMIT ${SHORT_CANDIDATES}`,
      )
      .all(...args) as { id: number; title: string }[];
    return rows.map((r) => ({ id: r.id, score: (shortScore(r.title, q.terms) + 1) })).sort((a, b) => b.score - a.score).slice(0, limit);
  }
  const rows = db
    .prepare(
      `SELECT f.rowid AS id, bm25(objection_cards_fts, 4.0, 1.0, 2.0) AS rank FROM objection_cards_fts f
       ${language ? 'JOIN objection_cards o ON o.id = f.rowid' : ''}
       WHERE objection_cards_fts MATCH ? ${lang} ORDER BY rank LIMIT ?`,
    )
    .all(...args, limit) as { id: number; rank: number }[];
  return rows.map((r) => ({ id: r.id, score: -r.rank }));
}

export function searchScripts(db: DB, input: SearchInput): SearchHit[] {
  const q = parseQuery(input.query);
  if (!q.match) return [];
  const getStep = db.prepare(
    `SELECT ps.step_id, ps.script_id, ps.key, ps.title, ps.talking_points_md, ps.say_it, ps.listen_for, s.title AS script_title, s.language
     FROM script_published_steps ps JOIN scripts s ON s.id = ps.script_id WHERE ps.step_id = ?`,
  );
  const getCard = db.prepare('SELECT id, objection, responses, tags, language FROM objection_cards WHERE id = ?');
  const hits: SearchHit[] = [];
  // bm25 values of two tables are not comparable, so the merged order is: heading hit first,
  // then objection cards before talking points, then each list's own order.
  const place = (i: number, n: number) => 3 * (1 - i / Math.max(1, n));
  if (input.kinds.includes('objection')) {
    const cands = objectionCandidates(db, q, input.language, input.limit);
    cands.forEach((c, i) => {
      const r = getCard.get(c.id) as { id: number; objection: string; responses: string; tags: string; language: ScriptLanguage } | undefined;
      if (!r) return;
      const responses = JSON.parse(r.responses) as string[];
      const title = highlight(r.objection, q.terms);
      hits.push({
        kind: 'objection',
        id: r.id,
        scriptId: null,
        scriptTitle: null,
        stepKey: null,
        title,
        snippet: snippet([...responses, (JSON.parse(r.tags) as string[]).join(', ')].join(' · '), q.terms, 70),
        responses,
        language: r.language,
        score: (title.some((x) => x.hit) ? 10 : 0) + 1.5 + place(i, cands.length),
      });
    });
  }
  if (input.kinds.includes('step')) {
    const cands = stepCandidates(db, q, input.language, input.limit);
    cands.forEach((c, i) => {
      const r = getStep.get(c.id) as
        | { step_id: number; script_id: number; key: string; title: string; talking_points_md: string; say_it: string; listen_for: string; script_title: string; language: ScriptLanguage }
        | undefined;
      if (!r) return;
      const title = highlight(r.title, q.terms);
      hits.push({
        kind: 'step',
        id: r.step_id,
        scriptId: r.script_id,
        scriptTitle: r.script_title,
        stepKey: r.key,
        title,
        snippet: snippet([plain(r.talking_points_md), r.say_it, r.listen_for].filter(Boolean).join(' · '), q.terms, 70),
        responses: [],
        language: r.language,
        score: (title.some((x) => x.hit) ? 10 : 0) + place(i, cands.length),
      });
    });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, input.limit);
}

/** The bare FTS5 queries (no joins, no snippets), for the bench baseline. */
export function rawFtsSearch(db: DB, query: string, limit = 20): number {
  const q = parseQuery(query);
  if (!q.match) return 0;
  const a = db.prepare('SELECT rowid FROM script_steps_fts WHERE script_steps_fts MATCH ? ORDER BY rank LIMIT ?').all(q.match, limit).length;
  const b = db.prepare('SELECT rowid FROM objection_cards_fts WHERE objection_cards_fts MATCH ? ORDER BY rank LIMIT ?').all(q.match, limit).length;
  return a + b;
}
