/**
 * The agent's status as a menu button (Radix DropdownMenu: arrow keys, type-ahead, Escape,
 * focus back on the button). The button shows the status and the time in it; picking an
 * item applies it at once. Items that cannot be chosen now stay visible, disabled, with the
 * reason in their text, so the agent learns why rather than wondering where they went.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { AgentStatus, SettableAgentStatus, Tccc } from '@tccc-kit/web-loader';
import { useState } from 'react';
import { formatAgentStatus, formatDuration, spokenDuration } from '../format.js';
import { useNow } from '../hooks.js';
import { runSdkAction } from '../sdk-actions.js';
import { useNotify } from './Toasts.js';

interface Choice {
  status: SettableAgentStatus;
  restReason?: string;
  label: string;
  hint: string;
}

/** Break reasons are the team's own words; TCCC passes them through as `restReason`. */
const CHOICES: readonly Choice[] = [
  { status: 'free', label: 'Free', hint: 'Take calls' },
  { status: 'rest', restReason: 'Short break', label: 'Break: short break', hint: 'No calls' },
  { status: 'rest', restReason: 'Lunch', label: 'Break: lunch', hint: 'No calls' },
  { status: 'rest', restReason: 'Training', label: 'Break: training', hint: 'No calls' },
  { status: 'arrange', label: 'After-call work', hint: 'Finish notes, no calls' },
  { status: 'notReady', label: 'Not ready', hint: 'No incoming calls; you can call out' },
];

export function StatusMenu(props: {
  tccc: Tccc;
  status: AgentStatus | null;
  since: number;
  onCall: boolean;
}) {
  const notify = useNotify();
  const now = useNow();
  const [restReason, setRestReason] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const seconds = (now - props.since) / 1000;
  const label =
    props.status === 'rest' && restReason
      ? `On a break: ${restReason.toLowerCase()}`
      : formatAgentStatus(props.status);

  const why = (choice: Choice): string | undefined => {
    if (props.onCall) return 'Not during a call';
    if (
      choice.status === props.status &&
      (choice.status !== 'rest' || choice.restReason === restReason)
    ) {
      return 'Your status now';
    }
    return undefined;
  };

  const choose = async (choice: Choice) => {
    setPending(true);
    const outcome = await runSdkAction('change your status', () =>
      props.tccc.Agent.setStatus({
        status: choice.status,
        ...(choice.restReason ? { restReason: choice.restReason } : {}),
      }),
    );
    setPending(false);
    if (outcome.ok) setRestReason(choice.restReason);
    else notify({ title: 'Status not changed', description: outcome.message, tone: 'error' });
  };

  return (
    // Not modal: a modal menu hides the rest of the page with aria-hidden while the focused
    // trigger sits inside it, which axe rightly flags (aria-hidden-focus).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="status-button"
        data-testid="agent-status"
        data-status={props.status ?? 'unknown'}
        aria-label={`Your status: ${label}, for ${spokenDuration(seconds)}. Change status`}
        aria-busy={pending}
      >
        <span className="dot" aria-hidden="true" />
        <span className="status-label">{label}</span>
        <span className="status-time" aria-hidden="true">
          {formatDuration(seconds)}
        </span>
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="center" sideOffset={6}>
          <DropdownMenu.Label className="menu-label">Set your status</DropdownMenu.Label>
          {CHOICES.map((choice) => {
            const reason = why(choice);
            return (
              <DropdownMenu.Item
                key={choice.label}
                className="menu-item"
                data-status={choice.status}
                disabled={reason !== undefined}
                onSelect={() => void choose(choice)}
              >
                <span className="dot" data-status={choice.status} aria-hidden="true" />
                <span className="menu-item-text">
                  {choice.label}
                  <small>{reason ?? choice.hint}</small>
                </span>
              </DropdownMenu.Item>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
