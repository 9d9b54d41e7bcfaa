/**
 * bin/mock-tccc.js, the committed shim pnpm links at install time: it runs the built CLI when
 * dist/ exists, and says how to build it when it does not (a fresh clone before `pnpm build`).
 * Run from a copy in a temporary package, so the real dist/ neither helps nor hides anything.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const shim = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'mock-tccc.js');

async function packageWithShim(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mock-tccc-bin-'));
  await mkdir(join(dir, 'bin'));
  await copyFile(shim, join(dir, 'bin', 'mock-tccc.js'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  return dir;
}

function run(dir: string, args: string[]) {
  return promisify(execFile)(process.execPath, [join(dir, 'bin', 'mock-tccc.js'), ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('bin/mock-tccc.js', () => {
  it('says how to build the package when dist/ is missing, and exits 1', async () => {
    const dir = await packageWithShim();
    const { code, stdout, stderr } = await run(dir, ['--port', '0']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('not built yet');
    expect(stderr).toContain('pnpm turbo run build --filter=@tccc-kit/mock-tccc...');
    expect(stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
  });

  it('runs dist/serve/cli.js with the arguments once it is built', async () => {
    const dir = await packageWithShim();
    await mkdir(join(dir, 'dist', 'serve'), { recursive: true });
    await writeFile(
      join(dir, 'dist', 'serve', 'cli.js'),
      'process.stdout.write("built cli " + process.argv.slice(2).join(" ") + "\\n");\n',
    );
    const { code, stdout } = await run(dir, ['--port', '0']);
    expect(code).toBe(0);
    expect(stdout).toBe('built cli --port 0\n');
  });
});
