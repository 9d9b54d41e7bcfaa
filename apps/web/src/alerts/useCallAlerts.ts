/** Rings while a call is offered; flashes the title and notifies while the tab is hidden. */
import { useEffect, useState } from 'react';
import type { Call } from '../desk/desk-state.js';
import { usePageHidden } from '../hooks.js';
import { callForAttention } from './attention.js';
import { startRingtone } from './ringtone.js';

/** Returns whether the ringtone is audible (false when the browser blocked sound). */
export function useCallAlerts(call: Call | null): { ringing: boolean; audible: boolean } {
  const hidden = usePageHidden();
  const sessionId = call?.stage === 'ringing' ? call.sessionId : undefined;
  const peer = call?.peer ?? '';
  const [audible, setAudible] = useState(false);

  useEffect(() => {
    if (sessionId === undefined) return;
    const tone = startRingtone();
    setAudible(tone.audible);
    return () => {
      tone.stop();
      setAudible(false);
    };
  }, [sessionId]);

  useEffect(() => {
    if (sessionId === undefined || !hidden) return;
    return callForAttention({ sessionId, peer });
  }, [sessionId, peer, hidden]);

  return { ringing: sessionId !== undefined, audible };
}
