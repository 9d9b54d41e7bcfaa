/**
 * For developers: every SDK event with its payload, newest last, in a collapsible panel
 * (Radix Collapsible), closed by default so agents never see raw JSON unless they ask.
 */
import * as Collapsible from '@radix-ui/react-collapsible';
import { useState } from 'react';
import { formatPayload, formatTime } from '../format.js';

export interface LogEntry {
  at: number;
  name: string;
  payload: unknown;
}

export function DevPanel(props: { entries: LogEntry[]; onClear: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Collapsible.Root open={open} onOpenChange={setOpen} className="card dev-panel">
      <div className="dev-head">
        <Collapsible.Trigger className="quiet" data-testid="dev-panel-toggle">
          {open ? 'Hide' : 'Show'} SDK events ({props.entries.length})
        </Collapsible.Trigger>
        {open && (
          <button type="button" className="quiet" onClick={props.onClear} data-testid="clear-log">
            Clear
          </button>
        )}
      </div>
      <Collapsible.Content forceMount hidden={!open}>
        <ol className="event-log" aria-label="SDK events" data-testid="event-log">
          {props.entries.map((entry, i) => (
            <li key={`${entry.at}-${i}`} data-event={entry.name}>
              <time>{formatTime(new Date(entry.at))}</time> <strong>{entry.name}</strong>{' '}
              <code>{formatPayload(entry.payload)}</code>
            </li>
          ))}
        </ol>
      </Collapsible.Content>
    </Collapsible.Root>
  );
}
