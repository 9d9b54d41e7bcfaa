/**
 * The app shell: find out whether the agent is signed in, show sign-in or the desk, and own
 * the session. The desk (and with it the TCCC SDK, in <TcccProvider>) is mounted per
 * signed-in agent, keyed by email, so signing out and in as another agent starts a fresh
 * connection without a reload. It is its own chunk, loaded once the agent is known.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { type ConsoleConfig, fetchConsoleConfig } from './api/console-api.js';
import { ApiError, currentSession } from './api/http.js';
import { SignIn } from './components/SignIn.js';

const SignedIn = lazy(() => import('./components/SignedIn.js'));

type Session =
  | { kind: 'checking' }
  | { kind: 'signed-out'; message?: string }
  | { kind: 'signed-in'; email: string };

export function App() {
  const [session, setSession] = useState<Session>({ kind: 'checking' });
  const [config, setConfig] = useState<ConsoleConfig | null>(null);

  useEffect(() => {
    currentSession().then(
      (email) => setSession(email === null ? { kind: 'signed-out' } : { kind: 'signed-in', email }),
      (error: unknown) => setSession({ kind: 'signed-out', message: messageOf(error) }),
    );
    fetchConsoleConfig().then(setConfig, () => setConfig(null));
  }, []);

  const signedOut = useCallback((message?: string) => {
    setSession(message === undefined ? { kind: 'signed-out' } : { kind: 'signed-out', message });
  }, []);

  const checking = (
    <main className="center" aria-busy="true">
      <p role="status" data-testid="status" data-state="checking">
        Loading the console…
      </p>
    </main>
  );
  switch (session.kind) {
    case 'checking':
      return checking;
    case 'signed-out':
      return (
        <SignIn
          config={config}
          message={session.message}
          onSignedIn={(email) => setSession({ kind: 'signed-in', email })}
        />
      );
    case 'signed-in':
      return (
        <Suspense fallback={checking}>
          <SignedIn
            key={session.email}
            email={session.email}
            config={config}
            onSignedOut={signedOut}
          />
        </Suspense>
      );
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Reload the page and try again.';
}
