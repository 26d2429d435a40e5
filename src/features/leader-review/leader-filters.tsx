import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DateOnlySchema, type Id } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
import { DEFAULT_FILTERS, periodIsValid, type LeaderFilters } from './leader-query';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'end',
    // Grid items default to min-width: auto, so a select as wide as its longest option would
    // run under its neighbour.
    '& > *': { minWidth: 0 },
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

const STATUSES = ['all', 'decided', 'requires-leader-follow-up'] as const;

/** The filters; each change becomes a new URL (see leader-query.ts). */
export function LeaderFiltersForm({
  filters,
  leaderOf,
  people,
  onChange,
}: {
  filters: LeaderFilters;
  leaderOf: readonly Id[];
  people: readonly { id: Id; name: string }[];
  onChange: (filters: LeaderFilters) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const set = (patch: Partial<LeaderFilters>) => onChange({ ...filters, ...patch });
  const date = (value: string) => (DateOnlySchema.safeParse(value).success ? value : null);
  const periodError = periodIsValid(filters) ? undefined : t.leader.invalidPeriod;
  // A responsible person named in a shared link is shown even if not on any team any more.
  const options =
    filters.responsibleId !== null && !people.some((p) => p.id === filters.responsibleId)
      ? [...people, { id: filters.responsibleId, name: filters.responsibleId }]
      : people;

  return (
    <div className={styles.form} role="search" aria-label={t.leader.filtersHeading}>
      <Field label={t.leader.department}>
        <Select value={filters.departmentId ?? ''} onChange={(_, d) => set({ departmentId: d.value === '' ? null : d.value })}>
          <option value="">{t.leader.allMyDepartments}</option>
          {leaderOf.map((id) => (
            <option key={id} value={id}>
              {departmentName(id)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.leader.status}>
        <Select
          value={filters.status}
          onChange={(_, d) => set({ status: STATUSES.find((s) => s === d.value) ?? 'all' })}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'all' ? t.leader.statusAll : t.decisionStatus[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.leader.from} validationMessage={periodError}>
        <Input type="date" value={filters.from ?? ''} onChange={(_, d) => set({ from: date(d.value) })} />
      </Field>
      <Field label={t.leader.to}>
        <Input type="date" value={filters.to ?? ''} onChange={(_, d) => set({ to: date(d.value) })} />
      </Field>
      <Field label={t.leader.responsible}>
        <Select
          value={filters.responsibleId ?? ''}
          onChange={(_, d) => set({ responsibleId: d.value === '' ? null : d.value })}
        >
          <option value="">{t.leader.anyone}</option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label={t.leader.onlyOverdue}
        checked={filters.onlyOverdue}
        onChange={(_, d) => set({ onlyOverdue: d.checked === true })}
      />
      <div>
        <Button onClick={() => onChange(DEFAULT_FILTERS)}>{t.leader.resetFilters}</Button>
      </div>
      <Text className={styles.hint}>{t.leader.shareHint}</Text>
    </div>
  );
}
