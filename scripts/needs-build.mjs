// True when sources are newer than the last build (so `serve` and tests rebuild only when needed).
import fs from 'node:fs';
import path from 'node:path';

export function needsBuild(root) {
  const stamp = path.join(root, 'dist/.build-stamp');
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(root, 'dist/main/serve.cjs'))) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const newer = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (newer(p)) return true;
      } else if (fs.statSync(p).mtimeMs > built) return true;
    }
    return false;
  };
  return (
    ['main', 'shared', 'renderer', 'resources'].some((d) => fs.existsSync(path.join(root, d)) && newer(path.join(root, d))) ||
    ['package.json', 'vite.config.ts'].some((f) => fs.statSync(path.join(root, f)).mtimeMs > built)
  );
}
