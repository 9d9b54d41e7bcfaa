/**
 * Entry point of the `reconcile` command (reconcile-command.ts): hands it the arguments and
 * the environment, and exits with its code.
 *
 *   pnpm --filter @tccc-kit/server reconcile --last 6h
 *   node dist/records/reconcile-main.js --from 2026-11-30T00:00:00Z --to 2026-11-30T06:00:00Z
 */
import { runReconcileCommand } from './reconcile-command.js';

runReconcileCommand(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `reconcile failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
