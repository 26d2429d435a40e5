import { Badge, MessageBar, MessageBarBody, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { MinutesContent, MinutesPerson } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    breakInside: 'avoid',
  },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  plainList: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  missing: {
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorNeutralForeground1,
  },
  quote: { whiteSpace: 'pre-wrap', margin: 0 },
  decision: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
});

function Section({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}

/**
 * The generated minutes (PRODUCT.md, "referat"): who was invited and who came, with absence
 * without notice marked (rule 2, mødepligt); then the citizen's own view first (rule 5); the
 * decisions with the citizen's position (rule 6); actions; escalations; the next meeting.
 */
export function MinutesSections({ content }: { content: MinutesContent }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const people = (list: readonly MinutesPerson[]) =>
    list.length === 0 ? t.minutes.nobody : list.map((p) => `${p.displayName} (${departmentName(p.departmentId)})`).join(', ');
  const decisionText = new Map(content.decisions.map((d) => [d.decisionId, d.text]));

  return (
    <>
      <Section title={t.minutes.meetingHeading} testId="minutes-meeting">
        <dl className={styles.facts}>
          <dt className={styles.term}>{t.minutes.date}</dt>
          <dd className={styles.detail}>{fmt.weekdayDateTime(content.meetingStart)}</dd>
          <dt className={styles.term}>{t.minutes.citizenInvitedBy}</dt>
          <dd className={styles.detail}>{t.minutes.citizenInvitation[content.citizenInvitation.mode]}</dd>
          <dt className={styles.term}>{t.minutes.citizenAttendance}</dt>
          <dd className={styles.detail}>
            {content.citizenPresent === null
              ? t.minutes.citizenUnknown
              : content.citizenPresent
                ? t.minutes.citizenPresent
                : t.minutes.citizenAbsent}
          </dd>
        </dl>
      </Section>

      <Section title={t.minutes.attendanceHeading} testId="minutes-attendance">
        <dl className={styles.facts}>
          <dt className={styles.term}>{t.minutes.invited}</dt>
          <dd className={styles.detail}>{people(content.invited)}</dd>
          <dt className={styles.term}>{t.minutes.present}</dt>
          <dd className={styles.detail}>{people(content.present)}</dd>
          <dt className={styles.term}>{t.minutes.absentWithNotice}</dt>
          <dd className={styles.detail}>{people(content.absentWithNotice)}</dd>
          {content.absentWithoutNotice.length === 0 ? (
            <>
              <dt className={styles.term}>{t.minutes.absentWithoutNotice}</dt>
              <dd className={styles.detail}>{t.minutes.nobody}</dd>
            </>
          ) : null}
        </dl>
        {content.absentWithoutNotice.length > 0 ? (
          <div className={styles.missing} data-testid="absent-without-notice">
            <Text weight="semibold" block>
              {t.minutes.absentWithoutNotice}: {people(content.absentWithoutNotice)}
            </Text>
            <Text>{t.minutes.mandatoryAttendance}</Text>
          </div>
        ) : null}
      </Section>

      <Section title={t.minutes.citizenViewHeading} testId="minutes-citizen-view">
        {content.citizenView === '' ? (
          <Text>{t.minutes.citizenViewEmpty}</Text>
        ) : (
          <blockquote className={styles.quote}>
            <Text>{content.citizenView}</Text>
          </blockquote>
        )}
      </Section>

      <Section title={t.minutes.decisionsHeading} testId="minutes-decisions">
        {content.decisions.length === 0 ? (
          <Text>{t.minutes.decisionsEmpty}</Text>
        ) : (
          <ol className={styles.plainList}>
            {content.decisions.map((d) => (
              <li key={d.decisionId} className={styles.decision}>
                <Text weight="semibold">{d.text}</Text>
                <div className={styles.badges}>
                  {d.escalated ? (
                    <Badge appearance="tint" color="warning">
                      {t.decisionStatus['requires-leader-follow-up']}
                    </Badge>
                  ) : null}
                  {d.supersedes ? <Text size={200}>{t.minutes.corrects}</Text> : null}
                </div>
                <dl className={styles.facts}>
                  <dt className={styles.term}>{t.minutes.position}</dt>
                  <dd className={styles.detail}>{t.citizenPosition[d.citizenPosition]}</dd>
                  {d.goalText ? (
                    <>
                      <dt className={styles.term}>{t.minutes.goal}</dt>
                      <dd className={styles.detail}>{d.goalText}</dd>
                    </>
                  ) : null}
                  <dt className={styles.term}>{t.minutes.departments}</dt>
                  <dd className={styles.detail}>{d.departmentIds.map(departmentName).join(', ')}</dd>
                  <dt className={styles.term}>{t.minutes.responsible}</dt>
                  <dd className={styles.detail}>{d.responsibleName}</dd>
                  <dt className={styles.term}>{t.minutes.due}</dt>
                  <dd className={styles.detail}>{fmt.date(d.dueDate)}</dd>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={t.minutes.actionsHeading} testId="minutes-actions">
        {content.actions.length === 0 ? (
          <Text>{t.minutes.actionsEmpty}</Text>
        ) : (
          <ul className={styles.list}>
            {content.actions.map((a) => (
              <li key={a.actionId}>
                <Text>
                  {a.title} ({t.minutes.actionMeta(a.ownerName, fmt.date(a.dueDate))})
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t.minutes.escalationsHeading} testId="minutes-escalations">
        {content.escalations.length === 0 ? (
          <Text>{t.minutes.escalationsEmpty}</Text>
        ) : (
          <ul className={styles.list}>
            {content.escalations.map((e) => (
              <li key={`${e.decisionId}-${e.code}-${e.departmentId}`}>
                <Text weight="semibold" block>
                  {decisionText.get(e.decisionId) ?? e.decisionId}
                </Text>
                <Text block>{t.escalation[e.code](departmentName(e.departmentId))}</Text>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t.minutes.nextMeetingHeading} testId="minutes-next-meeting">
        {content.nextMeeting === null ? (
          <MessageBar intent="info">
            <MessageBarBody>{t.minutes.noNextMeeting}</MessageBarBody>
          </MessageBar>
        ) : (
          <Text>{fmt.weekdayDateTime(content.nextMeeting)}</Text>
        )}
      </Section>

      {/* Rule 8: minutes written before consent was recorded have no consent entry at all. */}
      {content.consent !== undefined ? (
        <Section title={t.consent.minutes.heading} testId="minutes-consent">
          {content.consent === null ? (
            <Text>{t.consent.minutes.none}</Text>
          ) : (
            <>
              <Text>
                {t.consent.minutes.summary(
                  t.consent.status[content.consent.status],
                  fmt.date(content.consent.givenOn),
                  fmt.date(content.consent.reviewDate),
                )}
              </Text>
              <Text>
                {`${t.consent.scope}: ${content.consent.departmentIds.map(departmentName).join(', ') || t.minutes.nobody}`}
              </Text>
            </>
          )}
        </Section>
      ) : null}
    </>
  );
}
