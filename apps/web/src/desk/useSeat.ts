/**
 * This tab's claim on the agent's seat (seat/seat-lock.ts) as React state:
 *
 *   free        nobody here has claimed it yet (before the first Connect)
 *   held        this tab holds it: it may load the SDK
 *   elsewhere   another tab of this agent holds it ("Use here" asks it to let go)
 *   moved       this tab let another tab have it
 *   taking-over "Use here" is waiting for the other tab
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { consoleConfig } from '../config.js';
import { SeatLock } from '../seat/seat-lock.js';

export type SeatState = 'free' | 'held' | 'elsewhere' | 'moved' | 'taking-over';

export function useSeat(
  agent: string,
  handlers: {
    /** Another tab wants the seat: unload seat-safely and resolve true, or false to refuse. */
    onTakeOverRequested: () => Promise<boolean>;
    onLost: () => void;
  },
) {
  const [state, setState] = useState<SeatState>('free');
  const lock = useRef<SeatLock | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const seat = new SeatLock(agent, {
      takeOverTimeoutMs: consoleConfig.takeOverTimeoutMs,
      onTakeOverRequested: async () => {
        const letGo = await latest.current.onTakeOverRequested();
        if (letGo) setState('moved');
        return letGo;
      },
      onLost: () => {
        setState('moved');
        latest.current.onLost();
      },
    });
    lock.current = seat;
    return () => {
      seat.close();
      if (lock.current === seat) lock.current = null;
    };
  }, [agent]);

  /** Claims the seat if no other tab has it; true when this tab may load the SDK. */
  const claim = useCallback(async () => {
    const held = (await lock.current?.claim()) ?? false;
    setState(held ? 'held' : 'elsewhere');
    return held;
  }, []);

  /** "Use here": resolves `held`, `refused-in-call` or `failed`. */
  const takeOver = useCallback(async () => {
    const seat = lock.current;
    if (!seat) return 'failed' as const;
    setState('taking-over');
    const outcome = await seat.takeOver();
    setState(outcome === 'held' ? 'held' : 'elsewhere');
    return outcome;
  }, []);

  const release = useCallback(() => {
    lock.current?.release();
    setState('free');
  }, []);

  return { state, claim, takeOver, release };
}
