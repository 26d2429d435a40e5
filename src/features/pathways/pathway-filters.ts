import type { Id, Pathway } from '../../domain/model';

/** The person coordinates the pathway or is on its team. */
export function isInvolved(pathway: Pathway, personId: Id): boolean {
  return pathway.coordinatorId === personId || pathway.team.members.some((m) => m.personId === personId);
}

const fold = (text: string): string => text.trim().toLocaleLowerCase('da');

/** Matches the citizen's name, initials or case reference (case-insensitive); '' matches all. */
export function matchesSearch(pathway: Pathway, query: string): boolean {
  const needle = fold(query);
  if (needle === '') return true;
  const { displayName, initials, caseRef } = pathway.citizen;
  return [displayName, initials, caseRef].some((field) => fold(field).includes(needle));
}

/**
 * The coordinator's name from the team. A coordinator missing from the team (an inconsistent
 * record) is shown by id rather than hidden.
 */
export function coordinatorName(pathway: Pathway): string {
  return pathway.team.members.find((m) => m.personId === pathway.coordinatorId)?.displayName ?? pathway.coordinatorId;
}
