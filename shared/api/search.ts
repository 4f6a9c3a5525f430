/**
 * One search across the workspace (Ctrl+K): scripts and their steps, objection
 * cards, library items (inside their files), calls (customer and transcript
 * words), calibration sessions, courses and people, grouped, each group
 * filtered by what the asking person may see.
 */
import { z } from 'zod';
import { method, text } from './contract';
import type { Segment } from '../search/text';
import type { PersonRef } from './scorecards';

export const EVERYWHERE_GROUPS = ['scripts', 'steps', 'objections', 'library', 'calls', 'calibrations', 'courses', 'people'] as const;
export type EverywhereGroup = (typeof EVERYWHERE_GROUPS)[number];

export interface EverywhereHit {
  /** Unique within the result (group + id). */
  key: string;
  /** Where the renderer opens it (a route of the app). */
  href: string;
  /** Highlighted title; for people and calls the renderer names the person in the UI language. */
  title: Segment[];
  /** The matching passage (file text, transcript line, talking point) with highlights, when there is one. */
  snippet: Segment[] | null;
  /** Short facts beside the title (script name, language, date, status). */
  meta: string[];
  /** A person (people) or the rep (calls), so the name follows the UI language. */
  person: PersonRef | null;
  /** A call's time, a transcript line's start (ms), for the renderer to format. */
  at: string | null;
  atMs: number | null;
}

export interface EverywhereResult {
  query: string;
  groups: { group: EverywhereGroup; hits: EverywhereHit[]; more: boolean }[];
}

export const searchMethods = {
  'search.everywhere': method(
    z.object({ query: text(200), perGroup: z.number().int().min(1).max(20).default(5) }),
    'signedIn',
  ).returns<EverywhereResult>(),
};
