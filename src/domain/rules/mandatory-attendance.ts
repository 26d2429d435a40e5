import type { TeamMember } from '../model';
import { OK, fail, type RuleResult } from '../result';

/**
 * Rule 2, mødepligt: every team member is a required attendee. `required` lists the e-mail
 * addresses that are required on the invitation (optional attendees do not count).
 */
export function checkMandatoryAttendance(
  /** Only id and e-mail matter, so the Outlook send guard can pass what its payload carries. */
  team: readonly Pick<TeamMember, 'personId' | 'email'>[],
  required: readonly string[],
): RuleResult {
  const have = new Set(required.map((e) => e.trim().toLocaleLowerCase('da')));
  const missing = team
    .filter((m) => !have.has(m.email.trim().toLocaleLowerCase('da')))
    .map((m) => m.personId);
  return missing.length === 0 ? OK : fail({ code: 'MEMBER_NOT_REQUIRED', personIds: missing });
}
