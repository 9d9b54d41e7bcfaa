/**
 * The production build, checked as a whole: index.html carries the nonce placeholder the
 * server replaces and needs no 'unsafe-inline', and nothing secret or environment-specific
 * (SDK URLs, credentials, the mock's address) is baked into what browsers download.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let outDir: string;
let files: Map<string, string>;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'tccc-web-build-'));
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  files = new Map();
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(outDir.length + 1), await readFile(path, 'utf8'));
  }
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('puts the nonce placeholder on every script and stylesheet and in the csp-nonce meta', () => {
    const html = files.get('index.html') ?? '';
    expect(html).toContain('<meta property="csp-nonce" nonce="__CSP_NONCE__">');
    const tags = html.match(/<(script|link rel="stylesheet")[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThanOrEqual(2);
    for (const tag of tags) expect(tag).toContain('nonce="__CSP_NONCE__"');
  });

  it('has no inline script or style that would need unsafe-inline', () => {
    const html = files.get('index.html') ?? '';
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });

  it('contains no credential, SDK URL or TCCC host', () => {
    const forbidden = [
      /AKID[A-Za-z0-9]{8,}/, // a Tencent SecretId
      /mocktccc/i, // the mock's credentials
      /tencentcloudapi\.com/, // the cloud API: only the server talks to it
      /\/sdk\/tccc\.js/, // the mock's SDK script path
      /cdn-go\.cn/, // the real SDK host
      /[?&]token=/i,
    ];
    expect(files.size).toBeGreaterThan(0);
    for (const [name, text] of files) {
      for (const pattern of forbidden) {
        expect.soft(pattern.test(text), `${name} matches ${pattern}`).toBe(false);
      }
    }
  });
});
