import { Link, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '1100px',
  },
  // Wide tables (the leader review's decisions) use the whole Teams tab instead of 1100 px.
  wide: { maxWidth: '1600px' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  headingRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, justifyContent: 'space-between' },
  heading: { ...typographyStyles.title2, margin: 0, outlineStyle: 'none' },
});

/**
 * One screen: its heading gets focus when the screen opens, so keyboard and screen-reader
 * users land at the top of the new content (a hash route change does not move focus).
 */
export function Page({
  title,
  back,
  actions,
  wide = false,
  children,
}: {
  title: string;
  /** For screens whose main content is a wide table. */
  wide?: boolean;
  back?: { href: string; label: string };
  actions?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <section className={mergeClasses(styles.page, wide && styles.wide)} aria-labelledby="page-title">
      <div className={styles.header}>
        {back ? (
          // Navigation never belongs on paper (the minutes are printed for the case file).
          <Link href={back.href} data-print="hide">
            ← {back.label}
          </Link>
        ) : null}
        <div className={styles.headingRow}>
          <h1 id="page-title" tabIndex={-1} ref={heading} className={styles.heading}>
            {title}
          </h1>
          {actions}
        </div>
      </div>
      {children}
    </section>
  );
}
