/**
 * The top bar: the agent's status as the console's main state (with time in it, changed in
 * one step), the connection to TCCC, who is signed in, and Sign out (confirmed during a call).
 */
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { AgentStatus, Tccc } from '@tccc-kit/web-loader';
import { useState } from 'react';
import { type ConnectionPhase, PHASE_TEXT } from '../desk/connection-phase.js';
import { StatusMenu } from './StatusMenu.js';

export function Header(props: {
  email: string;
  phase: ConnectionPhase;
  tccc: Tccc | undefined;
  status: AgentStatus | null;
  statusSince: number;
  onCall: boolean;
  signingOut: boolean;
  onSignOut: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <header className="top">
      <p className="brand">Agent console</p>
      <div className="top-state">
        {props.tccc ? (
          <StatusMenu
            tccc={props.tccc}
            status={props.status}
            since={props.statusSince}
            onCall={props.onCall}
          />
        ) : (
          <span className="state-pill" data-testid="agent-status" data-status="offline">
            Not connected
          </span>
        )}
      </div>
      <div className="top-end">
        <p
          className="connection"
          role="status"
          data-testid="status"
          data-state={props.phase}
          data-tone={phaseTone(props.phase)}
        >
          <span className="dot" aria-hidden="true" />
          {PHASE_TEXT[props.phase]}
        </p>
        <div className="account" data-testid="account">
          <span className="account-email" data-testid="agent-email" title={props.email}>
            {props.email}
          </span>
          <button
            type="button"
            className="quiet"
            disabled={props.signingOut}
            onClick={() => (props.onCall ? setConfirming(true) : props.onSignOut())}
            data-testid="sign-out"
          >
            {props.signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
      <AlertDialog.Root open={confirming} onOpenChange={setConfirming}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="overlay" />
          <AlertDialog.Content className="dialog" data-testid="sign-out-dialog">
            <AlertDialog.Title>End the call and sign out?</AlertDialog.Title>
            <AlertDialog.Description>
              You are on a call. Signing out hangs up: the customer is disconnected, and your seat
              goes offline so no new calls are offered to you.
            </AlertDialog.Description>
            <div className="dialog-actions">
              <AlertDialog.Cancel className="secondary">Stay on the call</AlertDialog.Cancel>
              <AlertDialog.Action className="danger" onClick={props.onSignOut}>
                End call and sign out
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </header>
  );
}

function phaseTone(phase: ConnectionPhase): 'ok' | 'busy' | 'bad' | 'idle' {
  if (phase === 'ready') return 'ok';
  if (phase === 'connecting') return 'busy';
  if (phase === 'signed-in' || phase === 'moved' || phase === 'elsewhere') return 'idle';
  return 'bad';
}
