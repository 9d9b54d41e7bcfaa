import { describe, expect, it } from 'vitest';
import { BenchSettingsError, DEFAULT_DOCS_PATH, readSettings } from './settings.js';

describe('readSettings', () => {
  it('keeps the defaults when nothing is set', () => {
    expect(readSettings({})).toEqual({
      connections: 10,
      rounds: 5,
      loadSeconds: 3,
      warmUpSeconds: 2,
      coldStartRuns: 5,
      browserRuns: 11,
      shiftAgents: 200,
      shiftSpreadMs: 1000,
      scaleAgents: 600,
      scaleInstances: 3,
      pushSeconds: 60,
      docsPath: DEFAULT_DOCS_PATH,
    });
  });

  it('reads whole numbers, ignoring surrounding spaces', () => {
    const settings = readSettings({ BENCH_ROUNDS: ' 3 ', BENCH_CONNECTIONS: '4' });
    expect(settings.rounds).toBe(3);
    expect(settings.connections).toBe(4);
  });

  it('skips the scale-out runs with BENCH_SCALE_AGENTS=0 and needs two instances at least', () => {
    expect(readSettings({ BENCH_SCALE_AGENTS: '0' }).scaleAgents).toBe(0);
    expect(() => readSettings({ BENCH_SCALE_INSTANCES: '1' })).toThrow(
      'BENCH_SCALE_INSTANCES must be a whole number from 2 to 10, got "1"',
    );
  });

  it('prints only when BENCH_NO_DOCS is 1', () => {
    expect(readSettings({ BENCH_NO_DOCS: '1' }).docsPath).toBeUndefined();
    expect(readSettings({ BENCH_NO_DOCS: '0' }).docsPath).toBe(DEFAULT_DOCS_PATH);
  });

  it('names every bad variable in one error, with its range and the value it got', () => {
    const read = () => readSettings({ BENCH_ROUNDS: '0', BENCH_LOAD_SECONDS: '1.5' });
    expect(read).toThrow(BenchSettingsError);
    expect(read).toThrow(
      'Invalid bench settings:\n' +
        '  - BENCH_ROUNDS must be a whole number from 1 to 51, got "0"\n' +
        '  - BENCH_LOAD_SECONDS must be a whole number from 1 to 600, got "1.5"',
    );
  });
});
