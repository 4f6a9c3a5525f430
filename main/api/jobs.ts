import type { jobsMethods, Job } from '../../shared/api/jobs';
import { hasRole } from '../../shared/api/access';
import { cancelJob, getJob, listJobs, type Viewer } from '../services/jobs/runner';
import type { ApiContext, HandlersFor } from './context';

/** The person who started a job sees it, and so do admins and the local owner. */
const viewer = (ctx: ApiContext): Viewer => ({ personId: ctx.actor.personId, seesAll: hasRole(ctx.actor, 'admin') });
const openDb = (ctx: ApiContext) => {
  try {
    return ctx.db;
  } catch {
    return null;
  }
};

/** Team mode shows file names, never paths of the server's disk (a backup's or a workspace's). */
function forCaller(ctx: ApiContext, j: Job): Job {
  if (ctx.actor.owner || !j.result || typeof j.result !== 'object' || !('path' in j.result)) return j;
  const r = j.result as { path: string; dataDir?: string };
  return { ...j, result: { ...r, path: r.path.split(/[\\/]/).pop() ?? '', ...('dataDir' in r ? { dataDir: '' } : {}) } } as Job;
}

export const jobsHandlers: HandlersFor<typeof jobsMethods> = {
  'jobs.get': ({ jobId }, ctx) => forCaller(ctx, getJob(jobId, openDb(ctx), viewer(ctx))),
  'jobs.cancel': ({ jobId }, ctx) => forCaller(ctx, cancelJob(jobId, viewer(ctx), true)),
  'jobs.list': (_i, ctx) => listJobs(openDb(ctx)).map((j) => forCaller(ctx, j)),
  'workspace.startBackup': (_i, ctx) => ctx.ws.startBackup(ctx.actorId()),
  'workspace.checkIntegrity': (_i, ctx) => ctx.ws.checkIntegrity(ctx.actorId()),
  'workspace.startDemo': ({ reset }, ctx) => ctx.ws.startDemo(reset, ctx.actorId()),
};
