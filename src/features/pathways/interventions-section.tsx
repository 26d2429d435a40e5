import {
  Field,
  Input,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanChange } from '../../application/pathways';
import {
  InterventionSchema,
  InterventionStatusSchema,
  type Goal,
  type Intervention,
} from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName, useSession } from '../../ui/services-context';
import { AddForm } from './add-form';
import { parseDate, titleError } from './plan-form-checks';
import { PlanSection } from './plan-section';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1, minWidth: '220px' },
});

type InterventionStatus = Intervention['status'];

interface Draft {
  departmentId: string;
  title: string;
  status: InterventionStatus;
  startDate: string;
  endDate: string;
  goalId: string;
}

const emptyDraft = (departmentId: string): Draft => ({
  departmentId,
  title: '',
  status: 'planned',
  startDate: '',
  endDate: '',
  goalId: '',
});

type DraftErrors = Partial<Record<keyof Draft, string>>;

/** Indsatser: every department's efforts for the citizen, grouped by department. */
export function InterventionsSection({
  interventions,
  goals,
  teamDepartmentIds,
  onChange,
}: {
  interventions: readonly Intervention[];
  goals: readonly Goal[];
  teamDepartmentIds: readonly string[];
  onChange: (c: PlanChange) => Promise<boolean>;
}) {
  const { t, fmt, locale } = useI18n();
  const styles = useStyles();
  const { departments } = useSession();
  const departmentName = useDepartmentName();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(teamDepartmentIds[0] ?? ''));
  const [errors, setErrors] = useState<DraftErrors>({});

  const collator = new Intl.Collator(locale);
  const groups = [...new Set(interventions.map((i) => i.departmentId))]
    .sort((a, b) => collator.compare(departmentName(a), departmentName(b)))
    .map((departmentId) => ({
      departmentId,
      items: interventions
        .filter((i) => i.departmentId === departmentId)
        .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id)),
    }));
  const goalText = (id: string | null) => goals.find((g) => g.id === id)?.text ?? null;

  async function submit(): Promise<boolean> {
    const e: DraftErrors = {};
    const start = parseDate(draft.startDate);
    const end = draft.endDate.trim() === '' ? null : parseDate(draft.endDate);
    if (draft.departmentId === '') e.departmentId = t.pathways.errors.department;
    const te = titleError(draft.title, InterventionSchema.shape.title.maxLength ?? Infinity, t);
    if (te) e.title = te;
    if (!start) e.startDate = t.pathways.planErrors.date;
    if (draft.endDate.trim() !== '' && !end) e.endDate = t.pathways.planErrors.date;
    else if (start && end && end < start) e.endDate = t.pathways.planErrors.dateOrder;
    setErrors(e);
    if (Object.keys(e).length > 0 || !start) return false;
    return onChange({
      kind: 'add-intervention',
      intervention: {
        departmentId: draft.departmentId,
        title: draft.title.trim(),
        status: draft.status,
        startDate: start,
        endDate: end,
        goalId: draft.goalId === '' ? null : draft.goalId,
      },
    });
  }

  // The team's departments first: they are the ones that usually add an effort.
  const orderedDepartments = [
    ...departments.filter((d) => teamDepartmentIds.includes(d.id)),
    ...departments.filter((d) => !teamDepartmentIds.includes(d.id)),
  ];

  return (
    <PlanSection title={t.pathways.interventionsTitle} testId="interventions">
      {groups.length === 0 ? <Text>{t.pathways.noInterventions}</Text> : null}
      {groups.map((g) => (
        <div key={g.departmentId} className={styles.group} data-department-id={g.departmentId}>
          <Subtitle2 as="h3">{departmentName(g.departmentId)}</Subtitle2>
          <Table size="small" aria-label={departmentName(g.departmentId)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.pathways.interventionTitle}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.pathways.interventionStatusLabel}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.pathways.period}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.pathways.forGoal}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {g.items.map((i) => (
                <TableRow key={i.id}>
                  <TableCell>{i.title}</TableCell>
                  <TableCell>{t.pathways.interventionStatus[i.status]}</TableCell>
                  <TableCell>
                    {fmt.date(i.startDate)} – {i.endDate ? fmt.date(i.endDate) : t.pathways.ongoing}
                  </TableCell>
                  <TableCell>{goalText(i.goalId) ?? t.pathways.noGoalLink}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
      <AddForm
        label={t.pathways.addIntervention}
        testId="add-intervention-form"
        onSubmit={submit}
        onReset={() => {
          setDraft(emptyDraft(teamDepartmentIds[0] ?? ''));
          setErrors({});
        }}
      >
        <div className={styles.row}>
          <Field label={t.pathways.department} required validationMessage={errors.departmentId}>
            <Select value={draft.departmentId} onChange={(_, d) => setDraft({ ...draft, departmentId: d.value })}>
              <option value="" disabled>
                {t.pathways.chooseDepartment}
              </option>
              {orderedDepartments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.grow} label={t.pathways.interventionTitle} required validationMessage={errors.title}>
            <Input value={draft.title} onChange={(_, d) => setDraft({ ...draft, title: d.value })} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={t.pathways.interventionStatusLabel}>
            <Select
              value={draft.status}
              onChange={(_, d) => setDraft({ ...draft, status: InterventionStatusSchema.parse(d.value) })}
            >
              {InterventionStatusSchema.options.map((s) => (
                <option key={s} value={s}>
                  {t.pathways.interventionStatus[s]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.pathways.startDate} required validationMessage={errors.startDate}>
            <Input type="date" value={draft.startDate} onChange={(_, d) => setDraft({ ...draft, startDate: d.value })} />
          </Field>
          <Field label={t.pathways.endDate} validationMessage={errors.endDate}>
            <Input type="date" value={draft.endDate} onChange={(_, d) => setDraft({ ...draft, endDate: d.value })} />
          </Field>
        </div>
        <Field label={t.pathways.forGoal}>
          <Select value={draft.goalId} onChange={(_, d) => setDraft({ ...draft, goalId: d.value })}>
            <option value="">{t.pathways.noGoalLink}</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.text}
              </option>
            ))}
          </Select>
        </Field>
      </AddForm>
    </PlanSection>
  );
}
