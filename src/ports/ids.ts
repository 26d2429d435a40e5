/**
 * Identifier generator. Invariant: never returns the same id twice in the lifetime of a store
 * (random UUIDs in production, a counter in tests).
 */
export interface Ids {
  newId(): string;
}
