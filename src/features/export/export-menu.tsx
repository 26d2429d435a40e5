import { DocumentTable20Regular, Table20Regular } from '@fluentui/react-icons';
import type { ReviewRow } from '../../application/leader-review';
import { localParts } from '../../domain/time';
import { TIME_ZONE, useI18n } from '../../ui/i18n';
import { useSession } from '../../ui/services-context';
import { DownloadMenu } from './download-menu';
import type { ReviewFormat } from './review-export';

/**
 * "Eksportér": the leader review's rows as shown (filtered and sorted) as CSV or an Excel
 * workbook. A Fluent menu (arrow keys, Enter, Escape), busy while the file is built, with the
 * outcome announced. The builders are loaded on first use.
 */
export function ExportMenu({ rows }: { rows: readonly ReviewRow[] }) {
  const { t } = useI18n();
  const { services, departments } = useSession();
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const build = (format: ReviewFormat) => async () => {
    const { buildReviewExport } = await import('./review-export');
    return buildReviewExport(rows, format, {
      t,
      departmentName: (id) => names.get(id) ?? id,
      timeZone: TIME_ZONE,
      today: localParts(services.clock.now(), TIME_ZONE).date,
    });
  };
  return (
    <DownloadMenu
      label={t.export.menu}
      ariaLabel={t.export.menuLabel}
      testId="review-export"
      disabledReason={rows.length === 0 ? t.export.empty : undefined}
      choices={[
        { id: 'csv', label: t.export.csv, icon: <Table20Regular />, testId: 'review-export-csv', build: build('csv') },
        { id: 'xlsx', label: t.export.xlsx, icon: <DocumentTable20Regular />, testId: 'review-export-xlsx', build: build('xlsx') },
      ]}
    />
  );
}
