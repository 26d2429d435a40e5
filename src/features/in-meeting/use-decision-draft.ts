import { useCallback, useEffect, useRef, useState } from 'react';
import { RuleViolationError, recordDecision, saveDraft } from '../../application';
import type { Decision, Id } from '../../domain/model';
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

export type DecisionSaveState = 'idle' | 'pending' | 'draftSaved' | 'draftError' | 'saving' | 'saved' | 'error';

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
}: {
  meetingId: Id;
  enqueue: <T>(write: () => Promise<T>) => Promise<T>;
  onRecorded: (decision: Decision) => void;
}) {
  const { services, me } = useSession();
  const authorId = me.id;
  const [form, setForm] = useState<FormState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [saveState, setSaveState] = useState<DecisionSaveState>('idle');
  const [showMissing, setShowMissing] = useState(false);
  const [violations, setViolations] = useState<Violation[]>([]);
  /** Values waiting for the debounce; null when everything typed has been handed to the queue. */
  const unsaved = useRef<DecisionFormValues | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const writeDraft = useCallback(
    (values: DecisionFormValues) => enqueue(() => saveDraft(services, toDraft(values, meetingId, authorId))),
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
      (draft) => live && setForm({ status: 'ready', values: draft ? fromDraft(draft) : emptyValues(services.ids.newId()) }),
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
      setShowMissing(false);
      setViolations([]);
      replace(correctionValues(services.ids.newId(), old));
    },
    [replace, services],
  );

  const clear = useCallback(() => {
    setShowMissing(false);
    setViolations([]);
    replace(emptyValues(services.ids.newId()));
  }, [replace, services]);

  const save = useCallback(async (): Promise<boolean> => {
    if (values === null) return false;
    if (missingFields(values).length > 0) {
      setShowMissing(true);
      return false;
    }
    setShowMissing(false);
    setViolations([]);
    setSaveState('saving');
    try {
      // The draft goes first: if the decision cannot be stored, what was typed is still kept.
      await flush();
      const { decision } = await enqueue(() => recordDecision(services, toInput(values, meetingId)));
      // The form is read-only while saving; nothing typed after the click belongs to this decision.
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      unsaved.current = null;
      onRecorded(decision);
      setForm({ status: 'ready', values: emptyValues(services.ids.newId()) });
      setSaveState('saved');
      return true;
    } catch (error) {
      if (error instanceof RuleViolationError) setViolations(error.violations);
      setSaveState('error');
      return false;
    }
  }, [values, flush, enqueue, services, meetingId, onRecorded]);

  return {
    form,
    values,
    retry,
    update,
    startCorrection,
    clear,
    save,
    saveState,
    missing: showMissing && values !== null ? missingFields(values) : [],
    violations,
  };
}

export type DecisionDraftController = ReturnType<typeof useDecisionDraft>;
