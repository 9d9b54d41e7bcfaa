/**
 * One check for every paged answer the client reads (DescribeTelCdr, the directory lists):
 * a whole TotalCount, a list of objects no longer than the page asked for. Anything else is
 * TCCC answering something the client cannot use: `InvalidResponse`, not retried.
 */
import { TcccApiError } from './errors.js';

export interface CheckedPage<T> {
  totalCount: number;
  items: T[];
  requestId: string;
}

export function checkPage<T>(page: {
  action: string;
  /** The list's member name, for the message (`TelCdrList`, `StaffList`). */
  listName: string;
  /** What the list holds, for the message (`records`, `entries`). */
  noun: string;
  list: unknown;
  totalCount: unknown;
  requestId: unknown;
  pageSize: number;
  traceId: string;
}): CheckedPage<T> {
  const { list, listName, noun, totalCount } = page;
  const problems: string[] = [];
  if (!(typeof totalCount === 'number' && Number.isSafeInteger(totalCount) && totalCount >= 0)) {
    problems.push('TotalCount is not a whole number >= 0');
  }
  if (!Array.isArray(list)) problems.push(`${listName} is not a list`);
  else if (list.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) {
    problems.push(`${listName} holds something other than ${noun}`);
  } else if (list.length > page.pageSize) {
    problems.push(
      `${listName} has ${list.length} ${noun}, more than the page size ${page.pageSize}`,
    );
  }
  const requestId = typeof page.requestId === 'string' ? page.requestId : '';
  if (problems.length > 0) {
    throw new TcccApiError({
      code: 'InvalidResponse',
      retryable: false,
      requestId,
      traceId: page.traceId,
      message: `TCCC answered ${page.action} with an unusable page: ${problems.join('; ')}.`,
    });
  }
  return { totalCount: totalCount as number, items: list as T[], requestId };
}
