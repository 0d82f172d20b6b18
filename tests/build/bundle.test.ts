import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as entrypoints from '../../src/gas/entrypoints.js';
import { findBoundaryViolations } from '../../scripts/check-boundaries.mjs';

const code = readFileSync('dist/Code.js', 'utf8');
const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));

describe('the Apps Script bundle', () => {
  it('declares exactly the entry points of src/gas/entrypoints.ts as global functions, and nothing else', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const globals = Object.keys(context).sort();
    expect(globals).toEqual(Object.keys(entrypoints).sort());
    for (const name of globals) expect(typeof context[name]).toBe('function');
    // No `require`, `module` or `exports` exist in Apps Script: the bundle must not need them.
    expect(code).not.toMatch(/\brequire\(|module\.exports|\bexports\./);
  });

  it('has onOpen build the Extensions menu with createAddonMenu, touching nothing else (AuthMode.NONE)', () => {
    const items: string[] = [];
    const menu = { addItem: (title: string) => (items.push(title), menu), addSeparator: () => menu, addToUi: () => items.push('<shown>') };
    const context = vm.createContext({ SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) } });
    vm.runInContext(code, context);
    context.onOpen({ authMode: 'NONE' });
    expect(items).toContain('Open Tierwise');
    expect(items.at(-1)).toBe('<shown>');
    items.length = 0;
    context.onInstall({ authMode: 'NONE' });
    expect(items).toContain('Rescore now');
  });

  it('asks for exactly the scopes of DESIGN §6, on V8', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });
});

describe('the architecture check', () => {
  it('finds no platform use in src/core or src/app', () => {
    expect(findBoundaryViolations()).toEqual([]);
  });
});
