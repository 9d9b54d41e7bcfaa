/**
 * The agent console (apps/web) as the tests see it: role- and test-id-based locators and the
 * few multi-step gestures every spec needs. Assertions stay in the specs.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type ConsoleStatus =
  | 'checking'
  | 'signed-out'
  | 'signed-in'
  | 'connecting'
  | 'ready'
  | 'error';

export class AgentConsole {
  readonly status: Locator;
  readonly connectButton: Locator;
  readonly retryButton: Locator;
  readonly failure: Locator;
  readonly signInMessage: Locator;
  readonly agentEmail: Locator;
  readonly callPanel: Locator;
  readonly callSummary: Locator;
  readonly agentStatus: Locator;
  readonly notice: Locator;
  readonly eventLog: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('status');
    this.connectButton = page.getByTestId('connect');
    this.retryButton = page.getByRole('button', { name: 'Retry' });
    this.failure = page.getByTestId('failure');
    this.signInMessage = page.getByTestId('sign-in-message');
    this.agentEmail = page.getByTestId('agent-email');
    this.callPanel = page.getByTestId('call-panel');
    this.callSummary = page.getByTestId('call-summary');
    this.agentStatus = page.getByTestId('agent-status');
    this.notice = page.getByTestId('notice');
    this.eventLog = page.getByTestId('event-log');
  }

  /** Script tags pointing at the TCCC SDK (the mock serves it under /sdk/). */
  get sdkScripts(): Locator {
    return this.page.locator('script[src*="/sdk/"]');
  }

  callButton(name: 'Accept' | 'Hang up' | 'Mute' | 'Unmute' | 'Call' | 'Set status'): Locator {
    return this.callPanel.getByRole('button', { name, exact: true });
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
}
