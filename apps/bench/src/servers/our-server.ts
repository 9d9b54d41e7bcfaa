/**
 * Child process: our server for the throughput run. It is `src/main.ts`'s wiring (token
 * client + createApp + @hono/node-server, in our-app.ts), built from `dist/`, with the two
 * limits that would otherwise cap a load test lifted through deps, which `main.ts` does not
 * expose as configuration:
 *   - the token client's own limiter (20 requests/s towards TCCC) set to its maximum,
 *     10 000/s: the limiter still runs, it just never makes a request wait at this load;
 *   - the per-user SDK URL limit (10/min) set to 10 000 000/min.
 * Logging at `warn`: no per-request line, like the baseline, which logs only errors.
 * The cold-start and shift-start runs use the real entry point, `node dist/main.js`.
 *
 * argv[2]: JSON {mockUrl, accounts, password, tokenClient} (tokenClient: lib/rig.ts's
 * BENCH_TOKEN_CLIENT). Listens on 127.0.0.1, port 0; reports `{ url }` over IPC, then
 * answers the bench's CPU samples (cpu-probe.ts).
 */
import { answerCpuSamples } from './cpu-probe.js';
import { type OurAppArgs, serveOurApp } from './our-app.js';

serveOurApp(JSON.parse(process.argv[2] ?? '{}') as OurAppArgs);
answerCpuSamples();
