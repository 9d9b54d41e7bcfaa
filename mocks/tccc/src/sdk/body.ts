import {
  type IvrStep,
  type OutboundCallRequest,
  type SetStatusRequest,
  settableStatuses,
  type TransferRequest,
} from '@tccc-kit/fake-sdk';
import { excerpt, quote } from '../quote.js';
import { CALLEE_FAILURES, type CalleeFailure } from './end-status.js';
import { SdkError } from './errors.js';
import type { InboundCallRequest } from './routing.js';

type Json = Record<string, unknown>;

/** Parse a JSON object body, or throw a 400 SdkError saying what is wrong. */
export async function readJsonObject(request: Request): Promise<Json> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SdkError(400, 'BadRequest', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SdkError(400, 'BadRequest', 'The request body must be a JSON object.');
  }
  return value as Json;
}

function optionalString(body: Json, key: string, max = 256): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max) {
    throw new SdkError(400, 'BadRequest', `${key} must be a string of at most ${max} characters.`);
  }
  return value;
}

function requiredString(body: Json, key: string, hint: string): string {
  const value = optionalString(body, key);
  if (!value || value.trim() === '') {
    throw new SdkError(400, 'BadRequest', `${key} is required: ${hint}.`);
  }
  return value;
}

const phonePattern = /^\+?[0-9*#-]{3,32}$/;

function phone(body: Json, key: string, required: boolean): string | undefined {
  const value = required
    ? requiredString(body, key, 'the number to dial, digits only (e.g. "13800138000")')
    : optionalString(body, key);
  if (value !== undefined && !phonePattern.test(value)) {
    throw new SdkError(
      400,
      'BadRequest',
      `${key} must be a phone number: 3 to 32 digits, optionally starting with "+".`,
    );
  }
  return value;
}

export function parseOutboundCall(body: Json): OutboundCallRequest {
  const request: OutboundCallRequest = { phoneNumber: phone(body, 'phoneNumber', true) as string };
  const callerPhoneNumber = phone(body, 'callerPhoneNumber', false);
  if (callerPhoneNumber) request.callerPhoneNumber = callerPhoneNumber;
  for (const key of ['phoneDesc', 'uui', 'skillGroupId'] as const) {
    const value = optionalString(body, key, 1024);
    if (value !== undefined) request[key] = value;
  }
  return request;
}

export function parseSetStatus(body: Json): SetStatusRequest {
  const status = body.status;
  const allowed: readonly string[] = settableStatuses;
  if (typeof status !== 'string' || !allowed.includes(status)) {
    throw new SdkError(
      400,
      'BadRequest',
      `status must be one of ${allowed.join(', ')} (got ${quote(status)}).`,
    );
  }
  const restReason = optionalString(body, 'restReason');
  return {
    status: status as SetStatusRequest['status'],
    ...(restReason ? { restReason } : {}),
  };
}

export function parseEndSession(body: Json): string {
  return requiredString(body, 'credential', 'the credential the login answered');
}

export function parseDtmf(body: Json): string {
  const dtmfText = optionalString(body, 'dtmfText', 64);
  if (!dtmfText || !/^[0-9*#]+$/.test(dtmfText)) {
    throw new SdkError(400, 'BadRequest', 'dtmfText must be 1 to 64 DTMF digits: 0-9, * and #.');
  }
  return dtmfText;
}

export function parseTransfer(body: Json): TransferRequest {
  const request: TransferRequest = {};
  const skillGroupId = body.skillGroupId;
  if (skillGroupId !== undefined && skillGroupId !== null) {
    // The SDK types skillGroupId as a string; a number is what a caller often has.
    if (typeof skillGroupId === 'number' && Number.isSafeInteger(skillGroupId)) {
      request.skillGroupId = String(skillGroupId);
    } else if (typeof skillGroupId === 'string' && /^\d{1,15}$/.test(skillGroupId)) {
      request.skillGroupId = skillGroupId;
    } else {
      throw new SdkError(400, 'BadRequest', 'skillGroupId must be a skill group id (digits).');
    }
  }
  const userId = optionalString(body, 'userId');
  if (userId) request.userId = userId;
  return request;
}

/** The callee failure a control-plane `fail` names. */
export function parseCalleeFailure(body: Json): CalleeFailure {
  const value = body.endStatus;
  if (typeof value !== 'string' || !(CALLEE_FAILURES as readonly string[]).includes(value)) {
    throw new SdkError(
      400,
      'BadRequest',
      `endStatus must be one of ${CALLEE_FAILURES.join(', ')} (got ${quote(value)}).`,
    );
  }
  return value as CalleeFailure;
}

const INBOUND_FIELDS = [
  'seatUserId',
  'skillGroupId',
  'sdkAppId',
  'callerPhoneNumber',
  'calleePhoneNumber',
  'callerLocation',
  'remark',
  'ivrPath',
  'ivrSeconds',
  'timeoutSeconds',
  'queueWaitSeconds',
] as const;

function integer(body: Json, key: string, min: number, max: number, meaning: string) {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new SdkError(
      400,
      'BadRequest',
      `${key} must be an integer from ${min} to ${max} (${meaning}).`,
    );
  }
  return value;
}

function ivrPath(value: unknown): IvrStep[] | undefined {
  if (value === undefined || value === null) return undefined;
  const shape = 'ivrPath must be a list of at most 20 {key, label} steps (strings)';
  if (!Array.isArray(value) || value.length > 20)
    throw new SdkError(400, 'BadRequest', `${shape}.`);
  return value.map((step, index) => {
    const { key, label } = (step ?? {}) as Record<string, unknown>;
    if (
      typeof key !== 'string' ||
      typeof label !== 'string' ||
      key === '' ||
      key.length > 64 ||
      label.length > 256
    ) {
      throw new SdkError(400, 'BadRequest', `${shape}; step ${index} is not one.`);
    }
    return { key, label };
  });
}

export function parseInboundCall(body: Json): InboundCallRequest {
  for (const key of Object.keys(body)) {
    if (!(INBOUND_FIELDS as readonly string[]).includes(key)) {
      throw new SdkError(
        400,
        'BadRequest',
        `${excerpt(key)} is not a field of an inbound call (expected: ${INBOUND_FIELDS.join(', ')}).`,
      );
    }
  }
  const request: InboundCallRequest = {};
  const seatUserId = optionalString(body, 'seatUserId');
  if (seatUserId !== undefined) {
    if (seatUserId.trim() === '') {
      throw new SdkError(400, 'BadRequest', 'seatUserId must name an agent (a SeatUserId).');
    }
    request.seatUserId = seatUserId;
  }
  const skillGroupId = integer(
    body,
    'skillGroupId',
    0,
    Number.MAX_SAFE_INTEGER,
    'a skill group id',
  );
  if (skillGroupId !== undefined) request.skillGroupId = skillGroupId;
  if (request.seatUserId === undefined && request.skillGroupId === undefined) {
    throw new SdkError(
      400,
      'BadRequest',
      'seatUserId or skillGroupId is required: the agent (seat) to offer the call to, or the skill group whose queue it joins.',
    );
  }
  const sdkAppId = integer(body, 'sdkAppId', 1, Number.MAX_SAFE_INTEGER, 'an SdkAppId');
  if (sdkAppId !== undefined) request.sdkAppId = sdkAppId;
  const caller = phone(body, 'callerPhoneNumber', false);
  if (caller) request.callerPhoneNumber = caller;
  const callee = phone(body, 'calleePhoneNumber', false);
  if (callee) request.calleePhoneNumber = callee;
  const location = optionalString(body, 'callerLocation');
  if (location) request.callerLocation = location;
  const remark = optionalString(body, 'remark');
  if (remark) request.remark = remark;
  const steps = ivrPath(body.ivrPath);
  if (steps) request.ivrPath = steps;
  const ivrSeconds = integer(body, 'ivrSeconds', 0, 3600, 'seconds in the IVR');
  if (ivrSeconds !== undefined) request.ivrSeconds = ivrSeconds;
  const timeout = integer(body, 'timeoutSeconds', 0, 3600, '0 = the offer never times out');
  if (timeout !== undefined) request.timeoutSeconds = timeout;
  const wait = integer(body, 'queueWaitSeconds', 1, 86400, 'seconds the caller waits in the queue');
  if (wait !== undefined) request.queueWaitSeconds = wait;
  return request;
}
