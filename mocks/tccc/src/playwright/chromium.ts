/**
 * Which Chromium Playwright launches. Order: `PLAYWRIGHT_CHROMIUM_PATH`, then a system
 * Chromium or Chrome (Debian/Ubuntu packages; no download needed, works offline), then the
 * browser of `playwright install chromium`. Fails with a message naming each fix.
 *
 *   // playwright.config.ts
 *   use: { launchOptions: chromiumLaunchOptions() }
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LaunchOptions } from '@playwright/test';

/** Where distributions install Chromium or Chrome, in order of preference. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags for unattended runs: no update checks or other traffic the tests did not ask for. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
];

/** What detection looks at; every field defaults to the real process. For tests. */
export interface ChromiumEnvironment {
  env?: Readonly<Record<string, string | undefined>>;
  exists?: (path: string) => boolean;
  /** Chromium's sandbox cannot run as root: `--no-sandbox` is added then. */
  isRoot?: boolean;
  /** Path of Playwright's own Chromium (which may not be downloaded). */
  playwrightChromiumPath?: () => string | undefined;
}

/**
 * The Chromium executable to launch, or `undefined` to let Playwright use its own download.
 * Throws when there is none.
 */
export function findChromium(environment: ChromiumEnvironment = {}): string | undefined {
  const env = environment.env ?? process.env;
  const exists = environment.exists ?? existsSync;
  const configured = env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) {
    if (!exists(configured)) {
      throw new Error(
        `PLAYWRIGHT_CHROMIUM_PATH is ${configured}, which does not exist: point it at a Chromium or Chrome executable, or unset it`,
      );
    }
    return configured;
  }
  const system = SYSTEM_CHROMIUM_PATHS.find((path) => exists(path));
  if (system) return system;
  const bundled = (environment.playwrightChromiumPath ?? playwrightChromiumPath)();
  if (bundled && exists(bundled)) return undefined;
  throw new Error(
    [
      `No Chromium found (looked at PLAYWRIGHT_CHROMIUM_PATH, ${SYSTEM_CHROMIUM_PATHS.join(', ')} and Playwright's own browser). Either:`,
      '  - install one: apt-get install -y chromium (or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium/Chrome executable), or',
      "  - download Playwright's: pnpm exec playwright install chromium",
    ].join('\n'),
  );
}

/** Launch options for Playwright's `use.launchOptions`: the executable and the flags. */
export function chromiumLaunchOptions(environment: ChromiumEnvironment = {}): LaunchOptions {
  const executablePath = findChromium(environment);
  const isRoot = environment.isRoot ?? process.getuid?.() === 0;
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, ...(isRoot ? ['--no-sandbox'] : [])],
  };
}

/** Playwright's expected Chromium path (playwright-core's `chromium.executablePath()`). */
function playwrightChromiumPath(): string | undefined {
  try {
    // Loaded only when no system Chromium exists; @playwright/test is an optional peer.
    const { chromium } = createRequire(import.meta.url)('@playwright/test') as {
      chromium: { executablePath(): string };
    };
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
