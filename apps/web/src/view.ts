/**
 * Paints an {@link AppState} onto the page. Rendering is idempotent and total: every element
 * the state controls is set on every render, so no stale button stays enabled.
 */
import type { Elements } from './dom.js';
import { describeCall, formatAgentStatus, statusText } from './format.js';
import { type AppState, statusOf } from './state.js';

export function render(state: AppState, el: Elements): void {
  const status = statusOf(state);
  el.status.dataset.state = status;
  setText(el.status, statusText[status]);

  const signedIn = state.auth.kind === 'signed-in';
  el.account.hidden = !signedIn;
  setText(el.agentEmail, state.auth.kind === 'signed-in' ? state.auth.email : '');
  el.signIn.hidden = signedIn || state.auth.kind === 'checking';
  el.console.hidden = !signedIn;

  const signInMessage = state.auth.kind === 'signed-out' ? (state.auth.message ?? '') : '';
  el.signInMessage.hidden = signInMessage === '';
  setText(el.signInMessage, signInMessage);
  const signingIn = state.auth.kind === 'signing-in';
  el.signInSubmit.disabled = signingIn;
  el.signInForm.setAttribute('aria-busy', String(signingIn));

  renderConnection(state, el);
  renderCall(state, el);
}

function renderConnection(state: AppState, el: Elements): void {
  const { connection } = state;
  el.connect.hidden = connection.kind === 'failed' || connection.kind === 'ready';
  el.connect.disabled = connection.kind !== 'disconnected';
  setText(el.connect, connection.kind === 'connecting' ? 'Connecting…' : 'Connect');
  el.connect.setAttribute('aria-busy', String(connection.kind === 'connecting'));
  // The SDK reads data-render-dom-id once, at load: the choice is fixed while connected.
  el.embedWorkbench.disabled = connection.kind === 'connecting' || connection.kind === 'ready';
  el.workbenchCard.hidden = !el.embedWorkbench.checked;

  const failure = connection.kind === 'failed' ? connection.failure : null;
  el.failure.hidden = failure === null;
  if (failure === null) {
    delete el.failure.dataset.reason;
  } else {
    el.failure.dataset.reason = failure.reason;
  }
  setText(el.failureTitle, failure?.title ?? '');
  setText(el.failureDetail, failure?.detail ?? '');
}

function renderCall(state: AppState, el: Elements): void {
  const ready = state.connection.kind === 'ready';
  const { call } = state;
  el.dial.disabled = !ready || call !== null;
  el.phoneNumber.disabled = !ready || call !== null;
  el.callSummary.dataset.stage = call?.stage ?? 'none';
  setText(el.callSummary, describeCall(call));
  el.accept.disabled = !ready || call?.stage !== 'ringing';
  el.hangUp.disabled = !ready || call === null;
  el.mute.disabled = !ready || call?.stage !== 'talking';
  el.mute.setAttribute('aria-pressed', String(call?.muted ?? false));
  setText(el.mute, call?.muted ? 'Unmute' : 'Mute');
  el.setStatus.disabled = !ready;
  el.statusSelect.disabled = !ready;
  setText(el.agentStatus, formatAgentStatus(state.agentStatus));
  el.agentStatus.dataset.status = state.agentStatus ?? '';
  el.notice.hidden = state.notice === null;
  setText(el.notice, state.notice ?? '');
}

/** Only touch the DOM when the text changes, so aria-live regions announce real changes. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
