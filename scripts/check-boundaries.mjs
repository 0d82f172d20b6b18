// The core and the use cases must run unchanged in Apps Script and in Node (DESIGN §2):
// they import no shell and touch no platform global, no file system and no clock.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const forbiddenImports = [/from\s+['"][^'"]*\/(gas|node)\//, /from\s+['"]node:/, /from\s+['"](fs|path|os|child_process|url|crypto|worker_threads)['"]/, /\brequire\s*\(/, /import\s*\(/];
const forbiddenGlobals = [
  'SpreadsheetApp', 'PropertiesService', 'LockService', 'ScriptApp', 'HtmlService', 'Session',
  'Utilities', 'CacheService', 'UrlFetchApp', 'DriveApp', 'MailApp', 'GmailApp', 'Sheets', 'Logger',
  'process', 'Buffer', '__dirname', '__filename', 'globalThis', 'window', 'document',
  'setTimeout', 'setInterval', 'fetch', 'Date\\.now', 'performance', 'Math\\.random',
];
const globalPattern = new RegExp(`(?<![\\w.$'"])(${forbiddenGlobals.join('|')})\\b(?!\\s*:)`);
const wallClock = /new Date\(\s*\)/;

function stripCommentsAndStrings(source) {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

export function findBoundaryViolations(dirs = ['src/core', 'src/app']) {
  const found = [];
  for (const dir of dirs) {
    for (const path of files(join(root, dir))) {
      const source = readFileSync(path, 'utf8');
      const lines = source.split('\n');
      lines.forEach((line, i) => {
        const where = `${relative(root, path)}:${i + 1}`;
        for (const pattern of forbiddenImports) if (pattern.test(line)) found.push(`${where}: imports a shell or platform module: ${line.trim()}`);
      });
      stripCommentsAndStrings(source).split('\n').forEach((line, i) => {
        const where = `${relative(root, path)}:${i + 1}`;
        const match = globalPattern.exec(line);
        if (match) found.push(`${where}: touches the platform global ${match[1]}: ${line.trim()}`);
        if (wallClock.test(line)) found.push(`${where}: reads the wall clock: ${line.trim()}`);
      });
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findBoundaryViolations();
  if (found.length) {
    console.error(`src/core and src/app must stay platform-free (DESIGN §2):\n${found.join('\n')}`);
    process.exit(1);
  }
}
