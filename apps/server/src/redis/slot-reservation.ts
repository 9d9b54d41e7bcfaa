/**
 * The shared schedule of one rate-limit key, in Redis: each caller reserves the next free
 * slot atomically (one Lua script, one round trip) and then sleeps until it, wherever it
 * runs. It is GCRA with no burst allowance: the key holds the time its next slot opens
 * (the "theoretical arrival time"), and each reservation takes `max(that, now)` and moves
 * it one interval on. So slots are at least `interval` apart whatever the number of
 * instances, callers are served in the order their reservations reached Redis (FIFO across
 * instances), and a caller whose slot would come after its deadline is told so at once,
 * without taking the slot.
 *
 * Times come from Redis (`TIME`), in microseconds, and the script answers a delay rather
 * than a time: the instances' own clocks never have to agree.
 */
import type { RedisClient } from './connection.js';

const RESERVE_SLOT_LUA = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local maxDelay = tonumber(ARGV[2])
local notBefore = now + tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local slot = math.max(tat, now, notBefore)
if slot - now > maxDelay then
  return {0, slot - now}
end
local nextTat = slot + interval
redis.call('SET', KEYS[1], string.format('%.0f', nextTat), 'PX', math.ceil((nextTat - now) / 1000) + 1000)
return {1, slot - now}
`;

export interface SlotRequest {
  /** Time between two slots of the key, ms (52.5 for 20 per second plus a 50 ms margin). */
  intervalMs: number;
  /** The latest the slot may be, ms from now; later means no reservation. */
  maxDelayMs: number;
  /** The earliest the slot may be, ms from now (0: as soon as the schedule allows). */
  notBeforeMs?: number;
}

export type SlotReservation =
  /** The slot is this caller's; send in `delayMs`. */
  | { reserved: true; delayMs: number }
  /** The next free slot is `delayMs` away, past `maxDelayMs`: nothing was reserved. */
  | { reserved: false; delayMs: number };

export type ReserveSlot = (key: string, request: SlotRequest) => Promise<SlotReservation>;

interface WithReserveCommand {
  tcccReserveSlot(
    key: string,
    intervalUs: string,
    maxDelayUs: string,
    notBeforeUs: string,
  ): Promise<[number, number]>;
}

/** Loads the script on `client` (EVALSHA, with EVAL when Redis has not seen it yet). */
export function createSlotReserver(client: RedisClient): ReserveSlot {
  client.defineCommand('tcccReserveSlot', { numberOfKeys: 1, lua: RESERVE_SLOT_LUA });
  const reserving = client as unknown as WithReserveCommand;
  const micros = (ms: number) => String(Math.max(0, Math.round(ms * 1000)));
  return async (key, request) => {
    const [reserved, delayUs] = await reserving.tcccReserveSlot(
      key,
      micros(request.intervalMs),
      micros(request.maxDelayMs),
      micros(request.notBeforeMs ?? 0),
    );
    return { reserved: reserved === 1, delayMs: delayUs / 1000 };
  };
}
