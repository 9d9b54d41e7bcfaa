/**
 * The signed-in console: wires the SDK (through the loader's React binding) to the desk
 * state, owns the seat's lifecycle (connect, "Use here", automatic recovery, seat-safe
 * sign-out) and lays out the panels. Panels only render state and call the actions given.
 */
import type { AgentStatus, Tccc, TcccEventName } from '@tccc-kit/web-loader';
import { useTcccConnection } from '@tccc-kit/web-loader/react';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { askNotificationPermission } from '../alerts/attention.js';
import { primeAudio } from '../alerts/ringtone.js';
import { useCallAlerts } from '../alerts/useCallAlerts.js';
import { signOut } from '../api/http.js';
import { consoleConfig } from '../config.js';
import { connectionPhase } from '../desk/connection-phase.js';
import { initialDesk, reduceDesk } from '../desk/desk-state.js';
import { useSeat } from '../desk/useSeat.js';
import { ActiveCall } from './ActiveCall.js';
import { AfterCall } from './AfterCall.js';
import { ConnectionPanel } from './ConnectionPanel.js';
import { CustomerCard } from './CustomerCard.js';
import { DevPanel, type LogEntry } from './DevPanel.js';
import { Dialer } from './Dialer.js';
import { Header } from './Header.js';
import { IncomingCall } from './IncomingCall.js';
import { RecentCalls } from './RecentCalls.js';
import { SdkEvents } from './SdkEvents.js';
import { useNotify } from './Toasts.js';

export function Desk(props: {
  email: string;
  /** The server keeps call records: show recent calls. */
  callHistory: boolean;
  embedWorkbench: boolean;
  onEmbedWorkbenchChange: (embed: boolean) => void;
  onSignedOut: (message?: string) => void;
}) {
  const connection = useTcccConnection();
  const notify = useNotify();
  const [desk, dispatch] = useReducer(reduceDesk, Date.now(), initialDesk);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [signingOut, setSigningOut] = useState(false);
  const deskRef = useRef(desk);
  deskRef.current = desk;
  const tccc = 'tccc' in connection ? connection.tccc : undefined;

  const seat = useSeat(props.email, {
    // Another tab asked for the seat: never drop a customer for it.
    onTakeOverRequested: async () => {
      if (deskRef.current.call) return false;
      await connection.disconnect();
      notify({ title: 'Moved to another tab', description: 'Your calls now ring there.' });
      return true;
    },
    onLost: () => void connection.disconnect(),
  });
  const phase = connectionPhase(connection, seat.state);

  const onEvent = useCallback((name: TcccEventName, payload: unknown) => {
    const at = Date.now();
    setLog((entries) => [...entries.slice(1 - consoleConfig.eventLogLimit), { at, name, payload }]);
    dispatch({ type: 'event', name, payload, at });
  }, []);

  // A new SDK instance (first connect, reconnect) starts a fresh desk from its status.
  const seenSdk = useRef<Tccc | undefined>(undefined);
  useEffect(() => {
    if (connection.status !== 'ready' || seenSdk.current === connection.tccc) return;
    seenSdk.current = connection.tccc;
    dispatch({ type: 'ready', status: readStatus(connection.tccc), at: Date.now() });
    if (consoleConfig.hideSdkUi && !props.embedWorkbench) {
      try {
        connection.tccc.UI.hide();
      } catch {
        // An SDK without UI.hide() keeps its panel: nothing breaks.
      }
    }
  }, [connection, props.embedWorkbench]);

  // TCCC ended the session after the stream stayed lost: load again, with growing pauses.
  const expiredAttempts = useRef(0);
  useEffect(() => {
    if (phase === 'ready') expiredAttempts.current = 0;
    if (phase !== 'expired') return;
    const delays = consoleConfig.autoReconnectDelaysMs;
    const delay = delays[Math.min(expiredAttempts.current, delays.length - 1)];
    expiredAttempts.current += 1;
    const timer = setTimeout(() => connection.reconnect(), delay);
    return () => clearTimeout(timer);
  }, [phase, connection]);

  // Closing the tab during a call would drop the customer: let the browser ask first.
  const onCall = desk.call !== null;
  useEffect(() => {
    if (!onCall) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [onCall]);

  const alerts = useCallAlerts(desk.call);

  /** Connect (and Retry): claim the seat for this tab, then load with one fresh SDK URL. */
  const connect = useCallback(async () => {
    if (!(await seat.claim())) return;
    if (connection.status === 'failed' || connection.status === 'disconnected') {
      connection.reconnect();
    } else {
      connection.connect();
    }
    // Still within the click's user activation, after the load has started: unlock sound for
    // the ringtone and ask once for notifications.
    primeAudio();
    askNotificationPermission();
  }, [seat, connection]);

  const useHere = useCallback(async () => {
    primeAudio();
    const outcome = await seat.takeOver();
    if (outcome === 'held') connection.reconnect();
    else if (outcome === 'refused-in-call') {
      notify({
        title: 'The other tab is on a call',
        description: 'Finish the call there, then press Use here again.',
        tone: 'error',
      });
    }
  }, [seat, connection, notify]);

  const cancel = useCallback(async () => {
    await connection.disconnect();
    seat.release();
  }, [connection, seat]);

  /** Seat-safe sign-out: end the call, take the seat offline, unload, then end the session. */
  const signOutNow = useCallback(async () => {
    setSigningOut(true);
    const call = deskRef.current.call;
    if (call && tccc) {
      await Promise.race([
        Promise.resolve(tccc.Call.hungUp({ sessionId: call.sessionId })).catch(() => {}),
        new Promise((resolve) => setTimeout(resolve, consoleConfig.offlineTimeoutMs)),
      ]);
    }
    await connection.disconnect();
    seat.release();
    let message: string | undefined;
    try {
      await signOut();
    } catch (error) {
      message = `You are signed out here, but the server could not be told: ${
        error instanceof Error ? error.message : String(error)
      }`;
    }
    props.onSignedOut(message);
  }, [tccc, connection, seat, props.onSignedOut]);

  const ready = phase === 'ready' && tccc !== undefined;
  // While the SDK mends a lost stream by itself, the call on the line stays on screen with its
  // controls (the voice may well go on); only new calls wait until the link is back.
  const showDesk = tccc !== undefined && (ready || phase === 'reconnecting');
  const callPeer = desk.call?.peer ?? desk.wrapUp?.peer;

  return (
    <div className="desk" data-phase={phase}>
      <SdkEvents onEvent={onEvent} />
      <Header
        email={props.email}
        phase={phase}
        tccc={ready ? tccc : undefined}
        status={desk.status}
        statusSince={desk.statusSince}
        onCall={onCall}
        signingOut={signingOut}
        onSignOut={signOutNow}
      />
      <main className="desk-main">
        <ConnectionPanel
          phase={phase}
          connection={connection}
          seat={seat.state}
          embedWorkbench={props.embedWorkbench}
          onEmbedWorkbenchChange={props.onEmbedWorkbenchChange}
          onConnect={connect}
          onCancel={cancel}
          onReconnect={connection.reconnect}
          onUseHere={useHere}
          onSignIn={props.onSignedOut}
        />
        {showDesk && (
          <div className="desk-grid">
            <section className="call-column" aria-label="Calls">
              {desk.call?.stage === 'ringing' && (
                <IncomingCall
                  call={desk.call}
                  tccc={tccc}
                  ringtone={alerts.audible}
                  onDeclined={(sessionId, declined) =>
                    dispatch({ type: 'declined', sessionId, declined })
                  }
                />
              )}
              {desk.call && desk.call.stage !== 'ringing' && (
                <ActiveCall call={desk.call} tccc={tccc} dispatch={dispatch} />
              )}
              {!desk.call && desk.wrapUp && (
                <AfterCall
                  wrapUp={desk.wrapUp}
                  status={desk.status}
                  statusSince={desk.statusSince}
                  tccc={tccc}
                  onDone={() => dispatch({ type: 'wrap-up-done' })}
                />
              )}
              {!desk.call && ready && <Dialer tccc={tccc} status={desk.status} />}
            </section>
            <aside className="side-column" aria-label="Customer and history">
              {!desk.call && !desk.wrapUp && ready && <Waiting status={desk.status} />}
              {callPeer && (
                <CustomerCard
                  phone={callPeer}
                  active={desk.call !== null}
                  direction={(desk.call ?? desk.wrapUp)?.direction ?? 'inbound'}
                />
              )}
              {props.callHistory && <RecentCalls lastEndedAt={desk.wrapUp?.endedAt} />}
            </aside>
          </div>
        )}
        {props.embedWorkbench && (
          <section className="card workbench-card" aria-label="TCCC workbench">
            <div
              id={consoleConfig.workbenchElementId}
              className="workbench"
              data-testid="workbench"
            />
          </section>
        )}
        <DevPanel entries={log} onClear={() => setLog([])} />
      </main>
    </div>
  );
}

function readStatus(tccc: Tccc): AgentStatus | null {
  try {
    const status: unknown = tccc.Agent.getStatus();
    return typeof status === 'string' ? (status as AgentStatus) : null;
  } catch {
    return null;
  }
}

/** What the agent sees between calls: whether calls can reach them. */
function Waiting({ status }: { status: AgentStatus | null }) {
  const free = status === 'free';
  return (
    <section className="card idle" data-status={status ?? 'unknown'} aria-labelledby="idle-title">
      <h2 id="idle-title">
        <span className="dot" aria-hidden="true" />
        {free ? 'Waiting for calls' : 'Not taking calls'}
      </h2>
      <p className="muted">
        {free
          ? 'Incoming calls ring here, with who is calling and what they chose in the IVR.'
          : 'Set yourself Free in the status menu at the top to receive calls.'}
      </p>
    </section>
  );
}
