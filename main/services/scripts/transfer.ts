/** Import/export: one script as Markdown, the whole library as JSON. Importing is all-or-nothing. */
import { AppError } from '../../../shared/api/contract';
import { NO_TRIGGERS, type ImportResult, type ScriptData, type Triggers } from '../../../shared/api/scripts';
import {
  libraryToJson,
  parseLibraryJson,
  parseScriptMarkdown,
  scriptToMarkdown,
  TransferError,
  type ExportedObjection,
  type ExportedScript,
} from '../../../shared/domain/scriptsTransfer';
import { fold } from '../../../shared/search/text';
import type { DB } from '../../db/open';
import { createObjection, getObjection, updateObjection } from './objections';
import { createScript, publishScript, readDraft } from './store';

const ref = (id: number) => `o${id}`;

function exportedObjections(db: DB, ids: number[] | null): ExportedObjection[] {
  const rows = (
    ids
      ? ids.map((i) => db.prepare('SELECT * FROM objection_cards WHERE id = ?').get(i))
      : db.prepare('SELECT * FROM objection_cards ORDER BY id').all()
  ) as (
    | { id: number; objection: string; responses: string; tags: string; language: ExportedObjection['language']; triggers: string | null }
    | undefined
  )[];
  return rows
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({
      ref: ref(r.id),
      objection: r.objection,
      responses: JSON.parse(r.responses) as string[],
      tags: JSON.parse(r.tags) as string[],
      language: r.language,
      triggers: readTriggers(r.triggers),
    }));
}

function readTriggers(json: string | null): Triggers {
  if (!json) return { ...NO_TRIGGERS };
  const t = JSON.parse(json) as Partial<Triggers>;
  return { en: t.en ?? [], ru: t.ru ?? [], zh: t.zh ?? [] };
}

/** 30 phrases per language at most (the card's limit): an imported card adds the phrases it lacks. */
const MAX_TRIGGERS = 30;
function mergeTriggers(have: Triggers, add: Triggers): Triggers | null {
  let changed = false;
  const out = { ...have };
  for (const lang of ['en', 'ru', 'zh'] as const) {
    const seen = new Set(have[lang].map((p) => fold(p.trim())));
    const extra = add[lang].filter((p) => {
      const k = fold(p.trim());
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const room = Math.max(0, MAX_TRIGGERS - have[lang].length);
    if (extra.length && room) {
      out[lang] = [...have[lang], ...extra.slice(0, room)];
      changed = true;
    }
  }
  return changed ? out : null;
}

function exportedScript(db: DB, id: number): ExportedScript {
  const { row, data } = readDraft(db, id);
  return {
    ...data,
    published: row.published_revision != null,
    steps: data.steps.map((s) => ({
      ...s,
      choices: s.choices.map((c) => ({
        label: c.label,
        toStepKey: c.toStepKey,
        toObjection: c.toObjectionId != null ? ref(c.toObjectionId) : null,
      })),
    })),
  };
}

const fileSafe = (s: string) =>
  s
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'script';

export function exportMarkdown(db: DB, id: number) {
  const s = exportedScript(db, id);
  const ids = [...new Set(s.steps.flatMap((st) => st.choices.map((c) => c.toObjection)).filter((x): x is string => !!x))].map((r) =>
    Number(r.slice(1)),
  );
  return { fileName: `${fileSafe(s.title)}.md`, text: scriptToMarkdown(s, exportedObjections(db, ids)) };
}

export function exportLibrary(db: DB, now = new Date()) {
  const ids = (db.prepare('SELECT id FROM scripts ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  return {
    fileName: `scripts-${now.toISOString().slice(0, 10)}.json`,
    text: libraryToJson(
      ids.map((i) => exportedScript(db, i)),
      exportedObjections(db, null),
      now,
    ),
  };
}

/** Parses either format; a file of neither kind gets one clear message. */
export function parseImport(text: string) {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  try {
    if (t.startsWith('{')) {
      const lib = parseLibraryJson(t);
      return { scripts: lib.scripts, objections: lib.objections };
    }
    if (t.startsWith('<!--')) {
      const one = parseScriptMarkdown(t);
      return { scripts: [one.script], objections: one.objections };
    }
  } catch (e) {
    if (e instanceof TransferError) throw new AppError('bad_file', e.message);
    throw e;
  }
  throw new AppError(
    'bad_file',
    'This file is not a Sales Workbench scripts export: expected a .json library export or a .md script export.',
    undefined,
    { key: 'scripts.notExport' },
  );
}

/** Imports scripts (as new scripts, published if they were) and their objection cards (reusing identical cards). */
export function importScripts(db: DB, text: string, actorId: number | null = null): ImportResult {
  const parsed = parseImport(text);
  return db.transaction(() => {
    const byRef = new Map<string, number>();
    let created = 0;
    let reused = 0;
    const find = db.prepare('SELECT id, objection FROM objection_cards WHERE language = ?');
    for (const o of parsed.objections) {
      const same = (find.all(o.language) as { id: number; objection: string }[]).find(
        (r) => fold(r.objection.trim()) === fold(o.objection.trim()),
      );
      if (same) {
        // the same card already here: it keeps its own text and gains the file's trigger phrases it lacks
        const card = getObjection(db, same.id);
        const merged = mergeTriggers(card.triggers, o.triggers);
        if (merged)
          updateObjection(
            db,
            same.id,
            { objection: card.objection, responses: card.responses, tags: card.tags, language: card.language, triggers: merged },
            actorId,
          );
        byRef.set(o.ref, same.id);
        reused++;
      } else {
        byRef.set(
          o.ref,
          createObjection(
            db,
            { objection: o.objection, responses: o.responses, tags: o.tags, language: o.language, triggers: o.triggers },
            actorId,
          ).id,
        );
        created++;
      }
    }
    const out: ImportResult['scripts'] = [];
    parsed.scripts.forEach((s, n) => {
      const data: ScriptData = {
        title: s.title,
        description: s.description,
        language: s.language,
        tags: s.tags,
        steps: s.steps.map((st) => ({
          ...st,
          choices: st.choices.map((c) => {
            if (c.toObjection && !byRef.has(c.toObjection)) {
              throw new AppError(
                'bad_file',
                `Script ${n + 1} "${s.title}", step "${st.title}": answer "${c.label}" points to objection ${c.toObjection}, which is not in the file.`,
                undefined,
                {
                  key: 'scripts.importMissingObjection',
                  params: { n: n + 1, script: s.title, step: st.title, answer: c.label, objection: c.toObjection },
                },
              );
            }
            return { label: c.label, toStepKey: c.toStepKey, toObjectionId: c.toObjection ? byRef.get(c.toObjection)! : null };
          }),
        })),
      };
      try {
        const made = createScript(db, data, actorId, 'import');
        if (s.published) publishScript(db, made.id, actorId);
        out.push({ id: made.id, title: made.title });
      } catch (e) {
        if (e instanceof AppError)
          throw new AppError(e.code === 'invalid_input' ? 'bad_file' : e.code, `Script ${n + 1} "${s.title}": ${e.message}`);
        if (e && typeof e === 'object' && 'issues' in e) {
          const i = (e as { issues: { path: PropertyKey[]; message: string }[] }).issues[0];
          throw new AppError('bad_file', `Script ${n + 1} "${s.title}": ${i.path.join('.')}: ${i.message}`);
        }
        throw e;
      }
    });
    return { scripts: out, objectionsCreated: created, objectionsReused: reused };
  })();
}
