/**
 * The agent's recent calls from the server's call records (`GET /api/calls`), refreshed by
 * polling with the last ETag (an unchanged list is a bodyless 304) and right after a call
 * ends here. Hidden on a server that keeps no call records.
 */
import { useEffect, useRef, useState } from 'react';
import { type CallSummary, fetchRecentCalls } from '../api/calls.js';
import { consoleConfig } from '../config.js';
import { formatDuration } from '../format.js';

export function RecentCalls(props: { lastEndedAt: number | undefined }) {
  const [calls, setCalls] = useState<CallSummary[] | null>(null);
  const [available, setAvailable] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const etag = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    const abort = new AbortController();
    const poll = async () => {
      try {
        const answer = await fetchRecentCalls(etag.current, 10, abort.signal);
        if (!live) return;
        setProblem(null);
        if (answer.kind === 'unavailable') setAvailable(false);
        if (answer.kind === 'changed') {
          etag.current = answer.etag;
          setCalls(answer.calls);
        }
      } catch (error) {
        if (live) setProblem(error instanceof Error ? error.message : String(error));
      }
    };
    void poll();
    const timer = setInterval(poll, consoleConfig.recentCallsPollMs);
    return () => {
      live = false;
      abort.abort();
      clearInterval(timer);
    };
  }, [props.lastEndedAt]); // a call that just ended refreshes the list at once

  if (!available) return null;
  return (
    <section className="card recent" aria-labelledby="recent-title" data-testid="recent-calls">
      <h2 id="recent-title">Recent calls</h2>
      {problem && <p className="muted">{problem}</p>}
      {calls === null && !problem && <p className="muted">Loading…</p>}
      {calls?.length === 0 && <p className="muted">No calls yet today.</p>}
      {calls && calls.length > 0 && (
        <ol className="recent-list">
          {calls.map((call) => (
            <li key={call.sessionId} data-answered={call.endStatus?.answered ?? false}>
              <span className="recent-direction">
                <span aria-hidden="true">{call.direction === 'outbound' ? '↗' : '↙'}</span>
                <span className="visually-hidden">{call.direction}</span>
              </span>
              <span className="recent-party">{call.otherParty ?? 'unknown number'}</span>
              <span className="recent-status">{call.endStatus?.text ?? 'Unknown outcome'}</span>
              <span className="recent-meta">
                {call.startedAt
                  ? new Date(call.startedAt).toLocaleTimeString([], {
                      hour: '2-digit',
                      minute: '2-digit',
                    })
                  : ''}
                {call.durationSeconds ? ` · ${formatDuration(call.durationSeconds)}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
