/** The audit log (admins): who did what to which record, refusals and sign-ins; append-only. */
import { z } from 'zod';
import { id, isoDate, method, type Page, pageInput, rangeInOrder, text } from './contract';

export interface AuditRow {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  entity: string;
  entityId: number | null;
  action: string;
  /** A short human summary (the method and the fields it changed, or why a call was refused). */
  summary: string;
}

export const auditFilters = z.object({
  actorId: id.nullable().default(null),
  entity: text(80).nullable().default(null),
  action: text(80).nullable().default(null),
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
});
export type AuditFilters = z.input<typeof auditFilters>;

export const auditMethods = {
  'audit.list': method(auditFilters.extend(pageInput).refine(...rangeInOrder), ['admin']).returns<Page<AuditRow>>(),
  /** Values the filters offer (entities and actions present in the log, people who acted). */
  'audit.facets': method(z.object({}), ['admin']).returns<{
    entities: string[];
    actions: string[];
    actors: { id: number; name: string }[];
  }>(),
  /** Every row under the filters as CSV (cells that a spreadsheet would run as a formula are escaped). */
  'audit.exportCsv': method(auditFilters.refine(...rangeInOrder), ['admin']).returns<{ fileName: string; text: string; rows: number }>(),
};
