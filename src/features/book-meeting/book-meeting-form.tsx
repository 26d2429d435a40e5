import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { bookMeeting, previewBooking, type BookingInput } from '../../application/book-meeting';
import { RuleViolationError } from '../../application/errors';
import type { Pathway, Settings } from '../../domain/model';
import type { Violation } from '../../domain/result';
import type { SlotSuggestion } from '../../domain/rules/meeting-window';
import { useI18n } from '../../ui/i18n';
import { href, navigate } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { ViolationList } from '../../ui/violation-list';
import { AgendaPreview } from './agenda-preview';
import {
  agendaLines,
  defaultCitizenChoice,
  isMalformedEmail,
  parseLocalDateTime,
  toInvitation,
  type CitizenChoice,
} from './booking-form';
import { CalendarPreview } from './calendar-preview';
import { CitizenChoiceField } from './citizen-choice';
import { ConsentNotice } from './consent-notice';
import { RequiredAttendees } from './required-attendees';
import { CUSTOM_TIME, TimeChoice } from './time-choice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  violations: { outlineStyle: 'none' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

function Section({ title, testId, intro, children }: { title: string; testId: string; intro?: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={testId}>
      <Title3 as="h2" id={headingId}>
        {title}
      </Title3>
      {intro ? <Text className={styles.intro}>{intro}</Text> : null}
      {children}
    </section>
  );
}

export type SuggestionsState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; slots: SlotSuggestion[] };

/** The booking form once the pathway is loaded; every rule is checked by the use case. */
export function BookMeetingForm({
  pathway,
  settings,
  suggestions,
}: {
  pathway: Pathway;
  settings: Settings;
  suggestions: SuggestionsState;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { services } = useSession();
  const members = pathway.team.members;

  const [choice, setChoice] = useState<CitizenChoice>(() => defaultCitizenChoice(pathway.citizen));
  const [email, setEmail] = useState(pathway.citizen.email ?? '');
  const [timeChoice, setTimeChoice] = useState<string | null>(null);
  const [custom, setCustom] = useState('');
  const [reason, setReason] = useState('');
  const [extra, setExtra] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; time?: string }>({});
  const [violations, setViolations] = useState<Violation[]>([]);
  const [violationTick, setViolationTick] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const customRef = useRef<HTMLInputElement>(null);
  const violationsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (violationTick > 0) violationsRef.current?.focus();
  }, [violationTick]);

  // Until the coordinator picks, the first suggestion is chosen (or their own time if none).
  const slots = suggestions.status === 'ready' ? suggestions.slots : [];
  const selected = timeChoice ?? (suggestions.status === 'loading' ? null : (slots[0]?.start ?? CUSTOM_TIME));
  const start = selected === CUSTOM_TIME ? parseLocalDateTime(custom, settings.timeZone) : selected ? new Date(selected) : null;

  const input: BookingInput | null = start
    ? {
        pathwayId: pathway.id,
        start: start.toISOString(),
        citizenInvitation: toInvitation(choice, email, pathway.citizen.phone),
        outsideWindowReason: null,
        extraAgenda: agendaLines(extra),
      }
    : null;
  // The preview is checked without a reason, so it tells whether the time is outside the windows.
  const preview = useAsync(async () => (input ? previewBooking(services, input) : null), [JSON.stringify(input)]);
  const previewViolations = preview.data && !preview.data.validation.ok ? preview.data.validation.violations : [];
  const outsideWindow = input !== null && previewViolations.some((v) => v.code === 'OUTSIDE_MEETING_WINDOW');

  const nameOfEmail = (e: string) =>
    members.find((m) => m.email.toLocaleLowerCase('da') === e.toLocaleLowerCase('da'))?.displayName ?? e;
  const nameOf = (id: string) => members.find((m) => m.personId === id)?.displayName ?? id;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busyRef.current) return;
    const errors: { email?: string; time?: string } = {};
    if (choice === 'email' && isMalformedEmail(email)) errors.email = t.booking.errors.email;
    if (selected === null) errors.time = t.booking.errors.time;
    else if (selected === CUSTOM_TIME) {
      if (custom.trim() === '') errors.time = t.booking.errors.time;
      else if (!start) errors.time = t.booking.errors.timeInvalid;
      else if (start.getTime() < services.clock.now().getTime()) errors.time = t.booking.errors.timePast;
    }
    setFieldErrors(errors);
    setViolations([]);
    setFailure(null);
    if (errors.email) emailRef.current?.focus();
    else if (errors.time) customRef.current?.focus();
    if (errors.email || errors.time || !input) return;

    busyRef.current = true;
    setBusy(true);
    try {
      const meeting = await bookMeeting(services, {
        ...input,
        outsideWindowReason: outsideWindow && reason.trim() !== '' ? reason.trim() : null,
      });
      navigate(href.meeting(meeting.id));
    } catch (error: unknown) {
      if (error instanceof RuleViolationError) {
        setViolations(error.violations);
        setViolationTick((n) => n + 1);
      } else {
        setFailure(error);
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  const reasonRefused = violations.some((v) => v.code === 'OUTSIDE_MEETING_WINDOW');

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate data-testid="book-meeting-form">
      <ConsentNotice pathwayId={pathway.id} />
      <Section title={t.booking.attendeesTitle} testId="attendees" intro={t.booking.mandatoryExplained}>
        <RequiredAttendees members={members} />
      </Section>

      <Section title={t.booking.citizenTitle} testId="citizen">
        <CitizenChoiceField
          choice={choice}
          onChoice={setChoice}
          email={email}
          onEmail={setEmail}
          emailError={fieldErrors.email}
          emailRef={emailRef}
          phone={pathway.citizen.phone}
        />
      </Section>

      <Section title={t.booking.timeTitle} testId="time">
        <TimeChoice
          suggestions={suggestions}
          value={selected}
          onChange={setTimeChoice}
          custom={custom}
          onCustomChange={setCustom}
          customError={fieldErrors.time}
          customRef={customRef}
          nameOfEmail={nameOfEmail}
        />
        {outsideWindow ? (
          <>
            <MessageBar intent="warning">
              <MessageBarBody>{t.booking.outsideWindowNote}</MessageBarBody>
            </MessageBar>
            <Field
              label={t.booking.reason}
              hint={t.booking.reasonHint}
              required
              validationMessage={reasonRefused ? t.violation.OUTSIDE_MEETING_WINDOW : undefined}
            >
              <Textarea value={reason} onChange={(_, d) => setReason(d.value.slice(0, 500))} maxLength={500} rows={2} resize="vertical" />
            </Field>
          </>
        ) : null}
      </Section>

      <Section title={t.booking.agendaTitle} testId="agenda" intro={t.booking.agendaIntro}>
        {preview.data ? <AgendaPreview agenda={preview.data.agenda} /> : null}
        {!preview.data && preview.status === 'loading' && input ? <LoadingState label={t.booking.previewLoading} /> : null}
        {!input ? <Text>{t.booking.previewUnavailable}</Text> : null}
        {preview.status === 'error' ? <ErrorState error={preview.error} onRetry={preview.reload} /> : null}
        <Field label={t.booking.extraAgenda} hint={t.booking.extraAgendaHint}>
          <Textarea value={extra} onChange={(_, d) => setExtra(d.value)} rows={3} resize="vertical" />
        </Field>
      </Section>

      <Section title={t.booking.calendarTitle} testId="calendar" intro={t.booking.calendarIntro}>
        {preview.data ? <CalendarPreview subject={preview.data.subject} body={preview.data.body} /> : null}
        {!input ? <Text>{t.booking.previewUnavailable}</Text> : null}
      </Section>

      <div ref={violationsRef} tabIndex={-1} className={styles.violations}>
        <ViolationList title={t.booking.refused} violations={violations} nameOf={nameOf} />
      </div>
      {failure ? <ErrorState error={failure} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t.booking.book}
        </Button>
        {busy ? <Spinner size="tiny" label={t.booking.booking} role="status" /> : null}
      </div>
    </form>
  );
}
