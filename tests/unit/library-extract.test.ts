import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, inspectAndExtract } from '../../main/services/library/extract';
import { assertSafeZip, classifyFile } from '../../main/services/library/filetype';

const FIX = path.join(__dirname, '..', 'fixtures', 'library');
const read = (f: string) => fs.readFileSync(path.join(FIX, f));

describe('library text extraction', () => {
  it('reads Russian PDF text and page count', async () => {
    const x = await extractText(read('kp-ru.pdf'), 'pdf', 'kp-ru.pdf');
    expect(x.status).toBe('ok');
    expect(x.pageCount).toBe(2);
    expect(x.text).toContain('скидка за объём 12 %');
    expect(x.text).toContain('Приложение: тарифы');
  });

  it('reads Chinese PDF text without breaking words at line wraps', async () => {
    const x = await extractText(read('one-pager-zh.pdf'), 'pdf', 'one-pager-zh.pdf');
    expect(x.status).toBe('ok');
    expect(x.text).toContain('商务版每个坐席每月29欧元');
  });

  it('stores a password-protected PDF with a note', async () => {
    const x = await extractText(read('encrypted.pdf'), 'pdf', 'encrypted.pdf');
    expect(x.status).toBe('failed');
    expect(x.note).toMatch(/password-protected/);
  });

  it('stores a damaged PDF with a note', async () => {
    const x = await extractText(read('corrupt.pdf'), 'pdf', 'corrupt.pdf');
    expect(['failed', 'empty']).toContain(x.status);
    expect(x.note.length).toBeGreaterThan(10);
  });

  it('reads DOCX paragraphs and tables', async () => {
    const x = await extractText(read('guide-en.docx'), 'docx', 'guide-en.docx');
    expect(x.text).toContain('cost of one lost request');
    expect(x.text).toContain('Total cost of ownership');
  });

  it('reads PPTX slides in order with slide count', async () => {
    const x = await extractText(read('deck-ru.pptx'), 'pptx', 'deck-ru.pptx');
    expect(x.pageCount).toBe(2);
    expect(x.text.indexOf('Облачный контакт-центр')).toBeLessThan(x.text.indexOf('Ожидание сократилось'));
  });

  it('reads XLSX cells including shared strings and numbers', async () => {
    const x = await extractText(read('roi-en.xlsx'), 'xlsx', 'roi-en.xlsx');
    expect(x.text).toContain('Requests per day | 1200');
  });

  it('reads plain text in UTF-8 and Windows-1251', async () => {
    expect((await extractText(read('notes-ru.txt'), 'text', 'n.txt')).text).toContain('выслушать клиента');
    expect((await extractText(read('notes-cp1251.txt'), 'text', 'n.txt')).text).toContain('Прайс-лист на 2026 год');
  });

  it('refuses a zip bomb disguised as DOCX before unpacking it', async () => {
    await expect(assertSafeZip(read('bomb.docx'), 'bomb.docx')).rejects.toThrow(/zip bomb/);
    const r = await inspectAndExtract(read('bomb.docx'), 'docx', 'bomb.docx');
    expect(r.ok).toBe(false);
  });
});

describe('file classification', () => {
  const cls = (f: string, name = f) => classifyFile(path.join(FIX, f), name);
  it('knows documents, images and text by extension and signature', () => {
    expect(cls('kp-ru.pdf').kind).toBe('pdf');
    expect(cls('deck-ru.pptx').kind).toBe('pptx');
    expect(cls('chart.png').kind).toBe('image');
    expect(cls('notes-ru.txt').kind).toBe('text');
  });
  it('refuses executables and scripts by extension', () => {
    expect(() => cls('kp-ru.pdf', 'setup.exe')).toThrow(/\.exe files can run code/);
    expect(() => cls('notes-ru.txt', 'run.sh')).toThrow(/\.sh/);
    expect(() => cls('notes-ru.txt', 'page.html')).toThrow(/\.html/);
  });
  it('refuses executables and scripts by their first bytes whatever the name', () => {
    expect(() => cls('program.pdf')).toThrow(/Windows program/);
    expect(() => cls('script.txt')).toThrow(/script/);
    expect(() => cls('page.html', 'page.txt')).toThrow(/web page/);
  });
  it('never previews a file as an image when its bytes are not one', () => {
    expect(cls('notes-ru.txt', 'photo.png').kind).toBe('other');
  });
});
