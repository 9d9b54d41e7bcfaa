/**
 * `pnpm --filter @tccc-kit/mock-tccc coverage:write`: regenerates the coverage table in the
 * README from Tencent's structure and the mock's action registry (src/api/coverage.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withCoverageTable } from '../src/api/coverage.js';

const readme = new URL('../README.md', import.meta.url);
const before = readFileSync(readme, 'utf8');
const after = withCoverageTable(before);
if (after === before) {
  process.stdout.write('README coverage table already up to date\n');
} else {
  writeFileSync(readme, after);
  process.stdout.write('README coverage table rewritten\n');
}
