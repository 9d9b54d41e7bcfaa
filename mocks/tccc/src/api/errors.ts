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
  InstanceNotExist: 'InvalidParameterValue.InstanceNotExist',
  AccountNotExist: 'InvalidParameterValue.AccountNotExist',
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
  // [unconfirmed] text; the code is in TCCC's common error list
  unknownParameter: (name: string, action: string, known: readonly string[]) =>
    `The parameter \`${excerpt(name)}\` is not recognized; ${action} takes ${known.map((k) => `\`${k}\``).join(', ')} (names are case-sensitive).`,
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
} as const;
