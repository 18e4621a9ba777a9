// Time units and the fixed calendar of the history.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Default "now" of the history: fixed, so that a seed reproduces the same timestamps. */
export const DEFAULT_NOW = new Date('2026-11-22T00:00:00.000Z');
/** How far back applications go. */
export const HISTORY_DAYS = 730;

/** Working hours: the same day (Monday if it falls on a weekend) between 08:00 and 17:00 UTC, on the quarter hour. */
export function workingHours(rng: { int(min: number, max: number): number }, day: number): number {
  const midnight = Math.floor(day / DAY) * DAY;
  const weekday = new Date(midnight).getUTCDay();
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return midnight + shift * DAY + 8 * HOUR + rng.int(0, 35) * 15 * MINUTE;
}
