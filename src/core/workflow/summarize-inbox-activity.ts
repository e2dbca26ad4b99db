// The inbox dashboard's figures from each report's arrival, verdict and first answer: reports per
// week (the last twelve weeks, empty weeks included), the verdict mix, and how long reporters
// waited for a first response. Pure: the caller passes the time "now" is.

/** What the dashboard needs of one report. */
export interface InboxActivity {
  disposition: string | null;
  receivedAt: string;
  /** The first maintainer message or status change the reporter saw; null while unanswered. */
  firstResponseAt: string | null;
}

export interface InboxActivitySummary {
  /** Oldest first; `week` is the Monday (UTC) the week starts on. */
  reportsPerWeek: Array<{ week: string; count: number }>;
  /** Reports per verdict (`untriaged` before triage), most frequent first, then by name. */
  verdicts: Array<{ verdict: string; count: number }>;
  firstResponse: {
    answered: number;
    unanswered: number;
    /** Hours from arrival to the first response, over answered reports; null when none. */
    medianHours: number | null;
    p90Hours: number | null;
    /** The median per week of arrival (null for a week without answered reports). */
    medianHoursPerWeek: Array<{ week: string; medianHours: number | null }>;
  };
}

const weekMs = 7 * 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;
const shownWeeks = 12;

/** The Monday 00:00 UTC starting the week of `time`. */
function startOfWeek(time: number): number {
  const day = new Date(time);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return midnight - sinceMonday * 24 * hourMs;
}

/** The value below which `fraction` of the sorted values lie (nearest rank), to a tenth. */
function quantile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Math.round(sorted[rank]! * 10) / 10;
}

export function summarizeInboxActivity(
  activity: readonly InboxActivity[],
  now: string,
): InboxActivitySummary {
  const lastWeek = startOfWeek(Date.parse(now));
  const weeks = Array.from(
    { length: shownWeeks },
    (_, index) => lastWeek - (shownWeeks - 1 - index) * weekMs,
  );
  const counts = new Map<number, number>(weeks.map((week) => [week, 0]));
  const waitsPerWeek = new Map<number, number[]>(weeks.map((week) => [week, []]));
  const verdicts = new Map<string, number>();
  const waits: number[] = [];
  let unanswered = 0;
  for (const report of activity) {
    const received = Date.parse(report.receivedAt);
    const week = Number.isNaN(received) ? null : startOfWeek(received);
    if (week !== null && counts.has(week)) counts.set(week, counts.get(week)! + 1);
    const verdict = report.disposition ?? 'untriaged';
    verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
    const answered = report.firstResponseAt === null ? NaN : Date.parse(report.firstResponseAt);
    if (Number.isNaN(answered) || Number.isNaN(received)) {
      unanswered += 1;
      continue;
    }
    const hours = Math.max(0, answered - received) / hourMs;
    waits.push(hours);
    if (week !== null) waitsPerWeek.get(week)?.push(hours);
  }
  const byNumber = (a: number, b: number) => a - b;
  waits.sort(byNumber);
  const day = (week: number) => new Date(week).toISOString().slice(0, 10);
  return {
    reportsPerWeek: weeks.map((week) => ({ week: day(week), count: counts.get(week)! })),
    verdicts: [...verdicts]
      .map(([verdict, count]) => ({ verdict, count }))
      .sort((a, b) => b.count - a.count || (a.verdict < b.verdict ? -1 : 1)),
    firstResponse: {
      answered: waits.length,
      unanswered,
      medianHours: quantile(waits, 0.5),
      p90Hours: quantile(waits, 0.9),
      medianHoursPerWeek: weeks.map((week) => ({
        week: day(week),
        medianHours: quantile(waitsPerWeek.get(week)!.sort(byNumber), 0.5),
      })),
    },
  };
}
