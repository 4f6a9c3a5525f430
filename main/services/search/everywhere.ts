/**
 * Search everywhere (Ctrl+K): runs each feature's own search for the query
 * (and for its Latin/Cyrillic transliteration, so "Vektor" finds «Вектор»),
 * scoped by what the asking person may see, and returns the first few hits
 * per group. Each group asks one more than it shows, to say "more".
 */
import type { EverywhereGroup, EverywhereHit, EverywhereResult } from '../../../shared/api/search';
import { listInput } from '../../../shared/api/library';
import { transliterated } from '../../../shared/search/translit';
import { highlight, parseQuery, snippet, type Segment } from '../../../shared/search/text';
import type { DB } from '../../db/open';
import type { Cond } from '../access/scope';
import { listItems } from '../library/items';
import { listPeople } from '../people';
import { listCalibrations } from '../scorecards/calibration';
import { listCalls } from '../scorecards/calls';
import { personRefs, refOf } from '../scorecards/common';
import { searchTranscripts } from '../scorecards/transcriptSearch';
import { searchScripts } from '../scripts/search';
import { listScripts } from '../scripts/store';
import { listCourses } from '../training/courses';

/** What the actor may see, decided by the API layer (policies and row scopes). */
export interface EverywhereAccess {
  actorId: number | null;
  /** Reps read published scripts and courses only, and library items that have not expired. */
  reader: boolean;
  /** null: may not list calls at all; undefined: every call; a Cond: those rows. */
  calls: Cond | undefined | null;
  people: Cond | undefined;
  calibrations: boolean;
}

const plain = (segs: Segment[]) => segs.map((s) => s.text).join('');
const hasHit = (segs: Segment[] | null) => !!segs?.some((s) => s.hit);

export function searchEverywhere(db: DB, query: string, perGroup: number, access: EverywhereAccess): EverywhereResult {
  const q = query.trim();
  const variants = [q, transliterated(q)].filter((v): v is string => !!v && parseQuery(v).match !== null);
  if (!variants.length) return { query, groups: [] };
  const n = perGroup + 1;
  // Highlight with whichever spelling matched the text.
  const mark = (text: string): Segment[] => {
    for (const v of variants) {
      const h = highlight(text, parseQuery(v).terms);
      if (hasHit(h)) return h;
    }
    return [{ text, hit: false }];
  };
  const cut = (text: string): Segment[] | null => {
    for (const v of variants) {
      const s = snippet(text, parseQuery(v).terms, 60);
      if (hasHit(s)) return s;
    }
    return null;
  };
  const hit = (key: string, href: string, title: Segment[], extra: Partial<EverywhereHit> = {}): EverywhereHit => ({
    key,
    href,
    title,
    snippet: null,
    meta: [],
    person: null,
    at: null,
    atMs: null,
    ...extra,
  });
  // One list per group over every spelling, first spelling's hits first, no repeats.
  const collect = (run: (v: string) => EverywhereHit[]) => {
    const seen = new Set<string>();
    const out: EverywhereHit[] = [];
    for (const v of variants) for (const h of run(v)) if (!seen.has(h.key) && out.length < n && (seen.add(h.key), true)) out.push(h);
    return out;
  };
  const refs = personRefs(db);
  const groups: Record<EverywhereGroup, () => EverywhereHit[]> = {
    scripts: () =>
      collect((v) =>
        listScripts(
          db,
          { query: v, language: null, status: access.reader ? 'published' : 'all', offset: 0, limit: n },
          access.actorId,
        ).rows.map((s) => hit(`script-${s.id}`, `/scripts/${s.id}`, mark(s.title), { meta: [s.language, s.status] })),
      ),
    steps: () =>
      collect((v) =>
        searchScripts(db, { query: v, language: null, kinds: ['step'], limit: n }).map((h) =>
          hit(`step-${h.id}`, `/live?script=${h.scriptId}&step=${encodeURIComponent(h.stepKey ?? '')}`, h.title, {
            snippet: h.snippet,
            meta: [h.scriptTitle ?? '', h.language],
          }),
        ),
      ),
    objections: () =>
      collect((v) =>
        searchScripts(db, { query: v, language: null, kinds: ['objection'], limit: n }).map((h) =>
          hit(`objection-${h.id}`, `/scripts?tab=objections&q=${encodeURIComponent(plain(h.title))}`, h.title, {
            snippet: h.snippet,
            meta: [h.language],
          }),
        ),
      ),
    library: () =>
      collect((v) =>
        listItems(db, listInput.parse({ query: v, sort: 'relevance', showExpired: !access.reader, limit: n }), {
          role: access.reader ? 'rep' : 'manager',
        }).rows.map((r) =>
          hit(`library-${r.id}`, `/library/${r.id}`, r.titleSegments ?? mark(r.title), {
            snippet: r.snippetFrom === 'title' ? null : r.snippet,
            meta: [r.fileName || r.kind, r.language],
          }),
        ),
      ),
    calls: () => {
      if (access.calls === null) return [];
      const scope = access.calls;
      const said = collect((v) =>
        searchTranscripts(db, v, scope, n).map((t) =>
          hit(`call-${t.callId}`, `/calls/${t.callId}`, mark(t.customer), {
            snippet: cut(t.text),
            person: refOf(refs, t.repId),
            at: t.at,
            atMs: t.atMs,
          }),
        ),
      );
      const named = collect((v) =>
        listCalls(
          db,
          { query: v, repId: null, teamId: null, from: null, to: null, channel: null, scored: 'all', band: null, offset: 0, limit: n },
          scope,
        ).rows.map((c) =>
          hit(`call-${c.id}`, `/calls/${c.id}`, mark(c.customer), { person: c.rep, at: c.at, meta: c.outcome ? [c.outcome] : [] }),
        ),
      );
      const seen = new Set(said.map((h) => h.key));
      return [...said, ...named.filter((h) => !seen.has(h.key))].slice(0, n);
    },
    calibrations: () => {
      if (!access.calibrations) return [];
      return listCalibrations(db)
        .map((c) => ({ c, title: mark(c.title) }))
        .filter((x) => hasHit(x.title))
        .slice(0, n)
        .map(({ c, title }) => hit(`calibration-${c.id}`, `/calls/calibration/${c.id}`, title, { at: c.createdAt, meta: [c.status] }));
    },
    courses: () =>
      collect((v) =>
        listCourses(db, { query: v, status: access.reader ? 'published' : 'active', offset: 0, limit: n }).rows.map((c) =>
          hit(`course-${c.id}`, access.reader ? `/training/learn/${c.id}` : `/training/courses/${c.id}`, mark(c.title), {
            snippet: cut(c.description),
            meta: [c.status, c.language],
          }),
        ),
      ),
    people: () =>
      collect((v) =>
        listPeople(
          db,
          { query: v, teamId: null, role: null, includeInactive: false, sort: 'name', offset: 0, limit: n },
          access.people,
        ).rows.map((p) =>
          hit(`person-${p.id}`, `/people/${p.id}`, [{ text: p.name, hit: false }], {
            person: { id: p.id, name: p.name, names: p.names },
            meta: [p.teamName ?? '', p.email],
          }),
        ),
      ),
  };
  const out: EverywhereResult['groups'] = [];
  for (const [group, run] of Object.entries(groups) as [EverywhereGroup, () => EverywhereHit[]][]) {
    const hits = run();
    if (hits.length) out.push({ group, hits: hits.slice(0, perGroup), more: hits.length > perGroup });
  }
  return { query, groups: out };
}
