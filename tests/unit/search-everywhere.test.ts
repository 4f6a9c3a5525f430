import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { generateDemo } from '../../main/services/demo';
import type { DemoContext } from '../../main/services/demo/context';
import { searchEverywhere, type EverywhereAccess } from '../../main/services/search/everywhere';
import { callScope, personScope } from '../../main/services/access/scope';
import { transliterated } from '../../shared/search/translit';
import type { Actor } from '../../shared/api/access';
import type { EverywhereResult } from '../../shared/api/search';
import { tempDb } from './helpers/db';

let t: ReturnType<typeof tempDb>;
let demo: DemoContext;
const OWNER: EverywhereAccess = { actorId: null, reader: false, calls: undefined, people: undefined, calibrations: true };
const text = (segs: { text: string }[] | null) => (segs ?? []).map((s) => s.text).join('');
const group = (r: EverywhereResult, g: string) => r.groups.find((x) => x.group === g)?.hits ?? [];

beforeAll(() => {
  t = tempDb();
  demo = generateDemo(t.db, { filesDir: path.join(t.dir, 'files'), now: new Date('2026-11-20T12:00:00Z') });
}, 60_000);
afterAll(() => t.cleanup());

describe('transliteration for search', () => {
  it('writes Latin queries in Cyrillic and back', () => {
    expect(transliterated('Vektor')).toBe('вектор');
    expect(transliterated('Shchukin')).toBe('щукин');
    expect(transliterated('Вектор')).toBe('vektor');
    expect(transliterated('价格')).toBeNull();
  });
});

describe('search everywhere on the demo workspace', () => {
  it('"Inbound" finds the inbound script and its steps', () => {
    const r = searchEverywhere(t.db, 'Inbound', 5, OWNER);
    expect(group(r, 'scripts').some((h) => /inbound/i.test(text(h.title)) && h.href.startsWith('/scripts/'))).toBe(true);
    expect(group(r, 'scripts')[0].title.some((s) => s.hit)).toBe(true);
  });
  it('"Vektor" finds the call with ООО «Вектор» (transliterated), with the rep', () => {
    const r = searchEverywhere(t.db, 'Vektor', 5, OWNER);
    const calls = group(r, 'calls');
    expect(calls.some((h) => text(h.title).includes('Вектор') && h.person !== null && /^\/calls\/\d+$/.test(h.href))).toBe(true);
  });
  it('"price" finds objections, steps, library items (inside files) and calls by what was said', () => {
    const r = searchEverywhere(t.db, 'price', 5, OWNER);
    for (const g of ['objections', 'steps', 'library']) expect(group(r, g).length, g).toBeGreaterThan(0);
    const said = group(r, 'calls').filter((h) => h.atMs !== null);
    expect(said.length).toBeGreaterThan(0);
    expect(said[0].snippet!.some((s) => s.hit && /price/i.test(s.text))).toBe(true);
    // at most perGroup per group, and "more" when there were more
    for (const g of r.groups) expect(g.hits.length).toBeLessThanOrEqual(5);
    expect(searchEverywhere(t.db, 'price', 1, OWNER).groups.some((g) => g.more)).toBe(true);
  });
  it('"calibration" finds the calibration session for managers, not for reps', () => {
    const r = searchEverywhere(t.db, 'calibration', 5, OWNER);
    expect(group(r, 'calibrations').some((h) => /Q3 calibration/.test(text(h.title)))).toBe(true);
    const rep = demo.reps[0];
    const actor: Actor = { personId: rep.id, roles: ['rep'], managedTeamIds: [], teamId: null, owner: false };
    const asRep = searchEverywhere(t.db, 'calibration', 5, {
      actorId: rep.id,
      reader: true,
      calls: callScope(actor),
      people: personScope(actor, 'people', 'p.id'),
      calibrations: false,
    });
    expect(group(asRep, 'calibrations')).toEqual([]);
  });
  it('finds people by a name in any script, and courses', () => {
    const p = demo.reps[0];
    const r = searchEverywhere(t.db, p.name.split(' ')[0], 5, OWNER);
    expect(group(r, 'people').some((h) => h.person?.id === p.id)).toBe(true);
    const course = t.db.prepare("SELECT title FROM courses WHERE status = 'published' LIMIT 1").get() as { title: string };
    expect(group(searchEverywhere(t.db, course.title.split(/\s+/)[0], 5, OWNER), 'courses').length).toBeGreaterThan(0);
  });
  it('a rep sees only their own calls, no other rep as a search hit, and published content only', () => {
    const vektor = t.db.prepare("SELECT rep_id FROM calls WHERE customer LIKE '%Вектор%' LIMIT 1").get() as { rep_id: number };
    const other = demo.reps.find((r) => r.id !== vektor.rep_id)!;
    const actor: Actor = { personId: other.id, roles: ['rep'], managedTeamIds: [], teamId: null, owner: false };
    const access: EverywhereAccess = {
      actorId: other.id,
      reader: true,
      calls: callScope(actor),
      people: personScope(actor, 'people', 'p.id'),
      calibrations: false,
    };
    const r = searchEverywhere(t.db, 'Vektor', 5, access);
    expect(group(r, 'calls').every((h) => h.person?.id === other.id)).toBe(true);
    const people = group(searchEverywhere(t.db, vektor ? demo.reps.find((x) => x.id === vektor.rep_id)!.name : '', 5, access), 'people');
    expect(people).toEqual([]);
    const noCalls = searchEverywhere(t.db, 'Vektor', 5, { ...access, calls: null });
    expect(group(noCalls, 'calls')).toEqual([]);
  });
  it('an empty or symbol-only query returns nothing', () => {
    expect(searchEverywhere(t.db, '   ', 5, OWNER).groups).toEqual([]);
    expect(searchEverywhere(t.db, '***', 5, OWNER).groups).toEqual([]);
  });
});
