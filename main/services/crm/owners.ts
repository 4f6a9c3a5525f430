/** Matches CRM owner values to people: any roster spelling (en/ru/zh, any word order), e-mail, or an alias the user chose once. */
import type { OwnerMatch } from '../../../shared/api/crm';
import { nameKey } from '../../../shared/domain/crmParse';
import type { DB } from '../../db/open';
import { namesColumn, parseNames } from '../personNames';

export interface OwnerIndex {
  resolve(value: string, email?: string): { personId: number; how: OwnerMatch['how'] } | null;
  name(personId: number): string | null;
}

/** What owner matching needs from the workspace, as plain data (a parse worker gets a copy). */
export interface OwnerData {
  /** `names`: the person's name in other languages (any locale) */
  people: { id: number; name: string; names: string[]; email: string }[];
  aliases: [string, number][];
  explicit: Record<string, number>;
}

export function ownerData(db: DB, explicit: Record<string, number> = {}): OwnerData {
  return {
    people: (
      db.prepare(`SELECT p.id, p.name, ${namesColumn('p')} AS names, p.email FROM people p`).all() as {
        id: number;
        name: string;
        names: string;
        email: string;
      }[]
    ).map((p) => ({ ...p, names: Object.values(parseNames(p.names)) })),
    aliases: (db.prepare('SELECT alias_key, person_id FROM crm_owner_aliases').all() as { alias_key: string; person_id: number }[]).map(
      (a) => [a.alias_key, a.person_id],
    ),
    explicit,
  };
}

export const ownerIndex = (db: DB, explicit: Record<string, number> = {}): OwnerIndex => ownerIndexOf(ownerData(db, explicit));

export function ownerIndexOf({ people, aliases: aliasList, explicit }: OwnerData): OwnerIndex {
  const byName = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const names = new Map<number, string>();
  for (const p of people) {
    names.set(p.id, p.name);
    for (const n of [p.name, ...p.names]) if (n) byName.set(nameKey(n), p.id);
    byEmail.set(p.email.toLowerCase(), p.id);
  }
  const aliases = new Map(aliasList);
  const explicitMap = new Map(Object.entries(explicit).map(([k, v]) => [nameKey(k), v]));
  const cache = new Map<string, { personId: number; how: OwnerMatch['how'] } | null>();
  return {
    resolve(value, email) {
      const ck = value + '\u0000' + (email ?? '');
      if (cache.has(ck)) return cache.get(ck)!;
      const key = nameKey(value);
      let r: { personId: number; how: OwnerMatch['how'] } | null = null;
      const ex = explicitMap.get(key);
      if (ex !== undefined) r = { personId: ex, how: 'saved' };
      else if (byName.has(key)) r = { personId: byName.get(key)!, how: 'name' };
      else if (/@/.test(value) && byEmail.has(value.trim().toLowerCase()))
        r = { personId: byEmail.get(value.trim().toLowerCase())!, how: 'email' };
      else if (email && byEmail.has(email.trim().toLowerCase())) r = { personId: byEmail.get(email.trim().toLowerCase())!, how: 'email' };
      else if (aliases.has(key)) r = { personId: aliases.get(key)!, how: 'alias' };
      cache.set(ck, r);
      return r;
    },
    name: (id) => names.get(id) ?? null,
  };
}

/** Remembers the user's resolutions so the next export from the same CRM matches without asking. */
export function saveAliases(db: DB, owners: Record<string, number>) {
  const up = db.prepare(
    'INSERT INTO crm_owner_aliases(alias_key, person_id) VALUES (?, ?) ON CONFLICT(alias_key) DO UPDATE SET person_id = excluded.person_id',
  );
  for (const [value, personId] of Object.entries(owners)) if (personId > 0) up.run(nameKey(value), personId);
}
