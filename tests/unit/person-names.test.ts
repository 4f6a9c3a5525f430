import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { createPerson, getPerson, listPeople, updatePerson } from '../../main/services/people';
import { personInput } from '../../shared/api/people';
import { tempDb, workspaceAtVersion } from './helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('localized names (migration 014)', () => {
  it('moves every name_ru/name_zh of a v13 workspace into person_names and drops the columns', () => {
    const old = workspaceAtVersion(13);
    cleanups.push(() => old.cleanup());
    const { db, file } = old;
    const ins = db.prepare('INSERT INTO people(name, name_ru, name_zh, email) VALUES (?, ?, ?, ?)');
    const rows: [string, string, string, string][] = [
      ['Anna Ivanova', 'Анна Иванова', '安娜', 'anna@example.com'],
      ['Fang Wang', '', '王芳', 'fang@example.com'],
      ['Oleg Popov', 'Олег Попов', '', 'oleg@example.com'],
      ['John Smith', '', '', 'john@example.com'],
      ['Spaces', '  Пробел  ', ' ', 'spaces@example.com'],
    ];
    for (const r of rows) ins.run(...r);

    const r = migrate(db, file);
    expect(r.to).toBe(migrations[migrations.length - 1].version);
    expect(r.copyPath && fs.existsSync(r.copyPath)).toBeTruthy();
    const cols = (db.prepare('PRAGMA table_info(people)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).not.toContain('name_ru');
    expect(cols).not.toContain('name_zh');
    const names = db
      .prepare('SELECT p.email, n.locale, n.name FROM person_names n JOIN people p ON p.id = n.person_id ORDER BY p.email, n.locale')
      .all();
    expect(names).toEqual([
      { email: 'anna@example.com', locale: 'ru', name: 'Анна Иванова' },
      { email: 'anna@example.com', locale: 'zh', name: '安娜' },
      { email: 'fang@example.com', locale: 'zh', name: '王芳' },
      { email: 'oleg@example.com', locale: 'ru', name: 'Олег Попов' },
      { email: 'spaces@example.com', locale: 'ru', name: 'Пробел' },
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('creates, reads, changes and removes a person’s name per locale, including a fourth language', () => {
    const t = tempDb();
    try {
      const p = createPerson(
        t.db,
        personInput.parse({
          name: 'Maria Silva',
          names: { ru: 'Мария Силва', 'pt-BR': 'Maria da Silva' },
          email: 'maria@example.com',
          roles: ['rep'],
        }),
      );
      expect(getPerson(t.db, p.id).names).toEqual({ ru: 'Мария Силва', 'pt-BR': 'Maria da Silva' });
      // searching finds the person by a name in any language
      const find = (query: string) =>
        listPeople(t.db, { query, teamId: null, role: null, includeInactive: true, sort: 'name', offset: 0, limit: 10 }).rows.map(
          (r) => r.id,
        );
      expect(find('мария')).toEqual([p.id]);
      const q = personInput.parse({
        name: 'Maria Silva',
        names: { ru: '', zh: '玛丽亚', 'pt-BR': 'Maria da Silva' },
        email: 'maria@example.com',
        roles: ['rep'],
      });
      expect(updatePerson(t.db, p.id, q).names).toEqual({ zh: '玛丽亚', 'pt-BR': 'Maria da Silva' });
      expect(find('мария')).toEqual([]);
      expect(find('玛丽亚')).toEqual([p.id]);
      expect(personInput.safeParse({ name: 'X', names: { 'not a locale!': 'x' }, email: 'x@example.com', roles: ['rep'] }).success).toBe(
        false,
      );
      expect(personInput.safeParse({ name: 'X', names: { ru: 'x'.repeat(121) }, email: 'x@example.com', roles: ['rep'] }).success).toBe(
        false,
      );
    } finally {
      t.cleanup();
    }
  });
});
