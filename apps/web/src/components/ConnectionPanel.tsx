/**
 * Everything about the link to TCCC that needs the agent: Connect, a load in progress (with
 * Cancel), a lost connection (shown at once, recovering by itself, Reconnect now), a seat held
 * by another tab or device ("Use here"), and failures worded by cause with one Retry. Focus
 * goes to the action the agent needs next, except while the SDK recovers by itself (a call
 * may be on screen: its controls keep the focus).
 */
import type { UseTcccConnectionResult } from '@tccc-kit/web-loader/react';
import { useEffect } from 'react';
import { consoleConfig } from '../config.js';
import type { ConnectionPhase } from '../desk/connection-phase.js';
import type { SeatState } from '../desk/useSeat.js';
import { describeFailure } from '../failures.js';
import { focusOnAppear } from '../hooks.js';

export function ConnectionPanel(props: {
  phase: ConnectionPhase;
  connection: UseTcccConnectionResult;
  seat: SeatState;
  embedWorkbench: boolean;
  onEmbedWorkbenchChange: (embed: boolean) => void;
  onConnect: () => void;
  onCancel: () => void;
  onReconnect: () => void;
  onUseHere: () => void;
  onSignIn: (message: string) => void;
}) {
  const { phase, connection } = props;
  const failure =
    connection.status === 'failed'
      ? describeFailure(connection.error, consoleConfig.loadTimeoutMs)
      : null;
  const sessionGone = failure?.action === 'sign-in';
  const goneMessage = failure && sessionGone ? `${failure.title}. ${failure.detail}` : undefined;
  const { onSignIn } = props;
  useEffect(() => {
    if (goneMessage !== undefined) onSignIn(goneMessage);
  }, [goneMessage, onSignIn]);

  switch (phase) {
    case 'ready':
      return null;
    case 'signed-in':
      return (
        <section className="card connect" aria-labelledby="connect-title">
          <h1 id="connect-title">Start taking calls</h1>
          <p>Connect loads the TCCC softphone for your seat and sets you online.</p>
          <label className="check">
            <input
              type="checkbox"
              checked={props.embedWorkbench}
              onChange={(event) => props.onEmbedWorkbenchChange(event.target.checked)}
              data-testid="embed-workbench"
            />
            Show the SDK workbench in this page (instead of its floating panel)
          </label>
          <button
            type="button"
            className="primary"
            ref={focusOnAppear}
            onClick={props.onConnect}
            data-testid="connect"
          >
            Connect
          </button>
        </section>
      );
    case 'connecting':
      return (
        <section className="card connect" aria-labelledby="connecting-title" aria-busy="true">
          <h1 id="connecting-title">Connecting to TCCC…</h1>
          <p>Getting a one-time login for your seat and loading the softphone.</p>
          <div className="progress" aria-hidden="true" />
          <button
            type="button"
            className="secondary"
            ref={focusOnAppear}
            onClick={(event) => {
              // Cancel appears where Connect was: the second click of a double click on
              // Connect lands here (detail 2) and must not cancel what the first one started.
              if (event.detail > 1) return;
              props.onCancel();
            }}
            data-testid="cancel-connect"
          >
            Cancel
          </button>
        </section>
      );
    case 'reconnecting':
    case 'expired':
      return (
        <section className="banner banner-bad" role="alert" data-testid="connection-lost">
          <div>
            <strong>
              {phase === 'reconnecting' ? 'Connection to TCCC lost' : 'TCCC ended your session'}
            </strong>
            <p>
              Incoming calls are not reaching you.{' '}
              {phase === 'reconnecting'
                ? 'The console is reconnecting by itself.'
                : 'The console is signing your seat in again.'}
            </p>
          </div>
          <button
            type="button"
            className="secondary"
            onClick={props.onReconnect}
            data-testid="reconnect"
          >
            Reconnect now
          </button>
        </section>
      );
    case 'taken-over':
    case 'elsewhere':
    case 'moved':
      return (
        <section className="card connect" aria-labelledby="seat-title" data-testid="seat-elsewhere">
          <h1 id="seat-title">{SEAT_TITLES[phase]}</h1>
          <p>{SEAT_TEXTS[phase]}</p>
          <button
            type="button"
            className="primary"
            ref={focusOnAppear}
            disabled={props.seat === 'taking-over'}
            onClick={phase === 'taken-over' ? props.onConnect : props.onUseHere}
            data-testid="use-here"
          >
            {props.seat === 'taking-over' ? 'Moving your seat here…' : 'Use here'}
          </button>
        </section>
      );
    case 'error':
      if (!failure || sessionGone) return null;
      return (
        <section
          className="card failure"
          role="alert"
          data-testid="failure"
          data-reason={failure.reason}
        >
          <h1 className="failure-title">{failure.title}</h1>
          <p>{failure.detail}</p>
          {failure.support && (
            <p className="support" data-testid="failure-support">
              For support: {failure.support}
            </p>
          )}
          <button
            type="button"
            className={failure.action === 'retry' ? 'primary' : 'secondary'}
            ref={focusOnAppear}
            onClick={props.onConnect}
            data-testid="retry"
          >
            Retry
          </button>
        </section>
      );
  }
}

const SEAT_TITLES = {
  'taken-over': 'Your seat was signed in elsewhere',
  elsewhere: 'The console is open in another tab',
  moved: 'You moved the console to another tab',
} as const;

const SEAT_TEXTS = {
  'taken-over':
    'Another browser or device signed in to your seat, so calls ring there now. Use here takes the seat back.',
  elsewhere:
    'Your seat is connected in another tab of this browser, and calls ring there. Use here moves the seat to this tab.',
  moved: 'Calls ring in the other tab now. Use here brings the seat back to this tab.',
} as const;
