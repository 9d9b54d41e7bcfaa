/**
 * The call on the line: who, since when (timer), and its controls: mute, hold, keypad
 * (DTMF), transfer, hang up. Mute and hold are toggle buttons (`aria-pressed`); their state
 * follows the SDK method's success, as no documented event reports them [unconfirmed].
 */
import type { Tccc } from '@tccc-kit/web-loader';
import { type Dispatch, lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Call, DeskAction } from '../desk/desk-state.js';
import { formatDuration, spokenDuration } from '../format.js';
import { useNow } from '../hooks.js';
import { runSdkAction } from '../sdk-actions.js';
import { Keypad } from './Keypad.js';
import { useNotify } from './Toasts.js';

// Loaded when first opened: the dialog and its lists are not needed to take a call.
const TransferDialog = lazy(() => import('./TransferDialog.js'));

export function ActiveCall(props: { call: Call; tccc: Tccc; dispatch: Dispatch<DeskAction> }) {
  const { call, tccc, dispatch } = props;
  const notify = useNotify();
  const now = useNow();
  const firstControl = useRef<HTMLButtonElement>(null);
  const transferButton = useRef<HTMLButtonElement>(null);
  const [keypad, setKeypad] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const talking = call.stage === 'talking';
  const seconds = (now - (call.talkingSince ?? call.startedAt)) / 1000;

  // The agent's hands go to the call's controls when it connects.
  useEffect(() => {
    firstControl.current?.focus();
  }, [call.sessionId, talking]);

  const act = async (key: string, what: string, run: () => unknown, after?: () => void) => {
    setPending(key);
    const outcome = await runSdkAction(what, run);
    setPending(null);
    if (outcome.ok) after?.();
    else notify({ title: 'Call action failed', description: outcome.message, tone: 'error' });
  };
  const session = { sessionId: call.sessionId };

  const state = !talking ? 'Calling…' : call.held ? 'On hold' : call.muted ? 'Muted' : 'On call';
  return (
    <section
      className="card active-call"
      aria-labelledby="call-title"
      data-testid="active-call"
      data-stage={call.stage}
      data-held={call.held}
    >
      <div className="call-head">
        <div>
          <p className="kicker">
            {call.direction === 'inbound' ? 'Inbound call' : 'Outbound call'}
          </p>
          <h2 id="call-title" data-testid="call-peer">
            {call.peer}
          </h2>
          <p className="call-state" data-testid="call-state">
            {state}
          </p>
        </div>
        <p className="timer">
          <span aria-hidden="true" data-testid="call-timer">
            {formatDuration(seconds)}
          </span>
          <span className="visually-hidden">
            {talking ? 'Talk time' : 'Ringing for'} {spokenDuration(seconds)}
          </span>
        </p>
      </div>
      <div className="call-controls">
        <button
          ref={firstControl}
          type="button"
          aria-pressed={call.muted}
          disabled={pending !== null}
          onClick={() =>
            void act(
              'mute',
              call.muted ? 'unmute the microphone' : 'mute the microphone',
              () => (call.muted ? tccc.Call.unmuteMic(session) : tccc.Call.muteMic(session)),
              () => dispatch({ type: 'muted', sessionId: call.sessionId, muted: !call.muted }),
            )
          }
          data-testid="mute"
        >
          {call.muted ? 'Unmute' : 'Mute'}
        </button>
        {talking && (
          <>
            <button
              type="button"
              aria-pressed={call.held}
              disabled={pending !== null}
              onClick={() =>
                void act(
                  'hold',
                  call.held ? 'resume the call' : 'put the call on hold',
                  () => (call.held ? tccc.Call.unHold(session) : tccc.Call.hold(session)),
                  () => dispatch({ type: 'held', sessionId: call.sessionId, held: !call.held }),
                )
              }
              data-testid="hold"
            >
              {call.held ? 'Resume' : 'Hold'}
            </button>
            <button
              type="button"
              aria-expanded={keypad}
              aria-controls="keypad"
              onClick={() => setKeypad((open) => !open)}
              data-testid="keypad-toggle"
            >
              Keypad
            </button>
            <button
              type="button"
              ref={transferButton}
              onClick={() => setTransferring(true)}
              data-testid="transfer"
            >
              Transfer
            </button>
          </>
        )}
        <button
          type="button"
          className="danger"
          disabled={pending === 'hangup'}
          onClick={() => void act('hangup', 'hang up', () => tccc.Call.hungUp(session))}
          data-testid="hang-up"
        >
          {talking ? 'Hang up' : 'Cancel call'}
        </button>
      </div>
      {talking && keypad && <Keypad tccc={tccc} sessionId={call.sessionId} />}
      {transferring && (
        <Suspense fallback={null}>
          <TransferDialog
            tccc={tccc}
            sessionId={call.sessionId}
            onTarget={(name) => dispatch({ type: 'transferring', sessionId: call.sessionId, name })}
            onClose={() => setTransferring(false)}
            returnFocus={transferButton}
          />
        </Suspense>
      )}
    </section>
  );
}
