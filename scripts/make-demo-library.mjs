// Generates the demo library's real documents (PDF, DOCX, PPTX, XLSX, text, PNG) ONCE,
// plus the unit-test fixtures. Output is committed:
//   resources/demo/library/*  + manifest.json (metadata and text extracted by the app's own extractor)
//   tests/fixtures/library/*
// Run: node scripts/make-demo-library.mjs   (needs DejaVu fonts from Debian's fonts-dejavu-core)
import { Buffer } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, HeadingLevel, TextRun, Table, TableRow, TableCell, WidthType } from 'docx';
import PptxGenJS from 'pptxgenjs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { build } from 'esbuild';
import { DOCS, LINKS, NOTES, DUPLICATES } from './demo-library-content.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const OUT = path.join(root, 'resources/demo/library');
const FIX = path.join(root, 'tests/fixtures/library');
const LATIN = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
const CJK = path.join(root, 'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff');
const HAN = /([\p{Script=Han}\u3000-\u303f\uff00-\uffef]+)/u;

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
fs.mkdirSync(FIX, { recursive: true });

/** Writes text with CJK runs in Noto Sans SC and everything else in DejaVu (pdfkit has no font fallback). */
function mixed(doc, str, { bold = false, size = 11, ...opts } = {}) {
  const parts = str.split(HAN).filter(Boolean);
  doc.fontSize(size);
  parts.forEach((part, i) => {
    doc.font(HAN.test(part) ? 'cjk' : bold ? 'latin-bold' : 'latin');
    doc.text(part, { ...opts, continued: i < parts.length - 1 });
  });
}

function pdfBuffer(d, opts = {}) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: d.title, Author: 'Altair Systems' }, ...opts });
    doc.registerFont('latin', LATIN[0]);
    doc.registerFont('latin-bold', LATIN[1]);
    doc.registerFont('cjk', CJK);
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.rect(0, 0, doc.page.width, 6).fill('#1c7ed6').fillColor('black');
    mixed(doc, 'Altair Systems', { size: 9 });
    doc.moveDown(0.5);
    mixed(doc, d.title, { bold: true, size: 20 });
    doc.moveDown(0.6);
    for (const s of d.sections ?? []) {
      mixed(doc, s.h, { bold: true, size: 14 });
      doc.moveDown(0.3);
      for (const p of s.p) {
        mixed(doc, p, { size: 11, lineGap: 3 });
        doc.moveDown(0.5);
      }
      for (const [ri, row] of (s.rows ?? []).entries()) {
        const y = doc.y;
        const w = (doc.page.width - 112) / row.length;
        row.forEach((cell, ci) => {
          doc.x = 56 + ci * w;
          doc.y = y;
          mixed(doc, String(cell), { bold: ri === 0, size: 10, width: w - 6 });
        });
        doc.x = 56;
        doc.y = Math.max(doc.y, y + 16) + 4;
      }
      doc.moveDown(0.6);
    }
    for (const extra of d.extraPages ?? []) {
      doc.addPage();
      mixed(doc, extra, { size: 11 });
    }
    doc.end();
  });
}

async function docxBuffer(d) {
  const children = [new Paragraph({ text: d.title, heading: HeadingLevel.TITLE })];
  for (const s of d.sections) {
    children.push(new Paragraph({ text: s.h, heading: HeadingLevel.HEADING_1 }));
    for (const p of s.p) children.push(new Paragraph({ children: [new TextRun(p)] }));
    if (s.rows)
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: s.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(String(c))] })) })),
        }),
      );
  }
  const doc = new Document({ creator: 'Altair Systems', title: d.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

async function pptxBuffer(d) {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = d.title;
  const font = d.lang === 'zh' ? 'Noto Sans SC' : 'Arial';
  for (const [i, [h, body]] of d.slides.entries()) {
    const s = pptx.addSlide();
    s.background = { color: i === 0 ? '1C7ED6' : 'FFFFFF' };
    s.addText(h, {
      x: 0.5,
      y: i === 0 ? 2 : 0.4,
      w: 9,
      h: 1,
      fontSize: i === 0 ? 36 : 28,
      bold: true,
      color: i === 0 ? 'FFFFFF' : '1C7ED6',
      fontFace: font,
    });
    s.addText(body, {
      x: 0.5,
      y: i === 0 ? 3 : 1.6,
      w: 9,
      h: 3,
      fontSize: 18,
      color: i === 0 ? 'FFFFFF' : '333333',
      fontFace: font,
      valign: 'top',
    });
    s.addNotes(`${h}. ${body}`);
  }
  return pptx.write({ outputType: 'nodebuffer' });
}

async function xlsxBuffer(d) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Altair Systems';
  const ws = wb.addWorksheet(d.lang === 'ru' ? 'Расчёт' : 'Sheet1');
  for (const r of d.sheet) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 28));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function chartPng() {
  const { createCanvas } = require('@napi-rs/canvas');
  const c = createCanvas(800, 450);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 800, 450);
  g.fillStyle = '#222';
  g.font = 'bold 26px sans-serif';
  g.fillText('Average waiting time, seconds', 40, 50);
  const bars = [
    ['Before', 250, '#fa5252'],
    ['Month 1', 170, '#fd7e14'],
    ['Month 3', 125, '#40c057'],
    ['Month 6', 110, '#1c7ed6'],
  ];
  bars.forEach(([label, v, color], i) => {
    g.fillStyle = color;
    g.fillRect(80 + i * 170, 400 - v, 110, v);
    g.fillStyle = '#222';
    g.font = '20px sans-serif';
    g.fillText(label, 90 + i * 170, 430);
    g.fillText(String(v), 115 + i * 170, 390 - v);
  });
  return c.toBuffer('image/png');
}

const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');

// The app's own extractor, bundled for Node, so the manifest's text is exactly what an upload would index.
const bundled = path.join(root, '.demo-extract.cjs');
await build({
  entryPoints: [path.join(root, 'main/services/library/extract.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundled,
  logLevel: 'error',
});
const { extractText } = require(bundled);

const KIND = { pdf: 'pdf', docx: 'docx', pptx: 'pptx', xlsx: 'xlsx', md: 'text', txt: 'text', png: 'image' };
const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/plain',
  txt: 'text/plain',
  png: 'image/png',
};

async function render(d) {
  const ext = path.extname(d.file).slice(1);
  if (ext === 'pdf') return pdfBuffer(d);
  if (ext === 'docx') return docxBuffer(d);
  if (ext === 'pptx') return pptxBuffer(d);
  if (ext === 'xlsx') return xlsxBuffer(d);
  if (ext === 'png') return chartPng();
  return Buffer.from(d.text, 'utf8');
}

const manifest = { files: [], links: LINKS, notes: NOTES };
const docs = [
  ...DOCS,
  {
    file: 'waiting-time-chart-en.png',
    title: 'Chart: waiting time after switching (Vector case)',
    lang: 'en',
    meta: {
      description: 'Bar chart for slides and e-mails: waiting time before and 1, 3, 6 months after go-live.',
      tags: ['chart', 'case study', 'retail'],
      stage: 'presentation',
      channel: 'e-mail',
      product: 'Contact Center Cloud',
      audience: 'Retail',
      validDays: null,
      verifyEvery: null,
      owner: 1,
    },
  },
];
for (const d of docs) {
  const buf = await render(d);
  fs.writeFileSync(path.join(OUT, d.file), buf);
  const ext = path.extname(d.file).slice(1);
  const x = await extractText(buf, KIND[ext], d.file);
  manifest.files.push({
    file: d.file,
    sha256: sha(buf),
    size: buf.length,
    mime: MIME[ext],
    fileKind: KIND[ext],
    title: d.title,
    lang: d.lang,
    meta: d.meta,
    text: x.text,
    pageCount: x.pageCount,
    extractStatus: x.status,
    extractNote: x.note,
  });
}
for (const dup of DUPLICATES) {
  const orig = manifest.files.find((f) => f.file === dup.copyOf);
  if (dup.sameFile === false) {
    const d = DOCS.find((x) => x.file === dup.copyOf);
    const file = dup.copyOf.replace(/\.pdf$/, '-v2.pdf');
    const buf = await pdfBuffer({
      ...d,
      title: dup.title,
      sections: [...d.sections, { h: 'Update', p: ['Competitor B announced a price cut of 5% for annual contracts.'] }],
    });
    fs.writeFileSync(path.join(OUT, file), buf);
    const x = await extractText(buf, 'pdf', file);
    manifest.files.push({
      ...orig,
      file,
      sha256: sha(buf),
      size: buf.length,
      title: dup.title,
      meta: { ...orig.meta, owner: dup.owner },
      text: x.text,
      pageCount: x.pageCount,
    });
  } else {
    manifest.files.push({ ...orig, title: dup.title, meta: { ...orig.meta, owner: dup.owner, verifyEvery: null } });
  }
}
fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 1));

// ---- unit-test and e2e fixtures ----
const fx = (name, buf) => fs.writeFileSync(path.join(FIX, name), buf);
fx(
  'kp-ru.pdf',
  await pdfBuffer({
    title: 'Коммерческое предложение для ООО «Зенит»',
    sections: [
      {
        h: 'Условия',
        p: [
          'Для 60 операторов действует скидка за объём 12 %. Внедрение облачного контакт-центра займёт две недели.',
          'Пилотный проект стартует в понедельник.',
        ],
      },
    ],
    extraPages: ['Приложение: тарифы и график внедрения.'],
  }),
);
fx(
  'one-pager-zh.pdf',
  await pdfBuffer({ title: '云呼叫中心产品简介', sections: [{ h: '价格', p: ['商务版每个坐席每月29欧元，年付享受九折优惠。'] }] }),
);
fx(
  'encrypted.pdf',
  await pdfBuffer(
    { title: 'Secret price list', sections: [{ h: 'Prices', p: ['Confidential.'] }] },
    { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' },
  ),
);
fx(
  'corrupt.pdf',
  Buffer.concat([
    Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
    crypto.randomBytes(600),
    Buffer.from('\n%%EOF'),
  ]),
);
fx(
  'guide-en.docx',
  await docxBuffer({
    title: 'Objection handling guide',
    sections: [
      {
        h: 'It is too expensive',
        p: ['Ask what the customer compares it with, then show the cost of one lost request.'],
        rows: [
          ['Objection', 'Answer'],
          ['Too expensive', 'Total cost of ownership'],
        ],
      },
    ],
  }),
);
fx(
  'deck-ru.pptx',
  await pptxBuffer({
    title: 'Презентация',
    lang: 'ru',
    slides: [
      ['Облачный контакт-центр', 'Одна очередь для всех каналов'],
      ['Результаты', 'Ожидание сократилось с 4:10 до 1:50'],
    ],
  }),
);
fx(
  'roi-en.xlsx',
  await xlsxBuffer({
    lang: 'en',
    sheet: [
      ['Metric', 'Value'],
      ['Requests per day', 1200],
      ['Missed share', 0.15],
      ['Average order, EUR', 95],
    ],
  }),
);
fx('notes-ru.txt', Buffer.from('Памятка: сначала выслушать клиента, потом отвечать на возражение.\n', 'utf8'));
fx(
  'notes-cp1251.txt',
  Buffer.from([
    0xcf, 0xf0, 0xe0, 0xe9, 0xf1, 0x2d, 0xeb, 0xe8, 0xf1, 0xf2, 0x20, 0xed, 0xe0, 0x20, 0x32, 0x30, 0x32, 0x36, 0x20, 0xe3, 0xee, 0xe4,
    0x0a,
  ]),
);
fx('chart.png', chartPng());
fx('program.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), crypto.randomBytes(200)]));
fx('script.txt', Buffer.from('#!/bin/sh\nrm -rf ~\n'));
fx('page.html', Buffer.from('<!doctype html><script>alert(1)</script>'));
{
  // A zip bomb dressed as DOCX: 64 MB of zeros declared in one part, stored in ~60 KB.
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', Buffer.alloc(64 * 1024 * 1024, 0x20));
  fx('bomb.docx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
}
fs.rmSync(bundled, { force: true });
const total = fs.readdirSync(OUT).reduce((n, f) => n + fs.statSync(path.join(OUT, f)).size, 0);
console.log(
  `demo library: ${manifest.files.length} files + ${LINKS.length} links + ${NOTES.length} notes, ${(total / 1048576).toFixed(2)} MB`,
);
for (const f of manifest.files)
  if (f.extractStatus !== 'ok' && f.fileKind !== 'image') console.log('  extraction', f.extractStatus, f.file, f.extractNote);
