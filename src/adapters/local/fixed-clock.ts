import type { Clock } from '../../ports/clock';

/** A clock that stands still until told to move, so tests can assert exact instants. */
export class FixedClock implements Clock {
  private ms: number;

  constructor(start: Date | string) {
    this.ms = new Date(start).getTime();
    if (Number.isNaN(this.ms)) throw new RangeError(`FixedClock: invalid start ${String(start)}`);
  }

  /** A fresh Date each time: a caller that mutates it cannot move the clock. */
  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  set(instant: Date | string): void {
    const ms = new Date(instant).getTime();
    if (Number.isNaN(ms)) throw new RangeError(`FixedClock: invalid instant ${String(instant)}`);
    this.ms = ms;
  }
}
