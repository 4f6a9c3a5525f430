/**
 * What other features read of scripts (call coverage in scorecards, drills in
 * training, content links): published scripts and the objection bank.
 * INTERFACE FIRST: the scripts feature implements these; until then they return nothing.
 */
import type { DB } from '../../db/open';

export interface PublishedStep {
  id: number;
  position: number;
  stage: 'opening' | 'discovery' | 'presentation' | 'objection_handling' | 'closing' | 'follow_up';
  title: string;
  talkingPointsMd: string;
  sayIt: string;
  listenFor: string;
  /** Checklist items the rep must say in this step. */
  mustSay: string[];
}

export interface PublishedScript {
  id: number;
  title: string;
  language: string;
  steps: PublishedStep[];
}

export interface ObjectionCardRef {
  id: number;
  objection: string;
  responses: string[];
  tags: string[];
  language: string;
}

export function listPublishedScripts(_db: DB): { id: number; title: string; language: string }[] {
  return [];
}

export function getPublishedScript(_db: DB, _id: number): PublishedScript | null {
  return null;
}

export function listObjectionCards(_db: DB): ObjectionCardRef[] {
  return [];
}
