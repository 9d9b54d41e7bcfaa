/**
 * TCCC error codes the mock answers with, and their messages.
 *
 * Messages marked "observed" are the live service's texts (see tccc-reference.md §3.1);
 * the others are [unconfirmed]: written in the same voice, kept here so they are easy to
 * correct in one place. Values the caller sent are quoted through `excerpt` (at most 64
 * characters): an error never sends back a caller's 500 KB.
 */
import { excerpt } from '../quote.js';

export const TcccErrorCode = {
  SignatureFailure: 'AuthFailure.SignatureFailure',
  SignatureExpire: 'AuthFailure.SignatureExpire',
  SecretIdNotFound: 'AuthFailure.SecretIdNotFound',
  InvalidAuthorization: 'AuthFailure.InvalidAuthorization',
  InvalidAction: 'InvalidAction',
  NoSuchVersion: 'NoSuchVersion',
  MissingParameter: 'MissingParameter',
  UnknownParameter: 'UnknownParameter',
  InvalidParameter: 'InvalidParameter',
  InvalidParameterValue: 'InvalidParameterValue',
  InstanceNotExist: 'InvalidParameterValue.InstanceNotExist',
  AccountNotExist: 'InvalidParameterValue.AccountNotExist',
  RecordNotExist: 'InvalidParameterValue.RecordNotExist',
  SkillGroupError: 'InvalidParameterValue.SkillGroupError',
  SessionNotExists: 'FailedOperation.SessionNotExists',
  SeatStatusBusy: 'FailedOperation.SeatStatusBusy',
  DuplicatedAccount: 'FailedOperation.DuplicatedAccount',
  FailedOperation: 'FailedOperation',
  UnsupportedOperation: 'UnsupportedOperation',
  RequestLimitExceeded: 'RequestLimitExceeded',
  RequestSizeLimitExceeded: 'RequestSizeLimitExceeded',
  UnsupportedProtocol: 'UnsupportedProtocol',
  InternalError: 'InternalError',
} as const;

export type TcccErrorCode = (typeof TcccErrorCode)[keyof typeof TcccErrorCode];

/** An error the cloud API answers inside the envelope (always HTTP 200). */
export class CloudApiError extends Error {
  override readonly name = 'CloudApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const names = (list: readonly string[]) => list.map((name) => `\`${name}\``).join(', ');

export const messages = {
  // observed
  signatureFailure: () =>
    'The provided credentials could not be validated. Please check your signature is correct.',
  // observed
  signatureExpire: () => 'The signature is expired, please request again.',
  // observed
  secretIdNotFound: () => 'The SecretId is not found, please ensure that your SecretId is correct.',
  // observed
  invalidAction: () => 'The request `Action` is invalid or not found.',
  // observed (pattern)
  missingParameter: (name: string) => `The request is missing a required parameter \`${name}\`.`,
  // [unconfirmed] text; the code is in TCCC's common error list. `owner` is the action, or
  // the path and type of a nested object.
  unknownParameter: (
    name: string,
    owner: string,
    known: readonly string[],
    deprecated: readonly string[] = [],
  ) =>
    `The parameter \`${excerpt(name)}\` is not recognized; ${owner} takes ${names(known)}${deprecated.length ? ` (deprecated but accepted: ${names(deprecated)})` : ''} (names are case-sensitive).`,
  // observed (pattern)
  typeError: (name: string, expected: string) =>
    `Parameter \`${name}\` type error: expected ${expected}.`,
  invalidAuthorization: (detail: string) =>
    `The Authorization header is invalid: ${detail}. Expected \`TC3-HMAC-SHA256 Credential=<SecretId>/<YYYY-MM-DD>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=<64 hex>\`.`,
  onlyTc3: () =>
    'Only signature v3 (TC3-HMAC-SHA256) is supported by this mock; leave profile.signMethod at its default.',
  noSuchVersion: (version: string, supported: string) =>
    `The requested version \`${excerpt(version)}\` of service \`ccc\` does not exist; use \`${supported}\`.`,
  instanceNotExist: (sdkAppId: number) => `The SDKAppID \`${sdkAppId}\` does not exist.`,
  accountNotExist: (seatUserId: string, sdkAppId: number) =>
    `The agent account \`${excerpt(seatUserId)}\` does not exist in SDKAppID \`${sdkAppId}\`.`,
  requestLimitExceeded: (count: number, limit: number) =>
    `Your current request times equals to \`${count}\` in a second, which exceeds the frequency limit \`${limit}\` for a second. Please reduce the frequency of calls.`,
  requestSizeLimitExceeded: (limit: number) =>
    `The request body exceeds the size limit of ${limit} bytes.`,
  unsupportedProtocol: (method: string) =>
    `The HTTP method \`${excerpt(method)}\` is not supported; only GET and POST are.`,
  contentType: (contentType: string) =>
    `The Content-Type \`${excerpt(contentType)}\` is not supported for POST; use \`application/json\`.`,
  invalidJson: () => 'The request body is not a valid JSON object.',
  // [unconfirmed] code and text: TCCC has the action, the mock does not emulate it
  notEmulated: (action: string, implemented: readonly string[]) =>
    `The mock TCCC does not emulate \`${action}\` (TCCC has it). It answers ${names(implemented)}; other actions of the spec get their parameters checked, then this error.`,
  queryRepeated: (name: string) =>
    `Parameter \`${name}\` is given more than once; send each parameter once (a list as \`${name}.0\`, \`${name}.1\`, …).`,
  queryValueAndPrefix: (name: string) =>
    `Parameter \`${name}\` is given both as a value and as the start of \`${name}.…\`; send one or the other.`,
  queryListGap: (name: string, missing: number) =>
    `List \`${name}\` must be numbered from 0 without gaps: \`${name}.${missing}\` is missing.`,
} as const;
