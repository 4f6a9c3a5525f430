import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../main/db/open';
import type { DB } from '../../main/db/open';
import { importRoster } from '../../main/services/roster';
import { dryRun, listBatches, runImport, sniff, undoBatch } from '../../main/services/crm/importer';
import type { CrmMapping } from '../../shared/api/crm';
import { contract } from '../../shared/api';
import { insightsPage } from '../../main/services/insights/page';

const FIX = path.join(__dirname, '..', 'fixtures', 'crm');
const FILES = [
  'zoho_deals.csv',
  'salesforce_opportunities.csv',
  'hubspot_deals.csv',
  'amocrm_leads.csv',
  'amocrm_leads.xlsx',
  'bitrix24_deals.csv',
  'fxiaoke_opportunities.csv',
];

let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
  importRoster(db, fs.readFileSync(path.join(FIX, 'people.csv')), null);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const staged = (file: string, copyAs?: string) => {
  const p = path.join(dir, copyAs ?? file);
  fs.copyFileSync(path.join(FIX, file), p);
  return { id: 'a'.repeat(32), path: p, name: copyAs ?? file, size: fs.statSync(p).size };
};

function perRep() {
  return db
    .prepare(
      `SELECT p.email, SUM(status='won') won, SUM(status='lost') lost, SUM(status='open') open,
        ROUND(1.0 * SUM(status='won') / SUM(status IN ('won','lost')), 6) rate
       FROM crm_deals d JOIN people p ON p.id = d.rep_id GROUP BY p.email ORDER BY p.email`,
    )
    .all();
}

async function importFile(file: string, copyAs?: string, patch?: (m: CrmMapping) => void) {
  const f = staged(file, copyAs);
  const s = withCurrency(await sniff(db, f));
  patch?.(s.mapping);
  const dr = await dryRun(db, f, s.source, s.mapping);
  const job = await runImport(db, f, s.source, s.mapping, null);
  return { s, dr, job, f };
}

/** Exports without a currency column (HubSpot, amoCRM): the wizard asks for the file's currency; here the answer is USD. */
function withCurrency<T extends { mapping: { fields: { currency?: string }; fileCurrency: string | null } }>(s: T): T {
  if (!s.mapping.fields.currency) s.mapping.fileCurrency = 'USD';
  return s;
}

describe('CRM import: every sample dialect gives the same per-rep outcomes', () => {
  let reference: unknown[] | null = null;
  for (const file of FILES) {
    it(file, async () => {
      const { s, dr, job } = await importFile(file);
      expect(s.preset).not.toBe('generic');
      expect(s.owners.every((o) => o.personId !== null)).toBe(true);
      expect(dr.errors).toEqual([]);
      expect(dr.counts).toMatchObject({ rows: 2000, valid: 2000, won: 852, lost: 1040, open: 108, create: 2000 });
      expect(job.state).toBe('done');
      const rows = perRep();
      expect(rows).toHaveLength(12);
      reference ??= rows;
      expect(rows).toEqual(reference);
      const repeat = db.prepare('SELECT SUM(is_repeat) FROM crm_deals').pluck().get();
      expect(repeat).toBe(824);
    });
  }

  it('detects encodings, delimiters and formats', async () => {
    const b = await sniff(db, staged('bitrix24_deals.csv'));
    expect([b.encoding, b.delimiter, b.mapping.dateFormat, b.mapping.numberFormat, b.preset]).toEqual([
      'Windows-1251',
      ';',
      'dmy',
      'comma',
      'bitrix24',
    ]);
    const f = await sniff(db, staged('fxiaoke_opportunities.csv'));
    expect([f.encoding, f.delimiter, f.mapping.dateFormat, f.preset]).toEqual(['GBK', ',', 'iso', 'fxiaoke']);
    const sf = await sniff(db, staged('salesforce_opportunities.csv'));
    expect([sf.mapping.dateFormat, sf.mapping.numberFormat]).toEqual(['mdy', 'dot']);
    const a = await sniff(db, staged('amocrm_leads.csv'));
    expect(a.encoding).toBe('UTF-8 (BOM)');
  });

  it('reads an XLSX file named .csv by its magic bytes', async () => {
    const s = withCurrency(await sniff(db, staged('amocrm_leads.xlsx', 'export.csv')));
    expect(s.kind).toBe('xlsx');
    expect(s.preset).toBe('amocrm');
  });

  it('re-import updates by external id, and undo restores', async () => {
    await importFile('zoho_deals.csv');
    const before = perRep();
    // a newer export: one open deal is now won
    const text = fs
      .readFileSync(path.join(FIX, 'zoho_deals.csv'), 'utf8')
      .replace(/(57257670000001125,.*?,)Negotiation\/Review,/, '$1Closed Won,');
    fs.writeFileSync(path.join(dir, 'newer.csv'), text);
    const f = { id: 'b'.repeat(32), path: path.join(dir, 'newer.csv'), name: 'newer.csv', size: text.length };
    const s = withCurrency(await sniff(db, f));
    expect(s.savedMapping).toBe(true);
    const dr = await dryRun(db, f, s.source, s.mapping);
    expect(dr.counts).toMatchObject({ create: 0, update: 2000 });
    await runImport(db, f, s.source, s.mapping, null);
    expect(db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get()).toBe(2000);
    expect(db.prepare("SELECT status FROM crm_deals WHERE external_id = '57257670000001125'").pluck().get()).toBe('won');
    const batches = listBatches(db);
    expect(batches).toHaveLength(2);
    expect(batches[1].canUndo).toBe(false);
    expect(batches[1].blockedBy).toMatchObject({ id: batches[0].id, fileName: 'newer.csv' });
    expect(() => undoBatch(db, batches[1].id, null)).toThrow(/later import \(newer\.csv, .*\) changed 2000 deals of this one/);
    expect(undoBatch(db, batches[0].id, null)).toEqual({ removed: 0, restored: 2000 });
    expect(perRep()).toEqual(before);
    const first = listBatches(db)[1];
    expect(undoBatch(db, first.id, null).removed).toBe(2000);
    expect(db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM crm_customers').pluck().get()).toBe(0);
  });

  it('a re-import shows exactly what a fresh import of the newer file shows, and re-importing the same file changes nothing', async () => {
    const filters = contract['insights.page'].input.parse({});
    const page = (d: DB) => JSON.stringify(insightsPage(d, filters));
    await importFile('zoho_deals.csv');
    const first = page(db);
    // the same file again: every deal replaced by an identical row, the page byte for byte the same
    const again = await importFile('zoho_deals.csv', 'again.csv');
    expect(again.job.counts).toMatchObject({ update: 2000, create: 0 });
    expect(page(db)).toBe(first);
    expect(db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get()).toBe(2000); // replaced rows moved to the undo history
    // a newer export: some open deals won, some lost, and one new deal
    const lines = fs.readFileSync(path.join(FIX, 'zoho_deals.csv'), 'utf8').trimEnd().split(/\r?\n/);
    let changed = 0;
    const newer = lines.map((l, i) => {
      if (i === 0 || !l.includes('Negotiation/Review')) return l;
      changed++;
      return l.replace('Negotiation/Review', changed % 2 ? 'Closed Won' : 'Closed Lost');
    });
    newer.push(lines[1].replace(/^(\d+)/, '$19'));
    fs.writeFileSync(path.join(dir, 'newer.csv'), newer.join('\n') + '\n');
    expect(changed).toBeGreaterThan(5);
    const f = {
      id: 'b'.repeat(32),
      path: path.join(dir, 'newer.csv'),
      name: 'newer.csv',
      size: fs.statSync(path.join(dir, 'newer.csv')).size,
    };
    const s = withCurrency(await sniff(db, f));
    const job = await runImport(db, f, s.source, s.mapping, null);
    expect(job.counts).toMatchObject({ update: 2000, create: 1 });
    // the same newer file into an empty workspace
    const other = openWorkspaceDb(path.join(dir, 'other.sqlite'), { create: true }).db;
    try {
      importRoster(other, fs.readFileSync(path.join(FIX, 'people.csv')), null);
      const s2 = withCurrency(await sniff(other, f));
      await runImport(other, f, s2.source, s2.mapping, null);
      expect(page(db)).toBe(page(other));
      expect(page(db)).not.toBe(first);
    } finally {
      other.close();
    }
    // undo the newer import: the page is the first one again
    undoBatch(db, listBatches(db)[0].id, null);
    expect(page(db)).toBe(first);
  });

  it('an older import can be undone when no later import changed its deals', async () => {
    await importFile('bitrix24_deals.csv');
    await importFile('zoho_deals.csv'); // another CRM: its own deals
    const [zoho, bitrix] = listBatches(db);
    expect(zoho.source).toBe('zoho');
    expect(bitrix.canUndo).toBe(true);
    expect(bitrix.blockedBy).toBeNull();
    expect(undoBatch(db, bitrix.id, null)).toEqual({ removed: 2000, restored: 0 });
    expect(db.prepare("SELECT COUNT(*) FROM crm_deals WHERE source = 'zoho'").pluck().get()).toBe(2000);
    expect(db.prepare("SELECT COUNT(*) FROM crm_deals WHERE source = 'bitrix24'").pluck().get()).toBe(0);
    // undoing the later import that blocked nothing leaves the workspace empty and consistent
    expect(undoBatch(db, zoho.id, null).removed).toBe(2000);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => undoBatch(db, zoho.id, null)).toThrow(/already undone/);
  });

  it('reports bad rows at row/column level and imports nothing on cancel', async () => {
    const lines = fs.readFileSync(path.join(FIX, 'zoho_deals.csv'), 'utf8').split('\n');
    lines[1] = lines[1].replace('14678.53', '14k678');
    lines[2] = lines[2].replace('2025-01-02 19:33:11', '2025-02-31 10:00:00');
    lines[3] = lines[3].replace('Olga Smirnova', 'Oleg Unknown');
    lines[4] = lines[4].replace(/^\d+/, lines[5].split(',')[0]);
    fs.writeFileSync(path.join(dir, 'bad.csv'), lines.join('\n'));
    const f = { id: 'c'.repeat(32), path: path.join(dir, 'bad.csv'), name: 'bad.csv', size: 1 };
    const s = withCurrency(await sniff(db, f));
    const dr = await dryRun(db, f, s.source, s.mapping);
    expect(dr.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'Amount', value: '14k678' }),
        expect.objectContaining({ row: 3, column: 'Created Time', message: expect.stringMatching(/does not exist/) }),
        expect.objectContaining({ row: 4, column: 'Deal Owner', value: 'Oleg Unknown' }),
        expect.objectContaining({ row: 6, column: 'Record Id', message: expect.stringMatching(/duplicate/) }),
      ]),
    );
    expect(dr.unknownOwners.map((o) => o.value)).toEqual(['Oleg Unknown']);
    expect(db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get()).toBe(0);
    // resolve the unknown owner to Olga, then cancel mid-way: nothing stays
    const olga = db.prepare("SELECT id FROM people WHERE email = 'olga.smirnova@example.com'").pluck().get() as number;
    s.mapping.owners = { 'Oleg Unknown': olga };
    const dr2 = await dryRun(db, f, s.source, s.mapping);
    expect(dr2.unknownOwners).toEqual([]);
    const r = await runImport(db, f, s.source, s.mapping, null, { cancel: true });
    expect(r.state).toBe('cancelled');
    expect(db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM crm_import_batches').pluck().get()).toBe(0);
  });

  it('refuses empty, header-only and non-tabular files, and a column mapped twice', async () => {
    fs.writeFileSync(path.join(dir, 'empty.csv'), '');
    fs.writeFileSync(path.join(dir, 'header.csv'), 'Record Id,Deal Name,Deal Owner,Stage,Created Time\r\n');
    fs.writeFileSync(path.join(dir, 'bin.csv'), Buffer.alloc(5000, 0));
    const f = (n: string) => ({ id: 'd'.repeat(32), path: path.join(dir, n), name: n, size: fs.statSync(path.join(dir, n)).size });
    await expect(sniff(db, f('empty.csv'))).rejects.toThrow(/empty/);
    await expect(sniff(db, f('header.csv'))).rejects.toThrow(/no deals/);
    await expect(sniff(db, f('bin.csv'))).rejects.toThrow(/not a CSV/);
    const z = staged('zoho_deals.csv');
    const s = withCurrency(await sniff(db, z));
    s.mapping.fields.name = 'Amount';
    await expect(dryRun(db, z, s.source, s.mapping)).rejects.toThrow(/mapped twice/);
  });
});
