/**
 * Runs in the bench page (bundled by esbuild with the built @tccc-kit/web-loader). Two ways
 * to get from an SDK URL to a ready `window.tccc`, each resolving to the milliseconds it
 * took (performance.now(), in the page):
 *   - `withLoader`: `loadTccc()` from @tccc-kit/web-loader;
 *   - `bare`: the script-tag injection of TCCC's integration guide (`injectTcccWebSDK`),
 *     the baseline: no loader, nothing but the script and the two events.
 * Both get an SDK URL minted beforehand, so only the loading is timed.
 */
import { loadTccc } from '@tccc-kit/web-loader';

declare global {
  interface Window {
    bench: {
      withLoader(sdkUrl: string): Promise<number>;
      bare(sdkUrl: string): Promise<number>;
    };
  }
}

function injectTcccWebSdk(sdkUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.setAttribute('crossorigin', 'anonymous');
    script.src = sdkUrl;
    document.body.appendChild(script);
    script.addEventListener('load', () => {
      const tccc = window.tccc;
      if (!tccc) return reject(new Error('the SDK script set no window.tccc'));
      tccc.on(tccc.events.ready, () => resolve());
      tccc.on(tccc.events.tokenExpired, ({ message }) => reject(new Error(message)));
    });
    script.addEventListener('error', () => reject(new Error('the SDK script did not load')));
  });
}

window.bench = {
  async withLoader(sdkUrl) {
    const started = performance.now();
    await loadTccc({ sdkUrl: () => Promise.resolve(sdkUrl) });
    return performance.now() - started;
  },
  async bare(sdkUrl) {
    const started = performance.now();
    await injectTcccWebSdk(sdkUrl);
    return performance.now() - started;
  },
};
