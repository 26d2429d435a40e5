import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { LeaderReview } from '../../application';
import { useI18n } from '../../ui/i18n';
import { CitizenLink } from './citizen-link';
import { ReviewSection } from './review-section';
import { useLimitedList } from './use-limited-list';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  intro: { color: tokens.colorNeutralForeground2 },
});

/** Møder uden borgeren: held meetings the citizen did not attend (rule 1). */
export function NoCitizenSection({ meetings }: { meetings: LeaderReview['meetingsWithoutCitizen'] }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const { shown, more } = useLimitedList(meetings);
  return (
    <ReviewSection title={t.leader.noCitizenHeading} testId="leader-no-citizen">
      {() => (
        <>
          <Text className={styles.intro}>{t.leader.noCitizenIntro}</Text>
          {meetings.length === 0 ? (
            <Text>{t.leader.noCitizenEmpty}</Text>
          ) : (
            <ul className={styles.list}>
              {shown.map(({ meeting, initials, caseRef }) => (
                <li key={meeting.id} className={styles.item} data-meeting-id={meeting.id}>
                  <Text>{fmt.dateTime(meeting.start)}</Text>
                  <CitizenLink pathwayId={meeting.pathwayId} initials={initials} caseRef={caseRef} />
                  <Badge appearance="outline">{t.meetingStatus[meeting.status]}</Badge>
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
