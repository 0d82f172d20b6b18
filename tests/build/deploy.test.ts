import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('npm run deploy -- --dry-run', () => {
  it('lists exactly the manifest, the server bundle and the sidebar as what clasp would push, with no Google account', () => {
    const before = readFileSync('.clasp.json', 'utf8');
    // The test suite built dist/ already (pretest); --no-build keeps other tests' dist/Code.js untouched meanwhile.
    const out = execFileSync('npm', ['run', 'deploy', '--silent', '--', '--dry-run', '--no-build'], { encoding: 'utf8', env: { ...process.env, HOME: '/nonexistent-home' } });
    const listed = out.split('With the scopes:')[0].split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim());
    expect(listed).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
    expect(out).toContain('a new standalone Apps Script project "Tierwise"');
    expect(out).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(out).toContain('Dry run: nothing was created or pushed.');
    expect(readFileSync('.clasp.json', 'utf8')).toBe(before);
  });

  it('is set up for a first deploy: .clasp.json names dist/ and no script id, so clasp create-script can make the project', () => {
    const settings = JSON.parse(readFileSync('.clasp.json', 'utf8'));
    expect(settings).toEqual({ rootDir: 'dist' });
  });
});
