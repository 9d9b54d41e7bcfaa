import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { implementedActionNames } from './actions/index.js';
import { COVERAGE_END, COVERAGE_START, coverageRows, withCoverageTable } from './coverage.js';
import { specActionNames, specHasAction } from './spec/load.js';

const README = new URL('../../README.md', import.meta.url);

describe('the coverage table', () => {
  it('lists every action of the spec, 84 of them', () => {
    expect(coverageRows().map((row) => row.action)).toEqual(specActionNames());
    expect(specActionNames()).toHaveLength(84);
  });

  it('emulates only actions TCCC has', () => {
    expect(implementedActionNames().filter((action) => !specHasAction(action))).toEqual([]);
  });

  it('is up to date in the README (run `pnpm --filter @tccc-kit/mock-tccc coverage:write`)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain(COVERAGE_START);
    expect(readme).toContain(COVERAGE_END);
    expect(
      readme,
      'the README coverage table is stale: run pnpm --filter @tccc-kit/mock-tccc coverage:write',
    ).toBe(withCoverageTable(readme));
  });

  it('rewrites only the text between the markers', () => {
    const readme = `# Title\n\n${COVERAGE_START}\nold\n${COVERAGE_END}\n\nafter\n`;
    const updated = withCoverageTable(readme);
    expect(updated.startsWith(`# Title\n\n${COVERAGE_START}\n\n`)).toBe(true);
    expect(updated.endsWith(`\n\n${COVERAGE_END}\n\nafter\n`)).toBe(true);
    expect(updated).toContain('| `DescribeTelCdr`');
    expect(() => withCoverageTable('# no markers')).toThrow(/no coverage markers/);
  });
});
