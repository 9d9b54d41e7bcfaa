/**
 * The bare page of the console benchmark: a Connect button that only calls the loader with
 * the server's SDK URL route, as the smallest integration would, and marks `ready`. Bundled
 * by esbuild (phases/console.ts) and served by the same server as the console.
 */
import { fetchSdkUrl, loadTccc } from '@tccc-kit/web-loader';

const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
const state = document.getElementById('state') as HTMLElement;
document.getElementById('connect')?.addEventListener('click', () => {
  state.dataset.state = 'connecting';
  loadTccc({ sdkUrl: fetchSdkUrl(), ...(nonce ? { nonce } : {}) }).then(
    () => {
      state.dataset.state = 'ready';
    },
    () => {
      state.dataset.state = 'error';
    },
  );
});
