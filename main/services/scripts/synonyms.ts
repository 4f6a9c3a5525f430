/**
 * The workspace's search synonyms: groups of words or phrases a rep may type for
 * the same thing ("pricey" = "too expensive"). Applied at query time by
 * shared/search's parseQuery, so editing them never re-indexes anything.
 */
import { AppError } from '../../../shared/api/contract';
import type { SynonymGroup } from '../../../shared/api/scripts';
import { fold } from '../../../shared/search/text';
import type { DB } from '../../db/open';
import { audit } from '../audit';

/** Cached per connection: live search reads them on every keystroke. */
const cache = new WeakMap<DB, SynonymGroup[]>();

export function loadSynonyms(db: DB): SynonymGroup[] {
  let g = cache.get(db);
  if (!g) {
    g = (db.prepare('SELECT terms FROM search_synonyms ORDER BY position').all() as { terms: string }[]).map(
      (r) => JSON.parse(r.terms) as string[],
    );
    cache.set(db, g);
  }
  return g;
}

/** Replaces the whole list (what the editor shows is what is kept); entries are trimmed and de-duplicated. */
export function saveSynonyms(db: DB, groups: SynonymGroup[], actorId: number | null = null): SynonymGroup[] {
  const clean: SynonymGroup[] = [];
  groups.forEach((g, i) => {
    const seen = new Set<string>();
    const terms = g.map((x) => x.trim().replace(/\s+/g, ' ')).filter((x) => x && !seen.has(fold(x)) && seen.add(fold(x)));
    if (terms.length < 2) {
      throw new AppError('invalid_input', `Synonym group ${i + 1} needs at least two different entries.`, `groups.${i}`, {
        key: 'scripts.synonymGroupTooSmall',
        params: { n: i + 1 },
      });
    }
    clean.push(terms);
  });
  db.transaction(() => {
    db.prepare('DELETE FROM search_synonyms').run();
    const ins = db.prepare('INSERT INTO search_synonyms(position, terms) VALUES (?, ?)');
    clean.forEach((g, i) => ins.run(i, JSON.stringify(g)));
    audit(db, actorId, 'search_synonyms', null, 'update', { groups: clean.length });
  })();
  cache.delete(db);
  return loadSynonyms(db);
}
