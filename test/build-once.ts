import { execFileSync } from 'node:child_process';

/** Builds dist/rollfix.js so the CLI tests exercise exactly what `npm start` runs. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
