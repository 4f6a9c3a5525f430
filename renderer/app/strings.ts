/**
 * Every UI string source (DOM-free, so unit tests can check completeness):
 * the app's common strings and each feature's own file. Add one line per feature.
 */
import { common } from './locales/common';
import { peopleStrings } from '../features/people/strings';
import { settingsStrings } from '../features/settings/strings';
import { aboutStrings } from '../features/settings/aboutStrings';
import { scriptsStrings } from '../features/scripts/strings';
import { libraryStrings } from '../features/library/strings';
import { scorecardsStrings } from '../features/scorecards/strings';
import { trainingStrings } from '../features/training/strings';
import { insightsStrings } from '../features/insights/strings';
import { accessStrings } from '../features/access/strings';
import { guidanceStrings } from '../features/guidance/strings';
import { jobsStrings } from '../features/jobs/strings';
import { authStrings } from '../features/auth/strings';
import { notificationsStrings } from '../features/notifications/strings';
import { teamClientStrings } from '../features/teamClient/strings';
import { speechStrings } from '../features/guidance/speechStrings';

export type Lang = 'en' | 'ru' | 'zh';
export type Tree = { [k: string]: string | Tree };

export const STRING_SOURCES: Record<Lang, Tree>[] = [
  common,
  peopleStrings,
  settingsStrings,
  aboutStrings,
  scriptsStrings,
  libraryStrings,
  scorecardsStrings,
  trainingStrings,
  insightsStrings,
  accessStrings,
  guidanceStrings,
  jobsStrings,
  authStrings,
  notificationsStrings,
  teamClientStrings,
  speechStrings,
];

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    if (typeof v === 'object' && typeof into[k] === 'object') merge(into[k], v);
    else into[k] = v;
  }
  return into;
}

/** One language's resource tree: every source deep-merged (features may add to shared subtrees such as `errors`). */
export function resourcesFor(lang: Lang): Tree {
  return STRING_SOURCES.reduce<Tree>((acc, src) => merge(acc, structuredClone(src[lang])), {});
}
