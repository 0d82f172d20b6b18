import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the sidebar source', () => {
  it('never turns text into markup: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    const offenders = files('ui')
      .filter((f) => /\.(ts|html)$/.test(f))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
      .filter(({ line }) => /innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(line))
      .map(({ f, i }) => `${f}:${i + 1}`);
    expect(offenders).toEqual([]);
  });
});
