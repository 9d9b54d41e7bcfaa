/**
 * The screen pop: who the customer on the line is, from the server's `lookupCaller` hook
 * (`GET /api/callers/:phone`), asked as soon as a call rings or is placed.
 */
import { useEffect, useState } from 'react';
import { type Caller, lookupCaller } from '../api/console-api.js';

type Lookup =
  | { phone: string; kind: 'loading' }
  | { phone: string; kind: 'found'; caller: Caller }
  | { phone: string; kind: 'unknown' }
  | { phone: string; kind: 'failed'; message: string };

export function CustomerCard(props: {
  phone: string;
  active: boolean;
  direction: 'inbound' | 'outbound';
}) {
  const [lookup, setLookup] = useState<Lookup>({ phone: props.phone, kind: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    setLookup({ phone: props.phone, kind: 'loading' });
    lookupCaller(props.phone, abort.signal).then(
      (caller) =>
        setLookup(
          caller
            ? { phone: props.phone, kind: 'found', caller }
            : { phone: props.phone, kind: 'unknown' },
        ),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setLookup({
          phone: props.phone,
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => abort.abort();
  }, [props.phone]);

  return (
    <section
      className="card customer"
      aria-labelledby="customer-title"
      aria-busy={lookup.kind === 'loading'}
      data-testid="customer"
      data-lookup={lookup.kind}
    >
      <h2 id="customer-title">{props.direction === 'inbound' ? 'Caller' : 'Customer'}</h2>
      {lookup.kind === 'loading' && <p className="muted">Looking up {props.phone}…</p>}
      {lookup.kind === 'unknown' && <p className="muted">No customer record for {props.phone}.</p>}
      {lookup.kind === 'failed' && <p className="muted">{lookup.message}</p>}
      {lookup.kind === 'found' && (
        <>
          <p className="customer-name" data-testid="customer-name">
            {lookup.caller.name}
            {lookup.caller.tier && <span className="tier">{lookup.caller.tier}</span>}
          </p>
          <dl className="facts">
            {lookup.caller.company && (
              <div>
                <dt>Company</dt>
                <dd>{lookup.caller.company}</dd>
              </div>
            )}
            <div>
              <dt>Number</dt>
              <dd>{props.phone}</dd>
            </div>
            {lookup.caller.lastContact && (
              <div>
                <dt>Last contact</dt>
                <dd>{lookup.caller.lastContact}</dd>
              </div>
            )}
          </dl>
          {lookup.caller.note && <p className="note">{lookup.caller.note}</p>}
        </>
      )}
    </section>
  );
}
