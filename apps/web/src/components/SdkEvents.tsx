/**
 * Subscribes to every SDK event, documented and extension, through the loader's
 * `useTcccEvent`, and hands each to `onEvent`. Rendered from the start of the desk, before
 * Connect, so no event is missed; subscriptions carry over to the SDK of every reconnect.
 */
import type { TcccEventName } from '@tccc-kit/web-loader';
import { useTcccEvent } from '@tccc-kit/web-loader/react';

export const SDK_EVENT_NAMES: readonly TcccEventName[] = [
  'ready',
  'tokenExpired',
  'callIn',
  'userAccessed',
  'autoTransfer',
  'sessionEnded',
  'callOuted',
  'calloutAccepted',
  'transfer',
  'statusChanged',
  'connectionLost',
  'connectionRestored',
  'loggedOut',
];

export type SdkEventHandler = (name: TcccEventName, payload: unknown) => void;

function Subscription({ name, onEvent }: { name: TcccEventName; onEvent: SdkEventHandler }) {
  useTcccEvent(name, (payload) => onEvent(name, payload));
  return null;
}

export function SdkEvents({ onEvent }: { onEvent: SdkEventHandler }) {
  return SDK_EVENT_NAMES.map((name) => <Subscription key={name} name={name} onEvent={onEvent} />);
}
