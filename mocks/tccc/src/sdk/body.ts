import {
  type OutboundCallRequest,
  type SetStatusRequest,
  settableStatuses,
} from '@tccc-kit/fake-sdk';
import { quote } from '../quote.js';
import { SdkError } from './errors.js';
import type { InboundCallRequest } from './runtime.js';

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

export function parseInboundCall(body: Json): InboundCallRequest {
  const request: InboundCallRequest = {
    seatUserId: requiredString(body, 'seatUserId', 'the agent (seat) to offer the call to'),
  };
  const caller = phone(body, 'callerPhoneNumber', false);
  if (caller) request.callerPhoneNumber = caller;
  const callee = phone(body, 'calleePhoneNumber', false);
  if (callee) request.calleePhoneNumber = callee;
  const remark = optionalString(body, 'remark');
  if (remark) request.remark = remark;
  const timeout = body.timeoutSeconds;
  if (timeout !== undefined) {
    if (
      typeof timeout !== 'number' ||
      !Number.isInteger(timeout) ||
      timeout < 0 ||
      timeout > 3600
    ) {
      throw new SdkError(
        400,
        'BadRequest',
        'timeoutSeconds must be an integer from 0 (never times out) to 3600.',
      );
    }
    request.timeoutSeconds = timeout;
  }
  return request;
}
