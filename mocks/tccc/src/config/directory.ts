/**
 * Validating the accounts and apps of a seed. Values of secret fields are never echoed.
 */
import { type DataPushConfig, type ResolvedDataPush, readDataPush } from '../push/config.js';
import { quote } from '../quote.js';
import type { MockAccount } from '../state/directory.js';
import { array, checkKeys, isRecord, type Problems, trimmedString } from './read.js';

export interface MockAppConfig {
  sdkAppId: number;
  /**
   * SeatUserIds (agent accounts, usually e-mail addresses) of this app: each becomes a member
   * of staff with default fields. List a seat here or in `staff`, not both.
   */
  seats?: readonly string[];
  /**
   * Where this app's Data Pushes go (receiver URL, auth, actions). Absent: the app pushes
   * nothing until `mock.setDataPush` or `PUT /__tccc/apps/:sdkAppId/data-push` says where.
   */
  dataPush?: DataPushConfig | null;
}

export function readAccounts(value: unknown, problems: Problems): MockAccount[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push('accounts must be a non-empty array of { secretId, secretKey }');
    return [];
  }
  const seen = new Set<string>();
  return value.flatMap((entry, i) => {
    const at = `accounts[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at} must be an object { secretId, secretKey }`);
      return [];
    }
    checkKeys(entry, ['secretId', 'secretKey'], `${at}.`, problems);
    const { secretId, secretKey } = entry;
    let ok = true;
    if (
      typeof secretId !== 'string' ||
      !/^[\x21-\x7e]+$/.test(secretId) ||
      secretId.includes('/')
    ) {
      problems.push(
        `${at}.secretId must be a non-empty string of printable characters without "/"`,
      );
      ok = false;
    } else if (seen.has(secretId)) {
      problems.push(`${at}.secretId repeats an earlier account`);
      ok = false;
    }
    if (typeof secretKey !== 'string' || secretKey.length === 0) {
      problems.push(`${at}.secretKey must be a non-empty string`);
      ok = false;
    }
    if (!ok) return [];
    seen.add(secretId as string);
    return [{ secretId: secretId as string, secretKey: secretKey as string }];
  });
}

export interface ReadApp {
  sdkAppId: number;
  seats: string[];
  dataPush?: ResolvedDataPush;
}

/** Apps with their seats. An app with a bad field is left out (its problems are listed). */
export function readApps(value: unknown, problems: Problems): ReadApp[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push('apps must be a non-empty array of { sdkAppId, seats?, dataPush? }');
    return [];
  }
  const seen = new Set<number>();
  return value.flatMap((entry, i) => {
    const at = `apps[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at} must be an object { sdkAppId, seats?, dataPush? }`);
      return [];
    }
    checkKeys(entry, ['sdkAppId', 'seats', 'dataPush'], `${at}.`, problems);
    const { sdkAppId, seats = [] } = entry;
    let ok = true;
    let dataPush: ResolvedDataPush | undefined;
    if (entry.dataPush !== undefined && entry.dataPush !== null) {
      const before = problems.length;
      dataPush = readDataPush(entry.dataPush, `${at}.dataPush`, problems);
      if (problems.length > before) ok = false;
    }
    if (typeof sdkAppId !== 'number' || !Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
      problems.push(`${at}.sdkAppId must be a positive integer (got ${quote(sdkAppId)})`);
      ok = false;
    } else if (seen.has(sdkAppId)) {
      problems.push(`${at}.sdkAppId ${sdkAppId} repeats an earlier app`);
      ok = false;
    }
    const list = array(seats, `${at}.seats`, problems, 'SeatUserId strings');
    if (!list) return [];
    const seatSet = new Set<string>();
    list.forEach((seat, j) => {
      const mail = trimmedString(seat, `${at}.seats[${j}]`, problems);
      if (mail === undefined) ok = false;
      else if (seatSet.has(mail)) {
        problems.push(`${at}.seats[${j}] repeats ${quote(mail)}`);
        ok = false;
      } else seatSet.add(mail);
    });
    if (!ok) return [];
    seen.add(sdkAppId as number);
    return [
      {
        sdkAppId: sdkAppId as number,
        seats: [...seatSet],
        ...(dataPush === undefined ? {} : { dataPush }),
      },
    ];
  });
}
