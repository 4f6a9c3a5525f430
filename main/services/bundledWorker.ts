/**
 * Worker-thread scripts are bundled beside the main bundle (dist/main/<name>.cjs, see
 * scripts/build.mjs MAIN_ENTRIES); an environment variable points elsewhere (bench, tests).
 * Unit tests run the TypeScript sources, where the bundle is absent: callers then work in-process.
 */
import fs from 'node:fs';
import path from 'node:path';

export function bundledWorker(name: string, envVar: string) {
  const file = () => process.env[envVar] ?? path.join(__dirname, `${name}.cjs`);
  return { file, available: () => fs.existsSync(file()) };
}
