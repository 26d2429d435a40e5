import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DepartmentAreaSchema, type Department, type DepartmentArea, type Person } from '../../domain';
import { useI18n } from '../../ui/i18n';
import { PeoplePicker } from '../../ui/people-picker';
import { draftOf, type DepartmentDraft, type DraftError } from './department-draft';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '640px',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, outlineStyle: 'none' },
  subheading: { margin: 0 },
  leaderSection: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  leaders: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  leader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/**
 * Adds or edits one department: name, area, the Entra ID department texts (one per line) and the
 * leaders, picked with the shared people picker. `errors` come from the screen's check of the
 * whole set (a name or a directory text that another department already has).
 */
export function DepartmentForm({
  department,
  errors,
  busy,
  departmentName,
  onSubmit,
  onCancel,
}: {
  /** null: a new department. */
  department: Department | null;
  errors: readonly DraftError[];
  busy: boolean;
  /** The name of another department (for "already places staff in ..."). */
  departmentName: (id: string) => string;
  onSubmit: (draft: DepartmentDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const s = t.departments;
  const styles = useStyles();
  const ids = { heading: useId(), leaders: useId() };
  const [draft, setDraft] = useState<DepartmentDraft>(() => draftOf(department));
  const [nameMissing, setNameMissing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens below the list: keyboard and screen-reader users land on its heading.
  useEffect(() => heading.current?.focus(), []);

  const change = (patch: Partial<DepartmentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const addLeader = (p: Person) =>
    setDraft((d) => (d.leaders.some((l) => l.personId === p.id) ? d : { ...d, leaders: [...d.leaders, { personId: p.id, displayName: p.displayName }] }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = draft.name.trim() === '';
    setNameMissing(missing);
    if (!missing) onSubmit(draft);
  };

  const nameError =
    nameMissing || errors.some((e) => e.code === 'NAME_REQUIRED')
      ? s.nameRequired
      : errors.flatMap((e) => (e.code === 'DEPARTMENT_NAME_TAKEN' ? [s.nameTaken(e.name)] : [])).join(' ') || undefined;
  const directoryError =
    errors.flatMap((e) => (e.code === 'DIRECTORY_NAME_TAKEN' ? [s.directoryNameTaken(e.directoryName, departmentName(e.otherId))] : [])).join(' ') ||
    undefined;

  return (
    <form className={styles.form} aria-labelledby={ids.heading} onSubmit={submit} noValidate data-testid="department-form">
      <h2 id={ids.heading} ref={heading} tabIndex={-1} className={styles.heading}>
        {department === null ? s.addTitle : s.editTitle(department.name)}
      </h2>
      <Field label={s.nameLabel} hint={s.nameHint} required validationMessage={nameError}>
        <Input value={draft.name} onChange={(_, d) => change({ name: d.value })} maxLength={200} />
      </Field>
      <Field label={s.areaLabel}>
        <Select value={draft.area} onChange={(_, d) => change({ area: DepartmentAreaSchema.parse(d.value) })}>
          {DepartmentAreaSchema.options.map((area: DepartmentArea) => (
            <option key={area} value={area}>
              {t.departmentArea[area]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.directoryNamesLabel} hint={s.directoryNamesHint} validationMessage={directoryError}>
        <Textarea value={draft.directoryNames} onChange={(_, d) => change({ directoryNames: d.value })} resize="vertical" rows={2} />
      </Field>
      <section aria-labelledby={ids.leaders} className={styles.leaderSection}>
        <h3 id={ids.leaders} className={styles.subheading}>
          {s.leadersHeading}
        </h3>
        <Text className={styles.hint}>
          {s.leadersHint}
        </Text>
        {draft.leaders.length === 0 ? (
          <Text>{s.noLeaders}</Text>
        ) : (
          <ul className={styles.leaders} aria-label={s.leadersLabel} data-testid="department-leaders">
            {draft.leaders.map((l) => (
              <li key={l.personId} className={styles.leader}>
                <Text>{l.displayName}</Text>
                <Button
                  size="small"
                  aria-label={s.removeLeader(l.displayName)}
                  onClick={() => change({ leaders: draft.leaders.filter((x) => x.personId !== l.personId) })}
                >
                  {s.removeShort}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <PeoplePicker
          chosenIds={new Set(draft.leaders.map((l) => l.personId))}
          onAdd={addLeader}
          resultsTestId="leader-results"
          labels={{
            find: s.findLeader,
            hint: s.findLeaderHint,
            results: t.pathways.searchResults,
            noneFound: t.pathways.noStaffFound,
            add: t.pathways.add,
            addPerson: s.addLeader,
            alreadyChosen: s.alreadyLeader,
          }}
        />
      </section>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {s.saveButton}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
