// `npm run deploy`: build dist/ (Code.js, appsscript.json and, once the sidebar is built,
// Sidebar.html) and push it to the Apps Script project named in .clasp.json with clasp.
// See README "Google Sheets add-on" for logging in and creating or binding the project.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (!existsSync('.clasp.json')) {
  fail('No .clasp.json here. Create the Apps Script project first: npx clasp create --type sheets --title "Tierwise" --rootDir dist');
}
const clasp = JSON.parse(readFileSync('.clasp.json', 'utf8'));
if (!clasp.scriptId || clasp.scriptId === PLACEHOLDER) {
  fail(
    '.clasp.json still holds the placeholder script id.\n' +
      'Put your script id in it (script editor → Project Settings → Script ID), or run\n' +
      '  npx clasp create --type sheets --title "Tierwise" --rootDir dist\n' +
      'which writes a new .clasp.json (keep "rootDir": "dist").',
  );
}
if (clasp.rootDir !== 'dist') fail(`.clasp.json has "rootDir": ${JSON.stringify(clasp.rootDir)}; it must be "dist", where the build writes.`);

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
run('npm', ['run', 'build', '--silent']);
if (!existsSync('dist/Sidebar.html')) console.error('note: dist/Sidebar.html is not built yet; "Open Tierwise" will fail until the sidebar is part of the build.');
run('npx', ['--yes', '@google/clasp', 'push', '--force']);
