/**
 * Entry of the fake TCCC Web SDK script (built to dist/tccc-sdk.js). Like the real SDK, it
 * defines `window.tccc` synchronously while the script runs, so listeners can be attached in
 * the script's `load` handler; logging in and `ready`/`tokenExpired` come afterwards.
 */
import { FakeSdk } from './sdk.js';
import { createTccc } from './tccc.js';

function currentScript(): HTMLScriptElement | undefined {
  const script = document.currentScript;
  return script instanceof HTMLScriptElement ? script : undefined;
}

const script = currentScript();
if (script && !script.isConnected) {
  // The tag was removed before the script ran: whoever loaded it gave up (a loader that
  // timed out and tore down). Logging in now would leave a seat online that nobody holds.
  console.warn('[tccc fake SDK] the script tag was removed before it ran; not logging in.');
} else if (window.tccc) {
  console.warn(
    '[tccc fake SDK] window.tccc already exists; the SDK was loaded twice. Keeping the first one.',
  );
} else if (!script?.src) {
  console.error(
    '[tccc fake SDK] load this script with a <script src="…?token=…"> tag (it reads its own URL).',
  );
} else {
  const sdk = new FakeSdk({
    scriptUrl: new URL(script.src),
    renderDomId: script.dataset.renderDomId || undefined,
  });
  window.tccc = createTccc(sdk);
  sdk.start();
}
