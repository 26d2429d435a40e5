import { StageScreen } from '../features/stage/stage-screen';
import { useStrings } from '../ui/i18n';
import { href } from '../ui/routes';
import { StageConsentSlot } from './stage-consent-slot';

/**
 * The meeting stage in standalone mode (`#/moede/<id>/scene`): the same stage as in Teams (it
 * follows the presenter of the meeting screen in another tab), with the consent and a way back.
 */
export function StandaloneStage({ meetingId }: { meetingId: string }) {
  const t = useStrings();
  return (
    <StageScreen
      meetingId={meetingId}
      consent={<StageConsentSlot meetingId={meetingId} />}
      back={{ href: href.meeting(meetingId), label: t.consent.stage.backToMeeting }}
    />
  );
}
