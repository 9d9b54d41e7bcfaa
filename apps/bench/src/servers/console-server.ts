/**
 * Child process: our server serving a built web app, for the console's Connect-to-Ready run.
 * `main.ts`'s wiring through `createApp` (our-app.ts: demo sign-in, signed sessions, CSP with
 * a per-request nonce, the token client towards the mock), with `webDistDir` from the
 * arguments: the console (`apps/web/dist`) or the bare loader page the bench writes. Both
 * are served the same way, so the ratio prices the console alone.
 *
 * argv[2]: JSON {mockUrl, accounts, password, webDistDir, tokenClient}. Listens on
 * 127.0.0.1, port 0; reports `{ url }` over IPC.
 */
import { type OurAppArgs, serveOurApp } from './our-app.js';

serveOurApp(JSON.parse(process.argv[2] ?? '{}') as OurAppArgs & { webDistDir: string });
