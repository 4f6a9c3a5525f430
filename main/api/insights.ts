import type { crmMethods } from '../../shared/api/crm';
import type { insightsMethods } from '../../shared/api/insights';
import * as crm from '../services/crm/importer';
import { insightsPageAsync, repTrendAsync } from '../services/insights/pageAsync';
import * as currencies from '../services/crm/currencies';
import type { ApiContext, HandlersFor } from './context';
import type { InsightsPage } from '../../shared/api/insights';
import { AppError } from '../../shared/api/contract';
import * as see from './viewer';

/** A manager's insights cover the teams they manage: the filter names one of them (their first by default). */
function teamFilter<F extends { teamId: number | null }>(ctx: ApiContext, f: F): F {
  if (ctx.actor.owner) return f;
  if (f.teamId === null) {
    const first = ctx.actor.managedTeamIds[0];
    if (first === undefined)
      throw new AppError('forbidden', "You don't have access to this team.", 'teamId', { key: 'access.teamForbidden' });
    return { ...f, teamId: first };
  }
  see.team(ctx, 'calls', f.teamId);
  return f;
}

/** Per-team breakdowns keep only the managed teams. */
function onlyManaged(ctx: ApiContext, p: InsightsPage): InsightsPage {
  if (ctx.actor.owner) return p;
  const mine = (id: number) => ctx.actor.managedTeamIds.includes(id);
  return {
    ...p,
    trends: { ...p.trends, byTeam: p.trends.byTeam.filter((t) => mine(t.teamId)) },
    funnel: { ...p.funnel, byTeam: p.funnel.byTeam.filter((t) => mine(t.teamId)) },
    options: { ...p.options, teams: p.options.teams.filter((t) => mine(t.id)) },
  };
}

const staged = (ctx: ApiContext, id: string) => {
  const f = ctx.staging.get(id);
  return { id: f.id, path: f.path, name: f.name, size: f.size, sha256: f.sha256 };
};

export const crmHandlers: HandlersFor<typeof crmMethods> = {
  'crm.sniff': ({ uploadId, source }, ctx) => crm.sniff(ctx.db, staged(ctx, uploadId), source),
  'crm.dryRun': ({ uploadId, source, mapping }, ctx) => crm.dryRun(ctx.db, staged(ctx, uploadId), source, mapping),
  'crm.dryRunProgress': ({ uploadId }, ctx) => crm.dryRunProgress(staged(ctx, uploadId).path),
  'crm.startImport': ({ uploadId, source, mapping }, ctx) =>
    crm.startImport(ctx.db, staged(ctx, uploadId), source, mapping, ctx.actorId(), { onImported: () => ctx.staging.release(uploadId) }),
  'crm.job': ({ jobId }, { db }) => crm.getJob(jobId, db),
  'crm.cancelImport': ({ jobId }, { db }) => crm.cancelJob(jobId, db),
  'crm.batches': (_i, { db }) => crm.listBatches(db),
  'crm.undoBatch': ({ id }, ctx) => crm.undoBatch(ctx.db, id, ctx.actorId()),
  'crm.channels': (_i, { db }) => crm.listChannels(db),
  'crm.setChannel': ({ value, kind, mode }, { db }) => crm.setChannel(db, value, kind, mode),
  'crm.currencies': (_i, { db }) => currencies.currencySettings(db),
  'crm.setReportingCurrency': ({ currency }, { db }) => currencies.setReportingCurrency(db, currency),
  'crm.setRate': ({ month, currency, rate }, { db }) => currencies.setRate(db, month, currency, rate),
  'crm.importRates': ({ csv }, { db }) => currencies.importRates(db, csv),
};

export const insightsHandlers: HandlersFor<typeof insightsMethods> = {
  'insights.page': async (f, ctx) => {
    // every chart is computed on the Insights worker (its own connection and deal columns)
    return onlyManaged(ctx, await insightsPageAsync(ctx.db, teamFilter(ctx, f)));
  },
  'insights.repTrend': async ({ repId, ...f }, ctx) => {
    see.person(ctx, 'calls', repId);
    // one person's trend: seeing that person is what matters (a rep sees their own CRM outcomes)
    see.team(ctx, 'calls', f.teamId);
    return repTrendAsync(ctx.db, f, repId);
  },
};
