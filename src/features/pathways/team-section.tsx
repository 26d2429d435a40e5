import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { TeamMember } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
import { PlanSection } from './plan-section';

/** Teamet: who is on the team, for which department, and what they may decide. */
export function TeamSection({ members }: { members: readonly TeamMember[] }) {
  const { t, fmt } = useI18n();
  const departmentName = useDepartmentName();
  return (
    <PlanSection title={t.pathways.teamTitle} testId="team">
      <Table aria-label={t.pathways.teamTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.pathways.colMember}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.pathways.colDepartment}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.pathways.colRole}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.pathways.colMandate}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.personId} data-person-id={m.personId}>
              <TableCell>{m.displayName}</TableCell>
              <TableCell>{departmentName(m.departmentId)}</TableCell>
              <TableCell>{t.pathways.role[m.role]}</TableCell>
              <TableCell>
                {m.mandate
                  ? `${m.mandate.description} (${t.pathways.mandateUpTo(fmt.amount(m.mandate.maxAmountDkk))})`
                  : t.pathways.noMandate}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </PlanSection>
  );
}
