import type { DecisionInput } from '../../application';
import {
  DateOnlySchema,
  type CitizenPosition,
  type Commitment,
  type DateOnly,
  type Decision,
  type DecisionDraft,
  type Id,
} from '../../domain/model';

/** What the decision form holds; saved as a DecisionDraft while it is typed (rule 7). */
export interface DecisionFormValues {
  /** Chosen when the form starts, kept through reloads: a retried save stores the decision once. */
  decisionId: Id;
  supersedes: Id | null;
  text: string;
  goalId: Id | null;
  departmentIds: Id[];
  /** Digits only, as typed; '' counts as 0. */
  amount: string;
  responsibleId: Id | null;
  dueDate: DateOnly | null;
  citizenPosition: CitizenPosition | null;
}

export type DecisionFormField = 'text' | 'departments' | 'responsible' | 'dueDate' | 'citizenPosition';

/** The largest amount the field accepts (nine digits): far beyond any mandate, and an exact integer. */
const MAX_AMOUNT_DIGITS = 9;

export function emptyValues(decisionId: Id): DecisionFormValues {
  return {
    decisionId,
    supersedes: null,
    text: '',
    goalId: null,
    departmentIds: [],
    amount: '0',
    responsibleId: null,
    dueDate: null,
    citizenPosition: null,
  };
}

/** A correction starts from the decision it replaces (decisions are never edited in place). */
export function correctionValues(decisionId: Id, old: Decision): DecisionFormValues {
  return {
    decisionId,
    supersedes: old.id,
    text: old.text,
    goalId: old.goalId,
    departmentIds: old.commitments.map((c) => c.departmentId),
    amount: String(Math.max(0, ...old.commitments.map((c) => c.amountDkk))),
    responsibleId: old.responsibleId,
    dueDate: old.dueDate,
    citizenPosition: old.citizenPosition,
  };
}

/** Keeps only digits, so the amount is always a whole number of kroner. */
export function normaliseAmount(typed: string): string {
  return typed.replace(/\D/g, '').slice(0, MAX_AMOUNT_DIGITS);
}

function amountDkk(values: DecisionFormValues): number {
  return values.amount === '' ? 0 : Number(values.amount);
}

/** One amount for the decision, checked against the mandate of each committed department. */
export function commitments(values: DecisionFormValues): Commitment[] {
  const amount = amountDkk(values);
  return values.departmentIds.map((departmentId) => ({ departmentId, amountDkk: amount }));
}

export function isPristine(values: DecisionFormValues): boolean {
  const empty = emptyValues(values.decisionId);
  return JSON.stringify({ ...values, amount: amountDkk(values) }) === JSON.stringify({ ...empty, amount: 0 });
}

export function fromDraft(draft: DecisionDraft): DecisionFormValues {
  return {
    decisionId: draft.decisionId,
    supersedes: draft.supersedes,
    text: draft.text,
    goalId: draft.goalId,
    departmentIds: draft.departmentIds,
    amount: String(draft.amountDkk),
    responsibleId: draft.responsibleId,
    dueDate: draft.dueDate,
    citizenPosition: draft.citizenPosition,
  };
}

export function toDraft(values: DecisionFormValues, meetingId: Id, authorId: Id): Omit<DecisionDraft, 'updatedAt'> {
  return {
    meetingId,
    authorId,
    decisionId: values.decisionId,
    supersedes: values.supersedes,
    text: values.text,
    goalId: values.goalId,
    departmentIds: values.departmentIds,
    amountDkk: amountDkk(values),
    responsibleId: values.responsibleId,
    dueDate: values.dueDate,
    citizenPosition: values.citizenPosition,
  };
}

/** The fields that stop the decision from being saved, in form order. */
export function missingFields(values: DecisionFormValues): DecisionFormField[] {
  const missing: DecisionFormField[] = [];
  if (values.text.trim() === '') missing.push('text');
  if (values.departmentIds.length === 0) missing.push('departments');
  if (values.responsibleId === null) missing.push('responsible');
  if (values.dueDate === null || !DateOnlySchema.safeParse(values.dueDate).success) missing.push('dueDate');
  if (values.citizenPosition === null) missing.push('citizenPosition');
  return missing;
}

/** The use case's input; call only when `missingFields` is empty. */
export function toInput(values: DecisionFormValues, meetingId: Id): DecisionInput {
  if (values.responsibleId === null || values.dueDate === null) {
    throw new Error('toInput: the form is incomplete (check missingFields first)');
  }
  return {
    decisionId: values.decisionId,
    meetingId,
    text: values.text,
    goalId: values.goalId,
    commitments: commitments(values),
    responsibleId: values.responsibleId,
    dueDate: values.dueDate,
    citizenPosition: values.citizenPosition,
    supersedes: values.supersedes,
  };
}
