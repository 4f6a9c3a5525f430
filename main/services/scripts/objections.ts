/** The shared objection bank: cards reused by many scripts, indexed for live search. */
import { z } from 'zod';
import { AppError, type Page } from '../../../shared/api/contract';
import { NO_TRIGGERS, objectionInput, type ObjectionCard, type ScriptLanguage, type Triggers } from '../../../shared/api/scripts';
import { ftsWriter, parseQuery } from '../../db/fts';
import type { DB } from '../../db/open';
import { audit } from '../audit';
import { loadSynonyms } from './synonyms';

type ObjectionData = z.input<typeof objectionInput>;

interface CardRow {
  id: number;
  objection: string;
  responses: string;
  tags: string;
  language: ScriptLanguage;
  triggers: string;
  updated_at: string;
  used: number;
}

function parseTriggers(json: string): Triggers {
  const t = JSON.parse(json || '{}') as Partial<Triggers>;
  return { en: t.en ?? [], ru: t.ru ?? [], zh: t.zh ?? [] };
}

/** Trigger phrases of every language, one per line, for the index. */
const triggerText = (t: Triggers) => [...t.en, ...t.ru, ...t.zh].join('\n');

const SELECT = `SELECT o.*, (SELECT count(DISTINCT st.script_id) FROM script_choices c JOIN script_steps st ON st.id = c.step_id WHERE c.to_objection_id = o.id) AS used FROM objection_cards o`;

const toCard = (r: CardRow): ObjectionCard => ({
  id: r.id,
  objection: r.objection,
  responses: JSON.parse(r.responses) as string[],
  tags: JSON.parse(r.tags) as string[],
  language: r.language,
  triggers: r.triggers ? parseTriggers(r.triggers) : NO_TRIGGERS,
  usedInScripts: r.used,
  updatedAt: r.updated_at,
});

export const objectionFts = (db: DB) => ftsWriter(db, 'objection_cards_fts', ['objection', 'responses', 'tags', 'triggers']);

export function getObjection(db: DB, id: number): ObjectionCard {
  const r = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as CardRow | undefined;
  if (!r)
    throw new AppError('not_found', `Objection card #${id} does not exist (it may have been deleted).`, undefined, {
      key: 'scripts.objectionNotFound',
      params: { id },
    });
  return toCard(r);
}

export function createObjection(db: DB, input: ObjectionData, actorId: number | null = null): ObjectionCard {
  const d = objectionInput.parse(input);
  return db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO objection_cards(objection, responses, tags, language, triggers, created_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(d.objection, JSON.stringify(d.responses), JSON.stringify(d.tags), d.language, JSON.stringify(d.triggers), actorId)
        .lastInsertRowid,
    );
    objectionFts(db).put(id, [d.objection, d.responses.join('\n'), d.tags.join(' '), triggerText(d.triggers)]);
    audit(db, actorId, 'objection', id, 'create', {});
    return getObjection(db, id);
  })();
}

export function updateObjection(db: DB, id: number, input: ObjectionData, actorId: number | null = null): ObjectionCard {
  const d = objectionInput.parse(input);
  return db.transaction(() => {
    getObjection(db, id);
    db.prepare(
      `UPDATE objection_cards SET objection = ?, responses = ?, tags = ?, language = ?, triggers = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
    ).run(d.objection, JSON.stringify(d.responses), JSON.stringify(d.tags), d.language, JSON.stringify(d.triggers), id);
    objectionFts(db).put(id, [d.objection, d.responses.join('\n'), d.tags.join(' '), triggerText(d.triggers)]);
    audit(db, actorId, 'objection', id, 'update', {});
    return getObjection(db, id);
  })();
}

export function removeObjection(db: DB, id: number, actorId: number | null = null) {
  return db.transaction(() => {
    const card = getObjection(db, id);
    if (card.usedInScripts > 0) {
      throw new AppError(
        'conflict',
        `"${card.objection}" is used by ${card.usedInScripts} script${card.usedInScripts === 1 ? '' : 's'}. Remove those answers first, then delete the card.`,
        undefined,
        {
          key: 'scripts.objectionInUse',
          params: { objection: card.objection, count: card.usedInScripts },
        },
      );
    }
    objectionFts(db).remove(id);
    db.prepare('DELETE FROM objection_cards WHERE id = ?').run(id);
    audit(db, actorId, 'objection', id, 'delete', { objection: card.objection });
    return { removed: true };
  })();
}

export function listObjections(
  db: DB,
  input: { query: string; language: ScriptLanguage | null; offset: number; limit: number },
): Page<ObjectionCard> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.language) {
    where.push('o.language = ?');
    params.push(input.language);
  }
  const q = parseQuery(input.query, 12, loadSynonyms(db));
  let order = 'o.updated_at DESC, o.id DESC';
  let from = SELECT;
  if (q.match) {
    from = `${SELECT} JOIN (SELECT rowid AS rid, bm25(objection_cards_fts, 4, 1, 2, 4) AS rank FROM objection_cards_fts WHERE objection_cards_fts MATCH ?) f ON f.rid = o.id`;
    params.unshift(q.match);
    order = 'f.rank, o.id';
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM (${from} ${w})`).get(...params) as { n: number }).n;
  const rows = db.prepare(`${from} ${w} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset) as CardRow[];
  return { rows: rows.map(toCard), total, offset: input.offset, limit: input.limit };
}

/** Every card with trigger phrases, for the live-guidance engine (the bank it listens for). */
export function triggerBank(db: DB, language: ScriptLanguage | null = null): ObjectionCard[] {
  const rows = db
    .prepare(`${SELECT} WHERE o.triggers != '{}' ${language ? 'AND o.language = ?' : ''} ORDER BY o.id`)
    .all(...(language ? [language] : [])) as CardRow[];
  return rows.map(toCard).filter((c) => c.triggers.en.length + c.triggers.ru.length + c.triggers.zh.length > 0);
}
