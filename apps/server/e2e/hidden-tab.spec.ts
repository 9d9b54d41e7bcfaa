/**
 * An incoming call while the console's tab is in the background (TCCC's FAQ: "no ringing when
 * the tab is in the background"): the ringtone plays, the title flashes and a system
 * notification appears; all of it stops once the call is answered.
 *
 * Headless Chromium never hides a page, so the page's visibility is driven by the test
 * (`document.hidden` and `visibilitychange`, as a browser sets them), and the Notification
 * constructor is a recording stand-in with permission granted: the system shows nothing in a
 * headless run, and the test needs to see what the console asked for.
 */
import { AGENT, DEMO_PASSWORD } from './demo-server.js';
import { expect, test } from './fixtures.js';

declare global {
  interface Window {
    setPageHidden(hidden: boolean): void;
    shownNotifications: { title: string; body: string | undefined; closed: boolean }[];
  }
}

test('rings, flashes the title and notifies while hidden, and stops when answered', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  await page.addInitScript(() => {
    let hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    window.setPageHidden = (value) => {
      hidden = value;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    window.shownNotifications = [];
    class RecordingNotification {
      static readonly permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      readonly #entry: Window['shownNotifications'][number];
      constructor(title: string, options?: NotificationOptions) {
        this.#entry = { title, body: options?.body, closed: false };
        window.shownNotifications.push(this.#entry);
      }
      close() {
        this.#entry.closed = true;
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
  });

  await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
  await page.evaluate(() => window.setPageHidden(true));
  await mockTccc.control.inboundCall({ seatUserId: AGENT, callerPhoneNumber: '13700137000' });

  await expect(agentConsole.incoming).toBeVisible();
  await expect(page).toHaveTitle('Incoming call: 13700137000');
  await expect
    .poll(() => page.evaluate(() => window.shownNotifications))
    .toEqual([
      {
        title: 'Incoming call',
        body: '13700137000 is calling. Open the console to answer.',
        closed: false,
      },
    ]);
  // The ringtone was unlocked by the Connect click, so it plays in the background too.
  await expect(agentConsole.incoming).toHaveAttribute('data-ringtone', 'playing');

  await page.evaluate(() => window.setPageHidden(false));
  await expect(agentConsole.button('Accept')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
  await expect(page).toHaveTitle('TCCC agent console');
  expect(await page.evaluate(() => window.shownNotifications.map((n) => n.closed))).toEqual([true]);
});
