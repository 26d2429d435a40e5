import type { Ids } from '../../ports/ids';

/**
 * Predictable ids for tests: `id-0001`, `id-0002`, ... Zero-padded so that lexical order is
 * creation order, which keeps "sorted by createdAt, then id" assertions readable.
 */
export class SequentialIds implements Ids {
  private next = 1;

  constructor(private readonly prefix: string = 'id') {}

  newId(): string {
    const id = `${this.prefix}-${String(this.next).padStart(4, '0')}`;
    this.next += 1;
    return id;
  }
}
