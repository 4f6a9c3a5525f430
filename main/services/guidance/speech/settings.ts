/**
 * Settings → Speech: the model folder per language. It lives in the data folder
 * (`speech.json`): model folders belong to this machine, not to a workspace.
 * A folder is checked with the adapter's own checks before it is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/api/contract';
import { SCRIPT_LANGUAGES, type ScriptLanguage } from '../../../../shared/api/scripts';
import type { SpeechModelSlot, SpeechProblem, SpeechSettings, SystemAudio } from '../../../../shared/api/speech';
import { checkModel, ModelError } from './model';

type Stored = Partial<Record<ScriptLanguage, string>>;

export class SpeechSettingsFile {
  constructor(private readonly dataDir: string) {}
  private get file() {
    return path.join(this.dataDir, 'speech.json');
  }
  read(): Stored {
    try {
      const v = (JSON.parse(fs.readFileSync(this.file, 'utf8')) as { models?: Record<string, unknown> }).models ?? {};
      return Object.fromEntries(SCRIPT_LANGUAGES.flatMap((l) => (typeof v[l] === 'string' && v[l] ? [[l, v[l]]] : [])));
    } catch {
      return {};
    }
  }
  folder(language: ScriptLanguage): string | null {
    return this.read()[language] ?? null;
  }
  set(language: ScriptLanguage, folder: string | null) {
    const models = { ...this.read(), [language]: folder ?? undefined };
    if (!folder) delete models[language];
    fs.mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ models }, null, 2));
    fs.renameSync(tmp, this.file);
  }
}

/** A model check's failure as a message the UI shows in its language. */
export function modelProblem(e: unknown, folder: string, language: ScriptLanguage): SpeechProblem {
  if (!(e instanceof ModelError))
    return {
      code: 'internal',
      message: `The speech model could not be checked: ${(e as Error)?.message ?? String(e)}`,
      key: 'speech.internal',
      params: {},
    };
  const p = e.problem;
  const message = p.message;
  switch (p.code) {
    case 'no_folder':
      return { code: 'no_folder', message, key: 'speech.model.no_folder', params: { folder, language } };
    case 'not_a_folder':
      return { code: 'not_a_folder', message, key: 'speech.model.not_a_folder', params: { folder } };
    case 'no_model':
      if (p.missing.includes('sherpa-onnx-node')) return { code: 'no_runtime', message, key: 'speech.model.no_runtime', params: {} };
      return { code: 'no_model', message, key: 'speech.model.no_model', params: { folder, missing: p.missing.join(', ') } };
    case 'bad_model':
      return { code: 'bad_model', message, key: 'speech.model.bad_model', params: { folder, file: p.file } };
    case 'wrong_language': {
      // language codes: the UI names them in its own language
      const model = p.modelLanguages.join(',') || '?';
      return { code: 'wrong_language', message, key: 'speech.model.wrong_language', params: { folder, model, language } };
    }
  }
}

export function checkFolder(folder: string, language: ScriptLanguage): SpeechProblem | null {
  try {
    checkModel(folder, language);
    return null;
  } catch (e) {
    return modelProblem(e, folder, language);
  }
}

/** No folder chosen for the call's language: the message links to Settings → Speech. */
export const noModelSet = (language: ScriptLanguage): SpeechProblem => ({
  code: 'no_model_set',
  message: `No speech model is set for this call's language (${language}). Choose its folder in Settings → Speech.`,
  key: 'speech.noModelSet',
  params: { language },
});

export function speechSettings(
  dataDir: string,
  host: 'electron' | 'browser',
  platform: NodeJS.Platform = process.platform,
): SpeechSettings {
  const stored = new SpeechSettingsFile(dataDir).read();
  const models = Object.fromEntries(
    SCRIPT_LANGUAGES.map((l): [ScriptLanguage, SpeechModelSlot] => {
      const folder = stored[l] ?? null;
      return [l, { folder, problem: folder ? checkFolder(folder, l) : null }];
    }),
  ) as Record<ScriptLanguage, SpeechModelSlot>;
  return { host, modelsDir: path.join(dataDir, 'models'), models, systemAudio: systemAudioFor(host, platform) };
}

/** Electron captures system audio on Windows and macOS (loopback); a browser may share a tab's or window's audio. */
export function systemAudioFor(host: 'electron' | 'browser', platform: NodeJS.Platform): SystemAudio {
  if (host === 'browser') return 'share';
  return platform === 'win32' || platform === 'darwin' ? 'loopback' : 'none';
}

/** Checks, then keeps (or forgets) a language's model folder; a wrong folder is refused with its message on `folder`. */
export function setModelFolder(dataDir: string, language: ScriptLanguage, folder: string | null) {
  if (folder) {
    const problem = checkFolder(folder, language);
    if (problem) throw new AppError('invalid_input', problem.message, 'folder', { key: problem.key, params: problem.params });
  }
  new SpeechSettingsFile(dataDir).set(language, folder);
}
