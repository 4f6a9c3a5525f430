/** The handler table: one entry per contract method (a missing or mistyped one is a compile error). */
import type { Handlers } from './context';
import { peopleHandlers } from './people';
import { scriptsHandlers } from './scripts';
import { trainingHandlers } from './training';
import { scorecardsHandlers } from './scorecards';
import { libraryHandlers } from './library';
import { crmHandlers, insightsHandlers } from './insights';
import { sessionHandlers, workspaceHandlers } from './workspace';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { guidanceHandlers } from './guidance';
import { jobsHandlers } from './jobs';
import { authHandlers } from './auth';
import { notificationsHandlers } from './notifications';
import { searchHandlers } from './search';
import { syncHandlers } from './sync';
import { teamClientHandlers } from './teamClient';
import { speechHandlers } from './speech';

export const handlers: Handlers = {
  ...workspaceHandlers,
  ...sessionHandlers,
  ...authHandlers,
  ...peopleHandlers,
  ...scriptsHandlers,
  ...trainingHandlers,
  ...scorecardsHandlers,
  ...libraryHandlers,
  ...crmHandlers,
  ...insightsHandlers,
  ...appHandlers,
  ...auditHandlers,
  ...guidanceHandlers,
  ...jobsHandlers,
  ...notificationsHandlers,
  ...searchHandlers,
  ...syncHandlers,
  ...teamClientHandlers,
  ...speechHandlers,
};
