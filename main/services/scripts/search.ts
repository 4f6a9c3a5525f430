/**
 * Live-call search across published talking points and the objection bank,
 * on every keystroke. Built on the shared search module (main/db/fts.ts +
 * shared/search/text.ts). Long queries are ranked by FTS5 bm25 (title/objection
 * weighted above body); very short queries (1 letter, 2 letters, 1 CJK char)
 * can match most of the corpus, so bm25 runs over a bounded candidate set.
 */
import type { ScriptLanguage, SearchHit } from '../../../shared/api/scripts';
import { highlight, snippet, type ParsedQuery } from '../../../shared/search/text';
import { parseQuery } from '../../db/fts';
import type { DB } from '../../db/open';
import { prepared } from '../../db/statements';
import { liveSearchItems } from '../library/items';
import { loadSynonyms } from './synonyms';

export interface SearchInput {
  query: string;
  language: ScriptLanguage | null;
  kinds: ('step' | 'objection' | 'library')[];
  limit: number;
}

/**
 * bm25 is computed only for the newest CANDIDATES matches (the inner ORDER BY rowid DESC
 * LIMIT streams from the index), so ranking is exact whenever a query matches fewer
 * rows than that, and cost stays bounded when a 1-2 letter query matches half the corpus.
 */
const CANDIDATES = 300;
/** 1-2 letters (or one CJK character) match a large share of everything: rank fewer, newest first. */
const SHORT_CANDIDATES = 100;
const candidatesFor = (q: ParsedQuery) => (isShortQuery(q) ? SHORT_CANDIDATES : CANDIDATES);

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

interface Cand {
  id: number;
  rank: number;
}

function stepCandidates(db: DB, q: ParsedQuery, language: ScriptLanguage | null, limit: number): Cand[] {
  const args: unknown[] = [q.match];
  if (language) args.push(language);
  return prepared(
    db,
    `SELECT id, rank FROM (
         SELECT f.rowid AS id, bm25(script_steps_fts, 4.0, 1.0) AS rank FROM script_steps_fts f
         ${language ? 'JOIN script_published_steps ps ON ps.step_id = f.rowid JOIN scripts s ON s.id = ps.script_id' : ''}
         WHERE script_steps_fts MATCH ? ${language ? 'AND s.language = ?' : ''} ORDER BY f.rowid DESC LIMIT ${candidatesFor(q)}
       ) ORDER BY rank LIMIT ?`,
  ).all(...args, limit) as Cand[];
}

function objectionCandidates(db: DB, q: ParsedQuery, language: ScriptLanguage | null, limit: number): Cand[] {
  const args: unknown[] = [q.match];
  if (language) args.push(language);
  return prepared(
    db,
    `SELECT id, rank FROM (
         SELECT f.rowid AS id, bm25(objection_cards_fts, 4.0, 1.0, 2.0, 4.0) AS rank FROM objection_cards_fts f
         ${language ? 'JOIN objection_cards o ON o.id = f.rowid' : ''}
         WHERE objection_cards_fts MATCH ? ${language ? 'AND o.language = ?' : ''} ORDER BY f.rowid DESC LIMIT ${candidatesFor(q)}
       ) ORDER BY rank LIMIT ?`,
  ).all(...args, limit) as Cand[];
}

export function searchScripts(db: DB, input: SearchInput): SearchHit[] {
  const q = parseQuery(input.query, 12, loadSynonyms(db));
  if (!q.match) return [];
  const getStep = prepared(
    db,
    `SELECT ps.step_id, ps.script_id, ps.key, ps.title, ps.talking_points_md, ps.say_it, ps.listen_for, ps.choices, json_extract(r.snapshot, '$.title') AS script_title, s.language
     FROM script_published_steps ps JOIN scripts s ON s.id = ps.script_id
     JOIN script_revisions r ON r.script_id = s.id AND r.rev = s.published_revision WHERE ps.step_id = ?`,
  );
  const getCard = prepared(db, 'SELECT id, objection, responses, tags, language, triggers FROM objection_cards WHERE id = ?');
  const hits: SearchHit[] = [];
  // bm25 values of two tables are not comparable, so the merged order is: heading hit first,
  // then objection cards before talking points, then each list's own order.
  const place = (i: number, n: number) => 3 * (1 - i / Math.max(1, n));
  if (input.kinds.includes('objection')) {
    const cands = objectionCandidates(db, q, input.language, input.limit);
    cands.forEach((c, i) => {
      const r = getCard.get(c.id) as
        { id: number; objection: string; responses: string; tags: string; language: ScriptLanguage; triggers: string } | undefined;
      if (!r) return;
      const responses = JSON.parse(r.responses) as string[];
      const title = highlight(r.objection, q.terms);
      // A card found by what customers say shows that phrase first ("太贵" → «价格太高»).
      const said = Object.values(JSON.parse(r.triggers) as Record<string, string[]>)
        .flat()
        .map((x) => highlight(`«${x}»`, q.terms))
        .find((segs) => segs.some((x) => x.hit));
      hits.push({
        kind: 'objection',
        id: r.id,
        scriptId: null,
        scriptTitle: null,
        stepKey: null,
        title,
        snippet: said ?? snippet([...responses, (JSON.parse(r.tags) as string[]).join(', ')].join(' · '), q.terms, 70),
        responses,
        language: r.language,
        score: (title.some((x) => x.hit) || said ? 10 : 0) + 1.5 + place(i, cands.length),
      });
    });
  }
  if (input.kinds.includes('library')) {
    // After cards and steps of equal standing: collateral is what a rep sends, not what they say.
    const items = liveSearchItems(db, q, Math.min(input.limit, 8));
    items.forEach((it, i) => {
      hits.push({
        kind: 'library',
        id: it.id,
        scriptId: null,
        scriptTitle: null,
        stepKey: null,
        title: it.title,
        snippet: it.snippet,
        responses: [],
        language: (['en', 'ru', 'zh'].includes(it.language) ? it.language : 'en') as ScriptLanguage,
        score: (it.title.some((x) => x.hit) ? 10 : 0) - 0.5 + place(i, items.length),
      });
    });
  }
  if (input.kinds.includes('step')) {
    const cands = stepCandidates(db, q, input.language, input.limit);
    cands.forEach((c, i) => {
      const r = getStep.get(c.id) as
        | {
            step_id: number;
            script_id: number;
            key: string;
            title: string;
            talking_points_md: string;
            say_it: string;
            listen_for: string;
            choices: string;
            script_title: string;
            language: ScriptLanguage;
          }
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
        snippet: snippet(
          [plain(r.talking_points_md), r.say_it, r.listen_for, ...(JSON.parse(r.choices) as { label: string }[]).map((c) => `«${c.label}»`)]
            .filter(Boolean)
            .join(' · '),
          q.terms,
          70,
        ),
        responses: [],
        language: r.language,
        score: (title.some((x) => x.hit) ? 10 : 0) + place(i, cands.length),
      });
    });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, input.limit);
}

/**
 * The bare FTS5 statements the service runs (bm25 over the newest candidates), without
 * joins, merge or snippets: the bench baseline. `ranked` = classic full `ORDER BY rank`.
 */
export function rawFtsSearch(db: DB, query: string, limit = 20, ranked = false): number {
  const q = parseQuery(query);
  if (!q.match) return 0;
  let n = 0;
  for (const t of ['script_steps_fts', 'objection_cards_fts']) {
    const sql = ranked
      ? `SELECT rowid FROM ${t} WHERE ${t} MATCH ? ORDER BY rank LIMIT ${limit}`
      : `SELECT id FROM (SELECT rowid AS id, rank FROM ${t} WHERE ${t} MATCH ? ORDER BY rowid DESC LIMIT ${candidatesFor(q)}) ORDER BY rank LIMIT ${limit}`;
    n += db.prepare(sql).all(q.match).length;
  }
  return n;
}
