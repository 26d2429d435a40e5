import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import { useI18n } from '../../ui/i18n';
import { CITIZEN_CHOICES, type CitizenChoice } from './booking-form';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  nested: { marginLeft: tokens.spacingHorizontalXXL, maxWidth: '420px' },
});

/** How the citizen takes part (rule 1): invited by e-mail, in person, by phone, or not at all. */
export function CitizenChoiceField({
  choice,
  onChoice,
  email,
  onEmail,
  emailError,
  emailRef,
  phone,
}: {
  choice: CitizenChoice;
  onChoice: (c: CitizenChoice) => void;
  email: string;
  onEmail: (email: string) => void;
  emailError: string | undefined;
  emailRef: Ref<HTMLInputElement>;
  phone: string | null;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const labels: Record<CitizenChoice, string> = {
    email: t.booking.citizenEmail,
    'in-person': t.booking.citizenInPerson,
    phone: t.booking.citizenPhone,
    none: t.booking.citizenNone,
  };
  return (
    <div className={styles.root}>
      <Field label={t.booking.citizenLegend} required>
        <RadioGroup
          value={choice}
          onChange={(_, d) => onChoice(CITIZEN_CHOICES.find((c) => c === d.value) ?? 'none')}
          data-testid="citizen-choice"
        >
          {CITIZEN_CHOICES.map((c) => (
            <Radio key={c} value={c} label={labels[c]} />
          ))}
        </RadioGroup>
      </Field>
      {choice === 'email' ? (
        <Field className={styles.nested} label={t.booking.citizenEmailField} required validationMessage={emailError}>
          <Input type="email" value={email} onChange={(_, d) => onEmail(d.value)} ref={emailRef} autoComplete="off" />
        </Field>
      ) : null}
      {choice === 'phone' && phone ? <Text className={styles.nested}>{t.booking.citizenPhoneNumber(phone)}</Text> : null}
      {choice === 'none' ? (
        <MessageBar intent="warning" className={styles.nested}>
          <MessageBarBody>{t.booking.citizenNoneNote}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
