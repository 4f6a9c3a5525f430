// The namespaces of renderer/locales/<lang>/*.json (first written by the one-off TS → JSON split); a new namespace adds its English import here.
import en_shell from './en/shell.json';
import en_about from './en/about.json';
import en_access from './en/access.json';
import en_audit from './en/audit.json';
import en_auth from './en/auth.json';
import en_errors from './en/errors.json';
import en_guidance from './en/guidance.json';
import en_insights from './en/insights.json';
import en_library from './en/library.json';
import en_notifications from './en/notifications.json';
import en_people from './en/people.json';
import en_scorecards from './en/scorecards.json';
import en_scripts from './en/scripts.json';
import en_settings from './en/settings.json';
import en_speech from './en/speech.json';
import en_team from './en/team.json';
import en_teamClient from './en/teamClient.json';
import en_training from './en/training.json';

/** Languages with a folder of JSON files here; English is the fallback and is bundled, the others load on demand. */
export const LANGS = ['en', 'ru', 'zh'] as const;
/** The default namespace: the shell's subtrees (actions, common, validation, …), read without a prefix. */
export const SHELL_NS = 'shell';
/** Namespaces: `t('<namespace>.<key>')` reads <key> from <lang>/<namespace>.json. */
export const NAMESPACES = [
  'shell',
  'about',
  'access',
  'audit',
  'auth',
  'errors',
  'guidance',
  'insights',
  'library',
  'notifications',
  'people',
  'scorecards',
  'scripts',
  'settings',
  'speech',
  'team',
  'teamClient',
  'training',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** English, bundled: the fallback for a missing key, and the type every key is checked against. */
export const EN = {
  shell: en_shell,
  about: en_about,
  access: en_access,
  audit: en_audit,
  auth: en_auth,
  errors: en_errors,
  guidance: en_guidance,
  insights: en_insights,
  library: en_library,
  notifications: en_notifications,
  people: en_people,
  scorecards: en_scorecards,
  scripts: en_scripts,
  settings: en_settings,
  speech: en_speech,
  team: en_team,
  teamClient: en_teamClient,
  training: en_training,
};
