import type { Clock } from '../../ports/clock';

/** The browser's clock; the only place in local mode that reads the wall time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
