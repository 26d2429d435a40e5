import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import {
  ConsentGrantSchema,
  ReplacedPlanSchema,
  type Consent,
  type ConsentForm as ConsentFormKind,
  type ConsentGrant,
  type DateOnly,
  type Department,
  type ReplacedPlan,
} from '../../domain/model';
import { addDays } from '../../domain/time';
import { useI18n } from '../../ui/i18n';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Errors = { givenOn?: string; departments?: string; reviewDate?: string };

/**
 * Registers or renews the consent: date, how, which departments, which sector plans the one
 * plan replaces, and the review date. A renewal starts from the current consent.
 */
export function ConsentForm({
  current,
  departments,
  today,
  busy,
  onSubmit,
  onCancel,
}: {
  current: Consent | null;
  departments: readonly Department[];
  today: DateOnly;
  busy: boolean;
  onSubmit: (grant: ConsentGrant) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const depLegendId = useId();
  const planLegendId = useId();
  const depHintId = useId();
  const depErrorId = useId();
  const [givenOn, setGivenOn] = useState<string>(today);
  const [form, setForm] = useState<ConsentFormKind>(current?.form ?? 'written');
  const [deps, setDeps] = useState<string[]>(current ? [...current.scope.departmentIds] : []);
  const [plans, setPlans] = useState<ReplacedPlan[]>(current ? [...current.scope.replacedPlans] : []);
  const [reviewDate, setReviewDate] = useState<string>(addDays(today, 365));
  const [errors, setErrors] = useState<Errors>({});

  const toggle = <T extends string>(list: readonly T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);

  function submit(e: FormEvent) {
    e.preventDefault();
    const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
    const next: Errors = {};
    if (!isDate(givenOn)) next.givenOn = t.consent.errors.date;
    if (!isDate(reviewDate)) next.reviewDate = t.consent.errors.date;
    else if (isDate(givenOn) && reviewDate < givenOn) next.reviewDate = t.consent.errors.reviewBeforeGiven;
    if (deps.length === 0) next.departments = t.consent.errors.departments;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    // Keep the municipality's order of departments and the enum's order of plans.
    const ordered = departments.map((d) => d.id).filter((id) => deps.includes(id));
    const parsed = ConsentGrantSchema.safeParse({
      givenOn,
      form,
      scope: { departmentIds: ordered, replacedPlans: ReplacedPlanSchema.options.filter((p) => plans.includes(p)) },
      reviewDate,
    });
    if (parsed.success) onSubmit(parsed.data);
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={headingId} data-testid="consent-form">
      <Title3 as="h3" id={headingId}>
        {current ? t.consent.formTitleRenew : t.consent.formTitleRegister}
      </Title3>
      <Field label={t.consent.formGivenOn} required validationMessage={errors.givenOn}>
        <Input type="date" value={givenOn} onChange={(_, d) => setGivenOn(d.value)} />
      </Field>
      <Field label={t.consent.formHow} required>
        <RadioGroup value={form} onChange={(_, d) => setForm(d.value === 'oral' ? 'oral' : 'written')}>
          <Radio value="written" label={t.consent.form.written} />
          <Radio value="oral" label={t.consent.form.oral} />
        </RadioGroup>
      </Field>
      {/* Not wrapped in a Field: a Field would give every checkbox in it the same id. */}
      <fieldset
        className={styles.group}
        aria-labelledby={depLegendId}
        aria-describedby={errors.departments ? `${depHintId} ${depErrorId}` : depHintId}
      >
        <legend id={depLegendId} className={styles.legend}>
          {t.consent.formDepartments}
        </legend>
        <Text id={depHintId} size={200}>
          {t.consent.formDepartmentsHint}
        </Text>
        {departments.map((d) => (
          <Checkbox
            key={d.id}
            label={d.name}
            checked={deps.includes(d.id)}
            onChange={(_, data) => setDeps((list) => toggle(list, d.id, data.checked === true))}
          />
        ))}
        {errors.departments ? (
          <Text id={depErrorId} className={styles.error} role="alert">
            {errors.departments}
          </Text>
        ) : null}
      </fieldset>
      <fieldset className={styles.group} aria-labelledby={planLegendId}>
        <legend id={planLegendId} className={styles.legend}>
          {t.consent.formPlans}
        </legend>
        {ReplacedPlanSchema.options.map((p) => (
          <Checkbox
            key={p}
            label={t.consent.replacedPlan[p]}
            checked={plans.includes(p)}
            onChange={(_, data) => setPlans((list) => toggle(list, p, data.checked === true))}
          />
        ))}
      </fieldset>
      <Field label={t.consent.formReviewDate} required validationMessage={errors.reviewDate}>
        <Input type="date" value={reviewDate} onChange={(_, d) => setReviewDate(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? t.common.saving : t.common.save}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
