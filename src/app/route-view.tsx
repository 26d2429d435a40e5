import { lazy, Suspense } from 'react';
import { PathwayListScreen } from '../features/pathways/pathway-list-screen';
import { useStrings } from '../ui/i18n';
import { Page } from '../ui/page';
import { href, type Route } from '../ui/routes';
import { EmptyState, LoadingState } from '../ui/states';

// One chunk per job (ARCHITECTURE.md, "Small first load"): the first screen is the pathway
// list; a staff member in a meeting never loads the leader review, a leader never loads the
// booking form.
const NewPathwayScreen = lazy(() => import('../features/pathways/new-pathway-screen').then((m) => ({ default: m.NewPathwayScreen })));
const PathwayScreen = lazy(() => import('../features/pathways/pathway-screen').then((m) => ({ default: m.PathwayScreen })));
const BookMeetingScreen = lazy(() =>
  import('../features/book-meeting/book-meeting-screen').then((m) => ({ default: m.BookMeetingScreen })),
);
const MeetingScreen = lazy(() => import('../features/in-meeting/meeting-screen').then((m) => ({ default: m.MeetingScreen })));
const MinutesScreen = lazy(() => import('../features/minutes/minutes-screen').then((m) => ({ default: m.MinutesScreen })));
// Consent (rule 8): its section is rendered into the pathway screen, its stage on its own route.
const ConsentSection = lazy(() => import('../features/consent/consent-section').then((m) => ({ default: m.ConsentSection })));
// The same stage as in Teams (it follows the meeting screen's presenter), with the consent slot.
const StageScreen = lazy(() => import('./standalone-stage').then((m) => ({ default: m.StandaloneStage })));
// Exports (issue 6) are their own feature and chunk: the screens that offer them get a slot.
const ExportMenu = lazy(() => import('../features/export/export-menu').then((m) => ({ default: m.ExportMenu })));
const PlanExportMenu = lazy(() => import('../features/export/plan-export-menu').then((m) => ({ default: m.PlanExportMenu })));
// An administrator's screen: its own chunk, which staff in a meeting never load.
const DepartmentsScreen = lazy(() => import('../features/departments/departments-screen').then((m) => ({ default: m.DepartmentsScreen })));
const LeaderReviewScreen = lazy(() =>
  import('../features/leader-review/leader-review-screen').then((m) => ({ default: m.LeaderReviewScreen })),
);

export function RouteView({ route }: { route: Route }) {
  return (
    <Suspense fallback={<LoadingState />}>
      <RouteSwitch route={route} />
    </Suspense>
  );
}

function RouteSwitch({ route }: { route: Route }) {
  const t = useStrings();
  switch (route.name) {
    case 'pathways':
      return <PathwayListScreen />;
    case 'new-pathway':
      return <NewPathwayScreen />;
    case 'pathway':
      return (
        <PathwayScreen
          key={route.pathwayId}
          pathwayId={route.pathwayId}
          decisionId={route.decisionId}
          consentSlot={
            <Suspense fallback={<LoadingState />}>
              <ConsentSection pathwayId={route.pathwayId} />
            </Suspense>
          }
        />
      );
    case 'book':
      return <BookMeetingScreen key={route.pathwayId} pathwayId={route.pathwayId} />;
    case 'meeting':
      return <MeetingScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'minutes':
      return (
        <MinutesScreen
          key={route.meetingId}
          meetingId={route.meetingId}
          exportSlot={(meeting, minutes) => (
            <Suspense fallback={null}>
              <PlanExportMenu meeting={meeting} minutes={minutes} />
            </Suspense>
          )}
        />
      );
    case 'stage':
      return <StageScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'leader':
      return (
        <LeaderReviewScreen
          query={route.query}
          exportSlot={(rows) => (
            <Suspense fallback={null}>
              <ExportMenu rows={rows} />
            </Suspense>
          )}
        />
      );
    case 'departments':
      return <DepartmentsScreen />;
    case 'not-found':
      return (
        <Page title={t.common.notFoundTitle} back={{ href: href.pathways(), label: t.shell.myPathways }}>
          <EmptyState title={t.common.notFoundBody} />
        </Page>
      );
  }
}
