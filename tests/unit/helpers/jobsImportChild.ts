/**
 * A host process for the restart test: opens the workspace, starts a CRM import as a job
 * (on the bundled jobs worker), tells the parent its id once the import wrote `afterRows` rows, and
 * waits to be killed (kill -9) in the middle of it.
 */
import fs from 'node:fs';
import { WorkspaceManager } from '../../../main/services/workspace';
import { startImport } from '../../../main/services/crm/importer';
import type { CrmMapping } from '../../../shared/api/crm';

const [dataDir, wsFile, csv, mappingFile, afterRows = '1'] = process.argv.slice(2);
const ws = new WorkspaceManager({ dataDir, demo: false, host: 'browser' });
ws.open(wsFile);
const mapping = JSON.parse(fs.readFileSync(mappingFile, 'utf8')) as CrmMapping;
let told = false;
const job = startImport(ws.db, { path: csv, name: 'big.csv', size: fs.statSync(csv).size }, 'zoho', mapping, null, {
  onProgress: (p) => {
    if (!told && p.rows >= Number(afterRows)) {
      told = true;
      process.send!({ jobId: job.jobId, rows: p.rows });
    }
  },
});
setInterval(() => undefined, 1000);
