import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { listCompetencyRefs, seedDefaultCompetencies } from '../../main/services/competencies';
import { createPerson, listPeople } from '../../main/services/people';
import { competenceProfile } from '../../main/services/training/profile';
import { createCompetency, getModel, updateCompetency } from '../../main/services/training/model';
import { competencyInput } from '../../shared/api/training';
import { tempDb, workspaceAtVersion } from './helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const levels: Record<string, string>[] = Array.from({ length: 5 }, (_, i) => ({ en: `L${i + 1}`, ru: '', zh: '' }));

describe('localized competency and job-role names (migration 015)', () => {
  it('moves the name_ru/name_zh of a v14 workspace into child tables, keeps the English name, drops the columns', () => {
    const old = workspaceAtVersion(14);
    cleanups.push(() => old.cleanup());
    const { db, file } = old;
    const comp = db.prepare(
      'INSERT INTO competencies(key, name_en, name_ru, name_zh, description_en, description_ru, sort) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const c1 = Number(
      comp.run('objections', 'Objection handling', 'Работа с возражениями', '异议处理', 'Answers objections', 'Отвечает на возражения', 1)
        .lastInsertRowid,
    );
    const c2 = Number(comp.run('crm', 'CRM discipline', '', 'CRM 使用规范', '', '', 2).lastInsertRowid);
    const c3 = Number(comp.run('spaces', 'Listening', '  Слушание  ', ' ', '', ' ', 3).lastInsertRowid);
    db.prepare('INSERT INTO competency_levels(competency_id, level, text_en, text_zh) VALUES (?, 3, ?, ?)').run(
      c1,
      'Handles most objections',
      '能处理大多数异议',
    );
    const role = db.prepare('INSERT INTO job_roles(key, name_en, name_ru, name_zh, sort) VALUES (?, ?, ?, ?, ?)');
    const r1 = Number(role.run('rep', 'Sales rep', 'Менеджер по продажам', '销售代表', 1).lastInsertRowid);
    const r2 = Number(role.run('lead', 'Team lead', 'Руководитель группы', '', 2).lastInsertRowid);
    db.prepare('INSERT INTO role_targets(job_role_id, competency_id, level) VALUES (?, ?, 4)').run(r1, c1);

    const r = migrate(db, file);
    expect(r).toMatchObject({ from: 14, to: migrations[migrations.length - 1].version });
    expect(r.copyPath && fs.existsSync(r.copyPath)).toBeTruthy();
    for (const table of ['competencies', 'job_roles']) {
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols).toContain('name');
      expect(cols).not.toContain('name_en');
      expect(cols).not.toContain('name_ru');
      expect(cols).not.toContain('name_zh');
    }
    expect(db.prepare('SELECT id, name FROM competencies ORDER BY id').all()).toEqual([
      { id: c1, name: 'Objection handling' },
      { id: c2, name: 'CRM discipline' },
      { id: c3, name: 'Listening' },
    ]);
    expect(db.prepare('SELECT competency_id AS id, locale, name FROM competency_names ORDER BY competency_id, locale').all()).toEqual([
      { id: c1, locale: 'ru', name: 'Работа с возражениями' },
      { id: c1, locale: 'zh', name: '异议处理' },
      { id: c2, locale: 'zh', name: 'CRM 使用规范' },
      { id: c3, locale: 'ru', name: 'Слушание' },
    ]);
    expect(db.prepare('SELECT job_role_id AS id, locale, name FROM job_role_names ORDER BY job_role_id, locale').all()).toEqual([
      { id: r1, locale: 'ru', name: 'Менеджер по продажам' },
      { id: r1, locale: 'zh', name: '销售代表' },
      { id: r2, locale: 'ru', name: 'Руководитель группы' },
    ]);
    // descriptions and level descriptors move the same way (English too); targets are untouched
    expect(
      db.prepare('SELECT competency_id AS id, locale, text FROM competency_descriptions ORDER BY competency_id, locale').all(),
    ).toEqual([
      { id: c1, locale: 'en', text: 'Answers objections' },
      { id: c1, locale: 'ru', text: 'Отвечает на возражения' },
    ]);
    expect(db.prepare('SELECT competency_id AS id, level, locale, text FROM competency_level_texts ORDER BY 1, 2, 3').all()).toEqual([
      { id: c1, level: 3, locale: 'en', text: 'Handles most objections' },
      { id: c1, level: 3, locale: 'zh', text: '能处理大多数异议' },
    ]);
    expect((db.prepare('PRAGMA table_info(competencies)').all() as { name: string }[]).map((c) => c.name)).not.toContain('description_en');
    expect((db.prepare('PRAGMA table_info(competency_levels)').all() as { name: string }[]).map((c) => c.name)).toEqual([
      'competency_id',
      'level',
    ]);
    expect(db.prepare('SELECT level FROM role_targets WHERE job_role_id = ? AND competency_id = ?').get(r1, c1)).toEqual({ level: 4 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // the services read the moved names in the new shape
    const model = getModel(db);
    expect(model.competencies[0]).toMatchObject({
      description: { en: 'Answers objections', ru: 'Отвечает на возражения' },
      levels: [{}, {}, { en: 'Handles most objections', zh: '能处理大多数异议' }, {}, {}],
    });
    expect(model.competencies.map((c) => ({ name: c.name, names: c.names }))).toEqual([
      { name: 'Objection handling', names: { ru: 'Работа с возражениями', zh: '异议处理' } },
      { name: 'CRM discipline', names: { zh: 'CRM 使用规范' } },
      { name: 'Listening', names: { ru: 'Слушание' } },
    ]);
    expect(model.jobRoles.map((j) => ({ name: j.name, names: j.names }))).toEqual([
      { name: 'Sales rep', names: { ru: 'Менеджер по продажам', zh: '销售代表' } },
      { name: 'Team lead', names: { ru: 'Руководитель группы' } },
    ]);
    expect(listCompetencyRefs(db).find((c) => c.id === c2)).toEqual({
      id: c2,
      key: 'crm',
      name: 'CRM discipline',
      names: { zh: 'CRM 使用规范' },
    });
    db.close();
  });

  it('seeds a new workspace with the default names in Russian and Chinese, and the competence profile carries them', () => {
    const t = tempDb();
    try {
      seedDefaultCompetencies(t.db);
      const m = getModel(t.db);
      const obj = m.competencies.find((c) => c.key === 'objection_handling')!;
      expect(obj).toMatchObject({ name: 'Objection handling', names: { ru: 'Работа с возражениями', zh: '异议处理' } });
      expect(m.jobRoles.find((r) => r.key === 'rep')).toMatchObject({
        name: 'Sales rep',
        names: { ru: 'Менеджер по продажам', zh: '销售代表' },
      });
      const person = Number(t.db.prepare("INSERT INTO people(name, email) VALUES ('Rep', 'rep@example.com')").run().lastInsertRowid);
      const row = competenceProfile(t.db, person).rows.find((r) => r.competencyId === obj.id)!;
      expect(row).toMatchObject({ name: 'Objection handling', names: { ru: 'Работа с возражениями', zh: '异议处理' } });
    } finally {
      t.cleanup();
    }
  });

  it('creates, changes and removes a competency name per locale, including a fourth language', () => {
    const t = tempDb();
    try {
      const input = (names: Record<string, string>) =>
        competencyInput.parse({ name: 'Storytelling', names, description: { en: 'Tells stories' }, levels });
      const c = createCompetency(t.db, input({ ru: ' Сторителлинг ', 'pt-BR': 'Narrativa' }), null);
      expect(c.names).toEqual({ ru: 'Сторителлинг', 'pt-BR': 'Narrativa' });
      const u = updateCompetency(t.db, c.id, input({ ru: '', zh: '讲故事', 'pt-BR': 'Narrativa' }), null);
      expect(u.names).toEqual({ zh: '讲故事', 'pt-BR': 'Narrativa' });
      // descriptions and level descriptors take any locale too; an emptied text is removed (English shows instead)
      const texts = updateCompetency(
        t.db,
        c.id,
        competencyInput.parse({
          name: 'Storytelling',
          names: { zh: '讲故事', 'pt-BR': 'Narrativa' },
          description: { en: 'Tells stories', 'pt-BR': 'Conta histórias', ru: ' ' },
          levels: levels.map((l, i) => (i === 0 ? { ...l, 'pt-BR': 'Nunca conta' } : l)),
        }),
        null,
      );
      expect(texts.description).toEqual({ en: 'Tells stories', 'pt-BR': 'Conta histórias' });
      expect(texts.levels[0]).toEqual({ en: 'L1', 'pt-BR': 'Nunca conta' });
      expect(texts.levels[4]).toEqual({ en: 'L5' });
      expect(getModel(t.db).competencies.find((x) => x.id === c.id)?.names).toEqual({ zh: '讲故事', 'pt-BR': 'Narrativa' });
      // a bad locale, an over-long name or a missing main name are refused before anything is written
      const base = { description: {}, levels };
      expect(competencyInput.safeParse({ ...base, name: 'X', names: { 'not a locale!': 'x' } }).success).toBe(false);
      expect(competencyInput.safeParse({ ...base, name: 'X', names: { ru: 'x'.repeat(121) } }).success).toBe(false);
      expect(competencyInput.safeParse({ ...base, name: '  ', names: { ru: 'Имя' } }).success).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('lists names without a query per row: the statements run do not grow with the number of competencies, roles or people', () => {
    const t = tempDb();
    try {
      seedDefaultCompetencies(t.db);
      let statements = 0;
      const prepare = t.db.prepare.bind(t.db);
      t.db.prepare = (sql: string) => {
        statements++;
        return prepare(sql);
      };
      const count = (f: () => unknown) => {
        statements = 0;
        f();
        return statements;
      };
      const people = () =>
        listPeople(t.db, { query: '', teamId: null, role: null, includeInactive: true, sort: 'name', offset: 0, limit: 200 });
      getModel(t.db); // fills the default levels and roles once
      const before = [count(() => getModel(t.db)), count(() => listCompetencyRefs(t.db)), count(people)];
      for (let i = 0; i < 30; i++) {
        createCompetency(
          t.db,
          competencyInput.parse({ name: `Skill ${i}`, names: { ru: `Навык ${i}`, zh: `技能 ${i}` }, description: {}, levels }),
          null,
        );
        createPerson(t.db, {
          name: `Person ${i}`,
          names: { ru: `Человек ${i}` },
          email: `p${i}@example.com`,
          teamId: null,
          roles: ['rep'],
          hiredAt: null,
        });
      }
      expect([count(() => getModel(t.db)), count(() => listCompetencyRefs(t.db)), count(people)]).toEqual(before);
      expect(getModel(t.db).competencies.find((c) => c.name === 'Skill 29')?.names).toEqual({ ru: 'Навык 29', zh: '技能 29' });
      expect(people().rows.find((p) => p.name === 'Person 29')?.names).toEqual({ ru: 'Человек 29' });
    } finally {
      t.cleanup();
    }
  });
});
