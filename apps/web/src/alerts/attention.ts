/**
 * Getting the agent's attention when a call rings while they look at another tab or app: the
 * document title alternates with "Incoming call", and a system notification appears (when
 * the agent allowed them; permission is asked in the Connect click). Clicking it brings the
 * console to the front.
 */

/** Asks for notification permission once, in a user gesture. */
export function askNotificationPermission(): void {
  if (typeof Notification !== 'function' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => {});
}

/** Starts the title and the notification; the returned function undoes both. */
export function callForAttention(call: { sessionId: string; peer: string }): () => void {
  const original = document.title;
  const alert = `Incoming call: ${call.peer}`;
  let flip = false;
  document.title = alert;
  const timer = setInterval(() => {
    flip = !flip;
    document.title = flip ? original : alert;
  }, 1000);

  let notification: Notification | undefined;
  if (typeof Notification === 'function' && Notification.permission === 'granted') {
    try {
      notification = new Notification('Incoming call', {
        body: `${call.peer} is calling. Open the console to answer.`,
        tag: `tccc-call-${call.sessionId}`,
        requireInteraction: true,
      });
      notification.onclick = () => {
        window.focus();
        notification?.close();
      };
    } catch {
      // Some browsers only allow notifications from a service worker: the title still flashes.
    }
  }
  return () => {
    clearInterval(timer);
    document.title = original;
    notification?.close();
  };
}
