/**
 * The review's pictures, drawn with @fluentui/react-charts. This module is only ever imported
 * lazily (leader-pictures.tsx), so the chart library (d3 and all) is its own chunk: the table
 * shows first, the pictures follow (ARCHITECTURE.md, "Small first load").
 */
import { DataVizPalette, GroupedVerticalBarChart, getColorFromToken, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

const useStyles = makeStyles({
  // The chart draws its own axes and legend with Fluent tokens, so light, dark and high
  // contrast follow the FluentProvider; only the frame is ours.
  chart: { width: '100%', minWidth: 0, color: tokens.colorNeutralForeground1 },
  // The library capitalises every word of a legend; Danish labels are sentences.
  legendText: { textTransform: 'none' },
});

/** One bar series of a chart: a legend text and one value per group. */
export interface ChartSeries {
  legend: string;
  values: readonly number[];
  /** Warnings (escalations, absence, overdue) use the palette's warning and error colours. */
  tone?: 'neutral' | 'warning' | 'danger';
}

/**
 * react-charts' data-visualisation tokens: it resolves them per theme (light, dark and high
 * contrast), which fixed hex colours would not.
 */
const NEUTRAL = [
  DataVizPalette.color1,
  DataVizPalette.color2,
  DataVizPalette.color3,
  DataVizPalette.color4,
  DataVizPalette.color5,
  DataVizPalette.color6,
  DataVizPalette.color7,
  DataVizPalette.color8,
];

function tokenOf(s: ChartSeries, index: number): string {
  if (s.tone === 'warning') return DataVizPalette.warning;
  if (s.tone === 'danger') return DataVizPalette.error;
  return NEUTRAL[index % NEUTRAL.length] ?? DataVizPalette.color1;
}

/**
 * react-charts resolves its palette tokens for a light or a dark background
 * (getColorFromToken), but does not know which one it is drawn on: the chart reads the
 * FluentProvider's background token (dark and high contrast are both dark).
 */
function useDarkBackground(): [RefObject<HTMLDivElement | null>, boolean] {
  const ref = useRef<HTMLDivElement>(null);
  const [dark, setDark] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const rgb = getComputedStyle(el).getPropertyValue('--colorNeutralBackground1').trim();
    const hex = /^#([0-9a-f]{6})$/i.exec(rgb)?.[1];
    if (hex === undefined) return;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
    setDark(0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5);
  }, []);
  return [ref, dark];
}

/** Bars grouped by `groups` (months or departments), one bar per series in each group. */
export function GroupedBars({
  groups,
  series,
  title,
  culture,
}: {
  groups: readonly string[];
  series: readonly ChartSeries[];
  title: string;
  culture: string;
}) {
  const styles = useStyles();
  const [ref, dark] = useDarkBackground();
  const data: GroupedVerticalBarChartData[] = groups.map((name, g) => ({
    name,
    series: series.map((s, i) => ({ key: `${s.legend}-${name}`, legend: s.legend, color: getColorFromToken(tokenOf(s, i), dark), data: s.values[g] ?? 0 })),
  }));
  return (
    <div className={styles.chart} ref={ref}>
      <GroupedVerticalBarChart
        key={dark ? 'dark' : 'light'}
        data={data}
        chartTitle={title}
        height={260}
        culture={culture}
        barWidth="auto"
        wrapXAxisLables
        hideTooltip={false}
        // Every legend on its own, wrapped: the overflow button would say "+3 more" in English.
        legendProps={{ enabledWrapLines: true, styles: { text: styles.legendText } }}
      />
    </div>
  );
}
