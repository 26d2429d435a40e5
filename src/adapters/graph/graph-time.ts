import { z } from 'zod';

/**
 * Graph's `dateTimeTimeZone`. Helhed always sends and asks for UTC (`Prefer: outlook.timezone`),
 * so an instant crosses the boundary without time-zone arithmetic.
 * https://learn.microsoft.com/graph/api/resources/datetimetimezone
 */
export const DateTimeTimeZoneSchema = z.object({
  dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?$/),
  timeZone: z.literal('UTC'),
});
export type DateTimeTimeZone = z.infer<typeof DateTimeTimeZoneSchema>;

export const PREFER_UTC = 'outlook.timezone="UTC"';

export function toGraphDateTime(instant: string): DateTimeTimeZone {
  // `toISOString` is always UTC with milliseconds; Graph wants the wall time without the offset.
  return { dateTime: new Date(instant).toISOString().slice(0, 23), timeZone: 'UTC' };
}

/** Graph writes 7 fractional digits (`09:00:00.0000000`), which `Date.parse` does not promise to read. */
export function fromGraphDateTime(value: DateTimeTimeZone): string {
  const [whole, fraction = ''] = value.dateTime.split('.');
  return new Date(`${whole}.${fraction.padEnd(3, '0').slice(0, 3)}Z`).toISOString();
}
