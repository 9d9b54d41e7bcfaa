import { defineConfig } from 'vite';

/**
 * The server (apps/server) serves dist/index.html and replaces this placeholder with a fresh
 * nonce on every request. Vite writes it into every <script>/<link> tag it emits and into
 * `<meta property="csp-nonce" nonce="...">`, which the app reads to give the SDK script the
 * same nonce. Keep the string in sync with apps/server (it searches for it verbatim).
 */
export const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

export default defineConfig({
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  build: {
    target: 'es2022',
    // No inline assets: the strict CSP has no data: sources.
    assetsInlineLimit: 0,
    // Maps are written for error trackers (upload dist/assets/*.map) but not linked from the
    // bundles, and apps/server never serves *.map: production code is not handed out
    // annotated (see the server README, "Security").
    sourcemap: 'hidden',
    rolldownOptions: {
      onwarn(warning, warn) {
        // Radix marks its modules "use client" (for React Server Components); a client
        // bundle has no use for the directive, so dropping it is right, not worth a warning.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
