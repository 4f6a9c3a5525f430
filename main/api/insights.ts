import type { crmMethods } from '../../shared/api/crm';
import type { insightsMethods } from '../../shared/api/insights';
import * as crm from '../services/crm/importer';
import * as currencies from '../services/crm/currencies';
import { datasetAsync } from '../services/insights/datasetAsync';
import { insightsPage, repTrend } from '../services/insights/page';
import type { ApiContext, HandlersFor } from './context';

const staged = (ctx: ApiContext, id: string) => {
  const f = ctx.staging.get(id);
  return { id: f.id, path: f.path, name: f.name, size: f.size, sha256: f.sha256 };
};

export const crmHandlers: HandlersFor<typeof crmMethods> = {
  'crm.sniff': ({ uploadId, source }, ctx) => crm.sniff(ctx.db, staged(ctx, uploadId), source),
  'crm.dryRun': ({ uploadId, source, mapping }, ctx) => crm.dryRun(ctx.db, staged(ctx, uploadId), source, mapping),
  'crm.dryRunProgress': ({ uploadId }, ctx) => crm.dryRunProgress(staged(ctx, uploadId).path),
  'crm.startImport': ({ uploadId, source, mapping }, ctx) => crm.startImport(ctx.db, staged(ctx, uploadId), source, mapping, ctx.actorId()),
  'crm.job': ({ jobId }) => crm.getJob(jobId),
  'crm.cancelImport': ({ jobId }) => crm.cancelJob(jobId),
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
  'insights.page': async (f, { db }) => {
    // the deal columns are read on a worker thread when the data changed; the charts are computed here
    await datasetAsync(db);
    return insightsPage(db, f);
  },
  'insights.repTrend': async ({ repId, ...f }, { db }) => {
    await datasetAsync(db);
    return repTrend(db, f, repId);
  },
};
