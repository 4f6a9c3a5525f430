import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../main/db/open';
import { blobPath } from '../../main/files/store';
import { generateDemo } from '../../main/services/demo';
import { governance } from '../../main/services/library/governance';
import { listItems } from '../../main/services/library/items';
import { listInput } from '../../shared/api/library';

describe('demo library', () => {
  it('seeds 40+ real documents in three languages with governance cases and usage', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-libdemo-'));
    const db = openWorkspaceDb(path.join(dir, 'demo.sqlite'), { create: true }).db;
    const filesDir = path.join(dir, 'demo.files');
    generateDemo(db, { filesDir, now: new Date('2026-06-01T09:00:00Z') });
    const all = listItems(db, listInput.parse({ limit: 100 }), { today: '2026-06-01' });
    expect(all.total).toBeGreaterThanOrEqual(40);
    expect(new Set(all.rows.map((r) => r.language))).toEqual(new Set(['en', 'ru', 'zh']));
    expect(new Set(all.rows.map((r) => r.fileKind).filter(Boolean))).toEqual(new Set(['pdf', 'docx', 'pptx', 'xlsx', 'text', 'image']));
    for (const r of all.rows) if (r.sha256) expect(fs.existsSync(blobPath(filesDir, r.sha256))).toBe(true);
    const g = governance(db, { staleDays: 90, today: '2026-06-01' });
    expect(g.counts.expired).toBeGreaterThanOrEqual(3);
    expect(g.counts.verifyDue).toBeGreaterThanOrEqual(3);
    expect(g.duplicates.map((d) => d.reason).sort()).toEqual(['same_file', 'similar_title']);
    // Text inside the generated PDFs is searchable in all three languages.
    expect(listItems(db, listInput.parse({ query: 'скидка за объём' }), { today: '2026-06-01' }).total).toBeGreaterThan(0);
    expect(listItems(db, listInput.parse({ query: 'missed calls' }), { today: '2026-06-01' }).total).toBeGreaterThan(0);
    expect(listItems(db, listInput.parse({ query: '坐席' }), { today: '2026-06-01' }).total).toBeGreaterThan(0);
    const uses = (db.prepare('SELECT count(*) AS n FROM library_usage').get() as { n: number }).n;
    expect(uses).toBeGreaterThan(200);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
