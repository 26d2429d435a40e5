import Dexie from 'dexie';
import { NotFoundError } from '../../ports/plan-store';

/**
 * Dexie re-wraps any error thrown inside a transaction whose `name` matches an IndexedDB
 * DOMException name. The port's `NotFoundError` has exactly that name, so it would reach the
 * caller as a `Dexie.NotFoundError` holding ours in `inner` (docs/footguns.md). Wrap every
 * transaction that may throw it with this.
 */
export async function withPortErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof Dexie.DexieError && error.inner instanceof NotFoundError) throw error.inner;
    throw error;
  }
}
