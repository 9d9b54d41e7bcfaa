/**
 * Node entry of @tccc-kit/fake-sdk: where the built browser script is, and the wire
 * protocol the script speaks with the mock TCCC SDK host.
 *
 * The browser script itself is `@tccc-kit/fake-sdk/tccc-sdk.js` (one minified IIFE that
 * defines `window.tccc`); serve it with a `?token=` query, as the mock does at /sdk/tccc.js.
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of the built fake SDK script (dist/tccc-sdk.js). */
export const fakeSdkScriptPath: string = fileURLToPath(new URL('./tccc-sdk.js', import.meta.url));

export * from './protocol.js';
