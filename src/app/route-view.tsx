import { lazy, Suspense } from 'react';
import { BookMeetingScreen } from '../features/book-meeting/book-meeting-screen';
import { MeetingScreen } from '../features/in-meeting/meeting-screen';
import { MinutesScreen } from '../features/minutes/minutes-screen';
import { NewPathwayScreen } from '../features/pathways/new-pathway-screen';
import { PathwayListScreen } from '../features/pathways/pathway-list-screen';
import { PathwayScreen } from '../features/pathways/pathway-screen';
import { useStrings } from '../ui/i18n';
import { Page } from '../ui/page';
import { href, type Route } from '../ui/routes';
import { EmptyState, LoadingState } from '../ui/states';

// The leader review is its own chunk: staff in a meeting never load it (ARCHITECTURE.md,
// "Small first load").
const LeaderReviewScreen = lazy(() =>
  import('../features/leader-review/leader-review-screen').then((m) => ({ default: m.LeaderReviewScreen })),
);

export function RouteView({ route }: { route: Route }) {
  const t = useStrings();
  switch (route.name) {
    case 'pathways':
      return <PathwayListScreen />;
    case 'new-pathway':
      return <NewPathwayScreen />;
    case 'pathway':
      return <PathwayScreen key={route.pathwayId} pathwayId={route.pathwayId} />;
    case 'book':
      return <BookMeetingScreen key={route.pathwayId} pathwayId={route.pathwayId} />;
    case 'meeting':
      return <MeetingScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'minutes':
      return <MinutesScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'leader':
      return (
        <Suspense fallback={<LoadingState />}>
          <LeaderReviewScreen query={route.query} />
        </Suspense>
      );
    case 'not-found':
      return (
        <Page title={t.common.notFoundTitle} back={{ href: href.pathways(), label: t.shell.myPathways }}>
          <EmptyState title={t.common.notFoundBody} />
        </Page>
      );
  }
}
