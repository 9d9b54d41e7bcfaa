/** Small React hooks the console's components share. */
import { useEffect, useState } from 'react';

/** `Date.now()`, refreshed every `intervalMs` while `active` (for timers on screen). */
export function useNow(active = true, intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}

/** Whether the page is hidden (another tab in front, window minimised). */
export function usePageHidden(): boolean {
  const [hidden, setHidden] = useState(() => document.hidden);
  useEffect(() => {
    const update = () => setHidden(document.hidden);
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return hidden;
}

/**
 * A callback ref that focuses its element when the element appears: the next action of a
 * screen that just replaced another. (A callback ref, not an effect: the component around it
 * may stay mounted while the button it renders is a new one.)
 */
export function focusOnAppear(element: HTMLElement | null): void {
  element?.focus();
}
