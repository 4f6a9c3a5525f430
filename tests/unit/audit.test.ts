import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { audit, auditCsv, auditFacets, listAudit } from '../../main/services/audit';
import { createPerson } from '../../main/services/people';
import { tempDb } from './helpers/db';

const none = { actorId: null, entity: null, action: null, from: null, to: null };

describe('audit log', () => {
  let t: ReturnType<typeof tempDb>;
  let ada: number;
  beforeEach(() => {
    t = tempDb();
    ada = createPerson(t.db, {
      name: 'Ada Admin',
      email: 'ada@example.com',
      teamId: null,
      roles: ['admin'],
      hiredAt: null,
      names: { ru: 'Ада', zh: '' },
    }).id;
    t.db.prepare('DELETE FROM audit_log').run(); // only the rows this test writes
  });
  afterEach(() => t.cleanup());

  it('lists newest first with the actor name and a summary of the detail, filtered and paged', () => {
    audit(t.db, ada, 'script', 7, 'create', { title: 'Cold call', steps: 3 });
    audit(t.db, null, 'workspace', null, 'backup', { summary: 'Backup before migration' });
    audit(t.db, ada, 'script', 7, 'publish', { revision: 2, tags: ['price'] });

    const all = listAudit(t.db, { ...none, offset: 0, limit: 10 });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.action)).toEqual(['publish', 'backup', 'create']);
    expect(all.rows[0]).toMatchObject({
      actorId: ada,
      actorName: 'Ada Admin',
      entity: 'script',
      entityId: 7,
      summary: 'revision: 2, tags: ["price"]',
    });
    expect(all.rows[1]).toMatchObject({ actorId: null, actorName: null, summary: 'Backup before migration' });

    const scripts = listAudit(t.db, { ...none, entity: 'script', offset: 1, limit: 1 });
    expect(scripts.total).toBe(2);
    expect(scripts.rows.map((r) => r.action)).toEqual(['create']);
    expect(listAudit(t.db, { ...none, actorId: ada, action: 'create', offset: 0, limit: 10 }).total).toBe(1);
  });

  it('filters by whole days, the end day included', () => {
    audit(t.db, ada, 'people', ada, 'update', {});
    const today = new Date().toISOString().slice(0, 10);
    expect(listAudit(t.db, { ...none, from: today, to: today, offset: 0, limit: 10 }).total).toBe(1);
    expect(listAudit(t.db, { ...none, from: '2000-01-01', to: '2000-01-02', offset: 0, limit: 10 }).total).toBe(0);
  });

  it('offers the entities, actions and actors present as filter choices', () => {
    audit(t.db, ada, 'script', 1, 'create');
    audit(t.db, null, 'library', 2, 'remove');
    expect(auditFacets(t.db)).toEqual({
      entities: ['library', 'script'],
      actions: ['create', 'remove'],
      actors: [{ id: ada, name: 'Ada Admin' }],
    });
  });

  it('exports CSV oldest first with cells quoted where needed', () => {
    audit(t.db, ada, 'script', 1, 'create', { title: 'Price, "value" and terms' });
    audit(t.db, ada, 'script', 1, 'remove', {});
    const csv = auditCsv(t.db, none);
    expect(csv.rows).toBe(2);
    expect(csv.fileName).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('id,at,actor_id,actor,entity,entity_id,action,summary');
    expect(lines[1]).toContain(',Ada Admin,script,1,create,"title: Price, ""value"" and terms"');
    expect(lines[2]).toContain(',remove,');
    expect(lines[3]).toBe('');
  });
});
