import type { Strings } from '../../ui/strings/da';
import type { FieldError } from './new-pathway-form';

/** The text of a form error code, in the user's language. */
export function fieldErrorText(error: FieldError | undefined, t: Strings): string | undefined {
  if (!error) return undefined;
  const e = t.pathways.errors;
  switch (error.code) {
    case 'required':
      return e.required;
    case 'too-long':
      return e.tooLong(error.max);
    case 'cpr':
      return e.cpr;
    case 'cpr-text':
      return e.cprText;
    case 'email':
      return e.email;
    case 'email-for-teams':
      return e.emailForTeams;
    case 'goals':
      return e.goals;
    case 'amount':
      return e.amount;
    case 'department':
      return e.department;
  }
}
