/**
 * Typed translation keys: `t('scripts.editor.title')` must name a key of renderer/locales/en/scripts.json,
 * `t('actions.save')` a key of shell.json. A key that does not exist in English is a type error, and `t()`
 * returns a string.
 */
import 'i18next';
import type { EN } from '../locales';

/**
 * For the compiler the namespaces are one tree: the shell's keys at the root, each other namespace under its name.
 * At run time i18next splits a key on its first '.' when that names a namespace (nsSeparator '.'), so the paths are
 * the same; typing it as one namespace keeps `useTranslation()` (no argument) able to use every key.
 */
type OneTree = (typeof EN)['shell'] & Omit<typeof EN, 'shell'>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'shell';
    nsSeparator: false;
    resources: { shell: OneTree };
    returnNull: false;
  }
}
