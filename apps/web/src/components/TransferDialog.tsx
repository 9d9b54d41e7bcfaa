/**
 * Transfer a call to a skill group or to a colleague (Radix Dialog: focus kept inside,
 * Escape closes, focus back on Transfer). The lists come from the server
 * (`GET /api/transfer-targets`, backed by the cloud API); a filter narrows them.
 */
import * as Dialog from '@radix-ui/react-dialog';
import type { Tccc } from '@tccc-kit/web-loader';
import { type FormEvent, type RefObject, useEffect, useState } from 'react';
import { fetchTransferTargets, type TransferTargets } from '../api/console-api.js';
import { ApiError } from '../api/http.js';
import { runSdkAction } from '../sdk-actions.js';
import { useNotify } from './Toasts.js';

type Target =
  | { kind: 'skillGroup'; id: string; name: string }
  | { kind: 'agent'; id: string; name: string };

export default function TransferDialog(props: {
  tccc: Tccc;
  sessionId: string;
  /** The name of the target being tried (null: the SDK refused), for the after-call words. */
  onTarget: (name: string | null) => void;
  onClose: () => void;
  /**
   * Where focus goes when the dialog closes with the call still on (the Transfer button). The
   * dialog opens from state, not from a Radix Trigger, so Radix has nothing to return it to.
   */
  returnFocus: RefObject<HTMLElement | null>;
}) {
  const notify = useNotify();
  const [targets, setTargets] = useState<TransferTargets | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<Target | null>(null);
  const [sending, setSending] = useState(false);
  /** TCCC refused the last transfer: to whom, and TCCC's words. */
  const [refusal, setRefusal] = useState<{ name: string; reason?: string } | null>(null);

  useEffect(() => {
    let live = true;
    fetchTransferTargets().then(
      (answer) => live && setTargets(answer),
      (error: unknown) =>
        live &&
        setProblem(
          error instanceof ApiError && error.code === 'transfer_unavailable'
            ? 'Transfers are not set up on this server. Ask your supervisor.'
            : `The transfer list could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
    return () => {
      live = false;
    };
  }, []);

  const matches = (name: string) => name.toLowerCase().includes(filter.trim().toLowerCase());
  const groups = targets?.skillGroups.filter((group) => matches(group.name)) ?? [];
  const agents =
    targets?.agents.filter((agent) => matches(agent.name) || matches(agent.userId)) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setSending(true);
    setRefusal(null);
    // Before the SDK call: its `transfer` event can arrive before the promise settles.
    props.onTarget(chosen.name);
    const outcome = await runSdkAction(`transfer the call to ${chosen.name}`, () =>
      props.tccc.Call.transfer({
        sessionId: props.sessionId,
        ...(chosen.kind === 'agent' ? { userId: chosen.id } : { skillGroupId: chosen.id }),
      }),
    );
    setSending(false);
    if (outcome.ok) {
      notify({ title: `Call transferred to ${chosen.name}` });
      props.onClose();
    } else {
      props.onTarget(null);
      setRefusal({ name: chosen.name, ...(outcome.reason ? { reason: outcome.reason } : {}) });
    }
  };

  const option = (target: Target, detail?: string) => (
    <label key={`${target.kind}:${target.id}`} className="option">
      <input
        type="radio"
        name="transfer-target"
        checked={chosen?.kind === target.kind && chosen.id === target.id}
        onChange={() => setChosen(target)}
      />
      <span>
        {target.name}
        {detail && <small>{detail}</small>}
      </span>
    </label>
  );

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content
          className="dialog"
          data-testid="transfer-dialog"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            props.returnFocus.current?.focus();
          }}
        >
          <Dialog.Title>Transfer the call</Dialog.Title>
          <Dialog.Description>
            Pick a skill group (the next free agent there takes it) or a colleague.
          </Dialog.Description>
          <form onSubmit={submit}>
            <label htmlFor="transfer-filter">Filter</label>
            <input
              id="transfer-filter"
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              autoComplete="off"
            />
            {!targets && !problem && <p role="status">Loading who can take the call…</p>}
            {problem && (
              <p className="message error" role="alert" data-testid="transfer-problem">
                {problem}
              </p>
            )}
            {refusal && (
              <div className="message error" role="alert" data-testid="transfer-problem">
                <p className="refusal-headline">
                  <strong>{refusal.name} could not take the call.</strong> The customer is still
                  with you: choose someone else, or try again in a moment.
                </p>
                {refusal.reason && <p className="refusal-detail">TCCC: {refusal.reason}</p>}
              </div>
            )}
            {targets && (
              <div className="transfer-lists">
                <fieldset>
                  <legend>Skill groups</legend>
                  {groups.length === 0 && <p className="muted">None match.</p>}
                  {groups.map((group) =>
                    option({ kind: 'skillGroup', id: group.skillGroupId, name: group.name }),
                  )}
                </fieldset>
                <fieldset>
                  <legend>Agents</legend>
                  {agents.length === 0 && <p className="muted">None match.</p>}
                  {agents.map((agent) =>
                    option(
                      { kind: 'agent', id: agent.userId, name: agent.name },
                      [agent.userId, ...agent.skillGroups].join(' · '),
                    ),
                  )}
                </fieldset>
              </div>
            )}
            <div className="dialog-actions">
              <Dialog.Close type="button" className="secondary">
                Cancel
              </Dialog.Close>
              <button
                type="submit"
                className="primary"
                disabled={!chosen || sending}
                data-testid="transfer-submit"
              >
                {sending ? 'Transferring…' : chosen ? `Transfer to ${chosen.name}` : 'Transfer'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
