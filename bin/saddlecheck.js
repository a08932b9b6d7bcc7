#!/usr/bin/env node
// Runs the compiled command line (dist/ is built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/verify/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'saddlecheck: the compiled code is missing (dist/). Run `npm ci` or `npm run build` first.\n',
  );
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
