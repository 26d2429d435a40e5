import { DateOnlySchema } from '../../domain/model';
import { containsCpr } from '../../domain/rules/sensitive-data';
import type { Strings } from '../../ui/strings/da';

/** A title typed into the plan: required, bounded, and never a CPR number. */
export function titleError(value: string, max: number, t: Strings): string | undefined {
  const v = value.trim();
  if (v === '') return t.pathways.errors.required;
  if (v.length > max) return t.pathways.errors.tooLong(max);
  if (containsCpr(v)) return t.pathways.errors.cprText;
  return undefined;
}

/** A date from `<input type="date">` ("YYYY-MM-DD"), or null when empty or invalid. */
export function parseDate(value: string): string | null {
  const parsed = DateOnlySchema.safeParse(value.trim());
  return parsed.success ? parsed.data : null;
}
