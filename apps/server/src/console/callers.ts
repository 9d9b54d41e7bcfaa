/**
 * Customer context for the console's screen pop: `lookupCaller(phone)` says who is on the
 * line. This is the hook a team replaces with their CRM (Salesforce, HubSpot, their own
 * database); the demo directory below is a handful of made-up customers so the console has
 * something to show on the mock.
 *
 * Phone numbers arrive as TCCC writes them (`008613900139000`, `+8613900139000`,
 * `13900139000`); `phoneKey` reduces each to its national digits so every form finds the
 * same customer.
 */

export interface Caller {
  /** The customer's name as the agent should greet them. */
  name: string;
  /** Company or account, when a business customer. */
  company?: string;
  /** Service level, e.g. `Gold`: what the agent owes this customer. */
  tier?: string;
  /** One or two lines the previous agent left (open ticket, preferences). */
  note?: string;
  /** ISO-8601 date of the last contact, when known. */
  lastContact?: string;
}

/** Who is calling from (or being called at) `phone`; `undefined` when nobody is known. */
export type LookupCaller = (phone: string, signal?: AbortSignal) => Promise<Caller | undefined>;

/**
 * National digits of a phone number: separators dropped, an international prefix (`00` or
 * `+`) with the country code 86 removed, and a trunk `0`, so that the forms TCCC uses match.
 * [unconfirmed] Only China's code is stripped: the demo's numbers are Chinese.
 */
export function phoneKey(phone: string): string {
  let digits = phone.replace(/[^\d+]/g, '');
  const international = /^(\+|00)/.exec(digits);
  if (international) {
    digits = digits.slice(international[0].length);
    if (digits.startsWith('86')) digits = digits.slice(2);
  }
  // The national trunk prefix of landlines (0755...) is not part of the number.
  return digits.replace(/^0/, '');
}

/** A lookup over a fixed list, keyed by {@link phoneKey}. */
export function createCallerDirectory(entries: Record<string, Caller>): LookupCaller {
  const byKey = new Map(
    Object.entries(entries).map(([phone, caller]) => [phoneKey(phone), caller]),
  );
  return async (phone) => byKey.get(phoneKey(phone));
}

/** Made-up customers for the demo on the mock TCCC (the numbers the README and tests use). */
export const DEMO_CALLERS: Record<string, Caller> = {
  '13900139000': {
    name: 'Li Na',
    company: 'Harbour Logistics',
    tier: 'Gold',
    note: 'Open ticket #4521: a delayed container in Shenzhen. Prefers English.',
    lastContact: '2026-11-24',
  },
  '13800138001': {
    name: 'Wang Wei',
    tier: 'Standard',
    note: 'Asked for a callback about invoice INV-2211.',
    lastContact: '2026-11-28',
  },
  '13700137000': {
    name: 'Chen Jie',
    company: 'Chen & Partners',
    tier: 'Platinum',
    note: 'Renewal due on 15 December.',
  },
};
