/**
 * The incoming-call banner: who is calling (number, location, TCCC's remark, the IVR path
 * they took), how long is left to answer, Accept in green and Decline in red. Focus moves to
 * Accept, so Enter or Space answers; the ringtone, title and notification are in
 * alerts/useCallAlerts.ts.
 */
import type { Tccc } from '@tccc-kit/web-loader';
import { useEffect, useRef, useState } from 'react';
import type { Call } from '../desk/desk-state.js';
import { useNow } from '../hooks.js';
import { runSdkAction } from '../sdk-actions.js';
import { useNotify } from './Toasts.js';

export function IncomingCall(props: {
  call: Call;
  tccc: Tccc;
  ringtone: boolean;
  /** Decline pressed (true), or the SDK refused it (false): the after-call view says who ended it. */
  onDeclined: (sessionId: string, declined: boolean) => void;
}) {
  const { call, tccc } = props;
  const notify = useNotify();
  const accept = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<'accept' | 'decline' | null>(null);
  const now = useNow(call.answerBy !== undefined, 250);
  const secondsLeft =
    call.answerBy === undefined ? undefined : Math.max(0, Math.ceil((call.answerBy - now) / 1000));
  const total = call.answerBy === undefined ? 0 : (call.answerBy - call.startedAt) / 1000;

  useEffect(() => {
    accept.current?.focus();
  }, []);

  const act = async (what: 'accept' | 'decline') => {
    setPending(what);
    // Before the SDK call: its sessionEnded can arrive before the promise settles.
    if (what === 'decline') props.onDeclined(call.sessionId, true);
    const outcome = await runSdkAction(
      what === 'accept' ? 'accept the call' : 'decline the call',
      () =>
        what === 'accept'
          ? tccc.Call.accept({ sessionId: call.sessionId })
          : tccc.Call.hungUp({ sessionId: call.sessionId }),
    );
    setPending(null);
    if (!outcome.ok && what === 'decline') props.onDeclined(call.sessionId, false);
    if (!outcome.ok)
      notify({ title: 'Call action failed', description: outcome.message, tone: 'error' });
  };

  return (
    <section
      className="incoming"
      aria-labelledby="incoming-title"
      data-testid="incoming-call"
      data-ringtone={props.ringtone ? 'playing' : 'silent'}
    >
      <p className="visually-hidden" role="alert">
        Incoming call from {call.peer}
      </p>
      <p id="incoming-title" className="kicker">
        Incoming call
      </p>
      <p className="incoming-number" data-testid="incoming-number">
        {call.peer}
      </p>
      <dl className="facts">
        {call.location && (
          <div>
            <dt>Location</dt>
            <dd data-testid="incoming-location">{call.location}</dd>
          </div>
        )}
        {call.remark && (
          <div>
            <dt>Remark</dt>
            <dd data-testid="incoming-remark">{call.remark}</dd>
          </div>
        )}
        {call.ivrPath.length > 0 && (
          <div>
            <dt>IVR path</dt>
            <dd data-testid="incoming-ivr">{call.ivrPath.join(' › ')}</dd>
          </div>
        )}
      </dl>
      {secondsLeft !== undefined && (
        <div className="countdown">
          <p data-testid="seconds-left">
            Answer within <strong>{secondsLeft}</strong> s
          </p>
          <progress max={total} value={secondsLeft} aria-label="Time left to answer" />
        </div>
      )}
      <div className="incoming-actions">
        <button
          ref={accept}
          type="button"
          className="accept"
          disabled={pending !== null}
          onClick={() => void act('accept')}
          data-testid="accept"
        >
          Accept
        </button>
        <button
          type="button"
          className="decline"
          disabled={pending !== null}
          onClick={() => void act('decline')}
          data-testid="decline"
        >
          Decline
        </button>
      </div>
    </section>
  );
}
