import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions, findChromium } from './chromium.js';

const existing =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);
const noBundled = () => undefined;

describe('findChromium', () => {
  it('prefers PLAYWRIGHT_CHROMIUM_PATH', () => {
    const path = findChromium({
      env: { PLAYWRIGHT_CHROMIUM_PATH: '/opt/chrome/chrome' },
      exists: existing('/opt/chrome/chrome', '/usr/bin/chromium'),
    });
    expect(path).toBe('/opt/chrome/chrome');
  });

  it('refuses a PLAYWRIGHT_CHROMIUM_PATH that does not exist, naming the variable', () => {
    expect(() =>
      findChromium({
        env: { PLAYWRIGHT_CHROMIUM_PATH: '/nope' },
        exists: existing('/usr/bin/chromium'),
      }),
    ).toThrow(/PLAYWRIGHT_CHROMIUM_PATH is \/nope, which does not exist/);
  });

  it('takes the first system browser that exists', () => {
    expect(findChromium({ env: {}, exists: existing('/usr/bin/chromium') })).toBe(
      '/usr/bin/chromium',
    );
    expect(
      findChromium({
        env: {},
        exists: existing('/usr/bin/google-chrome-stable', '/usr/bin/chromium-browser'),
      }),
    ).toBe('/usr/bin/chromium-browser');
  });

  it("falls back to Playwright's own Chromium when it is downloaded", () => {
    const path = findChromium({
      env: {},
      exists: existing('/root/.cache/ms-playwright/chromium/chrome'),
      playwrightChromiumPath: () => '/root/.cache/ms-playwright/chromium/chrome',
    });
    expect(path).toBeUndefined();
  });

  it('throws naming both fixes when there is no Chromium at all', () => {
    const find = () =>
      findChromium({
        env: {},
        exists: existing(),
        playwrightChromiumPath: () => '/root/.cache/ms-playwright/chromium/chrome',
      });
    expect(find).toThrow(/apt-get install -y chromium/);
    expect(find).toThrow(/PLAYWRIGHT_CHROMIUM_PATH/);
    expect(find).toThrow(/pnpm exec playwright install chromium/);
  });
});

describe('chromiumLaunchOptions', () => {
  it('adds --no-sandbox only as root, and always the quiet flags', () => {
    const environment = {
      env: {},
      exists: existing('/usr/bin/chromium'),
      playwrightChromiumPath: noBundled,
    };
    expect(chromiumLaunchOptions({ ...environment, isRoot: true })).toEqual({
      executablePath: '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-sandbox'],
    });
    expect(chromiumLaunchOptions({ ...environment, isRoot: false }).args).toEqual([
      '--disable-background-networking',
      '--disable-component-update',
    ]);
  });

  it("leaves executablePath out to use Playwright's browser", () => {
    const options = chromiumLaunchOptions({
      env: {},
      exists: existing('/pw/chrome'),
      playwrightChromiumPath: () => '/pw/chrome',
      isRoot: false,
    });
    expect(options).not.toHaveProperty('executablePath');
  });

  it('finds a real browser on this machine', () => {
    expect(() => chromiumLaunchOptions()).not.toThrow();
  });
});
