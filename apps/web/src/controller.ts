/**
 * Wires the page together: user gestures and SDK events become actions, actions become state
 * (state.ts), state becomes DOM (view.ts). Side effects (HTTP, SDK calls) happen here only.
 */
import { ApiError, currentSession, signIn, signOut } from './api.js';
import { consoleConfig } from './config.js';
import { type Elements, pageNonce } from './dom.js';
import { EventLog } from './event-log.js';
import { describeFailure } from './failures.js';
import { normalizePhoneNumber, phoneNumberProblem } from './format.js';
import { runSdkAction } from './sdk-actions.js';
import { type Action, type AppState, initialState, reduce } from './state.js';
import { connectTccc, type TcccConnection, unloadAll } from './tccc-connection.js';
import { render } from './view.js';

export function startConsole(el: Elements): void {
  let state: AppState = initialState;
  const log = new EventLog(el.eventLog, consoleConfig.eventLogLimit);
  const nonce = pageNonce();
  let connection: TcccConnection | null = null;
  /** Cancels the load in flight; replaced on every attempt. */
  let loading: AbortController | null = null;

  const dispatch = (action: Action) => {
    state = reduce(state, action);
    render(state, el);
  };
  render(state, el);

  // ---- session ---------------------------------------------------------------------------
  currentSession().then(
    (email) => dispatch(email === null ? { type: 'signed-out' } : { type: 'session-found', email }),
    (error: unknown) => dispatch({ type: 'signed-out', message: messageOf(error) }),
  );

  el.signInForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (state.auth.kind === 'signing-in') return;
    const email = el.email.value.trim();
    const password = el.password.value;
    if (email === '' || password === '') {
      dispatch({ type: 'signed-out', message: 'Enter your email and your password.' });
      (email === '' ? el.email : el.password).focus();
      return;
    }
    dispatch({ type: 'sign-in-started' });
    try {
      const signedInAs = await signIn(email, password);
      el.password.value = '';
      dispatch({ type: 'session-found', email: signedInAs });
      el.connect.focus();
    } catch (error) {
      dispatch({ type: 'signed-out', message: messageOf(error) });
      el.password.select();
    }
  });

  el.signOut.addEventListener('click', async () => {
    disconnect();
    log.clear();
    let message: string | undefined;
    // Show the sign-in form only once the server has answered: a sign-in racing this
    // DELETE could otherwise have its fresh cookie cleared by the DELETE's response.
    try {
      await signOut();
    } catch (error) {
      message = `You are signed out here, but the server could not be told: ${messageOf(error)}`;
    }
    dispatch(message === undefined ? { type: 'signed-out' } : { type: 'signed-out', message });
    el.email.focus();
  });

  // ---- connection ------------------------------------------------------------------------
  const connect = async () => {
    // One load at a time: a double click (or Connect then Retry) must inject one script.
    if (state.connection.kind === 'connecting' || state.connection.kind === 'ready') return;
    const attempt = new AbortController();
    loading = attempt;
    dispatch({ type: 'connect-started' });
    try {
      connection = await connectTccc({
        embed: el.embedWorkbench.checked,
        nonce,
        signal: attempt.signal,
        onEvent: (name, payload) => {
          log.append(name, payload);
          dispatch({ type: 'tccc-event', name, payload });
        },
      });
      dispatch({ type: 'connected', agentStatus: connection.initialStatus });
    } catch (error) {
      if (attempt.signal.aborted) return; // signed out meanwhile: nothing to report
      const failure = describeFailure(error, consoleConfig.loadTimeoutMs);
      if (failure === null) return;
      if (failure.action === 'sign-in') {
        dispatch({ type: 'signed-out', message: `${failure.title}. ${failure.detail}` });
      } else {
        dispatch({ type: 'connect-failed', failure });
      }
    } finally {
      if (loading === attempt) loading = null;
    }
  };
  el.connect.addEventListener('click', connect);
  // Retry is a new load: the loader asks the server for a fresh one-time SDK URL.
  el.retry.addEventListener('click', connect);
  el.embedWorkbench.addEventListener('change', () => render(state, el));

  function disconnect(): void {
    loading?.abort();
    loading = null;
    connection?.close();
    connection = null;
    unloadAll(); // also removes a script whose load was still in flight
  }

  // ---- call panel ------------------------------------------------------------------------
  const act = async (what: string, run: (c: TcccConnection) => unknown) => {
    const current = connection;
    if (current === null) return false;
    const outcome = await runSdkAction(what, () => run(current));
    dispatch({ type: 'notice', message: outcome.ok ? null : outcome.message });
    return outcome.ok;
  };

  el.dialForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const problem = phoneNumberProblem(el.phoneNumber.value);
    if (problem !== null) {
      dispatch({ type: 'notice', message: problem });
      el.phoneNumber.focus();
      return;
    }
    const phoneNumber = normalizePhoneNumber(el.phoneNumber.value);
    void act('place the call', ({ tccc }) => tccc.Call.startOutboundCall({ phoneNumber }));
  });

  const sessionId = () => state.call?.sessionId;
  el.accept.addEventListener('click', () => {
    const id = sessionId();
    if (id !== undefined)
      void act('accept the call', ({ tccc }) => tccc.Call.accept({ sessionId: id }));
  });
  el.hangUp.addEventListener('click', () => {
    const id = sessionId();
    if (id !== undefined) void act('hang up', ({ tccc }) => tccc.Call.hungUp({ sessionId: id }));
  });
  el.mute.addEventListener('click', async () => {
    const call = state.call;
    if (call === null) return;
    const muted = !call.muted;
    const ok = await act(muted ? 'mute the microphone' : 'unmute the microphone', ({ tccc }) =>
      muted
        ? tccc.Call.muteMic({ sessionId: call.sessionId })
        : tccc.Call.unmuteMic({ sessionId: call.sessionId }),
    );
    // No SDK event reports mute changes: the method's success is the signal.
    if (ok) dispatch({ type: 'mute-changed', sessionId: call.sessionId, muted });
  });

  el.statusForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const status = el.statusSelect.value as Parameters<
      TcccConnection['tccc']['Agent']['setStatus']
    >[0]['status'];
    // The statusChanged event, not this call's answer, moves the displayed status.
    void act('change your status', ({ tccc }) => tccc.Agent.setStatus({ status }));
  });

  el.clearLog.addEventListener('click', () => log.clear());
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Reload the page and try again.';
}
