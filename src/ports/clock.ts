/** Time is injected (STYLE.md statement 8): the domain never calls Date.now(). */
export interface Clock {
  /** The current instant. Monotonic enough for ordering within one browser. */
  now(): Date;
}
