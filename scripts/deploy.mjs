// `npm run deploy`: build dist/ and push it to your Apps Script project with the clasp
// pinned in devDependencies. On first use (no scriptId in .clasp.json) it creates a
// standalone project, the kind a published editor add-on is. `npm run deploy -- --dry-run`
// builds and lists what would be pushed, without a Google account (`--no-build` skips the
// build when dist/ is fresh).
// README "Google Sheets add-on" walks through the steps around it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Exactly what an Apps Script project of Tierwise holds: the manifest, the server bundle, the sidebar. */
export const PUSHED = ['appsscript.json', 'Code.js', 'Sidebar.html'];
const ROOT_DIR = 'dist';
const TITLE = 'Tierwise';

function fail(message) {
  console.error(message);
  process.exit(1);
}

// The package's one export is its command-line entry (package.json "bin" and "exports" are the same file).
const claspBin = createRequire(import.meta.url).resolve('@google/clasp');
const clasp = (args, options = {}) => execFileSync(process.execPath, [claspBin, ...args], { stdio: 'inherit', ...options });
const build = () => execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', shell: process.platform === 'win32' });

function readSettings() {
  if (!existsSync('.clasp.json')) fail('No .clasp.json here: run npm run deploy from the repository root (the file is committed with "rootDir": "dist").');
  const settings = JSON.parse(readFileSync('.clasp.json', 'utf8'));
  if (settings.rootDir !== ROOT_DIR) fail(`.clasp.json has "rootDir": ${JSON.stringify(settings.rootDir)}; it must be "${ROOT_DIR}", where the build writes.`);
  return settings;
}

/**
 * What clasp would push, asked of clasp itself (`clasp status --json`, which reads local
 * files only) in a scratch copy of dist/ with a stand-in script id, so no account is needed.
 */
function filesToPush() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tierwise-deploy-'));
  try {
    cpSync(ROOT_DIR, path.join(scratch, ROOT_DIR), { recursive: true });
    writeFileSync(path.join(scratch, '.clasp.json'), JSON.stringify({ scriptId: 'dry-run', rootDir: ROOT_DIR }));
    const out = execFileSync(process.execPath, [claspBin, 'status', '--json'], { cwd: scratch, encoding: 'utf8' });
    const status = JSON.parse(out.slice(out.indexOf('{')));
    return status.filesToPush.map((file) => path.relative(ROOT_DIR, file)).sort();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function checkPush() {
  const files = filesToPush();
  const expected = [...PUSHED].sort();
  if (JSON.stringify(files) !== JSON.stringify(expected)) {
    fail(`clasp would push ${files.join(', ') || 'nothing'} from ${ROOT_DIR}/; Tierwise is exactly ${expected.join(', ')}. Run npm run build and check .claspignore.`);
  }
  const manifest = JSON.parse(readFileSync(path.join(ROOT_DIR, 'appsscript.json'), 'utf8'));
  return { files, scopes: manifest.oauthScopes ?? [] };
}

const dryRun = process.argv.includes('--dry-run');
const settings = readSettings();
// --no-build: dist/ is already built (the test suite's pretest did it, and other tests read it meanwhile).
if (!process.argv.includes('--no-build')) build();
const { files, scopes } = checkPush();

if (dryRun) {
  console.log(`Would push from ${ROOT_DIR}/ to ${settings.scriptId ? `script ${settings.scriptId}` : `a new standalone Apps Script project "${TITLE}"`}:`);
  for (const file of files) console.log(`  ${file}`);
  console.log('With the scopes:');
  for (const scope of scopes) console.log(`  ${scope}`);
  console.log('Dry run: nothing was created or pushed.');
  process.exit(0);
}

let scriptId = settings.scriptId;
if (!scriptId) {
  console.log(`No script id in .clasp.json: creating a standalone Apps Script project "${TITLE}" (you will be asked to log in if you have not: npx clasp login).`);
  try {
    clasp(['create-script', '--type', 'standalone', '--title', TITLE, '--rootDir', ROOT_DIR]);
  } catch {
    fail('clasp could not create the project. Log in with `npx clasp login`, and turn on the Apps Script API at https://script.google.com/home/usersettings, then run npm run deploy again.');
  }
  scriptId = readSettings().scriptId;
  // create-script pulls the new project's default files into dist/: build over them.
  build();
  checkPush();
}
try {
  clasp(['push', '--force']);
} catch {
  fail('clasp push failed. If it says the Apps Script API is off, turn it on at https://script.google.com/home/usersettings and run npm run deploy again; if it asks for a login, run npx clasp login.');
}
console.log(`
Pushed ${files.join(', ')} to https://script.google.com/d/${scriptId}/edit

Next steps (README, "Google Sheets add-on"):
  1. Make a copy of a sheet to test on.
  2. In the script editor: Deploy → Test deployments → Editor add-on → Add test, Latest code,
     "Installed and enabled", pick the copy, Save test, Execute.
  3. In the copy: Extensions → Tierwise → Open. The schedule can be installed there but
     installable triggers do not run in a test deployment; everything else does.
  4. To publish: README, "Publishing".`);
