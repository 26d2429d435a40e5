import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ConsentReviewRow } from '../../application/consent';
import { useI18n } from '../../ui/i18n';
import { CitizenLink } from './citizen-link';
import { ReviewSection } from './review-section';
import { useLimitedList } from './use-limited-list';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  intro: { color: tokens.colorNeutralForeground2 },
});

/** Samtykke (rule 8): pathways whose consent is missing, expiring within 30 days, expired or withdrawn. */
export function ConsentReviewSection({ rows }: { rows: readonly ConsentReviewRow[] }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const { shown, more } = useLimitedList(rows);
  return (
    <ReviewSection title={t.consent.review.heading} testId="leader-consent">
      {() => (
        <>
          <Text className={styles.intro}>{t.consent.review.intro}</Text>
          {rows.length === 0 ? (
            <Text>{t.consent.review.empty}</Text>
          ) : (
            <ul className={styles.list}>
              {shown.map((r) => (
                <li key={r.pathway.id} className={styles.item} data-pathway-id={r.pathway.id} data-kind={r.kind}>
                  <CitizenLink pathwayId={r.pathway.id} initials={r.pathway.initials} caseRef={r.pathway.caseRef} />
                  <Badge appearance="outline" color={r.kind === 'expiring' ? 'warning' : 'danger'}>
                    {t.consent.review.kind[r.kind]}
                  </Badge>
                  {r.reviewDate ? <Text>{t.consent.review.reviewDate(fmt.date(r.reviewDate))}</Text> : null}
                </li>
              ))}
            </ul>
          )}
          {more}
        </>
      )}
    </ReviewSection>
  );
}
