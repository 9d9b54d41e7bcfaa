import type { ViewState } from '../state.js';
import { workspaceSheet } from './styles.js';

export interface WorkspaceOptions {
  /** Id of the element to render into (the script's data-render-dom-id). */
  renderDomId: string | undefined;
  accept(sessionId: string): void;
  hangUp(sessionId: string): void;
  /** The agent is done with an ended call (the old docs' "complete": `sessionCompleted`). */
  complete(sessionId: string): void;
}

/** Smallest size the real SDK asks of a render target (data-render-dom-id), in CSS pixels. */
export const minRenderSize = { width: 760, height: 480 } as const;

const statusLabels: Record<string, string> = {
  free: 'Free',
  busy: 'On a call',
  rest: 'On break',
  arrange: 'After-call work',
  notReady: 'Not ready',
  failed: 'Signed out',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  takenOver: 'Signed in elsewhere',
  expired: 'Session expired',
};

/**
 * The workspace UI: `<t3c-sdk id="tcccSdkDomRoot">` with an open shadow root, either floating
 * in the corner of the page (a round button that opens the workbench) or filling the element
 * named by `data-render-dom-id`. It shows the agent and status, the current call with
 * Accept and Hang up buttons, and the last ended call with a Complete button.
 */
export class Workspace {
  readonly #root: HTMLElement;
  readonly #float: HTMLButtonElement;
  readonly #workbench: HTMLElement;
  readonly #seat: HTMLElement;
  readonly #status: HTMLElement;
  readonly #callBox: HTMLElement;
  readonly #callLabel: HTMLElement;
  readonly #peer: HTMLElement;
  readonly #idle: HTMLElement;
  readonly #accept: HTMLButtonElement;
  readonly #hangUp: HTMLButtonElement;
  readonly #endedBox: HTMLElement;
  readonly #complete: HTMLButtonElement;
  #sessionId: string | undefined;
  #endedId: string | undefined;

  constructor(private readonly options: WorkspaceOptions) {
    this.#root = document.createElement('t3c-sdk');
    this.#root.id = 'tcccSdkDomRoot';
    const shadow = this.#root.attachShadow({ mode: 'open' });
    const sheet = workspaceSheet();
    if (sheet) shadow.adoptedStyleSheets = [sheet];

    this.#float = el('button', 'float', 'TCCC');
    this.#float.type = 'button';
    this.#float.setAttribute('aria-label', 'Open the TCCC workbench');
    this.#float.addEventListener('click', () => this.toggleWorkbench());

    this.#workbench = el('section', 'workbench');
    this.#workbench.setAttribute('aria-label', 'TCCC workbench');
    const header = el('header');
    this.#seat = el('span', 'seat', 'Signing in…');
    this.#status = el('span', 'status', '…');
    this.#status.setAttribute('role', 'status');
    header.append(this.#seat, this.#status);

    this.#idle = el('p', 'idle', 'No call');
    this.#callBox = el('div', 'call');
    this.#callLabel = el('span', 'label');
    this.#peer = el('span', 'peer');
    const actions = el('div', 'actions');
    this.#accept = el('button', 'accept', 'Accept');
    this.#hangUp = el('button', 'hangup', 'Hang up');
    for (const button of [this.#accept, this.#hangUp]) button.type = 'button';
    this.#accept.addEventListener(
      'click',
      () => this.#sessionId && options.accept(this.#sessionId),
    );
    this.#hangUp.addEventListener(
      'click',
      () => this.#sessionId && options.hangUp(this.#sessionId),
    );
    actions.append(this.#accept, this.#hangUp);
    this.#callBox.append(this.#callLabel, this.#peer, actions);
    this.#endedBox = el('div', 'ended');
    this.#complete = el('button', 'complete', 'Complete');
    this.#complete.type = 'button';
    this.#complete.addEventListener(
      'click',
      () => this.#endedId && options.complete(this.#endedId),
    );
    this.#endedBox.append(el('span', 'label', 'Call ended'), this.#complete);
    this.#workbench.append(header, this.#idle, this.#callBox, this.#endedBox);
    shadow.append(this.#workbench, this.#float);
  }

  get element(): HTMLElement {
    return this.#root;
  }

  mount(view: ViewState): void {
    const target = this.options.renderDomId
      ? document.getElementById(this.options.renderDomId)
      : null;
    if (this.options.renderDomId && !target) {
      console.warn(
        `[tccc fake SDK] data-render-dom-id "${this.options.renderDomId}" names no element; showing the floating workbench instead.`,
      );
    }
    if (target) {
      this.#root.classList.add('embedded');
      setStyles(this.#root, { display: 'block', width: '100%', height: '100%' });
      this.#float.hidden = true;
      const { width, height } = target.getBoundingClientRect();
      if (width < minRenderSize.width || height < minRenderSize.height) {
        console.warn(
          `[tccc fake SDK] the render element is ${Math.round(width)}x${Math.round(height)}; the workbench needs at least ${minRenderSize.width}x${minRenderSize.height}.`,
        );
      }
      target.append(this.#root);
    } else {
      this.#root.classList.add('floating');
      setStyles(this.#root, {
        position: 'fixed',
        right: '24px',
        bottom: '24px',
        width: '56px',
        height: '56px',
        zIndex: '2147483000',
      });
      this.#workbench.hidden = true;
      document.body.append(this.#root);
    }
    this.update(view);
  }

  update(view: ViewState): void {
    this.#seat.textContent =
      view.seatUserId ?? (view.phase === 'failed' ? 'Not signed in' : 'Signing in…');
    const status =
      view.phase === 'failed'
        ? 'failed'
        : view.phase === 'loggedOut'
          ? (view.loggedOut ?? 'offline')
          : view.reconnecting
            ? 'reconnecting'
            : (view.status ?? '');
    this.#status.dataset.status = status;
    this.#status.textContent = statusLabels[status] ?? '…';
    const call = view.call;
    this.#sessionId = call?.sessionId;
    this.#endedId = view.phase === 'ready' ? view.ended : undefined;
    this.#endedBox.hidden = this.#endedId === undefined;
    this.#idle.hidden = call !== undefined;
    this.#callBox.hidden = call === undefined;
    if (call) {
      this.#callLabel.textContent =
        call.direction === 'inbound'
          ? call.state === 'offered'
            ? 'Incoming call'
            : 'Inbound call'
          : call.state === 'dialing'
            ? 'Calling…'
            : 'Outbound call';
      this.#peer.textContent = call.peer;
      this.#accept.hidden = !(call.direction === 'inbound' && call.state === 'offered');
      // A ringing offer opens the floating workbench, as the real SDK pops up.
      if (call.state === 'offered' && !this.#root.classList.contains('embedded'))
        this.showWorkbench();
    }
  }

  unmount(): void {
    this.#root.remove();
  }

  show(): void {
    this.#root.hidden = false;
    this.#root.style.display = this.#root.classList.contains('embedded') ? 'block' : '';
  }

  hide(): void {
    this.#root.hidden = true;
    // The embedded root has an inline display, which would beat the [hidden] UA rule.
    this.#root.style.display = 'none';
  }

  showFloatButton(): void {
    this.#float.hidden = false;
  }

  hideFloatButton(): void {
    this.#float.hidden = true;
  }

  showWorkbench(): void {
    this.#workbench.hidden = false;
  }

  hideWorkbench(): void {
    this.#workbench.hidden = true;
  }

  toggleWorkbench(): void {
    this.#workbench.hidden = !this.#workbench.hidden;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Inline styles through the CSSOM (allowed under CSP, unlike style attributes in markup). */
function setStyles(node: HTMLElement, styles: Partial<Record<keyof CSSStyleDeclaration, string>>) {
  Object.assign(node.style, styles);
}
