import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPerson, createTeam, listPeople, removeTeam, setPersonActive, updatePerson } from '../../main/services/people';
import { importRoster, previewRoster } from '../../main/services/roster';
import { tempDb } from './helpers/db';

const ROSTER = fs.readFileSync(path.join(__dirname, '../fixtures/people.csv'));
const list = (db: ReturnType<typeof tempDb>['db'], over: Partial<Parameters<typeof listPeople>[1]> = {}) =>
  listPeople(db, { query: '', teamId: null, role: null, includeInactive: false, sort: 'name', offset: 0, limit: 50, ...over });

let t: ReturnType<typeof tempDb>;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

describe('people service', () => {
  it('creates, finds in any spelling (case-insensitive Cyrillic, Chinese), pages and sorts', () => {
    const north = createTeam(t.db, { name: 'North', description: '', managerId: null });
    createPerson(t.db, {
      name: 'Anna Petrova',
      names: { ru: 'Анна Петрова', zh: '安娜' },
      email: 'anna@example.com',
      teamId: north.id,
      roles: ['rep'],
      hiredAt: '2021-03-01',
    });
    createPerson(t.db, {
      name: 'Ivan Sokolov',
      names: { ru: 'Иван Соколов', zh: '伊万' },
      email: 'ivan@example.com',
      teamId: null,
      roles: ['rep', 'manager'],
      hiredAt: null,
    });
    expect(list(t.db, { query: 'АННА' }).rows.map((p) => p.email)).toEqual(['anna@example.com']);
    expect(list(t.db, { query: 'соколов' }).rows.map((p) => p.email)).toEqual(['ivan@example.com']);
    expect(list(t.db, { query: '伊万' }).rows.map((p) => p.email)).toEqual(['ivan@example.com']);
    expect(list(t.db, { role: 'manager' }).total).toBe(1);
    expect(list(t.db, { teamId: north.id }).rows[0].teamName).toBe('North');
    expect(list(t.db, { limit: 1, offset: 1 }).rows[0].name).toBe('Ivan Sokolov');
    expect(list(t.db, { query: '50%_' }).total).toBe(0);
  });

  it('refuses a duplicate e-mail on the email field and an unknown team', () => {
    createPerson(t.db, { name: 'A', names: {}, email: 'a@example.com', teamId: null, roles: ['rep'], hiredAt: null });
    expect(() => createPerson(t.db, { name: 'B', names: {}, email: 'a@example.com', teamId: null, roles: ['rep'], hiredAt: null })).toThrow(
      expect.objectContaining({ code: 'conflict', field: 'email' }),
    );
    expect(() => createPerson(t.db, { name: 'B', names: {}, email: 'b@example.com', teamId: 999, roles: ['rep'], hiredAt: null })).toThrow(
      expect.objectContaining({ field: 'teamId' }),
    );
    expect(list(t.db).total).toBe(1);
  });

  it('deactivates instead of deleting, and hides inactive people by default', () => {
    const p = createPerson(t.db, { name: 'A', names: {}, email: 'a@example.com', teamId: null, roles: ['rep'], hiredAt: null });
    setPersonActive(t.db, p.id, false);
    expect(list(t.db).total).toBe(0);
    expect(list(t.db, { includeInactive: true }).rows[0].active).toBe(false);
    const u = updatePerson(t.db, p.id, { name: 'A2', names: {}, email: 'a@example.com', teamId: null, roles: ['trainer'], hiredAt: null });
    expect(u.roles).toEqual(['trainer']);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'person'").pluck().get()).toBe(3);
  });

  it('keeps a team with members', () => {
    const team = createTeam(t.db, { name: 'East', description: '', managerId: null });
    createPerson(t.db, { name: 'A', names: {}, email: 'a@example.com', teamId: team.id, roles: ['rep'], hiredAt: null });
    expect(() => removeTeam(t.db, team.id)).toThrow(/still has 1 member/);
    expect(() => createTeam(t.db, { name: ' east ', description: '', managerId: null })).toThrow(/already exists/);
  });
});

describe('roster import', () => {
  it('previews and imports the sample roster in one go, creating teams', () => {
    const preview = previewRoster(t.db, ROSTER);
    expect(preview.counts).toMatchObject({ total: 15, create: 15, update: 0, invalid: 0, newTeams: 2 });
    expect(preview.encoding).toBe('UTF-8');
    const r = importRoster(t.db, ROSTER);
    expect(r).toMatchObject({ created: 15, updated: 0, teamsCreated: 2, skipped: 0 });
    expect(list(t.db, { query: 'Кейт' }).rows[0].roles).toEqual(['trainer']);
  });

  it('re-import updates by e-mail instead of duplicating', () => {
    importRoster(t.db, ROSTER);
    const changed = Buffer.from(
      ROSTER.toString('utf8').replace('Anna Petrova,Анна Петрова,安娜,North', 'Anna Petrova-Smirnova,Анна Петрова,安娜,East'),
    );
    const preview = previewRoster(t.db, changed);
    expect(preview.counts).toMatchObject({ create: 0, update: 1, unchanged: 14 });
    const r = importRoster(t.db, changed);
    expect(r).toMatchObject({ created: 0, updated: 1 });
    expect(list(t.db, { includeInactive: true }).total).toBe(15);
    expect(list(t.db, { query: 'anna.petrova' }).rows[0]).toMatchObject({ name: 'Anna Petrova-Smirnova', teamName: 'East' });
  });

  it('reports missing and duplicated e-mails, bad roles and dates by row, and imports only the valid rows', () => {
    const csv = [
      'email,name,team,role,hired_at',
      'a@example.com,Anna,North,rep,2021-03-01',
      ',No Mail,North,rep,',
      'a@example.com,Anna Again,North,rep,',
      'b@example.com,Boris,North,pilot,',
      'c@example.com,Chen,North,rep,31.02.2024',
      'not-an-email,Dan,North,rep,',
    ].join('\n');
    const p = previewRoster(t.db, Buffer.from(csv));
    expect(p.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'email', message: 'E-mail is missing' }),
        expect.objectContaining({ row: 4, field: 'email', message: 'Duplicate of row 2' }),
        expect.objectContaining({ row: 5, field: 'role' }),
        expect.objectContaining({ row: 6, field: 'hired_at', value: '31.02.2024' }),
        expect.objectContaining({ row: 7, field: 'email', message: 'Enter a valid e-mail address' }),
      ]),
    );
    expect(p.counts).toMatchObject({ create: 1, invalid: 5 });
    expect(importRoster(t.db, Buffer.from(csv))).toMatchObject({ created: 1, skipped: 5 });
  });

  it('reads Windows-1251 with semicolons and Russian headers and roles', () => {
    const csv = 'Эл. почта;ФИО;Команда;Роль;Дата приёма\nolga@example.com;Ольга Смирнова;Север;руководитель;20.02.2020\n';
    const p = previewRoster(t.db, iconv.encode(csv, 'win1251'));
    expect(p.encoding).toBe('Windows-1251');
    expect(p.delimiter).toBe(';');
    expect(p.rows[0]).toMatchObject({ name: 'Ольга Смирнова', team: 'Север', roles: ['manager'], hiredAt: '2020-02-20' });
  });

  it('reads a file with mixed CRLF and LF line endings', () => {
    const csv = 'email,name\r\na@example.com,Anna\r\nb@example.com,Boris\nc@example.com,Chen\n';
    expect(previewRoster(t.db, Buffer.from(csv)).counts.create).toBe(3);
  });

  it('refuses a file without an e-mail column, an empty file and an XLSX named .csv, without writing', () => {
    expect(() => previewRoster(t.db, Buffer.from('name,team\nAnna,North\n'))).toThrow(/no "email" column/);
    expect(() => importRoster(t.db, Buffer.alloc(0))).toThrow(/empty/);
    expect(() => importRoster(t.db, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/XLSX/);
    expect(list(t.db).total).toBe(0);
  });
});
