import type {
  AgentStatus,
  CommonSDKResponse,
  SessionRef,
  StartOutboundCallResult,
  Tccc,
  TcccEventName,
  TcccListener,
} from '@tccc-kit/web-loader';
import { events } from './events.js';
import { failure, guarded, success } from './results.js';
import type { FakeSdk } from './sdk.js';

/**
 * Build the `window.tccc` object around the engine. The object is checked by the compiler
 * against the loader's `Tccc` type, the contract of this repository.
 */
export function createTccc(sdk: FakeSdk): Tccc {
  const act =
    (action: Parameters<FakeSdk['callAction']>[0], method: string) =>
    async (session: SessionRef): Promise<CommonSDKResponse> => {
      await sdk.callAction(action, session?.sessionId, method);
      return success();
    };
  const unsupported = (what: string) => async (): Promise<CommonSDKResponse> => {
    throw failure(`${what} is not supported by the mock TCCC (it has customer phone calls only).`);
  };
  const noSession = (method: string) => (session: SessionRef) =>
    guarded(async (): Promise<CommonSDKResponse> => {
      throw failure(`tccc.${method}: no such session "${String(session?.sessionId)}".`);
    });

  const tccc = {
    events,
    on<K extends TcccEventName>(event: K, listener: TcccListener<K>) {
      sdk.on(event, listener);
    },
    off<K extends TcccEventName>(event: K, listener: TcccListener<K>) {
      sdk.off(event, listener);
    },
    Call: {
      startOutboundCall: (options) =>
        sdk.startOutboundCall(options) as Promise<StartOutboundCallResult>,
      accept: act('accept', 'Call.accept'),
      hungUp: act('hangup', 'Call.hungUp'),
      muteMic: act('mute', 'Call.muteMic'),
      unmuteMic: act('unmute', 'Call.unmuteMic'),
      hold: act('hold', 'Call.hold'),
      unHold: act('unhold', 'Call.unHold'),
      async isMicMuted(session) {
        const call = sdk.view.call;
        await sdk.requireCall(session?.sessionId, 'Call.isMicMuted');
        return { ...success(), data: call?.muted === true };
      },
      deleteCall: (session) => sdk.deleteCall(session?.sessionId),
      sendDigits: async (options) => {
        await sdk.sendDigits(options?.sessionId, options?.dtmfText);
        return success();
      },
      transfer: async (options) => {
        const { skillGroupId, userId } = options ?? {};
        await sdk.transfer(options?.sessionId, {
          ...(skillGroupId === undefined ? {} : { skillGroupId: String(skillGroupId) }),
          ...(userId === undefined ? {} : { userId }),
        });
        return success();
      },
      startInternalCall: unsupported('Call.startInternalCall'),
    },
    Chat: {
      accept: noSession('Chat.accept'),
      end: noSession('Chat.end'),
      transfer: noSession('Chat.transfer'),
    },
    Video: {
      accept: noSession('Video.accept'),
      end: noSession('Video.end'),
      muteMic: noSession('Video.muteMic'),
      unmuteMic: noSession('Video.unmuteMic'),
      muteVideo: noSession('Video.muteVideo'),
      unmuteVideo: noSession('Video.unmuteVideo'),
      transfer: noSession('Video.transfer'),
    },
    Agent: {
      // Documented as void: a failure is reported on the console, not thrown.
      online: () => void sdk.setStatus({ status: 'free' }).catch(warn),
      // Documented as void; returns a Promise that settles once the seat is offline
      // [unconfirmed], so a caller may await it (the loader's unloadTccc does).
      offline: () => sdk.offline(),
      setStatus: (options) => sdk.setStatus(options),
      getStatus: (): AgentStatus => sdk.view.status ?? 'notReady',
    },
    Devices: {
      isBrowserSupported: () =>
        typeof RTCPeerConnection === 'function' &&
        typeof navigator.mediaDevices?.getUserMedia === 'function',
      getMicrophones: () => devices('audioinput'),
      getSpeakers: () => devices('audiooutput'),
    },
    UI: {
      show: () => sdk.ui.show(),
      hide: () => sdk.ui.hide(),
      showfloatButton: () => sdk.ui.showFloatButton(),
      hidefloatButton: () => sdk.ui.hideFloatButton(),
      showWorkbench: () => sdk.ui.showWorkbench(),
      hideWorkbench: () => sdk.ui.hideWorkbench(),
    },
  } satisfies Tccc;
  return tccc;
}

async function devices(kind: MediaDeviceKind): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === kind);
}

function warn(error: unknown): void {
  const message =
    typeof error === 'object' && error !== null && 'errorMsg' in error ? error.errorMsg : error;
  console.warn('[tccc fake SDK]', message);
}
