/**
 * One small uPlot line chart: a track of an answer's timeline. Charts of one answer share a
 * cursor (uPlot sync), so hovering the attention curve shows the same instant in every track,
 * and key moments are shaded on all of them. Width follows the container (ResizeObserver).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from '../dom.ts';

export interface Band {
  readonly start: number;
  readonly end: number;
}

export interface ChartInput {
  readonly title: string;
  readonly hint: string;
  readonly x: readonly number[];
  readonly y: readonly (number | null)[];
  readonly color: string;
  readonly height: number;
  /** Key moments to shade, seconds. */
  readonly bands: readonly Band[];
  /** Charts with the same key move their cursors together. */
  readonly syncKey: string;
  /** Fill under the line (the attention curve). */
  readonly fill?: boolean;
  /** Draw the time axis under this chart (only the last of a stack needs it). */
  readonly xAxis: boolean;
  /** Text alternative of the canvas. */
  readonly summary: string;
  /** Words drawn at the time they start (the transcript track); `key` ones in the accent colour. */
  readonly labels?: readonly Label[];
}

export interface Label {
  readonly start: number;
  readonly text: string;
  readonly key: boolean;
}

const BAND_FILL = 'rgba(245, 158, 11, 0.22)';

function shadeBands(bands: readonly Band[]): (u: uPlot) => void {
  return (u) => {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.fillStyle = BAND_FILL;
    for (const b of bands) {
      const x0 = u.valToPos(b.start, 'x', true);
      const x1 = u.valToPos(b.end, 'x', true);
      ctx.fillRect(x0, bbox.top, Math.max(1, x1 - x0), bbox.height);
    }
    ctx.restore();
  };
}

/** Words on two alternating rows, so neighbours rarely overlap; canvas pixels (uPlot.pxRatio). */
function drawLabels(labels: readonly Label[]): (u: uPlot) => void {
  return (u) => {
    const { ctx, bbox } = u;
    const px = uPlot.pxRatio;
    ctx.save();
    ctx.textBaseline = 'top';
    labels.forEach((l, i) => {
      ctx.font = `${l.key ? '600 ' : ''}${11 * px}px system-ui, sans-serif`;
      ctx.fillStyle = l.key ? '#b45309' : '#475569';
      const y = bbox.top + (i % 2 === 0 ? 2 * px : bbox.height / 2);
      ctx.fillText(l.text, u.valToPos(l.start, 'x', true), y);
    });
    ctx.restore();
  };
}

const AXIS = {
  stroke: '#475569',
  grid: { stroke: '#e2e8f0', width: 1 },
  ticks: { stroke: '#cbd5e1', width: 1 },
  font: '11px system-ui, sans-serif',
};

export interface Chart {
  readonly el: HTMLElement;
  /** Settles once the canvas is drawn (the figure got a width), for pages that snapshot the report. */
  readonly ready: Promise<void>;
  /** Removes the plot from the cursor-sync group and stops observing its size. */
  destroy(): void;
}

/** A <figure> holding the chart; the chart is created once the figure has a width. */
export function lineChart(c: ChartInput): Chart {
  const plotHost = h('div', { class: 'hn-chart-plot', role: 'img', 'aria-label': c.summary });
  const fig = h(
    'figure',
    { class: 'hn-chart' },
    h('figcaption', {}, h('strong', {}, c.title), ' ', h('span', { class: 'hn-hint' }, c.hint)),
    plotHost,
  );
  const xMax = c.x.length === 0 ? 1 : (c.x[c.x.length - 1] ?? 0) + 0.25;
  let plot: uPlot | undefined;
  let drawn = (): void => undefined;
  const ready = new Promise<void>((r) => (drawn = r));
  const create = (width: number): void => {
    const opts: uPlot.Options = {
      width,
      height: c.height,
      legend: { show: false },
      // Fixed side padding: uPlot pads for the last x tick label only when the axis is drawn,
      // which would shift a track's time scale against the attention chart above it.
      padding: [6, 18, c.xAxis ? null : 2, 0],
      cursor: { sync: { key: c.syncKey }, points: { size: 6 }, drag: { x: false, y: false } },
      // A label track has no line: a fixed y range keeps uPlot from ranging over nothing.
      scales: { x: { time: false, range: [0, xMax] }, ...(c.labels === undefined ? {} : { y: { range: [0, 1] } }) },
      axes: [
        {
          ...AXIS,
          show: c.xAxis,
          size: 28,
          incrs: [0.5, 1, 2, 5, 10, 15, 30, 60, 120],
          values: (_u, ticks) => ticks.map((t) => `${t}s`),
        },
        // A label track keeps the y axis's width (so the time axis lines up) but shows no values.
        c.labels === undefined
          ? { ...AXIS, size: 48, space: 18 }
          : { ...AXIS, size: 48, space: 18, grid: { show: false }, ticks: { show: false }, values: () => [] },
      ],
      series: [
        {},
        {
          label: c.title,
          stroke: c.color,
          width: 1.5,
          fill: c.fill === true ? `${c.color}33` : undefined,
          spanGaps: false,
          points: { show: false },
        },
      ],
      hooks: { drawClear: [shadeBands(c.bands)], ...(c.labels === undefined ? {} : { draw: [drawLabels(c.labels)] }) },
    };
    plot = new uPlot(opts, [[...c.x], [...c.y]] as uPlot.AlignedData, plotHost);
    drawn();
  };
  // The figure is usually attached after this returns; measure once it is laid out.
  const observer = new ResizeObserver(() => {
    const width = Math.floor(plotHost.clientWidth);
    if (width <= 0) return;
    if (plot === undefined) create(width);
    else if (Math.abs(plot.width - width) > 1) plot.setSize({ width, height: c.height });
  });
  observer.observe(plotHost);
  return {
    el: fig,
    ready,
    destroy() {
      observer.disconnect();
      plot?.destroy();
    },
  };
}
