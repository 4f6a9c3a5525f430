/**
 * The one API contract: every method the renderer can call, merged from each
 * feature's file. Adding a method = add it to the feature's contract file,
 * implement it in the service, add one line to the handler table.
 */
import { peopleMethods } from './people';
import { scriptsMethods } from './scripts';
import { scorecardsMethods } from './scorecards';
import { libraryMethods } from './library';
import { crmMethods } from './crm';
import { insightsMethods } from './insights';
import { sessionMethods } from './session';
import { authMethods } from './auth';
import { workspaceMethods } from './workspace';
import { trainingMethods } from './training';
import { appMethods } from './app';
import { auditMethods } from './audit';
import { guidanceMethods } from './guidance';
import { jobsMethods } from './jobs';
import { notificationsMethods } from './notifications';
import { searchMethods } from './search';
import { syncMethods } from './sync';
import { teamClientMethods } from './teamClient';
import { speechMethods } from './speech';

export const contract = {
  ...workspaceMethods,
  ...sessionMethods,
  ...authMethods,
  ...peopleMethods,
  ...scriptsMethods,
  ...trainingMethods,
  ...scorecardsMethods,
  ...libraryMethods,
  ...crmMethods,
  ...insightsMethods,
  ...appMethods,
  ...auditMethods,
  ...guidanceMethods,
  ...jobsMethods,
  ...notificationsMethods,
  ...searchMethods,
  ...syncMethods,
  ...teamClientMethods,
  ...speechMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export * from './contract';
