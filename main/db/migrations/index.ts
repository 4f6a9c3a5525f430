/**
 * All schema migrations, in order. Imported statically (CSP forbids eval and
 * the packaged app has no loose files to scan). Each feature appends its own
 * numbered migration file here.
 */
import type { Migration } from './types';
import { m001 } from './001_foundation';
import { m002 } from './002_scripts';
import { m003 } from './003_library';
import { m004 } from './004_scorecards';
import { m005 } from './005_training';
import { m006 } from './006_insights';
import { m007 } from './007_crm_batch_touched';
import { m008 } from './008_coaching_links';
import { m009 } from './009_objection_triggers';
import { m010 } from './010_jobs';
import { m011 } from './011_team_accounts';
import { m012 } from './012_currencies';
import { m013 } from './013_notifications';
import { m014 } from './014_localized_names';
import { m015 } from './015_localized_catalog_names';
import { m016 } from './016_crm_import_state';

export const migrations: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016];

export const LATEST_VERSION = migrations[migrations.length - 1].version;
