// Generates TypeScript types for docs/operations with @graphql-codegen/cli (which validates every operation against
// the schema) and compiles them, with a file that uses them, under tsc --strict. Exits non-zero on any failure.
import { execFileSync } from 'node:child_process';

const run = (bin, args) => execFileSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
run('node_modules/@graphql-codegen/cli/cjs/bin.js', ['--config', 'codegen.yml']);
run('node_modules/typescript/bin/tsc', ['--noEmit', '--strict', '--skipLibCheck', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022',
  'generated/operations.ts', 'client-check.ts']);
console.log('typed clients: generated and compiled');
