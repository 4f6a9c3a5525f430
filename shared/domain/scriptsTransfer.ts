/**
 * The two exchange formats (pure): one script as Markdown (a heading per step,
 * talking points verbatim, the structured fields in an HTML comment a Markdown
 * viewer hides) and the whole library as JSON. Objection cards travel by a
 * file-local ref; importing matches them by text or creates them.
 */
import { z } from 'zod';
import { objectionInput, scriptInput, STAGES, type ScriptData, type StepData, type Triggers } from '../api/scripts';

export const FORMAT = 'sales-workbench/scripts';
/**
 * 1: scripts and objection cards; 2: cards carry their "what customers say" trigger
 * phrases per language. Files of format 1 still import (their cards get no phrases).
 */
export const FORMAT_VERSION = 2;

export interface ExportedObjection {
  ref: string;
  objection: string;
  responses: string[];
  tags: string[];
  language: ScriptData['language'];
  /** Trigger phrases per language (absent in format 1 files: read as none). */
  triggers: Triggers;
}

export type ExportedStep = Omit<StepData, 'choices'> & {
  choices: { label: string; toStepKey: string | null; toObjection: string | null }[];
};

export interface ExportedScript {
  title: string;
  description: string;
  language: ScriptData['language'];
  tags: ScriptData['tags'];
  published: boolean;
  steps: ExportedStep[];
}

export interface LibraryExport {
  format: typeof FORMAT;
  version: number;
  exportedAt: string;
  scripts: ExportedScript[];
  objections: ExportedObjection[];
}

export class TransferError extends Error {}

const exportedStep = z.object({
  key: z.string(),
  stage: z.enum(STAGES),
  title: z.string(),
  talkingPointsMd: z.string(),
  sayIt: z.string(),
  listenFor: z.string(),
  mustSay: z.array(z.string()),
  choices: z.array(z.object({ label: z.string(), toStepKey: z.string().nullable(), toObjection: z.string().nullable() })),
});
const exportedScript = z.object({
  title: z.string(),
  description: z.string(),
  language: scriptInput.shape.language,
  tags: scriptInput.shape.tags,
  published: z.boolean().default(false),
  steps: z.array(exportedStep),
});
const exportedObjection = objectionInput.extend({ ref: z.string().min(1).max(40) });

function checkVersion(version: unknown) {
  if (typeof version !== 'number' || !Number.isInteger(version))
    throw new TransferError('The file has no format version: it is not a Sales Workbench scripts export.');
  if (version > FORMAT_VERSION) {
    throw new TransferError(
      `The file was exported by a newer version of Sales Workbench (format ${version}); this version reads format ${FORMAT_VERSION}. Update the app to import it.`,
    );
  }
}

const zodProblem = (e: z.ZodError, where: string) => {
  const i = e.issues[0];
  return new TransferError(`${where}: ${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`);
};

/* ---------- JSON (whole library) ---------- */

export function libraryToJson(scripts: ExportedScript[], objections: ExportedObjection[], now = new Date()): string {
  const doc: LibraryExport = { format: FORMAT, version: FORMAT_VERSION, exportedAt: now.toISOString(), scripts, objections };
  return JSON.stringify(doc, null, 2);
}

export function parseLibraryJson(text: string): LibraryExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TransferError(`The file is not valid JSON (${(e as Error).message}).`);
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== FORMAT) {
    throw new TransferError('This JSON file is not a Sales Workbench scripts export (the "format" field is missing or different).');
  }
  checkVersion((raw as { version?: unknown }).version);
  const parsed = z
    .object({
      scripts: z.array(exportedScript).max(5000),
      objections: z.array(exportedObjection).max(50_000),
      exportedAt: z.string().default(''),
    })
    .safeParse(raw);
  if (!parsed.success) throw zodProblem(parsed.error, 'The export file is damaged');
  return { format: FORMAT, version: FORMAT_VERSION, ...parsed.data };
}

/* ---------- Markdown (one script) ---------- */

const SCRIPT_MARK = '<!-- sales-workbench:script ';
const STEP_MARK = '<!-- sales-workbench:step ';
/** JSON inside an HTML comment must not contain "--" (it would end the comment early). */
const commentJson = (v: unknown) => JSON.stringify(v).replace(/--/g, '-\\u002d');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function scriptToMarkdown(script: ExportedScript, objections: ExportedObjection[]): string {
  const used = new Set(script.steps.flatMap((s) => s.choices.map((c) => c.toObjection).filter(Boolean)));
  const meta = {
    format: FORMAT,
    version: FORMAT_VERSION,
    title: script.title,
    language: script.language,
    tags: script.tags,
    published: script.published,
    description: script.description,
    objections: objections.filter((o) => used.has(o.ref)),
  };
  const out: string[] = [`${SCRIPT_MARK}${commentJson(meta)} -->`, `# ${oneLine(script.title)}`, ''];
  if (script.description) out.push(script.description, '');
  for (const s of script.steps) {
    const { talkingPointsMd, title, ...rest } = s;
    out.push(`## ${oneLine(title)}`, `${STEP_MARK}${commentJson({ ...rest, title })} -->`, '');
    if (talkingPointsMd) out.push(talkingPointsMd, '');
  }
  return out.join('\n');
}

export function parseScriptMarkdown(text: string): { script: ExportedScript; objections: ExportedObjection[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new TransferError('The file is empty.');
  if (!lines[first].startsWith(SCRIPT_MARK)) {
    throw new TransferError('This Markdown file is not a Sales Workbench script export (its first line is not the script header comment).');
  }
  const readJson = (line: string, mark: string, n: number) => {
    const body = line.slice(mark.length).replace(/\s*-->\s*$/, '');
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw new TransferError(`Line ${n + 1}: the structured data in the comment is damaged.`);
    }
  };
  const meta = readJson(lines[first], SCRIPT_MARK, first);
  checkVersion(meta.version);
  const metaParsed = exportedScript
    .omit({ steps: true })
    .extend({ objections: z.array(exportedObjection).default([]) })
    .safeParse(meta);
  if (!metaParsed.success) throw zodProblem(metaParsed.error, 'The script header is damaged');
  const steps: ExportedStep[] = [];
  const marks: number[] = [];
  lines.forEach((l, i) => l.startsWith(STEP_MARK) && marks.push(i));
  marks.forEach((m, k) => {
    const data = readJson(lines[m], STEP_MARK, m);
    // Talking points: from after the marker to the heading line of the next step (or the end).
    const end = k + 1 < marks.length ? marks[k + 1] - 1 : lines.length;
    const body = lines
      .slice(m + 1, end)
      .join('\n')
      .trim();
    const parsed = exportedStep.safeParse({ ...data, talkingPointsMd: body });
    if (!parsed.success) throw zodProblem(parsed.error, `Step ${k + 1} (line ${m + 1}) is damaged`);
    steps.push(parsed.data);
  });
  const { objections, ...rest } = metaParsed.data;
  return { script: { ...rest, steps }, objections };
}

/* ---------- revision text for diffs ---------- */

/** A readable plain-text rendering of a script version; two of these are diffed line by line. */
export function revisionText(data: ScriptData, objectionText: (id: number) => string): string {
  const keyTitle = new Map(data.steps.map((s, i) => [s.key, `${i + 1}. ${s.title}`]));
  const out = [`Title: ${data.title}`, `Language: ${data.language}`];
  if (data.description) out.push(`Description: ${data.description}`);
  const t = data.tags;
  out.push(`Tags: ${[...t.products, ...t.channels, ...t.funnelStages, ...t.segments].join(', ') || '—'}`, '');
  data.steps.forEach((s, i) => {
    out.push(`## ${i + 1}. ${s.title} [${s.stage}]`);
    if (s.talkingPointsMd) out.push(...s.talkingPointsMd.split('\n'));
    if (s.sayIt) out.push(`Say it: ${s.sayIt}`);
    if (s.listenFor) out.push(`Listen for: ${s.listenFor}`);
    for (const m of s.mustSay) out.push(`[ ] ${m}`);
    for (const c of s.choices) {
      const to = c.toStepKey
        ? `step ${keyTitle.get(c.toStepKey) ?? '(missing)'}`
        : c.toObjectionId != null
          ? `objection "${objectionText(c.toObjectionId)}"`
          : 'end of call';
      out.push(`→ "${c.label}" → ${to}`);
    }
    out.push('');
  });
  return out.join('\n');
}
