/** Dial out: a number, checked for the obvious mistakes, then `Call.startOutboundCall`. */
import type { AgentStatus, Tccc } from '@tccc-kit/web-loader';
import { type FormEvent, useId, useState } from 'react';
import { normalizePhoneNumber, phoneNumberProblem } from '../format.js';
import { runSdkAction } from '../sdk-actions.js';

export function Dialer(props: { tccc: Tccc; status: AgentStatus | null }) {
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const mistake = phoneNumberProblem(number);
    setProblem(mistake);
    if (mistake) return;
    setPending(true);
    const phoneNumber = normalizePhoneNumber(number);
    const outcome = await runSdkAction('place the call', () =>
      props.tccc.Call.startOutboundCall({ phoneNumber }),
    );
    setPending(false);
    setProblem(outcome.ok ? null : outcome.message);
  };

  return (
    <section className="card dialer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Call a number</h2>
      <form className="dial" onSubmit={submit} noValidate data-testid="dial-form">
        <label htmlFor={`${id}-number`}>Phone number</label>
        <div className="dial-row">
          <input
            id={`${id}-number`}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={number}
            onChange={(event) => setNumber(event.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          <button type="submit" className="primary" disabled={pending} data-testid="dial">
            Call
          </button>
        </div>
        {problem && (
          <p id={`${id}-problem`} className="message error" role="alert" data-testid="notice">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}
