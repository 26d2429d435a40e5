import { Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  intro: { color: tokens.colorNeutralForeground2 },
});

/** One section of the plan page: an h2, an optional intro and action, the content. */
export function PlanSection({
  title,
  testId,
  intro,
  action,
  children,
}: {
  title: string;
  testId: string;
  intro?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={testId}>
      <div className={styles.head}>
        <Title3 as="h2" id={headingId}>
          {title}
        </Title3>
        {action}
      </div>
      {intro ? <Text className={styles.intro}>{intro}</Text> : null}
      {children}
    </section>
  );
}
