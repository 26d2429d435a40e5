import {
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { Attendee } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
import type { CheckInSaveState, CheckInValues } from './use-check-in';
import { MeetingSection } from './meeting-section';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  person: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { minWidth: '16rem', display: 'flex', flexDirection: 'column' },
  department: { color: tokens.colorNeutralForeground2 },
  state: { minHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
});

/** Fremmøde: who is here, who sent word (rule 2, mødepligt), and whether the citizen is. */
export function CheckInSection({
  attendees,
  values,
  saveState,
  onChange,
}: {
  attendees: readonly Attendee[];
  values: CheckInValues;
  saveState: CheckInSaveState;
  onChange: (values: CheckInValues) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const idPrefix = useId();

  const setRecord = (personId: string, patch: { present?: boolean; notice?: boolean }) =>
    onChange({
      ...values,
      attendance: values.attendance.map((r) => {
        if (r.personId !== personId) return r;
        const present = patch.present ?? r.present;
        // Someone who is here has not sent apologies.
        return { personId, present, notice: present ? false : (patch.notice ?? r.notice) };
      }),
    });

  const stateText =
    saveState === 'saving'
      ? t.meeting.checkinSaving
      : saveState === 'saved'
        ? t.meeting.checkinSaved
        : saveState === 'waiting'
          ? t.meeting.checkinWaiting
          : saveState === 'error'
          ? t.meeting.checkinError
          : '';

  return (
    <MeetingSection title={t.meeting.checkinHeading} intro={t.meeting.checkinIntro} testId="checkin">
      <ul className={styles.list}>
        {attendees.map((a) => {
          const record = values.attendance.find((r) => r.personId === a.personId);
          const nameId = `${idPrefix}-${a.personId}`;
          return (
            <li key={a.personId}>
              <div className={styles.person} role="group" aria-labelledby={nameId}>
              <span className={styles.name}>
                <Text weight="semibold" id={nameId}>
                  {a.displayName}
                </Text>
                <Text size={200} className={styles.department}>
                  {departmentName(a.departmentId)}
                </Text>
              </span>
              <Checkbox
                label={t.meeting.present}
                checked={record?.present ?? false}
                onChange={(_, d) => setRecord(a.personId, { present: d.checked === true })}
              />
              {record?.present ? null : (
                <Checkbox
                  label={t.meeting.notice}
                  checked={record?.notice ?? false}
                  onChange={(_, d) => setRecord(a.personId, { notice: d.checked === true })}
                />
              )}
              </div>
            </li>
          );
        })}
      </ul>
      <Field label={t.meeting.citizenPresentLabel}>
        <RadioGroup
          layout="horizontal"
          value={values.citizenPresent === null ? '' : values.citizenPresent ? 'yes' : 'no'}
          onChange={(_, d) => onChange({ ...values, citizenPresent: d.value === 'yes' })}
        >
          <Radio value="yes" label={t.meeting.citizenPresentYes} />
          <Radio value="no" label={t.meeting.citizenPresentNo} />
        </RadioGroup>
      </Field>
      {values.citizenPresent === false ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t.meeting.citizenAbsentWarning}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Text role="status" aria-live="polite" className={styles.state}>
        {stateText}
      </Text>
    </MeetingSection>
  );
}
