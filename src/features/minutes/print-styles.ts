import { makeStaticStyles } from '@fluentui/react-components';

/**
 * The printed minutes carry the minutes only: the app's header and navigation, and anything
 * a screen marks `data-print="hide"` (buttons, links back), are left off paper.
 */
export const usePrintStyles = makeStaticStyles(
  '@media print { header, nav, [data-print="hide"] { display: none !important; } }',
);
