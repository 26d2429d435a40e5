import { Badge, Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanChange } from '../../application/pathways';
import { TransitionSchema, type DateOnly, type Transition } from '../../domain/model';
import { TRANSITION_HORIZON_DAYS } from '../../domain/rules/agenda';
import { daysBetween } from '../../domain/time';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName, useSession } from '../../ui/services-context';
import { AddForm } from './add-form';
import { parseDate, titleError } from './plan-form-checks';
import { PlanSection } from './plan-section';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  soon: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  detail: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1, minWidth: '220px' },
  checks: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

interface Draft {
  title: string;
  date: string;
  departmentIds: string[];
}

const emptyDraft = (): Draft => ({ title: '', date: '', departmentIds: [] });

/** Overgange: planned transitions; those due within 90 days go on the agenda (rule 5). */
export function TransitionsSection({
  transitions,
  today,
  teamDepartmentIds,
  onChange,
}: {
  transitions: readonly Transition[];
  today: DateOnly;
  teamDepartmentIds: readonly string[];
  onChange: (c: PlanChange) => Promise<boolean>;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const { departments } = useSession();
  const departmentName = useDepartmentName();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<{ title?: string; date?: string }>({});

  const sorted = [...transitions].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

  async function submit(): Promise<boolean> {
    const date = parseDate(draft.date);
    const e = {
      title: titleError(draft.title, TransitionSchema.shape.title.maxLength ?? Infinity, t),
      date: date ? undefined : t.pathways.planErrors.date,
    };
    setErrors(e);
    if (e.title || !date) return false;
    return onChange({
      kind: 'add-transition',
      transition: { title: draft.title.trim(), date, departmentIds: draft.departmentIds },
    });
  }

  const choosable = [
    ...departments.filter((d) => teamDepartmentIds.includes(d.id)),
    ...departments.filter((d) => !teamDepartmentIds.includes(d.id)),
  ];

  return (
    <PlanSection title={t.pathways.transitionsTitle} intro={t.pathways.transitionsIntro} testId="transitions">
      {sorted.length === 0 ? (
        <Text>{t.pathways.noTransitions}</Text>
      ) : (
        <ul className={styles.list}>
          {sorted.map((tr) => {
            const days = daysBetween(today, tr.date);
            const soon = days >= 0 && days <= TRANSITION_HORIZON_DAYS;
            return (
              <li
                key={tr.id}
                className={soon ? `${styles.item} ${styles.soon}` : styles.item}
                data-transition-id={tr.id}
                data-within-90={soon ? 'true' : 'false'}
              >
                <Text weight="semibold">{tr.title}</Text>
                <Text>{fmt.date(tr.date)}</Text>
                {soon ? (
                  <Badge appearance="tint" color="warning">
                    {t.pathways.within90}
                  </Badge>
                ) : null}
                {days < 0 ? (
                  <Badge appearance="outline" color="informative">
                    {t.pathways.passed}
                  </Badge>
                ) : null}
                {tr.departmentIds.length > 0 ? (
                  <Text className={styles.detail}>{tr.departmentIds.map(departmentName).join(', ')}</Text>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <AddForm
        label={t.pathways.addTransition}
        testId="add-transition-form"
        onSubmit={submit}
        onReset={() => {
          setDraft(emptyDraft());
          setErrors({});
        }}
      >
        <div className={styles.row}>
          <Field className={styles.grow} label={t.pathways.transitionTitle} required validationMessage={errors.title}>
            <Input value={draft.title} onChange={(_, d) => setDraft({ ...draft, title: d.value })} />
          </Field>
          <Field label={t.pathways.transitionDate} required validationMessage={errors.date}>
            <Input type="date" value={draft.date} onChange={(_, d) => setDraft({ ...draft, date: d.value })} />
          </Field>
        </div>
        <fieldset className={styles.checks}>
          <legend>{t.pathways.transitionDepartments}</legend>
          {choosable.map((d) => (
            <Checkbox
              key={d.id}
              label={d.name}
              checked={draft.departmentIds.includes(d.id)}
              onChange={(_, data) =>
                setDraft({
                  ...draft,
                  departmentIds: data.checked
                    ? [...draft.departmentIds, d.id]
                    : draft.departmentIds.filter((id) => id !== d.id),
                })
              }
            />
          ))}
        </fieldset>
      </AddForm>
    </PlanSection>
  );
}
