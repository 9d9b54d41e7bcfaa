/**
 * Asks the SDK to take the seat offline when the page goes away (tab closed, reload,
 * navigation elsewhere, the page frozen into the back/forward cache). Returns the function
 * that removes the listener. Register it while the SDK is loaded; the React `TcccProvider`
 * does it for you.
 *
 * Best effort, by nature: a `pagehide` listener cannot wait, so `tccc.Agent.offline()` is
 * called and not awaited. Whether its request leaves the page before the browser tears it
 * down depends on the SDK, which documents no unload behaviour [unconfirmed]; TCCC ends a
 * session whose connection stays lost (see the README, "Page unload").
 */
export function offlineOnPageHide(): () => void {
  const listener = () => {
    try {
      // Not awaited, and its rejection is nobody's to handle on a page that is going away.
      Promise.resolve(window.tccc?.Agent.offline()).catch(() => {});
    } catch {
      // An SDK that throws here must not break the browser's own unload handling.
    }
  };
  addEventListener('pagehide', listener);
  return () => removeEventListener('pagehide', listener);
}
