/**
 * Reading action parameters with TCCC's errors. POST params arrive as JSON values; GET
 * params arrive as query-string text, so integers and booleans are parsed from text there.
 */
import { CloudApiError, messages, TcccErrorCode } from './errors.js';

export type Params = Readonly<Record<string, unknown>>;

export interface ParamReader {
  integer(name: string): number;
  string(name: string): string;
  optionalBoolean(name: string): boolean | undefined;
}

const missing = (name: string) =>
  new CloudApiError(TcccErrorCode.MissingParameter, messages.missingParameter(name));
const typeError = (name: string, expected: string) =>
  new CloudApiError(TcccErrorCode.InvalidParameter, messages.typeError(name, expected));

/**
 * Refuses a parameter the action does not take, as TCCC does (`UnknownParameter`): a
 * misspelt or wrongly cased name (`SeatUserID`) fails here with its name, rather than as
 * the required parameter it was meant to be.
 */
export function rejectUnknown(params: Params, action: string, known: readonly string[]): void {
  for (const name of Object.keys(params)) {
    if (!known.includes(name)) {
      throw new CloudApiError(
        TcccErrorCode.UnknownParameter,
        messages.unknownParameter(name, action, known),
      );
    }
  }
}

export function paramReader(params: Params, fromQuery: boolean): ParamReader {
  return {
    integer(name) {
      const value = params[name];
      if (value === undefined || value === null) throw missing(name);
      if (fromQuery && typeof value === 'string' && /^-?\d{1,16}$/.test(value)) {
        return Number(value);
      }
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        throw typeError(name, 'Integer');
      return value;
    },
    string(name) {
      const value = params[name];
      if (value === undefined || value === null) throw missing(name);
      if (typeof value !== 'string') throw typeError(name, 'String');
      return value;
    },
    optionalBoolean(name) {
      const value = params[name];
      if (value === undefined || value === null) return undefined;
      if (fromQuery && (value === 'true' || value === 'false')) return value === 'true';
      if (typeof value !== 'boolean') throw typeError(name, 'Boolean');
      return value;
    },
  };
}
