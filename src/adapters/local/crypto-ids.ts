import type { Ids } from '../../ports/ids';

/**
 * Random v4 UUIDs. `crypto.randomUUID` exists only in secure contexts (https, localhost),
 * which is everywhere Helhed runs: Teams requires https and local mode serves localhost.
 */
export class CryptoIds implements Ids {
  newId(): string {
    return globalThis.crypto.randomUUID();
  }
}
