import {
  Badge,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Switch,
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
import { useDeferredValue, useMemo, useState } from 'react';
import type { Pathway, TeamMeeting } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { href } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { coordinatorName, isInvolved, matchesSearch } from './pathway-filters';

const useStyles = makeStyles({
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalXL },
  search: { minWidth: '280px', flexGrow: 1, maxWidth: '480px' },
  citizen: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  initials: { color: tokens.colorNeutralForeground2 },
  // The brand link colour misses 4.5:1 on the warning bar in the dark theme.
  barLink: { color: tokens.colorNeutralForeground1, textDecorationLine: 'underline', ':hover': { color: tokens.colorNeutralForeground1 } },
});

interface ListData {
  pathways: Pathway[];
  /** The next planned meeting of each pathway, by pathway id. */
  nextMeeting: Map<string, TeamMeeting>;
}

/** "Mine forløb": the pathways the signed-in person coordinates or is on the team of. */
export function PathwayListScreen() {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const { services, me, departments } = useSession();
  const [query, setQuery] = useState('');
  const [showAll, setShowAll] = useState(false);
  const deferredQuery = useDeferredValue(query);

  const state = useAsync<ListData>(async () => {
    const now = services.clock.now().toISOString();
    // One query for every upcoming meeting rather than one per pathway.
    const [pathways, upcoming] = await Promise.all([
      services.store.listPathways(),
      services.store.listMeetings({ from: now }),
    ]);
    const nextMeeting = new Map<string, TeamMeeting>();
    for (const m of upcoming) {
      if (m.status !== 'planned') continue;
      const seen = nextMeeting.get(m.pathwayId);
      if (!seen || m.start < seen.start) nextMeeting.set(m.pathwayId, m);
    }
    return { pathways, nextMeeting };
  }, []);

  const visible = useMemo(() => {
    const all = state.data?.pathways ?? [];
    const mine = all.filter((p) => isInvolved(p, me.id));
    // With "Vis alle forløb" the user's own pathways still come first.
    const scoped = showAll ? [...mine, ...all.filter((p) => !isInvolved(p, me.id))] : mine;
    return scoped.filter((p) => matchesSearch(p, deferredQuery));
  }, [state.data, showAll, me.id, deferredQuery]);

  const actions = (
    <Button appearance="primary" as="a" href={href.newPathway()}>
      {t.pathways.newPathway}
    </Button>
  );

  return (
    <Page title={t.pathways.listTitle} actions={actions}>
      {departments.length === 0 ? (
        // A freshly set-up store: teams need departments, so the first step is theirs.
        <MessageBar intent="warning" layout="multiline" data-testid="no-departments">
          <MessageBarBody>
            <MessageBarTitle>{t.departments.noDepartmentsTitle}</MessageBarTitle>
            {t.departments.noDepartmentsBody} <Link inline className={styles.barLink} href={href.departments()}>
              {t.departments.noDepartmentsLink}
            </Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.tools}>
        <Field label={t.pathways.search} hint={t.pathways.searchHint} className={styles.search}>
          <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <Switch
          checked={showAll}
          onChange={(_, d) => setShowAll(d.checked)}
          label={t.pathways.showAll}
        />
      </div>
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'loading' && !state.data ? <LoadingState /> : null}
      {state.data ? (
        <>
          <Text role="status" aria-live="polite">
            {t.pathways.count(visible.length)}
          </Text>
          {visible.length === 0 ? (
            query.trim() !== '' ? (
              <EmptyState title={t.pathways.emptySearchTitle(query.trim())} />
            ) : showAll ? (
              <EmptyState title={t.pathways.emptyAllTitle} action={actions} />
            ) : (
              <EmptyState
                title={t.pathways.emptyMineTitle}
                action={
                  <Button appearance="secondary" onClick={() => setShowAll(true)}>
                    {t.pathways.showAll}
                  </Button>
                }
              >
                {t.pathways.emptyMineBody}
              </EmptyState>
            )
          ) : (
            <Table aria-label={t.pathways.tableLabel} data-testid="pathway-list">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.pathways.colCitizen}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.pathways.colCaseRef}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.pathways.colCoordinator}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.pathways.colTeam}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.pathways.colNextMeeting}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {visible.map((p) => {
                  const next = state.data?.nextMeeting.get(p.id);
                  return (
                    <TableRow key={p.id} data-pathway-id={p.id}>
                      <TableCell>
                        <span className={styles.citizen}>
                          <Link href={href.pathway(p.id)}>{p.citizen.displayName}</Link>
                          <span className={styles.initials}>({p.citizen.initials})</span>
                          {p.status === 'closed' ? (
                            <Badge appearance="outline" color="informative">
                              {t.pathways.pathwayStatus.closed}
                            </Badge>
                          ) : null}
                        </span>
                      </TableCell>
                      <TableCell>{p.citizen.caseRef}</TableCell>
                      <TableCell>{coordinatorName(p)}</TableCell>
                      <TableCell>{t.pathways.teamSize(p.team.members.length)}</TableCell>
                      <TableCell>{next ? fmt.weekdayDateTime(next.start) : t.pathways.noNextMeeting}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </>
      ) : null}
    </Page>
  );
}
