import { Link } from '@fluentui/react-components';
import type { Id } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { href } from '../../ui/routes';

/** The citizen as leaders see them: initials and case reference, never the name. */
export function CitizenLink({ pathwayId, initials, caseRef }: { pathwayId: Id; initials: string; caseRef: string }) {
  const { t } = useI18n();
  return <Link href={href.pathway(pathwayId)}>{t.leader.citizenLink(initials, caseRef)}</Link>;
}
