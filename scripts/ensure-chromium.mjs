// The sidebar tests drive Debian's headless chromium through playwright-core (issue 6).
// Install it with apt-get when it is missing and we can, with a small CJK font so the
// Chinese screenshots show characters rather than boxes; otherwise say so plainly and let
// the browser tests fail with the same message: they are never skipped.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumMissingMessage() {
  return `${CHROMIUM} is missing: the sidebar tests need Debian's chromium. Install it with ` +
    '`apt-get install chromium` (as root), then run the tests again.';
}

const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export function ensureChromium() {
  if (existsSync(CHROMIUM) && existsSync(CJK_FONT)) return true;
  console.error('Installing chromium for the sidebar tests (apt-get)…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei', { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    console.error(chromiumMissingMessage());
    return false;
  }
  return existsSync(CHROMIUM);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
