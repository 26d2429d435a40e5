import type { ActionNotice, Notifier } from '../../ports/notifier';

/**
 * Standalone mode has no Teams activity feed, so nothing is sent anywhere: each notice is kept
 * in this tab (in memory, not IndexedDB: it is not case data worth keeping) and reported as
 * `recorded-locally`, and the UI can list `recorded()` and say that in Teams the responsible
 * person would be told in their activity feed. Recording rather than doing nothing keeps the
 * standalone flow testable end to end and never pretends a notice was delivered.
 */
export class LocalNotifier implements Notifier {
  readonly kind = 'local';
  private readonly notices: ActionNotice[] = [];
  private readonly listeners = new Set<() => void>();

  async notifyActionAssigned(notice: ActionNotice): Promise<{ status: 'recorded-locally' }> {
    if (!this.notices.some((n) => n.decisionId === notice.decisionId && n.recipientId === notice.recipientId)) {
      this.notices.push({ ...notice });
      for (const listener of this.listeners) listener();
    }
    return { status: 'recorded-locally' };
  }

  /** The notices recorded so far, oldest first (copies). */
  recorded(): ActionNotice[] {
    return this.notices.map((n) => ({ ...n }));
  }

  /** Called after each new notice; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
