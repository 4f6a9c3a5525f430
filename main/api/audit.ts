import type { auditMethods } from '../../shared/api/audit';
import { auditCsv, auditFacets, listAudit } from '../services/audit';
import type { HandlersFor } from './context';

export const auditHandlers: HandlersFor<typeof auditMethods> = {
  'audit.list': (f, { db }) => listAudit(db, f),
  'audit.facets': (_i, { db }) => auditFacets(db),
  'audit.exportCsv': (f, { db }) => auditCsv(db, f),
};
