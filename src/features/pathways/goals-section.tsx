import { Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanChange } from '../../application/pathways';
import { GoalSchema, type Goal } from '../../domain/model';
import { containsCpr } from '../../domain/rules/sensitive-data';
import { useI18n } from '../../ui/i18n';
import { AddForm } from './add-form';
import { PlanSection } from './plan-section';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
  },
});

/** Borgerens mål: the citizen's goals in their own words, shown as quotes. */
export function GoalsSection({ goals, onChange }: { goals: readonly Goal[]; onChange: (c: PlanChange) => Promise<boolean> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function submit(): Promise<boolean> {
    const value = text.trim();
    const max = GoalSchema.shape.text.maxLength ?? Infinity;
    if (value === '') return fail(t.pathways.errors.required);
    if (value.length > max) return fail(t.pathways.errors.tooLong(max));
    if (containsCpr(value)) return fail(t.pathways.errors.cprText);
    return onChange({ kind: 'add-goal', text: value });
  }
  function fail(message: string): false {
    setError(message);
    return false;
  }

  return (
    <PlanSection title={t.pathways.goalsTitle} intro={t.pathways.goalsIntro} testId="goals">
      {goals.length === 0 ? (
        <Text>{t.pathways.noGoals}</Text>
      ) : (
        <ul className={styles.list}>
          {goals.map((g) => (
            <li key={g.id} data-goal-id={g.id}>
              <blockquote className={styles.quote}>»{g.text}«</blockquote>
            </li>
          ))}
        </ul>
      )}
      <AddForm
        label={t.pathways.addGoal}
        testId="add-goal-form"
        onSubmit={submit}
        onReset={() => {
          setText('');
          setError(undefined);
        }}
      >
        <Field label={t.pathways.newGoal} required validationMessage={error}>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={2} resize="vertical" />
        </Field>
      </AddForm>
    </PlanSection>
  );
}
