import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, DocumentTable20Regular, Table20Regular } from '@fluentui/react-icons';
import type { ReviewRow } from '../../application/leader-review';
import { localParts } from '../../domain/time';
import { TIME_ZONE, useI18n } from '../../ui/i18n';
import { useSession } from '../../ui/services-context';
import { ExportStatus } from './export-status';
import type { ReviewFormat } from './review-export';
import { useFileExport } from './use-file-export';

const useStyles = makeStyles({
  root: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * "Eksportér": the leader review's rows as shown (filtered and sorted) as CSV or an Excel
 * workbook. A Fluent menu (arrow keys, Enter, Escape), busy while the file is built, with the
 * outcome announced. The builders are loaded on first use.
 */
export function ExportMenu({ rows }: { rows: readonly ReviewRow[] }) {
  const { t } = useI18n();
  const { services, departments } = useSession();
  const styles = useStyles();
  const { state, run } = useFileExport();
  const building = state.status === 'building';
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const exportAs = (format: ReviewFormat) =>
    void run(async () => {
      const { buildReviewExport } = await import('./review-export');
      return buildReviewExport(rows, format, {
        t,
        departmentName: (id) => names.get(id) ?? id,
        timeZone: TIME_ZONE,
        today: localParts(services.clock.now(), TIME_ZONE).date,
      });
    });
  return (
    <div className={styles.root}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton
            icon={building ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
            disabledFocusable={building || rows.length === 0}
            aria-label={t.export.menuLabel}
            title={rows.length === 0 ? t.export.empty : undefined}
            data-testid="review-export"
          >
            {building ? t.export.building : t.export.menu}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem icon={<Table20Regular />} onClick={() => exportAs('csv')} data-testid="review-export-csv">
              {t.export.csv}
            </MenuItem>
            <MenuItem icon={<DocumentTable20Regular />} onClick={() => exportAs('xlsx')} data-testid="review-export-xlsx">
              {t.export.xlsx}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <ExportStatus state={state} />
    </div>
  );
}
