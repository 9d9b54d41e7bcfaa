/**
 * The agent console (apps/web) as the tests see it: role- and test-id-based locators, the
 * few multi-step gestures every spec needs, and two checks every state gets: axe-core finds
 * no serious or critical violation, and (when asked) a screenshot for the gallery.
 * Assertions about behaviour stay in the specs.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** `data-state` of the connection line (apps/web/src/desk/connection-phase.ts). */
export type ConsoleStatus =
  | 'checking'
  | 'signed-out'
  | 'signed-in'
  | 'connecting'
  | 'ready'
  | 'reconnecting'
  | 'expired'
  | 'taken-over'
  | 'elsewhere'
  | 'moved'
  | 'error';

/** Where the gallery goes; written only when CONSOLE_SCREENSHOTS=1, so `pnpm test` leaves git clean. */
const GALLERY = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/console');
const WRITE_GALLERY = process.env.CONSOLE_SCREENSHOTS === '1';

export class AgentConsole {
  readonly status: Locator;
  readonly connectButton: Locator;
  readonly retryButton: Locator;
  readonly failure: Locator;
  readonly signInMessage: Locator;
  readonly agentEmail: Locator;
  readonly agentStatus: Locator;
  readonly notice: Locator;
  readonly eventLog: Locator;
  readonly incoming: Locator;
  readonly activeCall: Locator;
  readonly afterCall: Locator;
  readonly customer: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('status');
    this.connectButton = page.getByTestId('connect');
    this.retryButton = page.getByRole('button', { name: 'Retry' });
    this.failure = page.getByTestId('failure');
    this.signInMessage = page.getByTestId('sign-in-message');
    this.agentEmail = page.getByTestId('agent-email');
    this.agentStatus = page.getByTestId('agent-status');
    this.notice = page.getByTestId('notice');
    this.eventLog = page.getByTestId('event-log');
    this.incoming = page.getByTestId('incoming-call');
    this.activeCall = page.getByTestId('active-call');
    this.afterCall = page.getByTestId('after-call');
    this.customer = page.getByTestId('customer');
  }

  /** Script tags pointing at the TCCC SDK (the mock serves it under /sdk/). */
  get sdkScripts(): Locator {
    return this.page.locator('script[src*="/sdk/"]');
  }

  /** A button of the console: not one of the SDK's own floating workbench (`<t3c-sdk>`). */
  button(name: string): Locator {
    return this.page.locator('body > :not(t3c-sdk)').getByRole('button', { name, exact: true });
  }

  logEntries(event: string): Locator {
    return this.eventLog.locator(`li[data-event="${event}"]`);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.status).not.toHaveAttribute('data-state', 'checking');
  }

  async expectStatus(status: ConsoleStatus): Promise<void> {
    await expect(this.status).toHaveAttribute('data-state', status);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.agentEmail).toHaveText(email);
    await this.expectStatus('signed-in');
  }

  /** Signs in and connects, waiting until the SDK is ready. */
  async signInAndConnect(email: string, password: string): Promise<void> {
    await this.open();
    await this.signIn(email, password);
    await this.connectButton.click();
    await this.expectStatus('ready');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await this.expectStatus('signed-out');
  }

  async dial(number: string): Promise<void> {
    await this.page.getByLabel('Phone number').fill(number);
    await this.page.getByTestId('dial').click();
  }

  /** Picks a status from the header's status menu, by its label ("Break: lunch"). */
  async chooseStatus(label: string): Promise<void> {
    await this.agentStatus.click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).click();
  }

  /**
   * axe-core (WCAG 2.x A and AA rules) on the page as it is now: no serious or critical
   * violation. The SDK's own floating workbench (`#tcccSdkDomRoot`, rendered by the SDK, not
   * by this console) is left out.
   */
  async expectAccessible(state: string): Promise<void> {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .exclude('#tcccSdkDomRoot')
      .analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
            .map((node) => node.target.join(' '))
            .join(', ')}`,
      );
    expect(serious, `axe violations in state "${state}"`).toEqual([]);
  }

  /** Writes docs/console/<name>.png when CONSOLE_SCREENSHOTS=1 (stable names, one per state). */
  async snapshot(name: string): Promise<void> {
    if (!WRITE_GALLERY) return;
    await mkdir(GALLERY, { recursive: true });
    await this.page.screenshot({ path: join(GALLERY, `${name}.png`), animations: 'disabled' });
  }

  /** Both checks of a state: accessible, and in the gallery. */
  async state(name: string): Promise<void> {
    await this.expectAccessible(name);
    await this.snapshot(name);
  }
}

/** Counts the console's requests for an SDK URL (each spends one TCCC login token). */
export function countSdkUrlRequests(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/tccc/sdk-url') {
      counter.count += 1;
    }
  });
  return counter;
}
