/**
 * All schema migrations, in order. Imported statically (CSP forbids eval and
 * the packaged app has no loose files to scan). Each feature appends its own
 * numbered migration file here.
 */
import type { Migration } from './types';
import { m001 } from './001_foundation';
import { m006 } from './006_insights';

export const migrations: Migration[] = [m001, m006];

export const LATEST_VERSION = migrations[migrations.length - 1].version;
