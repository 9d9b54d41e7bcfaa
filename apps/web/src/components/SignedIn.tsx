/**
 * Everything after sign-in, loaded as its own chunk: the sign-in screen needs only React, so
 * the first screen is quick, and the desk (Radix primitives, the loader's React binding, the
 * panels) starts downloading as soon as the agent is known.
 */
import * as Toast from '@radix-ui/react-toast';
import { fetchSdkUrl } from '@tccc-kit/web-loader';
import { TcccProvider } from '@tccc-kit/web-loader/react';
import { setNonce } from 'get-nonce';
import { useMemo, useState } from 'react';
import type { ConsoleConfig } from '../api/console-api.js';
import { consoleConfig } from '../config.js';
import { Desk } from './Desk.js';
import { Toaster, ToastsProvider } from './Toasts.js';

/** The page's CSP nonce: browsers hide the attribute, the property keeps it. */
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
// Radix dialogs lock page scroll with a small <style> element (react-remove-scroll); under the
// strict CSP it needs the page's nonce, which react-style-singleton reads through get-nonce.
if (nonce) setNonce(nonce);

export default function SignedIn(props: {
  email: string;
  config: ConsoleConfig | null;
  onSignedOut: (message?: string) => void;
}) {
  const [embedWorkbench, setEmbedWorkbench] = useState(false);
  // One function for the provider's whole life: each call mints a fresh one-time URL.
  const sdkUrl = useMemo(() => fetchSdkUrl({ endpoint: consoleConfig.sdkUrlEndpoint }), []);
  return (
    <Toast.Provider swipeDirection="right" duration={8000}>
      <ToastsProvider>
        <TcccProvider
          sdkUrl={sdkUrl}
          nonce={nonce}
          timeoutMs={consoleConfig.loadTimeoutMs}
          retries={consoleConfig.loadRetries}
          offlineTimeoutMs={consoleConfig.offlineTimeoutMs}
          renderDomId={embedWorkbench ? consoleConfig.workbenchElementId : undefined}
        >
          <Desk
            email={props.email}
            callHistory={props.config?.callHistory ?? false}
            embedWorkbench={embedWorkbench}
            onEmbedWorkbenchChange={setEmbedWorkbench}
            onSignedOut={props.onSignedOut}
          />
        </TcccProvider>
        <Toaster />
      </ToastsProvider>
    </Toast.Provider>
  );
}
