// Bundles the CLI into one ESM file: one file loads in about half the time of many imports
// (DESIGN.md section 8), which matters for a tool started hundreds of times a day over SSH.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Old chunks have other hashes: start from an empty folder.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  // Split so that what only some commands need (conf, for `rollfix config`) is a chunk of its
  // own, loaded by dynamic import, and the start of every other command stays short.
  entryPoints: { rollfix: 'src/cli.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'bundle',
  sourcemap: 'linked',
  logLevel: 'warning',
  jsx: 'automatic',
  // Ink loads its devtools (and this optional package) only when DEV=true: keep it out.
  external: ['react-devtools-core'],
  define: { ROLLFIX_VERSION: JSON.stringify(version), 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __rollfixRequire } from 'node:module'; const require = __rollfixRequire(import.meta.url);" },
});
