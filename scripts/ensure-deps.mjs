// `npm start` and `npm test` must work on a fresh clone with nothing installed: install
// from the lockfile when node_modules is missing or older than the lockfile.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  console.error('Installing dependencies (first run)…');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
}
