/**
 * Who works in the app: `listSkillGroups()` (DescribeSkillGroupInfoList) and `listStaff()`
 * (DescribeStaffInfoList), each read whole, page by page, for directories such as the
 * console's transfer targets.
 *
 * Pages are 0-based and hold at most 100 entries (TCCC takes up to 100 skill groups and up to
 * 9999 staff per page; 100 for both keeps each answer small). A listing stops at `maxItems`
 * (default 5,000) with an `InvalidResponse` error rather than paging for ever through an app
 * that keeps growing or a TotalCount that does not match the pages.
 */
import type { Call, Operation } from './call.js';
import type {
  DescribeSkillGroupInfoListResponse,
  DescribeStaffInfoListResponse,
  SkillGroupInfoItem,
  StaffInfo,
} from './ccc-sdk.js';
import { TcccApiError } from './errors.js';
import { LOG_EVENTS } from './logger.js';

export interface ListDirectoryRequest {
  /** Abort the listing (queue wait, request and backoff); it then fails with code `Aborted`. */
  signal?: AbortSignal;
  /** Refuse apps with more entries than this (default 5,000). */
  maxItems?: number;
}

export const DIRECTORY_LIMITS = { pageSize: 100, defaultMaxItems: 5_000 } as const;

interface Page<T> {
  totalCount: number;
  items: T[];
  requestId: string;
}

type DirectoryAction = 'DescribeSkillGroupInfoList' | 'DescribeStaffInfoList';

function parsePage<T>(
  action: DirectoryAction,
  listName: string,
  response: { TotalCount?: number; RequestId?: string } & Record<string, unknown>,
  traceId: string,
): Page<T> {
  const { TotalCount, RequestId } = response ?? {};
  const list = response?.[listName] ?? [];
  const problems: string[] = [];
  if (!(typeof TotalCount === 'number' && Number.isSafeInteger(TotalCount) && TotalCount >= 0)) {
    problems.push('TotalCount is not a whole number >= 0');
  }
  if (!Array.isArray(list)) problems.push(`${listName} is not a list`);
  else if (list.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) {
    problems.push(`${listName} holds something other than entries`);
  } else if (list.length > DIRECTORY_LIMITS.pageSize) {
    problems.push(`${listName} has ${list.length} entries, more than the page size`);
  }
  const requestId = typeof RequestId === 'string' ? RequestId : '';
  if (problems.length > 0) {
    throw new TcccApiError({
      code: 'InvalidResponse',
      retryable: false,
      requestId,
      traceId,
      message: `TCCC answered ${action} with an unusable page: ${problems.join('; ')}.`,
    });
  }
  return { totalCount: TotalCount as number, items: list as T[], requestId };
}

const SKILL_GROUPS: Operation<'DescribeSkillGroupInfoList', Page<SkillGroupInfoItem>> = {
  action: 'DescribeSkillGroupInfoList',
  noun: 'DescribeSkillGroupInfoList request',
  busyAdvice: 'retry in a few seconds.',
  events: { ...LOG_EVENTS.directory, succeeded: LOG_EVENTS.directory.fetched },
  succeededMessage: 'TCCC skill groups fetched',
  parse: (response: DescribeSkillGroupInfoListResponse, { traceId }) =>
    parsePage('DescribeSkillGroupInfoList', 'SkillGroupList', { ...response }, traceId),
  describe: (page) => ({
    requestId: page.requestId,
    items: page.items.length,
    totalCount: page.totalCount,
  }),
};

const STAFF: Operation<'DescribeStaffInfoList', Page<StaffInfo>> = {
  action: 'DescribeStaffInfoList',
  noun: 'DescribeStaffInfoList request',
  busyAdvice: 'retry in a few seconds.',
  events: { ...LOG_EVENTS.directory, succeeded: LOG_EVENTS.directory.fetched },
  succeededMessage: 'TCCC staff fetched',
  parse: (response: DescribeStaffInfoListResponse, { traceId }) =>
    parsePage('DescribeStaffInfoList', 'StaffList', { ...response }, traceId),
  describe: (page) => ({
    requestId: page.requestId,
    items: page.items.length,
    totalCount: page.totalCount,
  }),
};

function checkRequest(action: DirectoryAction, request: ListDirectoryRequest): number {
  const { signal, maxItems = DIRECTORY_LIMITS.defaultMaxItems } = request;
  let problem: string | undefined;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    problem = 'signal must be an AbortSignal';
  } else if (!(Number.isSafeInteger(maxItems) && maxItems >= 1)) {
    problem = 'maxItems must be a whole number >= 1';
  }
  if (problem) {
    throw new TcccApiError({
      code: 'InvalidArgument',
      retryable: false,
      action,
      message: `${action === 'DescribeStaffInfoList' ? 'listStaff' : 'listSkillGroups'}: ${problem}.`,
    });
  }
  return maxItems;
}

/** Reads every page of one listing until TotalCount entries (or an empty page) arrived. */
async function readAll<T>(
  action: DirectoryAction,
  fetchPage: (pageNumber: number) => Promise<Page<T>>,
  maxItems: number,
): Promise<T[]> {
  const items: T[] = [];
  for (let pageNumber = 0; ; pageNumber++) {
    const page = await fetchPage(pageNumber);
    items.push(...page.items);
    if (page.totalCount > maxItems || items.length > maxItems) {
      throw new TcccApiError({
        code: 'InvalidResponse',
        retryable: false,
        action,
        requestId: page.requestId,
        message: `TCCC lists ${Math.max(page.totalCount, items.length)} entries for ${action}, more than maxItems ${maxItems}; raise maxItems or filter.`,
      });
    }
    if (page.items.length === 0 || items.length >= page.totalCount) return items;
  }
}

export function listSkillGroupsMethod(call: Call, sdkAppId: number) {
  return async function listSkillGroups(
    request: ListDirectoryRequest = {},
  ): Promise<SkillGroupInfoItem[]> {
    const maxItems = checkRequest('DescribeSkillGroupInfoList', request);
    const { pageSize } = DIRECTORY_LIMITS;
    return readAll(
      'DescribeSkillGroupInfoList',
      (pageNumber) =>
        call(
          SKILL_GROUPS,
          { SdkAppId: sdkAppId, PageSize: pageSize, PageNumber: pageNumber },
          { signal: request.signal },
        ),
      maxItems,
    );
  };
}

export function listStaffMethod(call: Call, sdkAppId: number) {
  return async function listStaff(request: ListDirectoryRequest = {}): Promise<StaffInfo[]> {
    const maxItems = checkRequest('DescribeStaffInfoList', request);
    const { pageSize } = DIRECTORY_LIMITS;
    return readAll(
      'DescribeStaffInfoList',
      (pageNumber) =>
        call(
          STAFF,
          { SdkAppId: sdkAppId, PageSize: pageSize, PageNumber: pageNumber },
          { signal: request.signal },
        ),
      maxItems,
    );
  };
}
