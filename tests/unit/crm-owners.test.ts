import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownerIndex, saveAliases } from '../../main/services/crm/owners';
import { createPerson } from '../../main/services/people';
import { tempDb } from './helpers/db';

describe('CRM owner matching', () => {
  let t: ReturnType<typeof tempDb>;
  let anna: number;
  let wang: number;
  beforeEach(() => {
    t = tempDb();
    const person = (name: string, ru: string, zh: string, email: string) =>
      createPerson(t.db, { name, names: { ru, zh }, email, teamId: null, roles: ['rep'], hiredAt: null }).id;
    anna = person('Anna Ivanova', 'Анна Иванова', '', 'anna.ivanova@example.com');
    wang = person('Fang Wang', '', '王芳', 'fang.wang@example.com');
  });
  afterEach(() => t.cleanup());

  it('matches any roster spelling in any word order, and e-mails', () => {
    const idx = ownerIndex(t.db);
    expect(idx.resolve('Иванова Анна')).toEqual({ personId: anna, how: 'name' });
    expect(idx.resolve('ivanova anna')).toEqual({ personId: anna, how: 'name' });
    expect(idx.resolve('王芳')).toEqual({ personId: wang, how: 'name' });
    expect(idx.resolve(' Fang.Wang@example.com ')).toEqual({ personId: wang, how: 'email' });
    expect(idx.resolve('F. Wang', 'fang.wang@example.com')).toEqual({ personId: wang, how: 'email' });
    expect(idx.resolve('Somebody Else')).toBeNull();
    expect(idx.name(anna)).toBe('Anna Ivanova');
    expect(idx.name(999)).toBeNull();
  });

  it('an explicit choice wins over a name match', () => {
    expect(ownerIndex(t.db, { 'Anna Ivanova': wang }).resolve('Ivanova Anna')).toEqual({ personId: wang, how: 'saved' });
  });

  it('remembers aliases the user chose, so the next import matches them; a later choice replaces an earlier one', () => {
    expect(ownerIndex(t.db).resolve('Ivanova A.')).toBeNull();
    saveAliases(t.db, { 'Ivanova A.': wang, 'Unknown Owner': 0 });
    saveAliases(t.db, { 'Ivanova A.': anna });
    const idx = ownerIndex(t.db);
    expect(idx.resolve('Ivanova A.')).toEqual({ personId: anna, how: 'alias' });
    expect(idx.resolve('ivanova a.')).toEqual({ personId: anna, how: 'alias' });
    expect(idx.resolve('Unknown Owner')).toBeNull(); // 0 = "no one": not remembered
    expect((t.db.prepare('SELECT count(*) AS n FROM crm_owner_aliases').get() as { n: number }).n).toBe(1);
  });
});
