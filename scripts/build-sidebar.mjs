// Builds dist/Sidebar.html: ui/main.ts bundled by esbuild (with the core's scoring code
// for the what-if preview) and ui/sidebar.css, both inlined into ui/sidebar.html,
// because HtmlService serves one file (DESIGN §2, issue 6).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** The size Sidebar.html must stay under (issue 6). */
export const SIDEBAR_LIMIT_BYTES = 150 * 1024;

export async function buildSidebar({ outfile = 'dist/Sidebar.html' } = {}) {
  const js = await build({
    entryPoints: ['ui/main.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'error',
  });
  const css = await build({ entryPoints: ['ui/sidebar.css'], bundle: true, minify: true, write: false, logLevel: 'error' });
  // A `</script` inside the bundle would end the inline script early.
  const script = js.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const style = css.outputFiles[0].text.replace(/<\/(style)/gi, '<\\/$1');
  const html = readFileSync('ui/sidebar.html', 'utf8')
    .replace('/*SIDEBAR_CSS*/', () => style)
    .replace('/*SIDEBAR_JS*/', () => script);
  mkdirSync('dist', { recursive: true });
  writeFileSync(outfile, html);
  const bytes = Buffer.byteLength(html);
  if (bytes > SIDEBAR_LIMIT_BYTES) throw new Error(`${outfile} is ${bytes} bytes, over the ${SIDEBAR_LIMIT_BYTES}-byte budget`);
  return { outfile, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { outfile, bytes } = await buildSidebar();
  if (!process.env.CI) console.error(`built ${outfile} ${(bytes / 1024).toFixed(0)} KB`);
}
