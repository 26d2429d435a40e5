import { Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { SlotSuggestion } from '../../domain/rules/meeting-window';
import { useI18n } from '../../ui/i18n';
import { ErrorState, LoadingState } from '../../ui/states';

export const CUSTOM_TIME = 'custom';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  slot: { display: 'inline-flex', flexDirection: 'column' },
  free: { color: tokens.colorNeutralForeground2 },
  busy: { color: tokens.colorPaletteDarkOrangeForeground1 },
  custom: { marginLeft: tokens.spacingHorizontalXXL, maxWidth: '320px' },
});

/**
 * Suggested times from the meeting windows and the team's free/busy (rule 3), or a time of the
 * coordinator's own. Busy people are named, so the coordinator can weigh who would miss out.
 */
export function TimeChoice({
  suggestions,
  value,
  onChange,
  custom,
  onCustomChange,
  customError,
  customRef,
  nameOfEmail,
}: {
  suggestions: { status: 'loading' } | { status: 'error'; error: unknown; retry: () => void } | { status: 'ready'; slots: SlotSuggestion[] };
  value: string | null;
  onChange: (value: string) => void;
  custom: string;
  onCustomChange: (value: string) => void;
  customError: string | undefined;
  customRef: Ref<HTMLInputElement>;
  nameOfEmail: (email: string) => string;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const slots = suggestions.status === 'ready' ? suggestions.slots : [];
  return (
    <div className={styles.root}>
      <Text>{t.booking.suggestionsIntro}</Text>
      {suggestions.status === 'loading' ? <LoadingState label={t.booking.suggestionsLoading} /> : null}
      {suggestions.status === 'error' ? <ErrorState error={suggestions.error} onRetry={suggestions.retry} /> : null}
      {suggestions.status === 'ready' && slots.length === 0 ? <Text>{t.booking.noSuggestions}</Text> : null}
      <Field label={t.booking.timeLegend} required>
        <RadioGroup value={value ?? ''} onChange={(_, d) => onChange(d.value)} data-testid="time-choice">
          {slots.map((s) => (
            <Radio
              key={s.start}
              value={s.start}
              label={
                <span className={styles.slot}>
                  <span>{t.booking.slotLabel(fmt.weekdayDateTime(s.start), fmt.time(s.end))}</span>
                  {s.busy.length === 0 ? (
                    <span className={styles.free}>{t.booking.allFree}</span>
                  ) : (
                    <span className={styles.busy}>{t.booking.busy(s.busy.map(nameOfEmail).join(', '))}</span>
                  )}
                </span>
              }
            />
          ))}
          <Radio value={CUSTOM_TIME} label={t.booking.customTime} />
        </RadioGroup>
      </Field>
      {value === CUSTOM_TIME ? (
        <Field
          className={styles.custom}
          label={t.booking.customTimeField}
          hint={t.booking.customTimeHint}
          required
          validationMessage={customError}
        >
          <Input type="datetime-local" value={custom} onChange={(_, d) => onCustomChange(d.value)} ref={customRef} />
        </Field>
      ) : null}
    </div>
  );
}
