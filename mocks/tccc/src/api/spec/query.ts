/**
 * GET requests carry parameters in the query string, flattened the way tencentcloud-sdk-nodejs
 * does it (`mergeData`): `SdkAppId=1&Phones.0=008613…&Staffs.0.Mail=a@b.c`. This turns them
 * back into the nested shape a JSON body has (values stay text; request.ts parses them), so
 * one check serves both methods.
 *
 * A name given twice, a name that is both a value and a prefix (`Phones=1&Phones.0=2`), or a
 * list with a gap (`Phones.0` and `Phones.2`) answers `InvalidParameter`. Indexes are never
 * used to size an array before the gap check, so `Phones.99999999=1` costs nothing.
 */
import { excerpt } from '../../quote.js';
import { CloudApiError, messages, TcccErrorCode } from '../errors.js';

interface QueryNode {
  value?: string;
  children?: Map<string, QueryNode>;
}

/** A list index as the SDK writes it: 0, 1, …, no sign, no leading zero. */
const INDEX = /^(0|[1-9]\d{0,8})$/;

const invalid = (message: string) => new CloudApiError(TcccErrorCode.InvalidParameter, message);

function toValue(node: QueryNode, name: string): unknown {
  if (!node.children) return node.value;
  if (node.value !== undefined) throw invalid(messages.queryValueAndPrefix(excerpt(name)));
  const keys = [...node.children.keys()];
  if (keys.length > 0 && keys.every((key) => INDEX.test(key))) {
    const list: unknown[] = [];
    for (let i = 0; i < keys.length; i++) {
      const child = node.children.get(String(i));
      if (!child) throw invalid(messages.queryListGap(excerpt(name), i));
      list.push(toValue(child, `${name}.${i}`));
    }
    return list;
  }
  // Own data properties, also for a key like "__proto__" (which the checks then refuse).
  return Object.fromEntries(
    [...node.children].map(([key, child]) => [key, toValue(child, `${name}.${key}`)]),
  );
}

/** The query's parameters as nested objects and lists of text. */
export function unflattenQuery(query: URLSearchParams): Record<string, unknown> {
  const root: QueryNode = { children: new Map() };
  for (const [name, value] of query) {
    let node = root;
    for (const segment of name.split('.')) {
      node.children ??= new Map();
      let next = node.children.get(segment);
      if (!next) {
        next = {};
        node.children.set(segment, next);
      }
      node = next;
    }
    if (node.value !== undefined) throw invalid(messages.queryRepeated(excerpt(name)));
    node.value = value;
  }
  return Object.fromEntries(
    [...(root.children ?? [])].map(([key, child]) => [key, toValue(child, key)]),
  );
}
