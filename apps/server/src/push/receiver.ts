/**
 * POST /tccc/push?action=cdr&version=1 (also `action=record`, `action=voicemail`): TCCC's
 * Data Push, server to server (tccc-reference.md §6).
 *
 * In order: authenticate (auth.ts); check the action and version; require a JSON body
 * (the body limit has already run); validate it strictly against its structure
 * (records/cdr-schema.ts); store it with its X-TCCC-PUSH-UUID receipt in one transaction;
 * and only then answer `{"ErrCode":0,"ErrMsg":""}`. Every failure answers a non-zero
 * ErrCode (errors.ts), so TCCC pushes again; a UUID stored before is answered as a success
 * without storing anything (a retry whose first answer was lost).
 */
import type { Context } from 'hono';
import type { Logger } from '../log/logger.js';
import type { Cdr } from '../records/cdr.js';
import {
  CDR_PUSH,
  type ObjectSchema,
  RECORDING_PUSH,
  VOICEMAIL_PUSH,
} from '../records/cdr-schema.js';
import type {
  CallRecordStore,
  PushAction,
  PushReceipt,
  RecordingPush,
  SaveOutcome,
  VoicemailPush,
} from '../records/store.js';
import { validateRecord } from '../records/validate.js';
import type { PushAuth } from './auth.js';
import { PUSH_ACCEPTED, PushError } from './errors.js';

export interface StoredPush {
  action: PushAction;
  sessionId: string;
  outcome: SaveOutcome;
}

export interface ReceiverDeps {
  store: CallRecordStore;
  auth: PushAuth;
  /** The app's SdkAppId: a push that names another app is refused. */
  sdkAppId?: number | undefined;
  logger: Logger;
  /** Told after each push is stored (and before it is acknowledged). */
  onStored?: ((push: StoredPush) => void) | undefined;
}

const SCHEMAS: Record<PushAction, ObjectSchema> = {
  cdr: CDR_PUSH,
  record: RECORDING_PUSH,
  voicemail: VOICEMAIL_PUSH,
};
const ACTIONS = Object.keys(SCHEMAS) as PushAction[];
/** X-TCCC-PUSH-UUID: a UUID in practice; any short token of these characters is taken. */
const PUSH_UUID = /^[A-Za-z0-9._:-]{1,128}$/;

function readAction(c: Context): PushAction {
  const actions = c.req.queries('action') ?? [];
  const action = actions[0];
  if (actions.length !== 1 || !ACTIONS.includes(action as PushAction)) {
    throw new PushError(
      'push_invalid_request',
      `The query must name one action: ${ACTIONS.map((a) => `action=${a}`).join(', ')} (got ${
        actions.length === 0 ? 'none' : JSON.stringify(actions.join(',').slice(0, 40))
      }). Set the push URL in the TCCC console to .../tccc/push?action=cdr&version=1.`,
    );
  }
  const versions = c.req.queries('version') ?? [];
  if (versions.length > 1 || (versions.length === 1 && versions[0] !== '1')) {
    throw new PushError(
      'push_invalid_request',
      `This receiver understands version=1 of the push format (got ${JSON.stringify(versions.join(',').slice(0, 20))}).`,
    );
  }
  return action as PushAction;
}

function checkJson(contentType: string | undefined) {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';');
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  // TCCC sends `application/json;charset=utf8` (sic).
  if (
    mediaType.trim().toLowerCase() !== 'application/json' ||
    (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
  ) {
    throw new PushError(
      'push_unsupported_media_type',
      `Send the record as Content-Type: application/json in UTF-8 (got ${
        contentType ? JSON.stringify(contentType.slice(0, 60)) : 'no Content-Type'
      }).`,
    );
  }
}

function readReceipt(c: Context, action: PushAction): PushReceipt | undefined {
  const uuid = c.req.header('x-tccc-push-uuid');
  if (uuid === undefined) return undefined;
  if (!PUSH_UUID.test(uuid)) {
    throw new PushError(
      'push_invalid_request',
      'X-TCCC-PUSH-UUID must be 1 to 128 letters, digits, dots, colons, dashes or underscores.',
    );
  }
  return { uuid, action };
}

export function receiverHandler(deps: ReceiverDeps) {
  return async (c: Context) => {
    const verdict = deps.auth.check(c.req.header('authorization'));
    if (!verdict.ok) {
      if (verdict.reason === 'not_configured') {
        throw new PushError(
          'push_auth_not_configured',
          'Set TCCC_PUSH_BASIC_USER and TCCC_PUSH_BASIC_PASSWORD, or TCCC_PUSH_OAUTH_CLIENT_ID ' +
            'and TCCC_PUSH_OAUTH_CLIENT_SECRET (or TCCC_PUSH_AUTH=none deliberately) to accept pushes.',
        );
      }
      throw new PushError('push_unauthorized', verdict.detail, {
        headers: { 'WWW-Authenticate': verdict.challenges.join(', ') },
      });
    }
    const action = readAction(c);
    const receipt = readReceipt(c, action);
    checkJson(c.req.header('content-type'));
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new PushError('push_invalid_body', 'The body is not valid JSON.');
    }
    const checked = validateRecord<Cdr | RecordingPush | VoicemailPush>(body, SCHEMAS[action]);
    if (!checked.ok) {
      throw new PushError('push_invalid_body', `${checked.problems.join('; ')}.`);
    }
    const record = checked.value;
    if (
      deps.sdkAppId !== undefined &&
      record.SdkAppId !== undefined &&
      record.SdkAppId !== deps.sdkAppId
    ) {
      throw new PushError(
        'push_invalid_body',
        `SdkAppId ${record.SdkAppId} is not this server's TCCC app (${deps.sdkAppId}): point that app's Data Push at its own receiver.`,
      );
    }

    let outcome: SaveOutcome;
    try {
      outcome =
        action === 'cdr'
          ? await deps.store.saveCdr(record as Cdr, { source: 'push', receipt })
          : action === 'record'
            ? await deps.store.saveRecording(record as RecordingPush, { receipt })
            : await deps.store.saveVoicemail(record as VoicemailPush, { receipt });
    } catch (error) {
      deps.logger.error(
        { event: 'tccc.push.store_failed', action, sessionId: record.SessionId, err: error },
        'a pushed record could not be stored; TCCC will push it again',
      );
      throw new PushError(
        'push_store_failed',
        'The record store failed; push again later (nothing was acknowledged).',
        { headers: { 'Retry-After': '5' } },
      );
    }
    deps.logger.info(
      {
        event: 'tccc.push.stored',
        action,
        sessionId: record.SessionId,
        pushUuid: receipt?.uuid,
        outcome,
        principal: verdict.principal,
        ...(checked.unknownMembers.length > 0
          ? { unknownMembers: checked.unknownMembers.slice(0, 20) }
          : {}),
      },
      outcome === 'duplicate' ? 'push repeated; already stored' : `push stored (${outcome})`,
    );
    deps.onStored?.({ action, sessionId: record.SessionId, outcome });
    return c.json(PUSH_ACCEPTED);
  };
}
