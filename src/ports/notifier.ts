import type { DateOnly, Id, Instant } from '../domain/model';

/**
 * "You are responsible for an action": what the person made responsible for a decision's
 * action is told. It carries identifiers and the citizen's initials only: no decision text, no
 * citizen name, never a CPR number (a Teams activity notice shows on lock screens and phones,
 * like the calendar of rule 4).
 */
export interface ActionNotice {
  decisionId: Id;
  pathwayId: Id;
  /** The responsible person (in Teams mode the Entra user id, as the directory returns it). */
  recipientId: Id;
  /** The citizen's initials (rule 4 allows these where a calendar is seen). */
  initials: string;
  dueDate: DateOnly;
  /** The decision's `createdAt`: a retried save sends the same notice. */
  decidedAt: Instant;
}

/** What happened to a notice, for the UI to say ("Bo Lund har fået besked i Teams"). */
export type NotifyOutcome =
  /** Delivered to the recipient's Teams activity feed. */
  | { status: 'sent' }
  /** Standalone mode: there is no Teams feed; the notice is kept in this browser and listed on screen. */
  | { status: 'recorded-locally' }
  /** Nobody to tell: the responsible person recorded the decision themselves. */
  | { status: 'not-needed' }
  /** Not delivered; the decision is saved all the same (the save never depends on the notice). */
  | { status: 'failed'; error: unknown };

/**
 * Tells a person about an action they were made responsible for.
 *
 * Invariants (tests/unit/notify/notifier.test.ts runs against both adapters):
 * - `notifyActionAssigned` resolves with the outcome, or rejects with a typed error (Graph:
 *   GraphRequestError subclasses); it never resolves as if delivered when it was not.
 * - What leaves the app is the notice's fields turned into text without sensitive content:
 *   `findSensitive` (src/domain/rules/sensitive-data.ts) finds nothing in it.
 * - `kind` says where notices go, so the UI can tell the user (standalone: not to Teams).
 */
export interface Notifier {
  readonly kind: 'teams-activity' | 'local';
  notifyActionAssigned(notice: ActionNotice): Promise<Extract<NotifyOutcome, { status: 'sent' | 'recorded-locally' }>>;
}
