/**
 * Staff roster import (CSV from HR or a CRM user export): preview with row-level
 * errors, then one transaction. People are matched by e-mail, so re-importing
 * an updated roster updates them instead of creating duplicates.
 */
import { AppError } from '../../shared/api/contract';
import { personInput, type Role, type RosterPreview, type RosterPreviewRow, type RosterRowError } from '../../shared/api/people';
import { fold } from '../../shared/search/text';
import type { DB } from '../db/open';
import { decodeText, looksLikeZip, parseCsv } from './import/decode';
import { createPerson, createTeam, findPersonByEmail, teamIdByName, teamKey, updatePerson } from './people';
import { audit } from './audit';

/** Header names seen in real rosters (en/ru/zh), folded. */
const HEADERS: Record<string, string[]> = {
  email: ['email', 'e-mail', 'mail', 'work email', 'эл. почта', 'электронная почта', 'почта', 'email адрес', '邮箱', '电子邮件', '邮件'],
  name: ['name', 'full name', 'display name', 'фио', 'имя', 'сотрудник', '姓名', '名字'],
  nameRu: ['name_ru', 'name (ru)', 'имя (рус)', 'фио (рус)'],
  nameZh: ['name_zh', 'name (zh)', 'chinese name', '中文名', '中文姓名'],
  team: ['team', 'group', 'department', 'команда', 'отдел', 'группа', '团队', '小组', '部门'],
  role: ['role', 'roles', 'position', 'роль', 'роли', 'должность', '角色', '职位'],
  hiredAt: ['hired_at', 'hired', 'hire date', 'start date', 'дата приема', 'дата приёма', 'дата найма', '入职日期'],
};

const ROLE_WORDS: Record<string, Role> = {
  rep: 'rep',
  'sales rep': 'rep',
  seller: 'rep',
  'account executive': 'rep',
  продавец: 'rep',
  'менеджер по продажам': 'rep',
  销售: 'rep',
  销售代表: 'rep',
  manager: 'manager',
  'sales manager': 'manager',
  руководитель: 'manager',
  'руководитель отдела продаж': 'manager',
  经理: 'manager',
  销售经理: 'manager',
  trainer: 'trainer',
  coach: 'trainer',
  тренер: 'trainer',
  'бизнес-тренер': 'trainer',
  培训师: 'trainer',
  admin: 'admin',
  administrator: 'admin',
  администратор: 'admin',
  管理员: 'admin',
};

function parseRoles(value: string): Role[] | null {
  const parts = value
    .split(/[|,;/+]/)
    .map((p) => fold(p.trim()))
    .filter(Boolean);
  if (!parts.length) return ['rep'];
  const roles = parts.map((p) => ROLE_WORDS[p]);
  return roles.every(Boolean) ? [...new Set(roles)] : null;
}

/** Accepts YYYY-MM-DD and DD.MM.YYYY; returns ISO or null for an impossible date. */
export function parseRosterDate(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (match) [y, m, d] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v))) [d, m, y] = [+match[1], +match[2], +match[3]];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

interface Analysed {
  preview: RosterPreview;
  valid: (RosterPreviewRow & { teamName: string })[];
}

function analyse(db: DB, bytes: Buffer): Analysed {
  if (bytes.length === 0) throw new AppError('bad_file', 'The roster file is empty.');
  if (looksLikeZip(bytes)) throw new AppError('bad_file', 'This file is a spreadsheet (XLSX), not CSV. Save it as CSV and import again.');
  const { text, encoding } = decodeText(bytes);
  const { header, rows, delimiter } = parseCsv(text);
  if (!header.length) throw new AppError('bad_file', 'The roster file has no header row.', undefined, { key: 'rosterNoHeader' });
  const col: Record<string, number> = {};
  header.forEach((h, i) => {
    const key = Object.keys(HEADERS).find((k) => HEADERS[k].includes(fold(h)));
    if (key && col[key] === undefined) col[key] = i;
  });
  for (const need of ['email', 'name']) {
    if (col[need] === undefined) {
      throw new AppError(
        'bad_file',
        `The roster has no "${need}" column. Columns found: ${header.join(', ')} (encoding ${encoding}, delimiter "${delimiter}").`,
        undefined,
        {
          key: 'rosterNoColumn',
          params: { column: need, found: header.join(', '), encoding, delimiter },
        },
      );
    }
  }
  const get = (r: string[], k: string) => (col[k] === undefined ? '' : (r[col[k]] ?? '').trim());
  const errors: RosterRowError[] = [];
  const valid: Analysed['valid'] = [];
  const previewRows: RosterPreviewRow[] = [];
  const seen = new Map<string, number>();
  const newTeams = new Set<string>();
  rows.forEach((r, i) => {
    const rowNo = i + 2; // 1-based, after the header
    const rowErrors: RosterRowError[] = [];
    const email = get(r, 'email').toLowerCase();
    const name = get(r, 'name');
    const roles = parseRoles(get(r, 'role'));
    const hiredRaw = get(r, 'hiredAt');
    const hiredAt = hiredRaw ? parseRosterDate(hiredRaw) : null;
    if (!email) rowErrors.push({ row: rowNo, field: 'email', value: '', message: 'E-mail is missing', key: 'emailMissing' });
    else if (seen.has(email))
      rowErrors.push({
        row: rowNo,
        field: 'email',
        value: email,
        message: `Duplicate of row ${seen.get(email)}`,
        key: 'duplicateOf',
        params: { row: seen.get(email)! },
      });
    if (!roles)
      rowErrors.push({
        row: rowNo,
        field: 'role',
        value: get(r, 'role'),
        message: 'Unknown role (use rep, manager, trainer or admin)',
        key: 'unknownRole',
      });
    if (hiredRaw && !hiredAt)
      rowErrors.push({ row: rowNo, field: 'hired_at', value: hiredRaw, message: 'Not a valid date (use YYYY-MM-DD)', key: 'rosterDate' });
    const parsed = personInput.safeParse({
      name,
      // the roster's columns for other languages; a language the file has no column for keeps what the person has
      names: { ru: get(r, 'nameRu'), zh: get(r, 'nameZh') },
      email,
      roles: roles ?? ['rep'],
      hiredAt,
    });
    if (!parsed.success && email) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (!rowErrors.some((e) => e.field === field)) {
          rowErrors.push({ row: rowNo, field, value: field === 'email' ? email : get(r, field), message: issue.message });
        }
      }
    }
    if (email && !seen.has(email)) seen.set(email, rowNo);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      return;
    }
    const team = get(r, 'team');
    if (team && teamIdByName(db, team) == null) newTeams.add(teamKey(team));
    const existing = findPersonByEmail(db, email);
    const data = parsed.success ? parsed.data : null!;
    let action: RosterPreviewRow['action'] = 'create';
    if (existing) {
      const same =
        existing.name === data.name &&
        Object.entries(data.names).every(([l, n]) => (existing.names[l] ?? '') === n) &&
        (existing.teamName ?? '') === team &&
        existing.hiredAt === data.hiredAt &&
        [...existing.roles].sort().join() === [...data.roles].sort().join() &&
        existing.active;
      action = same ? 'unchanged' : 'update';
    }
    const row = { row: rowNo, email, name: data.name, names: data.names, team, roles: data.roles, hiredAt, action };
    previewRows.push(row);
    valid.push({ ...row, teamName: team });
  });
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  return {
    valid,
    preview: {
      encoding,
      delimiter,
      columns: header,
      rows: previewRows.slice(0, 500),
      errors: errors.slice(0, 1000),
      counts: {
        total: rows.length,
        create: valid.filter((v) => v.action === 'create').length,
        update: valid.filter((v) => v.action === 'update').length,
        unchanged: valid.filter((v) => v.action === 'unchanged').length,
        invalid: invalidRows,
        newTeams: newTeams.size,
      },
    },
  };
}

export function previewRoster(db: DB, bytes: Buffer): RosterPreview {
  return analyse(db, bytes).preview;
}

/** Imports the valid rows in one transaction; rows with errors are skipped and counted. */
export function importRoster(db: DB, bytes: Buffer, actorId: number | null = null) {
  const { valid, preview } = analyse(db, bytes);
  if (!valid.length) throw new AppError('bad_file', 'No valid rows to import: fix the errors shown in the preview.');
  return db.transaction(() => {
    let teamsCreated = 0;
    const teamId = (name: string): number | null => {
      if (!name) return null;
      const found = teamIdByName(db, name);
      if (found != null) return found;
      teamsCreated++;
      return createTeam(db, { name, description: '', managerId: null }, actorId).id;
    };
    let created = 0;
    let updated = 0;
    for (const v of valid) {
      const existing = findPersonByEmail(db, v.email);
      const data = {
        name: v.name,
        names: { ...existing?.names, ...v.names },
        email: v.email,
        teamId: teamId(v.teamName),
        roles: v.roles,
        hiredAt: v.hiredAt,
      };
      if (!existing) {
        createPerson(db, data, actorId);
        created++;
      } else if (v.action === 'update') {
        updatePerson(db, existing.id, data, actorId);
        if (!existing.active) db.prepare('UPDATE people SET active = 1 WHERE id = ?').run(existing.id);
        updated++;
      }
    }
    const result = { created, updated, unchanged: preview.counts.unchanged, skipped: preview.counts.invalid, teamsCreated };
    audit(db, actorId, 'roster', null, 'import', result);
    return result;
  })();
}
