import { requirePathway } from '../../application/pathways';
import { suggestMeetingTimes } from '../../application/book-meeting';
import { useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { href } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { BookMeetingForm, type SuggestionsState } from './book-meeting-form';

/** "Book teammøde": the team, the citizen, a time, the agenda, and what the calendar gets. */
export function BookMeetingScreen({ pathwayId }: { pathwayId: string }) {
  const { t } = useI18n();
  const { services } = useSession();
  const base = useAsync(async () => {
    const [pathway, settings] = await Promise.all([requirePathway(services, pathwayId), services.store.getSettings()]);
    return { pathway, settings };
  }, [pathwayId]);
  // Free/busy is its own request: the form is usable (own time) even while or if it fails.
  const found = useAsync(() => suggestMeetingTimes(services, pathwayId), [pathwayId]);
  const suggestions: SuggestionsState =
    found.status === 'ready'
      ? { status: 'ready', slots: found.data }
      : found.status === 'error'
        ? { status: 'error', error: found.error, retry: found.reload }
        : { status: 'loading' };

  const back = { href: href.pathway(pathwayId), label: t.booking.backToPathway };
  if (!base.data) {
    return (
      <Page title={t.booking.title} back={back}>
        {base.status === 'error' ? <ErrorState error={base.error} onRetry={base.reload} /> : <LoadingState />}
      </Page>
    );
  }
  return (
    <Page title={t.booking.titleFor(base.data.pathway.citizen.displayName)} back={back}>
      <BookMeetingForm pathway={base.data.pathway} settings={base.data.settings} suggestions={suggestions} />
    </Page>
  );
}
