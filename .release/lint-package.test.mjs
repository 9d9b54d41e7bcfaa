import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packedPackageProblems } from './lint-package.mjs';

const LICENSE = 'MIT License\n\nCopyright (c) 2026 tccc-kit contributors\n';

/** A packed package that passes, and the texts of its files; each test breaks one thing. */
function packed(changes = {}) {
  const texts = {
    'package.json': '{}',
    LICENSE,
    'README.md': '# pkg\n',
    'bin/cli.js': '#!/usr/bin/env node\nimport "../dist/cli.js";\n',
    'dist/index.js': 'export const x = 1;\n//# sourceMappingURL=index.js.map\n',
    'dist/index.js.map': JSON.stringify({ version: 3, sources: ['../src/index.ts'] }),
    'src/index.ts': 'export const x = 1;\n',
    ...changes.texts,
  };
  for (const path of changes.without ?? []) delete texts[path];
  const manifest = {
    name: '@tccc-kit/example',
    version: '1.0.0',
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    bin: { example: './bin/cli.js' },
    publishConfig: { access: 'public' },
    dependencies: { hono: '4.13.19', '@tccc-kit/fake-sdk': '^1.0.0' },
    ...changes.manifest,
  };
  return packedPackageProblems({
    manifest,
    files: Object.keys(texts),
    readText: (path) => texts[path] ?? '',
    rootLicense: LICENSE,
  });
}

describe('packedPackageProblems', () => {
  it('finds nothing wrong with a complete package', () => {
    assert.deepEqual(packed(), []);
  });

  it('names a workspace: or catalog: specifier left in the packed manifest', () => {
    const problems = packed({
      manifest: {
        dependencies: { '@tccc-kit/fake-sdk': 'workspace:^' },
        peerDependencies: { msw: 'catalog:' },
      },
    });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /dependencies\.@tccc-kit\/fake-sdk is "workspace:\^"/);
    assert.match(problems[1], /peerDependencies\.msw is "catalog:"/);
  });

  it('wants the root LICENSE, unchanged, and a README in the tarball', () => {
    assert.match(packed({ without: ['LICENSE'] }).join('\n'), /no LICENSE/);
    assert.match(
      packed({ texts: { LICENSE: 'ISC License\n' } }).join('\n'),
      /differs from the root LICENSE/,
    );
    assert.match(packed({ without: ['README.md'] }).join('\n'), /no README\.md/);
    assert.match(packed({ manifest: { license: undefined } }).join('\n'), /"license"/);
  });

  it('wants sideEffects declared and a scoped package published as public', () => {
    assert.match(packed({ manifest: { sideEffects: undefined } }).join('\n'), /"sideEffects"/);
    assert.match(
      packed({ manifest: { publishConfig: undefined } }).join('\n'),
      /"access": "public"/,
    );
    assert.deepEqual(packed({ manifest: { name: 'unscoped', publishConfig: undefined } }), []);
  });

  it('checks that each bin is shipped and starts with #!', () => {
    assert.match(packed({ without: ['bin/cli.js'] }).join('\n'), /bin example .* not in the/);
    assert.match(
      packed({ texts: { 'bin/cli.js': 'import "../dist/cli.js";\n' } }).join('\n'),
      /does not start with a #! line/,
    );
  });

  it('names a source map whose sources are not shipped (or stale output of a removed file)', () => {
    const problems = packed({ without: ['src/index.ts'] });
    assert.deepEqual(problems.length, 1);
    assert.match(problems[0], /dist\/index\.js\.map points at src\/index\.ts/);
    assert.match(packed({ texts: { 'dist/index.js.map': 'nope' } })[0], /not a JSON source map/);
  });
});
