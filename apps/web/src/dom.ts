/**
 * Typed handles on the page's elements, looked up once by their `data-testid`. A missing
 * element is a broken index.html, so it fails at start-up with the id to look for.
 */

function byTestId<T extends Element>(
  root: ParentNode,
  testId: string,
  type: abstract new () => T,
): T {
  const element = root.querySelector(`[data-testid="${testId}"]`);
  if (!(element instanceof type)) {
    throw new Error(`index.html needs a ${type.name} with data-testid="${testId}"`);
  }
  return element;
}

export function queryElements(root: ParentNode = document) {
  const get = <T extends Element>(testId: string, type: abstract new () => T) =>
    byTestId(root, testId, type);
  const signInForm = get('sign-in-form', HTMLFormElement);
  const dialForm = get('dial-form', HTMLFormElement);
  const statusForm = get('agent-status-form', HTMLFormElement);
  return {
    status: get('status', HTMLElement),
    account: get('account', HTMLElement),
    agentEmail: get('agent-email', HTMLElement),
    signOut: get('sign-out', HTMLButtonElement),

    signIn: get('sign-in', HTMLElement),
    signInMessage: get('sign-in-message', HTMLElement),
    signInForm,
    signInSubmit: get('sign-in-submit', HTMLButtonElement),
    email: field(signInForm, 'email', HTMLInputElement),
    password: field(signInForm, 'password', HTMLInputElement),

    console: get('console', HTMLElement),
    embedWorkbench: get('embed-workbench', HTMLInputElement),
    connect: get('connect', HTMLButtonElement),
    failure: get('failure', HTMLElement),
    failureTitle: get('failure-title', HTMLElement),
    failureDetail: get('failure-detail', HTMLElement),
    retry: get('retry', HTMLButtonElement),

    dialForm,
    phoneNumber: field(dialForm, 'phoneNumber', HTMLInputElement),
    dial: get('dial', HTMLButtonElement),
    callSummary: get('call-summary', HTMLElement),
    accept: get('accept', HTMLButtonElement),
    hangUp: get('hang-up', HTMLButtonElement),
    mute: get('mute', HTMLButtonElement),
    statusForm,
    statusSelect: field(statusForm, 'status', HTMLSelectElement),
    setStatus: get('set-status', HTMLButtonElement),
    agentStatus: get('agent-status', HTMLOutputElement),
    notice: get('notice', HTMLElement),

    workbenchCard: get('workbench-card', HTMLElement),
    workbench: get('workbench', HTMLElement),

    eventLog: get('event-log', HTMLOListElement),
    clearLog: get('clear-log', HTMLButtonElement),
  };
}

export type Elements = ReturnType<typeof queryElements>;

function field<T extends Element>(form: HTMLFormElement, name: string, type: abstract new () => T) {
  const element = form.elements.namedItem(name);
  if (!(element instanceof type)) {
    throw new Error(`index.html: form ${form.dataset.testid} needs a ${type.name} named "${name}"`);
  }
  return element;
}

/** The nonce the server put on this page, for the SDK script tag (undefined when not served). */
export function pageNonce(doc: Document = document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  // Browsers hide the attribute once CSP applies; the value lives on the `.nonce` property.
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || '';
  // The placeholder means the page was not served by apps/server (e.g. a static preview).
  return nonce === '' || nonce === '__CSP_NONCE__' ? undefined : nonce;
}
