// Reads a date or date-time as written in advisories and returns the one form every export can
// hold: `2026-11-09T07:15:48Z` (UTC, whole seconds). A time without a zone is taken as UTC.

const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The canonical timestamp, or null when the text is not a real date (2026-02-30 is not). */
export function normaliseAdvisoryTimestamp(text: string): string | null {
  const match = timestampPattern.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, zone] = match;
  if (Number(year) < 1970) return null;
  const time = hour === undefined ? '00:00:00' : `${hour}:${minute}:${second ?? '00'}`;
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : formatOffset(zone);
  const parsed = Date.parse(`${year}-${month}-${day}T${time}${offset}`);
  if (!Number.isFinite(parsed)) return null;
  // Date.parse rolls 2026-02-30 over to March: a date that does not read back is not real.
  const check = new Date(Date.parse(`${year}-${month}-${day}T00:00:00Z`));
  if (check.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return null;
  if (Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) return null;
  return formatAdvisoryTimestamp(new Date(parsed));
}

/** `2026-11-09T07:15:48Z` for a date. */
export function formatAdvisoryTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function formatOffset(zone: string): string {
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}
