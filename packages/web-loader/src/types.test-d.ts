// Type-level tests of the SDK typings, checked by `tsc --noEmit` (pnpm typecheck).
// Each `@ts-expect-error` fails the build if the line below it starts compiling.
import { expectTypeOf } from 'vitest';
import type {
  AgentStatus,
  CallInEvent,
  CommonSDKResponse,
  ConnectionLostEvent,
  LoggedOutReason,
  SessionEndedEvent,
  StartOutboundCallResult,
  Tccc,
  TokenExpiredEvent,
} from './index.js';

declare const tccc: Tccc;

// Event names and `tccc.events` values are the same strings.
expectTypeOf(tccc.events.callIn).toEqualTypeOf<'callIn'>();
expectTypeOf(tccc.events.sessionEnded).toEqualTypeOf<'sessionEnded'>();
// @ts-expect-error there is no event named callEnded (it is sessionEnded)
tccc.events.callEnded;
// @ts-expect-error events are read-only
tccc.events.ready = 'ready';

// Payloads are typed by event name, by string or by `tccc.events`.
tccc.on('callIn', (e) => expectTypeOf(e).toEqualTypeOf<CallInEvent>());
tccc.on(tccc.events.callIn, (e) => expectTypeOf(e.sessionId).toBeString());
tccc.on('tokenExpired', (e) => expectTypeOf(e).toEqualTypeOf<TokenExpiredEvent>());
tccc.on('ready', () => {});
tccc.on('sessionEnded', (e) => {
  expectTypeOf(e).toEqualTypeOf<SessionEndedEvent>();
  expectTypeOf(e.closeBy).toEqualTypeOf<'client' | 'seat' | 'admin' | 'timer'>();
  expectTypeOf(e.mainReason).toEqualTypeOf<string | undefined>();
});
tccc.on('statusChanged', (e) => expectTypeOf(e.status).toEqualTypeOf<AgentStatus | undefined>());
tccc.on('callOuted', (e) => expectTypeOf(e.callerPhoneNumber).toBeString());
tccc.on('transfer', (e) => expectTypeOf(e.skillGroupId).toEqualTypeOf<string | undefined>());
// @ts-expect-error a wrong field on a payload does not compile
tccc.on('callIn', (e) => e.sessionID);
// @ts-expect-error tokenExpired carries a message, not a code
tccc.on(tccc.events.tokenExpired, (e) => e.code);
// @ts-expect-error unknown event names are refused
tccc.on('callOut', () => {});
const onEnded = (e: SessionEndedEvent) => e.sessionId;
tccc.off('sessionEnded', onEnded);
// @ts-expect-error a listener of one event cannot be removed from another
tccc.off('callIn', onEnded);

// callIn is discriminated by `type`.
tccc.on('callIn', (e) => {
  expectTypeOf(e.type).toEqualTypeOf<'phone' | 'im' | 'voip' | 'video' | 'internal'>();
  // @ts-expect-error calleePhoneNumber exists only on phone offers
  e.calleePhoneNumber;
  if (e.type === 'phone') {
    expectTypeOf(e.calleePhoneNumber).toBeString();
    expectTypeOf(e.serverType).toEqualTypeOf<
      'staffSeat' | 'staffPhoneSeat' | 'staffExtensionSeat'
    >();
  } else if (e.type === 'im') {
    expectTypeOf(e.nickname).toBeString();
  } else if (e.type === 'voip') {
    expectTypeOf(e.userId).toBeString();
  } else if (e.type === 'internal') {
    expectTypeOf(e.peerUserId).toBeString();
  }
});

// The fake SDK's extension events [unconfirmed]: subscribed by name, typed like the others,
// and not among `tccc.events` (the real SDK has no such keys).
tccc.on('connectionLost', (e) => {
  expectTypeOf(e).toEqualTypeOf<ConnectionLostEvent>();
  expectTypeOf(e.reason).toBeString();
});
tccc.on('connectionRestored', (e) => expectTypeOf(e).toEqualTypeOf<Record<string, never>>());
tccc.on('loggedOut', (e) => {
  expectTypeOf(e.reason).toEqualTypeOf<LoggedOutReason>();
  expectTypeOf(e.reason).toEqualTypeOf<'offline' | 'takenOver' | 'expired'>();
});
// @ts-expect-error loggedOut carries a reason, not a message
tccc.on('loggedOut', (e) => e.message);
// @ts-expect-error the extension events are not keys of tccc.events
tccc.events.connectionLost;

// Methods.
expectTypeOf(tccc.Call.startOutboundCall({ phoneNumber: '008613800000000' })).toEqualTypeOf<
  Promise<StartOutboundCallResult>
>();
void tccc.Call.startOutboundCall({ phoneNumber: '1' }).then((r) => r.data.sessionId);
// @ts-expect-error phoneNumber is required
void tccc.Call.startOutboundCall({ phoneDesc: 'x' });
expectTypeOf(tccc.Call.hungUp({ sessionId: 's' })).toEqualTypeOf<Promise<CommonSDKResponse>>();
// @ts-expect-error the SDK spells it hungUp
tccc.Call.hangUp({ sessionId: 's' });
expectTypeOf(tccc.Call.sendDigits).parameter(0).toEqualTypeOf<{
  sessionId: string;
  dtmfText?: string;
}>();
expectTypeOf(tccc.Agent.getStatus()).toEqualTypeOf<AgentStatus>();
// [unconfirmed] void as documented, or the fake SDK's Promise: callers must handle both.
expectTypeOf(tccc.Agent.offline()).toEqualTypeOf<
  ReturnType<() => void> | Promise<CommonSDKResponse>
>();
// @ts-expect-error offline() may return nothing: it cannot be awaited into a response blindly
void tccc.Agent.offline().then(() => {});
void tccc.Agent.setStatus({ status: 'rest', restReason: 'lunch' });
// @ts-expect-error busy is a status the SDK sets, not one the agent can choose
void tccc.Agent.setStatus({ status: 'busy' });
expectTypeOf(tccc.Devices.getMicrophones()).toEqualTypeOf<Promise<MediaDeviceInfo[]>>();
expectTypeOf(tccc.UI.showfloatButton).returns.toBeVoid();
expectTypeOf(tccc.Video.muteVideo).returns.toEqualTypeOf<Promise<CommonSDKResponse>>();
expectTypeOf(tccc.Chat.end).parameter(0).toEqualTypeOf<{ sessionId: string }>();

// The global is declared, and optional.
expectTypeOf<Window['tccc']>().toEqualTypeOf<Tccc | undefined>();
expectTypeOf<Parameters<typeof tccc.on<'ready'>>[1]>().toEqualTypeOf<(event: undefined) => void>();
