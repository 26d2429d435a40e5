import { useCallback, useEffect, useRef, useState } from 'react';
import { RuleViolationError, recordDecision, saveDraft } from '../../application';
import type { Decision, Id } from '../../domain/model';
import type { NotifyOutcome } from '../../ports/notifier';
import type { WriteStatusSnapshot } from '../../ports/write-status';
import type { Violation } from '../../domain/result';
import { useSession } from '../../ui/services-context';
import {
  correctionValues,
  emptyValues,
  fromDraft,
  missingFields,
  toDraft,
  toInput,
  type DecisionFormValues,
} from './decision-form-values';

/** Long enough to save once per pause in typing, short enough that a crash loses a few words. */
export const DRAFT_DEBOUNCE_MS = 500;

/**
 * `waiting`: the decision could not reach the store (no connection) or reached only the outbox;
 * it is kept and sent once when the connection returns. `conflict`: the store refused it for good.
 */
export type DecisionSaveState =
  | 'idle'
  | 'pending'
  | 'draftSaved'
  | 'draftError'
  | 'saving'
  | 'saved'
  | 'error'
  | 'waiting'
  | 'conflict';

/** How often a decision that waits for the connection is tried again (also on 'online'). */
export const DECISION_RETRY_MS = 10_000;

type FormState =
  | { status: 'loading' }
  | { status: 'ready'; values: DecisionFormValues }
  | { status: 'error'; error: unknown };

/**
 * The decision being typed (rule 7: a decision captured in the meeting survives a lost
 * connection, a reload or a crashed tab). Every change is saved as the author's draft after a
 * short pause, and restored when the screen opens. The draft carries the decision's id from
 * the start, so saving it again after a crash stores the decision once.
 */
export function useDecisionDraft({
  meetingId,
  enqueue,
  onRecorded,
  writeStatus,
}: {
  meetingId: Id;
  enqueue: <T>(write: () => Promise<T>) => Promise<T>;
  onRecorded: (decision: Decision) => void;
  /** The panel's view of the outbox (useWriteStatus in meeting-screen.tsx). */
  writeStatus: WriteStatusSnapshot;
}) {
  const { services, me } = useSession();
  const authorId = me.id;
  /** The decision last recorded by this form, while the outbox may still hold it. */
  const [recordedId, setRecordedId] = useState<Id | null>(null);
  /**
   * A save that waits for the connection and is tried again by itself: `after-failure` when it
   * just failed here (next try on 'online' or the interval), `resume` when the screen opened on
   * a draft saved that way before a reload or a crash (try at once).
   */
  const [retrying, setRetrying] = useState<false | 'after-failure' | 'resume'>(false);
  /** What the person made responsible for the last saved decision was told (Teams activity). */
  const [notice, setNotice] = useState<ResponsibleNotice | null>(null);
  /** Whether the draft being typed is a decision the author already chose to save. */
  const submitted = useRef(false);
  const [form, setForm] = useState<FormState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [saveState, setSaveState] = useState<DecisionSaveState>('idle');
  const [showMissing, setShowMissing] = useState(false);
  const [violations, setViolations] = useState<Violation[]>([]);
  /** Values waiting for the debounce; null when everything typed has been handed to the queue. */
  const unsaved = useRef<DecisionFormValues | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const writeDraft = useCallback(
    (values: DecisionFormValues) =>
      enqueue(() => saveDraft(services, { ...toDraft(values, meetingId, authorId), submitted: submitted.current })),
    [enqueue, services, meetingId, authorId],
  );

  /** Hands the waiting values to the queue now (before a save, when the screen closes). */
  const flush = useCallback((): Promise<void> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const values = unsaved.current;
    unsaved.current = null;
    return values === null ? Promise.resolve() : writeDraft(values);
  }, [writeDraft]);

  useEffect(() => {
    let live = true;
    services.store.getDraft(meetingId, authorId).then(
      (draft) => {
        if (!live) return;
        setForm({ status: 'ready', values: draft ? fromDraft(draft) : emptyValues(services.ids.newId()) });
        // Saved without a connection before this screen opened: send it now, once.
        if (draft?.submitted === true) {
          submitted.current = true;
          setSaveState('waiting');
          setRetrying('resume');
        }
      },
      (error: unknown) => live && setForm({ status: 'error', error }),
    );
    // A reload or a closed tab inside the debounce pause must not lose the last words: hand
    // them to IndexedDB as the page goes away (the write is small and starts synchronously).
    const onPageHide = () => void flush().catch(() => undefined);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onPageHide);
    return () => {
      live = false;
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onPageHide);
      // Leaving the screen mid-sentence still keeps the sentence.
      void flush().catch(() => undefined);
    };
  }, [services, meetingId, authorId, attempt, flush]);

  const retry = useCallback(() => {
    setForm({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  const schedule = useCallback(
    (values: DecisionFormValues) => {
      unsaved.current = values;
      setSaveState('pending');
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        flush().then(
          () => setSaveState((s) => (s === 'pending' && unsaved.current === null ? 'draftSaved' : s)),
          () => setSaveState('draftError'),
        );
      }, DRAFT_DEBOUNCE_MS);
    },
    [flush],
  );

  const values = form.status === 'ready' ? form.values : null;

  const replace = useCallback(
    (next: DecisionFormValues) => {
      setForm({ status: 'ready', values: next });
      schedule(next);
    },
    [schedule],
  );

  const update = useCallback(
    (patch: Partial<DecisionFormValues>) => {
      if (values === null) return;
      replace({ ...values, ...patch });
    },
    [values, replace],
  );

  /** Starts a correction: a new decision that supersedes `old`, pre-filled from it. */
  const startCorrection = useCallback(
    (old: Decision) => {
      setNotice(null);
      setShowMissing(false);
      setViolations([]);
      setRetrying(false);
      submitted.current = false;
      replace(correctionValues(services.ids.newId(), old));
    },
    [replace, services],
  );

  const clear = useCallback(() => {
    setNotice(null);
    setShowMissing(false);
    setViolations([]);
    setRetrying(false);
    submitted.current = false;
    replace(emptyValues(services.ids.newId()));
  }, [replace, services]);

  const save = useCallback(async (): Promise<boolean> => {
    if (values === null) return false;
    setRetrying(false);
    if (missingFields(values).length > 0) {
      setShowMissing(true);
      return false;
    }
    setShowMissing(false);
    setViolations([]);
    setNotice(null);
    setSaveState('saving');
    try {
      // The draft goes first: if the decision cannot be stored, what was typed is still kept.
      await flush();
      const { decision, notification } = await enqueue(() => recordDecision(services, toInput(values, meetingId)));
      // The form is read-only while saving; nothing typed after the click belongs to this decision.
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      unsaved.current = null;
      submitted.current = false;
      onRecorded(decision);
      setForm({ status: 'ready', values: emptyValues(services.ids.newId()) });
      setRecordedId(decision.id);
      setSaveState('saved');
      setNotice(
        notification === undefined || notification === null || notification.status === 'not-needed'
          ? null
          : { status: notification.status, responsibleId: decision.responsibleId },
      );
      return true;
    } catch (error) {
      if (error instanceof RuleViolationError) setViolations(error.violations);
      // No connection: the draft (with the decision's id) is kept, and the same decision is
      // sent again by itself, so it is stored once whenever the connection returns.
      if (services.writeStatus?.isTransient(error) === true) {
        setSaveState('waiting');
        setRetrying('after-failure');
        // Marked in the draft, so a reload or a crashed tab still sends it (see DecisionDraft.submitted).
        if (!submitted.current) {
          submitted.current = true;
          await writeDraft(values).catch(() => undefined);
        }
        return false;
      }
      // Refused for good: the outbox (where there is one) keeps it as a conflict, shown as such.
      setRecordedId(values.decisionId);
      setSaveState('error');
      return false;
    }
  }, [values, flush, enqueue, services, meetingId, onRecorded, writeDraft]);

  // A save that waits for the connection is tried again on 'online' and on an interval.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  useEffect(() => {
    if (!retrying) return;
    const again = () => void saveRef.current();
    const handle = setInterval(again, DECISION_RETRY_MS);
    const now = retrying === 'resume' ? setTimeout(again, 0) : null;
    window.addEventListener('online', again);
    return () => {
      clearInterval(handle);
      if (now !== null) clearTimeout(now);
      window.removeEventListener('online', again);
    };
  }, [retrying]);

  // A recorded decision the outbox still holds is not "Gemt" yet: it waits, or it conflicts.
  const outboxState: DecisionSaveState | null =
    recordedId === null
      ? null
      : writeStatus.conflicts.has(recordedId)
        ? 'conflict'
        : writeStatus.pending.has(recordedId)
          ? 'waiting'
          : null;
  // "Prøv igen" on the Konflikt bar got a refused decision stored: the form says "Gemt" and starts
  // over, as after any save. ("Kassér" drops it instead: it stays "not saved", the text kept.)
  // Only while the form still shows that decision unedited (an edit leaves the 'error' state).
  const refused = useRef(false);
  useEffect(() => {
    if (saveState !== 'error' || recordedId === null) {
      refused.current = false;
      return;
    }
    if (writeStatus.conflicts.has(recordedId)) {
      refused.current = true;
      return;
    }
    if (!refused.current || writeStatus.pending.has(recordedId)) return;
    refused.current = false;
    const id = recordedId;
    services.store.listDecisions({ meetingId }).then(
      (stored) => {
        const decision = stored.find((d) => d.id === id);
        if (decision === undefined) return;
        submitted.current = false;
        onRecorded(decision);
        replace(emptyValues(services.ids.newId()));
        setSaveState('saved');
      },
      // Not readable now: the form keeps the decision; saving it again stores it once.
      () => undefined,
    );
  }, [writeStatus, saveState, recordedId, services, meetingId, onRecorded, replace]);

  const shownState: DecisionSaveState =
    saveState === 'saved' && outboxState !== null
      ? outboxState
      : saveState === 'error' && outboxState === 'conflict'
        ? 'conflict'
        : saveState;

  return {
    form,
    values,
    retry,
    update,
    /** Stores what was typed now, not after the pause (before it is shown on the stage). */
    flushDraft: flush,
    startCorrection,
    clear,
    save,
    saveState: shownState,
    missing: showMissing && values !== null ? missingFields(values) : [],
    violations,
    notice,
  };
}

/** The responsible person's notice about the decision just saved, for the form to report. */
export interface ResponsibleNotice {
  status: Exclude<NotifyOutcome['status'], 'not-needed'>;
  responsibleId: Id;
}

export type DecisionDraftController = ReturnType<typeof useDecisionDraft>;
