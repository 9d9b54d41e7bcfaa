/** The sign-in form. The demo hint appears only when the server runs on its embedded mock. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ConsoleConfig } from '../api/console-api.js';
import { ApiError, signIn } from '../api/http.js';

export function SignIn(props: {
  config: ConsoleConfig | null;
  message?: string | undefined;
  onSignedIn: (email: string) => void;
}) {
  const [message, setMessage] = useState(props.message);
  const [busy, setBusy] = useState(false);
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);

  useEffect(() => {
    email.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const address = email.current?.value.trim() ?? '';
    const secret = password.current?.value ?? '';
    if (address === '' || secret === '') {
      setMessage('Enter your email and your password.');
      (address === '' ? email : password).current?.focus();
      return;
    }
    setBusy(true);
    try {
      props.onSignedIn(await signIn(address, secret));
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : 'Signing in failed. Try again.');
      password.current?.select();
      setBusy(false);
    }
  };

  const demo = props.config?.demoSignIn;
  return (
    <main className="sign-in-page">
      <section className="card sign-in" aria-labelledby="sign-in-title" data-testid="sign-in">
        <h1 id="sign-in-title">Agent console</h1>
        <p className="muted" role="status" data-testid="status" data-state="signed-out">
          Sign in to take calls.
        </p>
        {message && (
          <p className="message error" role="alert" data-testid="sign-in-message">
            {message}
          </p>
        )}
        <form onSubmit={submit} noValidate data-testid="sign-in-form">
          <label htmlFor="email">Email</label>
          <input
            ref={email}
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
          />
          <label htmlFor="password">Password</label>
          <input
            ref={password}
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <button type="submit" className="primary" disabled={busy} data-testid="sign-in-submit">
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {demo && (
          <p className="hint" data-testid="demo-hint">
            Demo on the built-in mock TCCC: sign in as{' '}
            {demo.accounts.map((account, i) => (
              <span key={account}>
                {i > 0 && (i === demo.accounts.length - 1 ? ' or ' : ', ')}
                <code>{account}</code>
              </span>
            ))}{' '}
            with the password <code>{demo.password}</code>.
          </p>
        )}
      </section>
    </main>
  );
}
