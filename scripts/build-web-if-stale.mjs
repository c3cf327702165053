// Builds the web app (web/ → web/dist) when the build is missing or older than its sources, so
// `npm install && npm start` always serves the current UI. Exported for the browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((p) => path.join(web, p));
const EXTRA = [path.join(root, 'reference', 'certificate-rules.json'), path.join(root, 'package-lock.json')];

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

export function webBuildIsStale() {
  const out = fs.statSync(built, { throwIfNoEntry: false });
  if (!out) return true;
  const src = Math.max(...SOURCES.map(newest), ...EXTRA.map(newest));
  return src > out.mtimeMs;
}

export function buildWebIfStale({ quiet = false } = {}) {
  if (!webBuildIsStale()) return false;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(vite)) {
    console.warn('[web] web/dist is missing or stale and Vite is not installed (npm install without --omit=dev builds it).');
    return false;
  }
  if (!quiet) console.log('[web] building the web app (web/dist)…');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', quiet ? 'warn' : 'info'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  // Touch the output so a build that changed nothing still counts as fresh.
  const now = new Date();
  fs.utimesSync(built, now, now);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildWebIfStale();
  } catch (e) {
    console.error(`[web] ${e.message}`);
    process.exit(1);
  }
}
