import { type Tccc, TcccLoadError } from '@tccc-kit/web-loader';
import type { TcccConnectionState } from '@tccc-kit/web-loader/react';
import { describe, expect, it } from 'vitest';
import { connectionPhase } from './connection-phase.js';

const tccc = {} as Tccc;

describe('connectionPhase', () => {
  it('follows the loader through connecting, ready and failed', () => {
    expect(connectionPhase({ status: 'idle' }, 'free')).toBe('signed-in');
    expect(connectionPhase({ status: 'connecting' }, 'held')).toBe('connecting');
    expect(connectionPhase({ status: 'ready', tccc }, 'held')).toBe('ready');
    const failed: TcccConnectionState = {
      status: 'failed',
      error: new TcccLoadError('timeout', 'SDK not ready'),
    };
    expect(connectionPhase(failed, 'held')).toBe('error');
  });

  it('tells a lost stream (the SDK recovers) from a session TCCC ended or another login took', () => {
    expect(
      connectionPhase(
        { status: 'disconnected', reason: 'connectionLost', detail: 'stream closed', tccc },
        'held',
      ),
    ).toBe('reconnecting');
    expect(connectionPhase({ status: 'disconnected', reason: 'expired' }, 'held')).toBe('expired');
    expect(connectionPhase({ status: 'disconnected', reason: 'takenOver' }, 'held')).toBe(
      'taken-over',
    );
  });

  it('says where the seat is when this tab does not hold it', () => {
    expect(connectionPhase({ status: 'idle' }, 'elsewhere')).toBe('elsewhere');
    expect(connectionPhase({ status: 'idle' }, 'taking-over')).toBe('elsewhere');
    expect(connectionPhase({ status: 'idle' }, 'moved')).toBe('moved');
    expect(connectionPhase({ status: 'disconnected', reason: 'offline' }, 'moved')).toBe('moved');
    expect(connectionPhase({ status: 'disconnected', reason: 'offline' }, 'free')).toBe(
      'signed-in',
    );
  });
});
