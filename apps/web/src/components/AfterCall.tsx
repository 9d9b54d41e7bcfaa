/**
 * After the call: how it ended, in words; the talk time; the after-call work timer; and
 * Ready, which sets the agent free for the next call. Focus moves to Ready.
 */
import type { AgentStatus, Tccc } from '@tccc-kit/web-loader';
import { useEffect, useRef, useState } from 'react';
import type { WrapUp } from '../desk/desk-state.js';
import { formatDuration, spokenDuration } from '../format.js';
import { useNow } from '../hooks.js';
import { runSdkAction } from '../sdk-actions.js';
import { useNotify } from './Toasts.js';

export function AfterCall(props: {
  wrapUp: WrapUp;
  status: AgentStatus | null;
  statusSince: number;
  tccc: Tccc;
  onDone: () => void;
}) {
  const { wrapUp } = props;
  const notify = useNotify();
  const now = useNow();
  const ready = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  // After-call work runs from the end of the call (or from when TCCC put the agent in it).
  const since = props.status === 'arrange' ? Math.min(props.statusSince, now) : wrapUp.endedAt;
  const seconds = (now - since) / 1000;

  useEffect(() => {
    ready.current?.focus();
  }, [wrapUp.sessionId]);

  const done = async () => {
    if (props.status !== 'free') {
      setPending(true);
      const outcome = await runSdkAction('set you free', () =>
        props.tccc.Agent.setStatus({ status: 'free' }),
      );
      setPending(false);
      if (!outcome.ok) {
        notify({ title: 'Still not ready', description: outcome.message, tone: 'error' });
        return;
      }
    }
    props.onDone();
  };

  return (
    <section
      className="card after-call"
      aria-labelledby="after-call-title"
      data-testid="after-call"
      data-outcome={wrapUp.outcome.kind}
      data-answered={wrapUp.outcome.answered}
    >
      <p className="kicker">Call ended</p>
      <h2 id="after-call-title" data-testid="call-outcome">
        {wrapUp.outcome.text}
      </h2>
      <p className="muted">
        {wrapUp.direction === 'inbound' ? 'From' : 'To'} {wrapUp.peer}
        {wrapUp.talkSeconds !== null && <> · talk time {formatDuration(wrapUp.talkSeconds)}</>}
      </p>
      <p className="wrap-up-timer">
        After-call work{' '}
        <strong aria-hidden="true" data-testid="wrap-up-timer">
          {formatDuration(seconds)}
        </strong>
        <span className="visually-hidden">{spokenDuration(seconds)}</span>
      </p>
      <button
        ref={ready}
        type="button"
        className="primary"
        disabled={pending}
        onClick={() => void done()}
        data-testid="ready"
      >
        Ready for the next call
      </button>
    </section>
  );
}
