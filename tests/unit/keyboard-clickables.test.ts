/**
 * Every clickable row or card works from the keyboard: an element that is not
 * a control (row, card, group, text, badge…) and has onClick must also be
 * focusable and announce a role — `{...clickable(open)}` (renderer/lib/clickable.ts)
 * or its own role/tabIndex. Wrappers that only stop a click bubbling are fine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..', '..', 'renderer');
const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []));
const TAG =
  /<(Table\.Tr|Table\.Td|Card|Group|div|Text|Box|Stack|Paper|Badge|Title|span|li|tr|td|Flex|SimpleGrid)\b((?:\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}|=>|[^<>{}])*?)>/gs;

describe('clickable rows and cards', () => {
  it('each one is reachable and usable from the keyboard', () => {
    const bad: string[] = [];
    let clickables = 0;
    for (const f of files(ROOT)) {
      const s = fs.readFileSync(f, 'utf8');
      clickables += (s.match(/clickable\(/g) ?? []).length;
      for (const m of s.matchAll(TAG)) {
        const attrs = m[2];
        if (!/onClick/.test(attrs) || /role=|tabIndex|clickable\(|component="button"/.test(attrs)) continue;
        if (/onClick=\{\(e\) => e\.stopPropagation\(\)\}/.test(attrs)) continue;
        bad.push(`${path.relative(ROOT, f)}:${s.slice(0, m.index).split('\n').length} <${m[1]}>`);
      }
    }
    expect(bad).toEqual([]);
    expect(clickables).toBeGreaterThan(20);
  });
});
