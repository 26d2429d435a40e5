import type { ReviewRow } from '../../application/leader-review';
import type { Id } from '../../domain/model';
import { localParts } from '../../domain/time';
import type { Strings } from '../../ui/strings/da';
import { redactCpr } from './redact';

/** A table of text cells: the header first, then one row per decision. */
export type TextTable = string[][];

export interface ReviewTableOptions {
  t: Strings;
  /** Department id -> its name (the session's departments); an unknown id is shown as itself. */
  departmentName: (id: Id) => string;
  /** The municipality's time zone: the decision's date is its local calendar day. */
  timeZone: string;
}

/**
 * The leader review's rows as the exported table (CSV and Excel share it): date, citizen
 * initials and case reference (never a CPR number: free text is passed through `redactCpr`),
 * decision, departments, responsible, status, action status and due date, overdue, and the
 * escalation reasons of rule 6. Dates are ISO (`2026-11-27`) so a spreadsheet sorts them.
 * Rows keep the order they are given in (the screen's current sort).
 */
export function reviewTable(rows: readonly ReviewRow[], options: ReviewTableOptions): TextTable {
  const { t, departmentName, timeZone } = options;
  const c = t.export.columns;
  const clean = (text: string) => redactCpr(text, t.export.cprRemoved);
  const header = [c.date, c.initials, c.caseRef, c.decision, c.departments, c.responsible, c.status, c.action, c.due, c.overdue, c.escalation];
  const body = rows.map((r) => {
    const d = r.decision;
    const departments = [...new Set(d.commitments.map((x) => x.departmentId))].map(departmentName);
    const escalations = d.escalations.map((e) => t.escalation[e.code](departmentName(e.departmentId)));
    return [
      localParts(new Date(d.createdAt), timeZone).date,
      clean(r.pathway.initials),
      clean(r.pathway.caseRef),
      clean(d.text),
      departments.join(', '),
      clean(r.responsibleName),
      t.decisionStatus[d.status],
      r.action === null ? '' : t.export.actionStatus[r.action.status],
      r.action?.dueDate ?? d.dueDate,
      r.overdue ? t.export.yes : t.export.no,
      escalations.join('; '),
    ];
  });
  return [header, ...body];
}
