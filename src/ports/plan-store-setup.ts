/**
 * Setting up the plan store in the municipality's chosen place (for Microsoft 365: the SharePoint
 * site's lists, columns and indexes, and the shared audit key). The setup screen uses it; the
 * composition root uses `inspect` to decide between the app and the setup screen.
 *
 * Invariants:
 * - `inspect` only reads; it never changes anything.
 * - `provision` creates what is missing and nothing else: running it twice changes nothing
 *   (the second run reports `created: []` and only reads).
 * - Failures are thrown as {@link SetupError} with a `problem` the UI can explain.
 */
export interface PlanStoreSetup {
  inspect(): Promise<SetupStatus>;
  provision(): Promise<SetupResult>;
}

/** One container of records (a SharePoint list) and what it lacks. */
export interface SetupContainer {
  name: string;
  exists: boolean;
  /** Fields (columns) the container lacks; every field when it does not exist. */
  missingFields: string[];
  /** Fields that exist but lack the index the store's queries need (SharePoint refuses unindexed filters past 5,000 items). */
  unindexedFields: string[];
}

export interface SetupStatus {
  containers: SetupContainer[];
  /** Whether the shared secret for pseudonymous audit keys is stored. */
  auditKeyPresent: boolean;
  /** True when nothing is missing: the app can use the store. */
  ready: boolean;
}

export interface SetupResult {
  /** What this run created, e.g. `list HelhedPlans`, `column HelhedPlans.version`, `index HelhedPlans.version`, `audit key`. Empty when nothing was missing. */
  created: string[];
  status: SetupStatus;
}

export type SetupProblem = 'forbidden' | 'unauthenticated' | 'notFound' | 'throttled' | 'unavailable' | 'other';

/** A setup failure the UI explains: 403 (the app has no access to the site), 404 (no such site), ... */
export class SetupError extends Error {
  constructor(
    readonly problem: SetupProblem,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'SetupError';
  }
}
