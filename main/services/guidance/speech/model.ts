/**
 * Checks a streaming speech model folder before anything is loaded, so a wrong
 * choice gets a clear message instead of a native crash: the folder exists, holds
 * a streaming transducer (encoder/decoder/joiner .onnx + tokens.txt), and its
 * tokens are for the call's language. See README "Speech models".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ScriptLanguage } from '../../../../shared/api/scripts';

export interface ModelFiles {
  encoder: string;
  decoder: string;
  joiner: string;
  tokens: string;
  /** Languages the tokens cover (a bilingual model covers two). */
  languages: ScriptLanguage[];
}

export type ModelProblem =
  | { code: 'no_folder'; message: string }
  | { code: 'not_a_folder'; message: string }
  | { code: 'no_model'; message: string; missing: string[] }
  | { code: 'bad_model'; message: string; file: string }
  | { code: 'wrong_language'; message: string; modelLanguages: ScriptLanguage[] };

export class ModelError extends Error {
  constructor(public problem: ModelProblem) {
    super(problem.message);
    this.name = 'ModelError';
  }
}

const LANG_NAME: Record<ScriptLanguage, string> = { en: 'English', ru: 'Russian', zh: 'Chinese' };

/** Files in the folder and one level down (some archives put the model in a subfolder). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isFile()) out.push(p);
    else if (e.isDirectory()) for (const f of fs.readdirSync(p, { withFileTypes: true })) if (f.isFile()) out.push(path.join(p, f.name));
  }
  return out;
}

/** The model's languages, from its tokens: Chinese characters, Cyrillic or Latin word pieces. */
export function tokenLanguages(tokensText: string): ScriptLanguage[] {
  let han = 0;
  let cyr = 0;
  let lat = 0;
  for (const line of tokensText.split('\n')) {
    const tok = line.split(/\s+/)[0] ?? '';
    if (/\p{Script=Han}/u.test(tok)) han++;
    else if (/\p{Script=Cyrillic}/u.test(tok)) cyr++;
    else if (/[a-zA-Z]/.test(tok)) lat++;
  }
  const total = han + cyr + lat || 1;
  const langs: ScriptLanguage[] = [];
  if (lat / total > 0.15) langs.push('en');
  if (cyr / total > 0.15) langs.push('ru');
  if (han / total > 0.15) langs.push('zh');
  return langs;
}

const pick = (files: string[], re: RegExp) => {
  const m = files.filter((f) => re.test(path.basename(f)));
  // the int8 build is smaller and fast enough for one call: prefer it
  return m.find((f) => f.includes('.int8.')) ?? m[0] ?? null;
};

/**
 * An ONNX file is a protobuf ModelProto: it opens with field 1 (ir_version, a small varint:
 * bytes 0x08 then 1–20) and is far larger than a placeholder. This does not prove the file is
 * whole, only that it is not text, HTML or an empty download.
 */
export function looksLikeOnnx(file: string): boolean {
  let fd: number | null = null;
  try {
    if (fs.statSync(file).size < 1024) return false;
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    return head[0] === 0x08 && head[1] >= 1 && head[1] <= 20;
  } catch {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export function checkModel(folder: string, language: ScriptLanguage): ModelFiles {
  if (!folder || !fs.existsSync(folder)) {
    throw new ModelError({
      code: 'no_folder',
      message: `No speech model folder at "${folder}". Download the ${LANG_NAME[language]} streaming model named in the README and unpack it into the models folder.`,
    });
  }
  if (!fs.statSync(folder).isDirectory())
    throw new ModelError({
      code: 'not_a_folder',
      message: `"${folder}" is a file, not a folder. Choose the folder the model archive was unpacked into.`,
    });
  const files = listFiles(folder);
  const found = {
    encoder: pick(files, /^encoder.*\.onnx$/),
    decoder: pick(files, /^decoder.*\.onnx$/),
    joiner: pick(files, /^joiner.*\.onnx$/),
    tokens: pick(files, /^tokens\.txt$/),
  };
  const missing = Object.entries(found)
    .filter(([, v]) => !v)
    .map(([k]) => (k === 'tokens' ? 'tokens.txt' : `${k}*.onnx`));
  if (missing.length) {
    throw new ModelError({
      code: 'no_model',
      missing,
      message: `"${folder}" is not a streaming speech model: ${missing.join(', ')} missing. Choose the unpacked folder of a sherpa-onnx streaming transducer model (README lists one per language).`,
    });
  }
  // the native loader aborts the whole process on a file that is not ONNX: refuse it here with a message
  for (const f of [found.encoder, found.decoder, found.joiner]) {
    if (!looksLikeOnnx(f)) {
      throw new ModelError({
        code: 'bad_model',
        file: path.basename(f),
        message: `"${path.basename(f)}" in "${folder}" is not an ONNX model (damaged or incomplete download). Download and unpack the model again.`,
      });
    }
  }
  const languages = tokenLanguages(fs.readFileSync(found.tokens, 'utf8'));
  if (!languages.includes(language)) {
    const names = languages.map((l) => LANG_NAME[l]).join(' + ') || 'an unknown language';
    throw new ModelError({
      code: 'wrong_language',
      modelLanguages: languages,
      message: `The model in "${folder}" recognises ${names}, but this call is in ${LANG_NAME[language]}. Choose a ${LANG_NAME[language]} model (see the README).`,
    });
  }
  return { encoder: found.encoder, decoder: found.decoder, joiner: found.joiner, tokens: found.tokens, languages };
}
