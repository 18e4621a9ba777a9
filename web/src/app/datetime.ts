/** The viewer's time zone (the browser's): every time on screen is shown in it, with its name. */
export const viewerTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    formatters.set(key, found);
  }
  return found;
}

/** "Tue 3 Mar 2026, 14:30 CET" */
export function formatDateTime(iso: string, timeZone = viewerTimeZone): string {
  return formatter(timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "3 Mar 2026" */
export function formatDate(iso: string, timeZone = viewerTimeZone): string {
  return formatter(timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** "14:30 GMT+1" — a time of day with its zone, for a panelist's local time. */
export function formatTime(iso: string, timeZone = viewerTimeZone): string {
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** "Tue 3 Mar" */
export function formatDay(iso: string, timeZone = viewerTimeZone): string {
  return formatter(timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));
}

/** Whole days since a moment (0 on the same day). */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 86_400_000));
}

/** Words of enum values that stay in capitals when shown. */
const ACRONYMS = new Set(['hr', 'sla', 'csv', 'api']);

/** "ENTERPRISE" -> "Enterprise", "HR_SCREEN" -> "HR screen". */
export function humanize(value: string): string {
  const text = value
    .toLowerCase()
    .split('_')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
