/**
 * Writes resources/common-passwords.txt (shipped; refused as passwords) from the
 * ranked list in @zxcvbn-ts/language-common (MIT): the 5,000 most common
 * passwords plus every listed one of 10+ characters (those are the ones a
 * 12-character minimum lets through). Run once when updating the list:
 *   node scripts/make-common-passwords.mjs
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const mod = require('@zxcvbn-ts/language-common/dist/passwords.json.cjs');
const ranked = mod.default ?? mod;
const keep = new Set();
ranked.slice(0, 5000).forEach((p) => keep.add(p.toLowerCase()));
ranked.filter((p) => p.length >= 10).forEach((p) => keep.add(p.toLowerCase()));
const out = new URL('../resources/common-passwords.txt', import.meta.url);
fs.writeFileSync(out, [...keep].join('\n') + '\n');
console.log(`${keep.size} passwords written to resources/common-passwords.txt`);
