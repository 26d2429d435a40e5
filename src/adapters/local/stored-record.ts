import type { z } from 'zod';

/**
 * A row in IndexedDB that no longer matches the domain's schema (hand-edited in devtools, or
 * written by a build whose migration was forgotten). Raised instead of letting the row leak
 * out unvalidated (PlanStore invariant: everything returned has been parsed).
 */
export class StoredRecordInvalidError extends Error {
  constructor(
    readonly table: string,
    readonly key: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`stored ${table} record ${key} is invalid: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.name = 'StoredRecordInvalidError';
  }
}

/** Parses a stored row; zod objects strip unknown keys, which removes storage-only fields. */
export function parseStored<S extends z.ZodType>(schema: S, table: string, key: string, row: unknown): z.output<S> {
  const result = schema.safeParse(row);
  if (!result.success) throw new StoredRecordInvalidError(table, key, result.error.issues);
  return result.data;
}
