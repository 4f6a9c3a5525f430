// `npm run bench [group]`: bundles bench/<group>.bench.ts with esbuild and runs
// it under plain Node (with --expose-gc for memory figures). No group = all.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const groups = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const run = wanted.length ? wanted : groups;
for (const g of run) {
  if (!groups.includes(g)) {
    console.error(`Unknown bench group "${g}". Groups: ${groups.join(', ')}`);
    process.exit(1);
  }
  const out = path.join(root, 'bench', '.build', `${g}.cjs`);
  await build({
    entryPoints: [path.join(root, 'bench', `${g}.bench.ts`)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'electron', 'argon2', '@playwright/test', 'playwright', 'playwright-core'],
    logLevel: 'warning',
    define: { __dirname: JSON.stringify(path.join(root, 'bench')) },
  });
  execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', out], { cwd: root, stdio: 'inherit' });
}
