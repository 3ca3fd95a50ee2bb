// Events over time, stacked by decision. Drag across the bars (or click one) to zoom:
// the selection becomes the time filter, and "Reset zoom" removes it.
import { formatCount } from '../../common/format.ts';
import { useState } from 'react';
import { Bar, BarChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { HistogramBucket } from '../../logs/engine/contract.ts';
import { decisionLegend } from './decision.ts';
import { formatTick, formatTime, zoneLabel, type Zone } from './format.ts';
import { useHistogram } from './queries.ts';
import { useLogsUi } from './store.ts';

export const histogramBuckets = 60;

type Datum = HistogramBucket & { i: number };

function indexOf(state: { activeTooltipIndex?: unknown }): number | undefined {
  const i = Number(state.activeTooltipIndex);
  return Number.isInteger(i) && i >= 0 ? i : undefined;
}

function BucketTip({ active, payload, zone }: Partial<TooltipContentProps<number, string>> & { zone: Zone }) {
  const d = payload?.[0]?.payload as Datum | undefined;
  if (!active || !d) return null;
  return (
    <div className="lg-tip">
      <div className="mono">
        {formatTime(d.start, zone, false)} – {formatTime(d.end, zone, false).slice(11)} {zoneLabel(zone, d.start)}
      </div>
      {decisionLegend.map(({ tone, label }) => (
        <div key={tone} className="lg-tip-row" data-tone={tone}>
          <span className="lg-swatch" aria-hidden="true" /> {label} <span className="num">{formatCount(d[tone])}</span>
        </div>
      ))}
    </div>
  );
}

export function Histogram() {
  const filter = useLogsUi((s) => s.filter);
  const zone = useLogsUi((s) => s.zone);
  const dispatch = useLogsUi((s) => s.dispatch);
  const { data, error, loading } = useHistogram(filter, histogramBuckets);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const buckets: Datum[] = (data ?? []).map((b, i) => ({ ...b, i }));
  const zoomed = filter.timeFrom !== undefined || filter.timeTo !== undefined;
  const span = buckets.length ? buckets[buckets.length - 1]!.end - buckets[0]!.start : 0;
  const totals = decisionLegend.map(({ tone, label }) => ({ tone, label, n: buckets.reduce((s, b) => s + b[tone], 0) }));

  const finish = () => {
    if (!drag) return;
    const lo = buckets[Math.min(drag.a, drag.b)];
    const hi = buckets[Math.max(drag.a, drag.b)];
    setDrag(null);
    if (lo && hi) dispatch({ type: 'setTime', from: lo.start, to: hi.end });
  };

  return (
    <section className="lg-hist" aria-label="Events over time">
      <div className="lg-hist-head">
        <ul className="lg-legend" aria-label="Decisions in view">
          {totals.map(({ tone, label, n }) => (
            <li key={tone} data-tone={tone}>
              <span className="lg-swatch" aria-hidden="true" />
              {label} <span className="num">{formatCount(n)}</span>
            </li>
          ))}
        </ul>
        <span className="faint lg-hist-hint">drag across the chart to zoom</span>
        <button type="button" className="btn btn-sm" onClick={() => dispatch({ type: 'clearTime' })} disabled={!zoomed}>
          Reset zoom
        </button>
      </div>
      {error ? <p className="error">Histogram failed: {error}</p> : null}
      <div className="lg-hist-chart" data-testid="histogram" aria-busy={loading || undefined} onMouseLeave={() => setDrag(null)}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={buckets}
            margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
            barCategoryGap={1}
            onMouseDown={(s) => {
              const i = indexOf(s);
              if (i !== undefined) setDrag({ a: i, b: i });
            }}
            onMouseMove={(s) => {
              const i = indexOf(s);
              if (drag && i !== undefined && i !== drag.b) setDrag({ ...drag, b: i });
            }}
            onMouseUp={finish}
          >
            <XAxis dataKey="i" type="category" tickFormatter={(i: number) => (buckets[i] ? formatTick(buckets[i].start, zone, span) : '')} minTickGap={48} tickLine={false} fontSize={11} />
            <YAxis width={40} allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} />
            <Tooltip content={<BucketTip zone={zone} />} isAnimationActive={false} cursor={{ className: 'lg-hist-cursor' }} />
            {decisionLegend.map(({ tone, label }) => (
              <Bar key={tone} dataKey={tone} name={label} stackId="d" className={`lg-bar lg-bar-${tone}`} isAnimationActive={false} />
            ))}
            {drag ? <ReferenceArea x1={Math.min(drag.a, drag.b)} x2={Math.max(drag.a, drag.b)} className="lg-brush" ifOverflow="extendDomain" /> : null}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
