import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../ui/i18n';
import { useSession } from '../../ui/services-context';
import { fieldErrorText } from './field-error-text';
import type { FieldError, MemberField, MemberForm } from './new-pathway-form';

const useStyles = makeStyles({
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  grow: { flexGrow: 1, minWidth: '220px' },
  detail: { color: tokens.colorNeutralForeground2 },
});

/** One team member in the new-pathway form: department, optional mandate, remove. */
export function TeamMemberEditor({
  member,
  isMe,
  errors,
  onChange,
  onRemove,
}: {
  member: MemberForm;
  isMe: boolean;
  errors: Partial<Record<MemberField, FieldError>> | undefined;
  onChange: (member: MemberForm) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { departments } = useSession();
  const name = member.person.displayName;
  return (
    <fieldset className={styles.fieldset} data-testid="team-member" data-person-id={member.person.id}>
      <legend className={styles.legend}>
        {name} {isMe ? t.pathways.you : null} · {t.pathways.role[member.role]}
      </legend>
      <Text size={200} className={styles.detail}>
        {[member.person.jobTitle, member.person.email].filter(Boolean).join(' · ')}
      </Text>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label={t.pathways.department}
          required
          validationMessage={fieldErrorText(errors?.departmentId, t)}
        >
          <Select value={member.departmentId} onChange={(_, d) => onChange({ ...member, departmentId: d.value })}>
            <option value="" disabled>
              {t.pathways.chooseDepartment}
            </option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
        {onRemove ? (
          <Button appearance="secondary" aria-label={t.pathways.removePerson(name)} onClick={onRemove}>
            {t.pathways.remove}
          </Button>
        ) : null}
      </div>
      <Checkbox
        checked={member.hasMandate}
        onChange={(_, d) => onChange({ ...member, hasMandate: d.checked === true })}
        label={t.pathways.hasMandate}
      />
      {member.hasMandate ? (
        <div className={styles.row}>
          <Field
            className={styles.grow}
            label={t.pathways.mandateDescription}
            required
            validationMessage={fieldErrorText(errors?.mandateDescription, t)}
          >
            <Input
              value={member.mandateDescription}
              onChange={(_, d) => onChange({ ...member, mandateDescription: d.value })}
            />
          </Field>
          <Field
            label={t.pathways.mandateMax}
            hint={t.pathways.mandateMaxHint}
            required
            validationMessage={fieldErrorText(errors?.mandateMax, t)}
          >
            <Input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={member.mandateMax}
              onChange={(_, d) => onChange({ ...member, mandateMax: d.value })}
            />
          </Field>
        </div>
      ) : null}
    </fieldset>
  );
}
