/**
 * What the console says about its link to TCCC, from the loader's connection state and this
 * tab's claim on the seat. One name per situation the agent must understand; `data-state` on
 * the page carries it for tests and support.
 */
import type { TcccConnectionState } from '@tccc-kit/web-loader/react';
import type { SeatState } from './useSeat.js';

export type ConnectionPhase =
  /** Signed in, SDK not loaded: Connect. */
  | 'signed-in'
  | 'connecting'
  | 'ready'
  /** The SDK lost its event stream and is reconnecting by itself; calls are not reaching us. */
  | 'reconnecting'
  /** TCCC ended the session (stream lost too long): the console loads the SDK again. */
  | 'expired'
  /** A newer login of the seat (another device) took it. */
  | 'taken-over'
  /** Another tab of this agent holds the seat. */
  | 'elsewhere'
  /** This tab gave the seat to another tab. */
  | 'moved'
  | 'error';

export function connectionPhase(connection: TcccConnectionState, seat: SeatState): ConnectionPhase {
  switch (connection.status) {
    case 'connecting':
      return 'connecting';
    case 'ready':
      return 'ready';
    case 'failed':
      return 'error';
    case 'disconnected':
      if (connection.reason === 'connectionLost') return 'reconnecting';
      if (connection.reason === 'takenOver') return 'taken-over';
      if (connection.reason === 'expired') return 'expired';
      return seat === 'moved' ? 'moved' : 'signed-in';
    case 'idle':
      if (seat === 'elsewhere' || seat === 'taking-over') return 'elsewhere';
      if (seat === 'moved') return 'moved';
      return 'signed-in';
  }
}

/** The words for each phase, for the header and the screen reader. */
export const PHASE_TEXT: Record<ConnectionPhase, string> = {
  'signed-in': 'Not connected',
  connecting: 'Connecting…',
  ready: 'Connected',
  reconnecting: 'Connection lost: reconnecting',
  expired: 'Session ended: reconnecting',
  'taken-over': 'Signed in elsewhere',
  elsewhere: 'Active in another tab',
  moved: 'Moved to another tab',
  error: 'Not connected: error',
};
