/** The handler table: one entry per contract method (a missing or mistyped one is a compile error). */
import type { Handlers } from './context';
import { peopleHandlers } from './people';
import { crmHandlers, insightsHandlers } from './insights';
import { sessionHandlers, workspaceHandlers } from './workspace';

export const handlers: Handlers = {
  ...workspaceHandlers,
  ...sessionHandlers,
  ...peopleHandlers,
  ...crmHandlers,
  ...insightsHandlers,
};
