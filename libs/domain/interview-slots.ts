/**
 * Free interview windows for a panel. Everything is computed on UTC instants; local time is asked
 * of `Intl.DateTimeFormat` per instant, so daylight saving changes need no special case.
 */

export interface TimeRange {
  start: Date;
  end: Date;
}

/** Half-open ranges [start, end): a range that ends when the other starts does not overlap it. */
export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export interface PanelMember {
  id: string;
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone: string;
  busy: TimeRange[];
  interviewsThisWeek: number;
  /** Local hours, start inclusive and end exclusive; 9..17 when absent. */
  workingHours?: { startHour: number; endHour: number };
}

export interface SlotSearch {
  panel: PanelMember[];
  durationMinutes: number;
  from: Date;
  to: Date;
  /** Grid of candidate starts, in minutes from the Unix epoch (so aligned to the UTC hour); 30 by default. */
  stepMinutes?: number;
  /** At most this many slots are returned; 10 by default. */
  limit?: number;
  /** No slot starts before it. */
  now?: Date;
}

/** A free window; `load` is the panel's interviews this week, for the caller to compare panels by. */
export type SuggestedSlot = TimeRange & { load: number };

export const DEFAULT_WORKING_HOURS = { startHour: 9, endHour: 17 } as const;

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The earliest slots, by start, in [from, to) and not before `now`, in which every panel member is
 * within their working hours on a weekday (Monday to Friday, in their own time zone) and busy with
 * nothing else. Throws a RangeError for a duration, step or limit that is not a positive whole number,
 * and for an unknown time zone.
 */
export function suggestSlots(input: SlotSearch): SuggestedSlot[] {
  const { panel, durationMinutes, from, to, now } = input;
  const stepMinutes = input.stepMinutes ?? 30;
  const limit = input.limit ?? 10;
  for (const [name, value] of Object.entries({ durationMinutes, stepMinutes, limit })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive whole number`);
  }
  const load = panel.reduce((sum, member) => sum + member.interviewsThisWeek, 0);
  const step = stepMinutes * MINUTE;
  const duration = durationMinutes * MINUTE;
  const earliest = Math.max(from.getTime(), now?.getTime() ?? -Infinity);
  const slots: SuggestedSlot[] = [];
  for (let start = Math.ceil(earliest / step) * step; start + duration <= to.getTime(); start += step) {
    if (slots.length >= limit) break;
    const slot = { start: new Date(start), end: new Date(start + duration) };
    if (panel.every((member) => isFreeAt(member, slot))) slots.push({ ...slot, load });
  }
  return slots;
}

/**
 * The local week containing `date` in `timezone`, Monday 00:00 to the next Monday 00:00, as UTC
 * instants. A week that contains a daylight saving change is an hour shorter or longer than 7 days.
 */
export function weekBounds(date: Date, timezone: string): TimeRange {
  const local = localTime(date.getTime(), timezone);
  const monday = local.day - ((weekday(local.day) + 6) % 7);
  return {
    start: new Date(startOfLocalDay(monday, timezone)),
    end: new Date(startOfLocalDay(monday + 7, timezone)),
  };
}

function isFreeAt(member: PanelMember, slot: TimeRange): boolean {
  const { startHour, endHour } = member.workingHours ?? DEFAULT_WORKING_HOURS;
  const start = localTime(slot.start.getTime(), member.timezone);
  const dayOfWeek = weekday(start.day);
  if (dayOfWeek === 0 || dayOfWeek === 6 || start.minutes < startHour * 60) return false;
  // The end is read on its own: across a daylight saving change it is not start + duration locally.
  const end = localTime(slot.end.getTime(), member.timezone);
  const endsInDay = end.day === start.day && end.minutes <= endHour * 60;
  // A day that works until 24:00 may end a slot at the next day's first instant (01:00 when a clock
  // change skips midnight).
  const endsAtMidnight =
    endHour >= 24 && end.day === start.day + 1 && slot.end.getTime() === startOfLocalDay(end.day, member.timezone);
  if (!endsInDay && !endsAtMidnight) return false;
  return !member.busy.some((busy) => rangesOverlap(busy, slot));
}

interface LocalTime {
  /** Local calendar day, as days since 1970-01-01. */
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
  /** The local wall clock read as if it were UTC, in milliseconds. */
  wall: number;
}

// Building a formatter is far slower than using one, and slots ask for thousands of local times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(instant: number, timezone: string): LocalTime {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = Number(part.value);
  const day = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1) / DAY;
  const minutes = (parts.hour ?? 0) * 60 + (parts.minute ?? 0);
  return { day, minutes, wall: day * DAY + minutes * MINUTE + (parts.second ?? 0) * 1000 };
}

/** 0 for Sunday to 6 for Saturday. */
function weekday(day: number): number {
  return new Date(day * DAY).getUTCDay();
}

/** The first instant of a local day: its midnight, or the end of the gap when a clock change skips midnight. */
function startOfLocalDay(day: number, timezone: string): number {
  const midnight = day * DAY;
  // Offsets well before and after midnight: no zone changes its offset twice within a day.
  const offsetBefore = offsetAt(midnight - DAY, timezone);
  const offsetAfter = offsetAt(midnight + DAY, timezone);
  const candidates = [midnight - offsetBefore, midnight - offsetAfter].filter(
    (instant) => localTime(instant, timezone).wall === midnight,
  );
  // A midnight that happens twice starts the day at the first; one that never happens, at the gap's end.
  return candidates.length ? Math.min(...candidates) : midnight - offsetBefore;
}

/** Local wall clock minus UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timezone: string): number {
  return localTime(instant, timezone).wall - instant;
}
