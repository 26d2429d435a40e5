import { localParts } from '../domain/time';
import { StageConsent } from '../features/consent/stage-consent';
import { TIME_ZONE } from '../ui/i18n';
import { useSession } from '../ui/services-context';
import { ErrorState } from '../ui/states';
import { useAsync } from '../ui/use-async';

/**
 * The citizen's consent on the meeting stage (rule 8; the consent feature's StageConsent), filled
 * into the stage feature's `consent` slot by the composition root: features do not import each
 * other. Used by the Teams stage and the standalone stage route alike.
 */
export function StageConsentSlot({ meetingId }: { meetingId: string }) {
  const { services } = useSession();
  const state = useAsync(async () => {
    const meeting = await services.store.getMeeting(meetingId);
    if (!meeting) return null;
    const [pathway, consent] = await Promise.all([services.store.getPathway(meeting.pathwayId), services.store.getConsent(meeting.pathwayId)]);
    return pathway ? { pathway, consent, today: localParts(services.clock.now(), TIME_ZONE).date } : null;
  }, [meetingId]);
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.status !== 'ready' || !state.data) return null;
  return <StageConsent consent={state.data.consent} citizenName={state.data.pathway.citizen.displayName} today={state.data.today} />;
}
