import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular, ArrowSortRegular } from '@fluentui/react-icons';
import { observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ReviewRow } from '../../application';
import { useI18n } from '../../ui/i18n';
import { href } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import type { LeaderSort, SortKey } from './leader-query';
import { ReviewSection } from './review-section';

/**
 * Every row has the same height, so the virtualizer never measures a row: scrolling 50,000
 * decisions costs the same per frame as scrolling 50 (bench/leader-review.mjs). The decision
 * text is clamped to three lines; the whole text is in the plan, one click away.
 */
export const ROW_HEIGHT = 76;
const HEADER_HEIGHT = 40;
/** About ten rows visible; the page itself scrolls for the rest of the review. */
const MAX_BODY_HEIGHT = ROW_HEIGHT * 9;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gap. */
const OVERSCAN = 8;
/** Before the first layout (and in jsdom, which has none) the table assumes this viewport. */
const INITIAL_RECT: Rect = { width: 1200, height: MAX_BODY_HEIGHT };

/**
 * Columns sized for a 1280 px Teams window: the decision text gets what the fixed columns leave
 * (at least 14rem); below that the table scrolls sideways inside its own frame.
 */
const COLUMNS = '6.5rem 8rem minmax(12rem, 3fr) minmax(8.5rem, 1.2fr) minmax(7rem, 1fr) 6.5rem 12.5rem 7rem 5.5rem';
/** The sum of the columns' minimums: header and body are both at least this wide, so they align. */
const MIN_WIDTH = '73.5rem';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  count: { color: tokens.colorNeutralForeground2 },
  table: {
    position: 'relative',
    overflow: 'auto',
    maxHeight: `min(${MAX_BODY_HEIGHT + HEADER_HEIGHT}px, 75vh)`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    minWidth: MIN_WIDTH,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'stretch',
  },
  headRow: { minHeight: `${HEADER_HEIGHT}px` },
  body: { position: 'relative', minWidth: MIN_WIDTH },
  bodyRow: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  escalated: { boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorStatusWarningBorder2}` },
  overdue: { boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorStatusDangerBorder2}` },
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflow: 'hidden',
    minWidth: 0,
    overflowWrap: 'break-word',
  },
  headCell: {
    display: 'flex',
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
  },
  plainHead: { padding: `0 ${tokens.spacingHorizontalS}` },
  sortButton: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    width: '100%',
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  sortIcon: { flexShrink: 0, fontSize: '16px' },
  text: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // Plain elements styled with the tokens of Fluent's Badge (tint success/warning, filled
  // danger) and Link: the row renders 30 times per screenful while scrolling, and Fluent's
  // components cost about a third more per row than these (bench/leader-review.mjs).
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    whiteSpace: 'nowrap',
    minHeight: '20px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  decided: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}`,
  },
  escalatedBadge: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteYellowForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}`,
  },
  overdueBadge: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    borderRadius: tokens.borderRadiusSmall,
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, textDecorationLine: 'underline' },
  },
  links: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
});

/**
 * The first frame shows only the rows in view; the rows above and below (OVERSCAN) are added
 * right after it is painted. They are off screen, and rendering them first nearly doubled the
 * time to the first rows (bench/leader-review.mjs: 1.35x to 1.05x a bare table).
 */
function useOverscanAfterFirstPaint(): number {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timeout from inside the frame callback runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted ? OVERSCAN : 0;
}

/** In jsdom, or before layout, the scroller measures 0 × 0: show a screenful instead of nothing. */
function observeRectOrInitial(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : INITIAL_RECT));
}

/**
 * Beslutninger: every standing decision in scope, virtualized. Screen readers get table
 * semantics for the whole list: `aria-rowcount` is every row (with the header), each rendered
 * row carries its `aria-rowindex`, and the sorted column its `aria-sort`. Escalations and overdue
 * actions stand out by a badge, not by colour alone.
 */
export function DecisionsTable({
  rows,
  sort,
  onSort,
  toolbar,
}: {
  rows: readonly ReviewRow[];
  sort: LeaderSort;
  onSort: (key: SortKey) => void;
  /** Actions on the view (copy link, exports), shown above the table. */
  toolbar?: ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { departments } = useSession();
  const departmentNames = useMemo(() => new Map(departments.map((d) => [d.id, d.name])), [departments]);
  const c = t.leader.columns;
  const countId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const overscan = useOverscanAfterFirstPaint();
  // The app does not use the React Compiler; this component re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    initialRect: INITIAL_RECT,
    observeElementRect: observeRectOrInitial,
    // No getItemKey: the virtualizer keys its size cache by index. Every row has the same
    // height, so that cache is never used, and a string key per row cost ~12 ms per render at
    // 50,000 rows (bench/leader-review.mjs). React still keys each row by its decision below.
  });

  const header = (key: SortKey | null, label: string) => {
    if (key === null) {
      return (
        <div role="columnheader" className={mergeClasses(styles.headCell, styles.plainHead)}>
          {label}
        </div>
      );
    }
    const active = sort.key === key;
    const Icon = !active ? ArrowSortRegular : sort.direction === 'asc' ? ArrowSortUpRegular : ArrowSortDownRegular;
    return (
      <div
        role="columnheader"
        className={styles.headCell}
        aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
        data-sort-key={key}
      >
        <button type="button" className={styles.sortButton} onClick={() => onSort(key)}>
          {label}
          <Icon className={styles.sortIcon} aria-hidden />
        </button>
      </div>
    );
  };

  return (
    <ReviewSection title={t.leader.decisionsHeading} testId="leader-decisions">
      {(headingId) => (
        <>
          <div className={styles.toolbar}>
            <Text id={countId} className={styles.count} role="status" data-testid="leader-decisions-count">
              {t.leader.decisionsCount(rows.length)}
            </Text>
            {toolbar}
          </div>
          {rows.length === 0 ? (
            <Text>{t.leader.decisionsEmpty}</Text>
          ) : (
            <div
              ref={scrollRef}
              role="table"
              aria-labelledby={headingId}
              aria-describedby={countId}
              aria-rowcount={rows.length + 1}
              // The table scrolls on its own: focusable, so the keyboard can scroll it (WCAG 2.1.1).
              tabIndex={0}
              className={styles.table}
              data-testid="leader-decisions-table"
            >
              <div role="rowgroup" className={styles.head}>
                <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.headRow)}>
                  {header('date', c.date)}
                  {header('citizen', c.citizen)}
                  {header('decision', c.decision)}
                  {header(null, c.departments)}
                  {header('responsible', c.responsible)}
                  {header('due', c.due)}
                  {header('status', c.status)}
                  {header(null, c.position)}
                  {header(null, t.leader.links)}
                </div>
              </div>
              <div role="rowgroup" className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const row = rows[item.index];
                  return row === undefined ? null : (
                    <DecisionRowView
                      key={row.decision.id}
                      row={row}
                      index={item.index}
                      start={item.start}
                      departmentNames={departmentNames}
                      styles={styles}
                      i18n={i18n}
                    />
                  );
                })}
              </div>
            </div>
          )}
        </>
      )}
    </ReviewSection>
  );
}

/**
 * One row, memoised: while scrolling, the virtualizer re-renders the table every frame, and
 * only the rows that come into view should render (a row's props are stable while it stays).
 */
const DecisionRowView = memo(function DecisionRowView({
  row,
  index,
  start,
  departmentNames,
  styles,
  i18n,
}: {
  row: ReviewRow;
  index: number;
  start: number;
  departmentNames: ReadonlyMap<string, string>;
  /** The table's classes and strings, passed down: no hook per row (30 rows render per frame). */
  styles: ReturnType<typeof useStyles>;
  i18n: Pick<ReturnType<typeof useI18n>, 't' | 'fmt'>;
}) {
  const { t, fmt } = i18n;
  const d = row.decision;
  const escalated = d.status === 'requires-leader-follow-up';
  const citizen = t.leader.citizenLink(row.pathway.initials, row.pathway.caseRef);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-decision-id={d.id}
      data-due={d.dueDate}
      data-escalated={escalated ? 'true' : undefined}
      data-overdue={row.overdue ? 'true' : undefined}
      className={mergeClasses(styles.row, styles.bodyRow, escalated && styles.escalated, row.overdue && styles.overdue)}
      style={{ transform: `translateY(${start}px)` }}
    >
      <div role="cell" className={styles.cell}>
        {fmt.date(d.createdAt)}
      </div>
      <div role="cell" className={styles.cell}>
        <a className={styles.link} href={href.pathway(row.pathway.id)}>
          {citizen}
        </a>
      </div>
      <div role="cell" className={styles.cell}>
        <span className={styles.text} title={d.text}>
          {d.text}
        </span>
      </div>
      <div role="cell" className={styles.cell}>
        {[...new Set(d.commitments.map((x) => x.departmentId))].map((id) => departmentNames.get(id) ?? id).join(', ')}
      </div>
      <div role="cell" className={styles.cell}>
        {row.responsibleName}
      </div>
      <div role="cell" className={styles.cell}>
        {fmt.date(d.dueDate)}
      </div>
      <div role="cell" className={styles.cell}>
        <span className={styles.badges}>
          <span className={mergeClasses(styles.badge, escalated ? styles.escalatedBadge : styles.decided)}>
            {t.decisionStatus[d.status]}
          </span>
          {row.overdue ? <span className={mergeClasses(styles.badge, styles.overdueBadge)}>{t.leader.overdue}</span> : null}
        </span>
      </div>
      <div role="cell" className={styles.cell}>
        {t.citizenPosition[d.citizenPosition]}
      </div>
      <div role="cell" className={mergeClasses(styles.cell, styles.links)}>
        <a className={styles.link} href={href.decision(row.pathway.id, d.id)} aria-label={t.leader.openPlanFor(citizen)}>
          {t.leader.openPlan}
        </a>
        <a className={styles.link} href={href.minutes(d.meetingId)} aria-label={t.leader.openMinutesFor(citizen)}>
          {t.leader.openMinutes}
        </a>
        <a className={styles.link} href={href.meeting(d.meetingId)} aria-label={t.leader.openMeetingFor(citizen)}>
          {t.leader.openMeeting}
        </a>
      </div>
    </div>
  );
});
