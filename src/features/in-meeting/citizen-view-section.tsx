import { Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveCitizenView } from '../../application';
import type { TeamMeeting } from '../../domain/model';
import type { MeetingSignal } from '../../ports/meeting-channel';
import { useI18n } from '../../ui/i18n';
import { useSession } from '../../ui/services-context';
import { MeetingSection } from './meeting-section';

/** Saves once per pause in typing, as the decision draft does. */
export const CITIZEN_VIEW_DEBOUNCE_MS = 500;

/** The schema's limit (TeamMeeting.citizenView). */
const MAX_LENGTH = 4000;

const useStyles = makeStyles({
  state: { minHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
});

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Borgerens perspektiv, in the citizen's own words (rule 5: the meeting starts with it). While
 * someone types, their text stays on screen; otherwise the stored text is shown, so another
 * participant's edit appears once it is saved.
 */
export function CitizenViewSection({
  meeting,
  enqueue,
  setMeeting,
  publish,
  waiting,
}: {
  meeting: TeamMeeting;
  enqueue: <T>(write: () => Promise<T>) => Promise<T>;
  setMeeting: (meeting: TeamMeeting) => void;
  publish: (signal: MeetingSignal) => void;
  /** Saved, but the outbox still holds it (no connection): said, so nobody thinks it has gone out. */
  waiting: boolean;
}) {
  const { t } = useI18n();
  const { services } = useSession();
  const styles = useStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const unsaved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const meetingId = meeting.id;
  // The meeting on screen stands in for the stored one when it cannot be read (offline).
  const shown = useRef(meeting);
  useEffect(() => {
    shown.current = meeting;
  }, [meeting]);

  const flush = useCallback((): Promise<TeamMeeting | null> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const text = unsaved.current;
    unsaved.current = null;
    if (text === null) return Promise.resolve(null);
    return enqueue(() => saveCitizenView(services, meetingId, text, shown.current));
  }, [enqueue, services, meetingId]);

  // Leaving the screen mid-sentence still keeps the sentence.
  useEffect(
    () => () => {
      void flush().catch(() => undefined);
    },
    [flush],
  );

  const change = (text: string) => {
    setEditing(text);
    setSaveState('saving');
    unsaved.current = text;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      flush().then(
        (updated) => {
          if (updated === null) return;
          setMeeting(updated);
          publish({ type: 'meeting-updated' });
          if (unsaved.current === null) {
            // Stored: show the stored text again (it follows other participants from now on).
            setEditing((e) => (e === updated.citizenView ? null : e));
            setSaveState('saved');
          }
        },
        () => setSaveState('error'),
      );
    }, CITIZEN_VIEW_DEBOUNCE_MS);
  };

  const stateText =
    saveState === 'saving'
      ? t.common.saving
      : saveState === 'saved'
        ? waiting
          ? t.meeting.citizenViewWaiting
          : t.common.saved
        : saveState === 'error'
          ? t.meeting.citizenViewError
          : '';

  return (
    <MeetingSection title={t.meeting.citizenViewHeading} testId="citizen-view">
      <Field label={t.meeting.citizenViewLabel} hint={t.meeting.citizenViewHint}>
        <Textarea
          value={editing ?? meeting.citizenView}
          onChange={(_, d) => change(d.value.slice(0, MAX_LENGTH))}
          resize="vertical"
          rows={4}
          maxLength={MAX_LENGTH}
        />
      </Field>
      <Text role="status" aria-live="polite" className={styles.state}>
        {stateText}
      </Text>
    </MeetingSection>
  );
}
