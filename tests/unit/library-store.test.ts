import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { Staging } from '../../main/files/staging';
import { blobPath } from '../../main/files/store';
import { governance } from '../../main/services/library/governance';
import { addFile, addVersion } from '../../main/services/library/import';
import {
  getItem,
  insertItem,
  listItems,
  listVersions,
  removeItem,
  restoreVersion,
  setVerified,
  bulkUpdate,
} from '../../main/services/library/items';
import { link, listLinks, unlink } from '../../main/services/library/links';
import { sweepLibrary } from '../../main/services/library/maintenance';
import { analytics, itemUsage, recordUsage } from '../../main/services/library/usage';
import { listInput } from '../../shared/api/library';
import { itemMetaInput } from '../../shared/api/library';
import { createPerson } from '../../main/services/people';
import { personInput } from '../../shared/api/people';

const FIX = path.join(__dirname, '..', 'fixtures', 'library');
let dir: string;
let db: DB;
let staging: Staging;
let filesDir: string;
let owner: number;
const opts = () => ({ filesDir, limitBytes: 500 * 1048576, actorId: owner });
const stage = (f: string, name = f) => staging.fromPath(path.join(FIX, f)).then((s) => ({ ...s, name }));
const list = (i: Record<string, unknown>, o: { role?: string; today?: string } = {}) => listItems(db, listInput.parse(i), o);
const meta = (m: Record<string, unknown>) => itemMetaInput.parse(m);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-lib-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
  filesDir = path.join(dir, 'w.files');
  staging = new Staging(path.join(dir, 'staging'));
  owner = createPerson(
    db,
    personInput.parse({ name: 'Olga Petrova', names: { ru: 'Ольга Петрова' }, email: 'olga@example.com', roles: ['manager'] }),
    null,
  ).id;
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('library storage', () => {
  it('stores a file content-addressed with its extracted text and detects a duplicate', async () => {
    const s = await stage('kp-ru.pdf');
    const r = await addFile(db, s, { ...opts(), allowDuplicate: false, meta: {} });
    expect(r.status).toBe('added');
    expect(r.item.title).toBe('kp-ru');
    expect(r.item.language).toBe('ru');
    expect(r.item.current?.pageCount).toBe(2);
    expect(fs.existsSync(blobPath(filesDir, s.sha256))).toBe(true);
    const again = await addFile(db, await stage('kp-ru.pdf', 'copy.pdf'), { ...opts(), allowDuplicate: false, meta: {} });
    expect(again.status).toBe('duplicate');
    expect(again.item.id).toBe(r.item.id);
    expect((db.prepare('SELECT count(*) AS n FROM library_items').get() as { n: number }).n).toBe(1);
  });

  it('refuses programs, scripts, zip bombs and oversized files without leaving anything behind', async () => {
    await expect(addFile(db, await stage('program.pdf'), { ...opts(), allowDuplicate: false, meta: {} })).rejects.toThrow(
      /Windows program/,
    );
    await expect(addFile(db, await stage('notes-ru.txt', 'evil.bat'), { ...opts(), allowDuplicate: false, meta: {} })).rejects.toThrow(
      /\.bat/,
    );
    await expect(addFile(db, await stage('bomb.docx'), { ...opts(), allowDuplicate: false, meta: {} })).rejects.toThrow(/zip bomb/);
    await expect(addFile(db, await stage('kp-ru.pdf'), { ...opts(), limitBytes: 1000, allowDuplicate: false, meta: {} })).rejects.toThrow(
      /over the library's/,
    );
    expect((db.prepare('SELECT count(*) AS n FROM library_items').get() as { n: number }).n).toBe(0);
    expect(fs.existsSync(filesDir) ? fs.readdirSync(filesDir).length : 0).toBe(0);
  });

  it('keeps an encrypted PDF with a note explaining why it is not searchable', async () => {
    const r = await addFile(db, await stage('encrypted.pdf'), { ...opts(), allowDuplicate: false, meta: { title: 'Secret prices' } });
    expect(r.item.current?.extractStatus).toBe('failed');
    expect(r.item.current?.extractNote).toMatch(/password/);
  });

  it('a failure while writing the row leaves neither a row nor a file', async () => {
    // Break the tag table so the insert fails inside the transaction, after the blob was written.
    db.exec('DROP TABLE library_item_tags');
    const s = await stage('guide-en.docx');
    await expect(addFile(db, s, { ...opts(), allowDuplicate: false, meta: { tags: ['training'] } })).rejects.toThrow();
    expect((db.prepare('SELECT count(*) AS n FROM library_items').get() as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM library_versions').get() as { n: number }).n).toBe(0);
    expect(fs.existsSync(blobPath(filesDir, s.sha256))).toBe(false);
  });

  it('versions: new version becomes current, old one can be restored, history keeps both', async () => {
    const first = await addFile(db, await stage('kp-ru.pdf'), { ...opts(), allowDuplicate: false, meta: { title: 'Proposal' } });
    const id = first.item.id;
    const v2 = await addVersion(db, id, await stage('one-pager-zh.pdf'), 'Chinese edition', opts());
    expect(v2.current?.version).toBe(2);
    expect(list({ query: '坐席' }).rows.map((r) => r.id)).toEqual([id]);
    expect(list({ query: 'скидка' }).total).toBe(0);
    const history = listVersions(db, id);
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(history[0].createdByName).toBe('Olga Petrova');
    const restored = restoreVersion(db, id, history[1].id, owner);
    expect(restored.current?.version).toBe(3);
    expect(restored.current?.sha256).toBe(first.item.current?.sha256);
    expect(restored.current?.changeNote).toBe('Restored version 1');
    expect(list({ query: 'скидка' }).rows[0].id).toBe(id);
  });

  it('orphan sweep trashes files no row refers to, keeps referenced ones and removes half copies', async () => {
    const r = await addFile(db, await stage('kp-ru.pdf'), { ...opts(), allowDuplicate: false, meta: {} });
    const orphan = blobPath(filesDir, 'a'.repeat(64));
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'left over');
    fs.writeFileSync(blobPath(filesDir, r.item.current!.sha256!) + '.tmp-1-2', 'half copy');
    const res = sweepLibrary(db, filesDir);
    expect(res).toMatchObject({ trashed: 1, tempRemoved: 1, purged: 0 });
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.existsSync(path.join(filesDir, '.trash', 'a'.repeat(64)))).toBe(true);
    expect(fs.existsSync(blobPath(filesDir, r.item.current!.sha256!))).toBe(true);
  });

  it('removing an item deletes its rows and reports the now-unreferenced file', async () => {
    const r = await addFile(db, await stage('kp-ru.pdf'), { ...opts(), allowDuplicate: false, meta: {} });
    const gone = removeItem(db, r.item.id, owner);
    expect(gone).toEqual([r.item.current!.sha256]);
    expect(list({}).total).toBe(0);
    expect(list({ query: 'скидка' }).total).toBe(0);
  });
});

describe('library search and filters', () => {
  beforeEach(async () => {
    await addFile(db, await stage('kp-ru.pdf'), {
      ...opts(),
      allowDuplicate: false,
      meta: { title: 'КП для «Зенита»', tags: ['КП'], stage: 'proposal', product: 'Contact Center Cloud' },
    });
    await addFile(db, await stage('one-pager-zh.pdf'), {
      ...opts(),
      allowDuplicate: false,
      meta: { title: '产品简介', stage: 'discovery', language: 'zh' },
    });
    await addFile(db, await stage('guide-en.docx'), {
      ...opts(),
      allowDuplicate: false,
      meta: { title: 'Objection guide', tags: ['Objections', 'training'], stage: 'negotiation', validUntil: '2020-01-01' },
    });
    insertItem(
      db,
      'note',
      meta({ title: 'Pilot rules', description: 'When to offer the free pilot', tags: ['pilot'] }),
      { bodyMd: '**Pilot** for 14 days' },
      owner,
    );
    insertItem(db, 'link', meta({ title: 'Pricing page', channel: 'messenger' }), { url: 'https://example.com/pricing' }, owner);
  });

  it('finds a phrase inside PDF text with a highlighted passage (Russian, stemmed)', () => {
    const r = list({ query: 'скидки за объем' });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].snippetFrom).toBe('text');
    const hits = r.rows[0].snippet!.filter((s) => s.hit).map((s) => s.text.toLowerCase());
    expect(hits).toContain('скидка');
    expect(hits).toContain('объём');
  });

  it('finds two-character Chinese words inside file text', () => {
    expect(list({ query: '坐席' }).rows.map((r) => r.title)).toEqual(['产品简介']);
    expect(list({ query: '年付' }).total).toBe(1);
  });

  it('finds by title, description, tags and note body; English stemming', () => {
    expect(list({ query: 'objections' }).rows[0].title).toBe('Objection guide');
    expect(list({ query: 'offering pilots' }).rows[0].title).toBe('Pilot rules');
    expect(list({ query: 'lost requests' }).rows[0].title).toBe('Objection guide');
  });

  it('filters by every metadata field', () => {
    expect(list({ stage: 'discovery' }).rows.map((r) => r.title)).toEqual(['产品简介']);
    expect(list({ tag: 'objections' }).rows.map((r) => r.title)).toEqual(['Objection guide']);
    expect(list({ kind: 'link' }).rows[0].title).toBe('Pricing page');
    expect(list({ channel: 'messenger' }).total).toBe(1);
    expect(list({ product: 'Contact Center Cloud' }).total).toBe(1);
    expect(list({ language: 'zh' }).total).toBe(1);
    expect(list({ fileKind: 'docx' }).total).toBe(1);
    expect(list({ ownerId: owner }).total).toBe(3); // uploads default to the uploader; the note and link have no owner
    expect(list({ status: 'expired' }).rows.map((r) => r.title)).toEqual(['Objection guide']);
  });

  it('hides expired items from reps and shows them to others with their status', () => {
    expect(list({}, { role: 'rep' }).rows.map((r) => r.title)).not.toContain('Objection guide');
    const forManager = list({});
    expect(forManager.total).toBe(5);
    expect(forManager.rows.find((r) => r.title === 'Objection guide')?.status).toBe('expired');
    expect(list({ query: 'objection' }, { role: 'rep' }).total).toBe(0);
  });

  it('pages deep into the list with a stable order', () => {
    const all = list({ sort: 'title', limit: 5 }).rows.map((r) => r.id);
    const paged = [0, 1, 2, 3, 4].flatMap((o) => list({ sort: 'title', offset: o, limit: 1 }).rows.map((r) => r.id));
    expect(paged).toEqual(all);
  });

  it('bulk edit adds and removes tags and sets the owner', () => {
    const ids = list({}).rows.map((r) => r.id);
    const other = createPerson(db, personInput.parse({ name: 'Li Wei', email: 'li@example.com', roles: ['trainer'] }), null).id;
    expect(bulkUpdate(db, ids, { addTags: ['Q3'], removeTags: ['training'], ownerId: other }, owner).updated).toBe(5);
    expect(list({ tag: 'q3' }).total).toBe(5);
    expect(list({ tag: 'training' }).total).toBe(0);
    expect(list({ ownerId: other }).total).toBe(5);
    expect(list({ query: 'q3' }).total).toBe(5);
  });
});

describe('governance, usage and links', () => {
  it('lists expired, due-for-verification, stale and duplicate items; verify clears "due"', async () => {
    const today = '2026-06-01';
    const a = insertItem(db, 'note', meta({ title: 'Price list 2026', validUntil: '2026-05-01' }), { bodyMd: 'x' }, owner);
    const b = insertItem(db, 'note', meta({ title: 'Price list 2026 (copy)', verifyEveryDays: 30 }), { bodyMd: 'y' }, owner);
    db.prepare("UPDATE library_items SET created_at = '2026-01-01T00:00:00Z'").run();
    const g = governance(db, { staleDays: 90, today });
    expect(g.expired.map((r) => r.id)).toEqual([a]);
    expect(g.verifyDue.map((r) => r.id)).toEqual([b]);
    expect(g.verifyDue[0].verifyDueOn).toBe('2026-01-31');
    expect(g.stale.map((r) => r.id)).toEqual([b]);
    expect(g.duplicates).toEqual([
      expect.objectContaining({ reason: 'similar_title', items: [expect.objectContaining({ id: a }), expect.objectContaining({ id: b })] }),
    ]);
    setVerified(db, b, owner);
    expect(governance(db, { staleDays: 90, today: new Date().toISOString().slice(0, 10) }).verifyDue).toHaveLength(0);
    recordUsage(db, { itemId: b, action: 'open', context: 'library', personId: owner, at: '2026-05-20T10:00:00Z' });
    expect(governance(db, { staleDays: 90, today }).stale).toHaveLength(0);
  });

  it('flags the same file stored twice as a duplicate', async () => {
    await addFile(db, await stage('kp-ru.pdf'), { ...opts(), allowDuplicate: false, meta: { title: 'KP' } });
    await addFile(db, await stage('kp-ru.pdf'), { ...opts(), allowDuplicate: true, meta: { title: 'Something else' } });
    const g = governance(db, { staleDays: 90 });
    expect(g.duplicates[0].reason).toBe('same_file');
    expect(g.duplicates[0].items).toHaveLength(2);
  });

  it('records usage with version and context and reports per item and per period', async () => {
    const r = await addFile(db, await stage('kp-ru.pdf'), { ...opts(), allowDuplicate: false, meta: {} });
    const unused = insertItem(db, 'note', meta({ title: 'Never used' }), { bodyMd: '' }, owner);
    recordUsage(db, { itemId: r.item.id, action: 'open', context: 'call', personId: owner, at: '2026-03-02T10:00:00Z' });
    recordUsage(db, { itemId: r.item.id, action: 'copy', context: 'script', personId: owner, at: '2026-03-03T10:00:00Z' });
    recordUsage(db, { itemId: r.item.id, action: 'open', context: 'library', personId: null, at: '2026-04-03T10:00:00Z' });
    const u = itemUsage(db, r.item.id);
    expect(u).toMatchObject({ opens: 2, copies: 1, callUses: 1, lastUsedAt: '2026-04-03T10:00:00Z' });
    expect(u.recent[0].version).toBe(1);
    expect(u.people[0]).toMatchObject({ name: 'Olga Petrova', count: 2 });
    const a = analytics(db, '2026-03-01', '2026-03-31', 10);
    expect(a.top).toEqual([expect.objectContaining({ id: r.item.id, uses: 2, opens: 1, callUses: 1, people: 1 })]);
    expect(a.neverUsed.map((x) => x.id)).toEqual([unused]);
    expect(a.totals).toMatchObject({ opens: 1, copies: 1, callUses: 1, activePeople: 1 });
  });

  it('links items to a script step and always resolves the current version', async () => {
    const r = await addFile(db, await stage('kp-ru.pdf'), { ...opts(), allowDuplicate: false, meta: {} });
    link(db, 'script_step', 42, r.item.id, owner);
    link(db, 'script_step', 42, r.item.id, owner);
    expect(listLinks(db, 'script_step', 42)).toHaveLength(1);
    await addVersion(db, r.item.id, await stage('one-pager-zh.pdf'), '', opts());
    expect(listLinks(db, 'script_step', 42)[0].item.fileName).toBe('one-pager-zh.pdf');
    expect(getItem(db, r.item.id).current?.version).toBe(2);
    db.prepare("UPDATE library_items SET valid_until = '2000-01-01'").run();
    expect(listLinks(db, 'script_step', 42, { role: 'rep' })).toHaveLength(0);
    unlink(db, 'script_step', 42, r.item.id, owner);
    expect(listLinks(db, 'script_step', 42)).toHaveLength(0);
  });
});

describe('library input safety', () => {
  it('accepts only plain http(s) links without credentials', async () => {
    const { safeUrl } = await import('../../shared/api/library');
    expect(safeUrl.safeParse('https://vc.ru/marketing/case?id=1').success).toBe(true);
    expect(safeUrl.safeParse('https://кириллица.рф/путь').success).toBe(true);
    expect(safeUrl.safeParse('javascript:alert(1)').success).toBe(false);
    expect(safeUrl.safeParse('https://user:secret@example.com').success).toBe(false);
    expect(safeUrl.safeParse('file:///etc/passwd').success).toBe(false);
  });
  it('stores HTML typed into a note as text (rendering sanitises it)', () => {
    const id = insertItem(db, 'note', meta({ title: '<img src=x onerror=alert(1)>' }), { bodyMd: '<script>alert(1)</script>' }, owner);
    expect(getItem(db, id).title).toBe('<img src=x onerror=alert(1)>');
    expect(
      list({ query: 'img' })
        .rows[0].titleSegments?.map((s) => s.text)
        .join(''),
    ).toBe('<img src=x onerror=alert(1)>');
  });
});
