/** The UI translations as the app loads them: renderer/locales/<lang>/<namespace>.json (read from disk, no Vite). */
import fs from 'node:fs';
import path from 'node:path';

export type Tree = { [k: string]: string | Tree };
export const LOCALES_DIR = path.join(__dirname, '..', '..', 'renderer', 'locales');
/** The shell namespace's keys are read bare (`actions.save`); every other namespace's under its name (`scripts.…`). */
export const SHELL_NS = 'shell';

export const languages = (): string[] =>
  fs
    .readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

export const namespacesOf = (lang: string): string[] =>
  fs
    .readdirSync(path.join(LOCALES_DIR, lang))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();

export const namespace = (lang: string, ns: string): Tree =>
  JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, `${ns}.json`), 'utf8')) as Tree;

/** One language's whole tree, keyed as `t()` reads it. */
export function resourcesFor(lang: string): Tree {
  const tree: Tree = {};
  for (const ns of namespacesOf(lang)) {
    if (ns === SHELL_NS) Object.assign(tree, namespace(lang, ns));
    else tree[ns] = namespace(lang, ns);
  }
  return tree;
}
