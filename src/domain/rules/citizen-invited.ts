import type { CitizenInvitation } from '../model';
import { OK, fail, type RuleResult } from '../result';

/**
 * Rule 1, "no meeting about the citizen without the citizen" (Ballerup: "Der holdes derfor
 * ikke møder om borgeren, uden at borgeren er til stede"). The citizen is invited as an
 * attendee with an e-mail address, or recorded as attending in person or by phone.
 */
export function checkCitizenInvited(
  invitation: CitizenInvitation | null,
  /** E-mail addresses on the invitation as it stands (the live calendar event). */
  attendeeEmails?: readonly string[],
): RuleResult {
  if (!invitation) return fail({ code: 'CITIZEN_NOT_INVITED' });
  if (invitation.mode !== 'email') return OK;
  const email = invitation.email.trim().toLocaleLowerCase('da');
  if (email === '') return fail({ code: 'CITIZEN_NOT_INVITED' });
  if (attendeeEmails && !attendeeEmails.some((a) => a.trim().toLocaleLowerCase('da') === email)) {
    return fail({ code: 'CITIZEN_NOT_INVITED' });
  }
  return OK;
}
