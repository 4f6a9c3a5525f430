/**
 * Monthly close rate and retention (left axis, %) and competence (right axis,
 * points 0–100: a score, not a share) for Insights trends and the rep profile.
 */
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../../shared/api/insights';
import { fmtNumber } from '../../lib/format';
import { pct } from './format';

export function TrendChart({ points, oneRep, height = 200 }: { points: TrendPoint[]; oneRep: boolean; height?: number }) {
  const { t } = useTranslation();
  const data = points.map((p) => ({ month: p.month, closeRate: p.closeRate, retention: p.retention, competence: p.competence }));
  const competenceName = oneRep ? t('insights.charts.trends.competenceRep') : t('insights.charts.trends.competence');
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tick={{ fontSize: 11 }} />
        <YAxis yAxisId="rate" tickFormatter={(v: number) => pct(v)} domain={[0, 1]} />
        <YAxis
          yAxisId="points"
          orientation="right"
          domain={[0, 100]}
          tickFormatter={(v: number) => fmtNumber(v)}
          label={{ value: t('insights.charts.trends.points'), angle: 90, position: 'insideRight', fontSize: 11 }}
        />
        <Tooltip
          formatter={(v, name) =>
            name === competenceName ? t('insights.charts.trends.pointsValue', { value: fmtNumber(Number(v), 1) }) : pct(Number(v), 1)
          }
        />
        <Legend />
        <Line
          yAxisId="rate"
          dataKey="closeRate"
          name={t('insights.charts.trends.closeRate')}
          stroke="#1c7ed6"
          dot={oneRep}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="retention"
          name={t('insights.charts.trends.retention')}
          stroke="#2f9e44"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          yAxisId="points"
          dataKey="competence"
          name={competenceName}
          stroke="#ae3ec9"
          strokeDasharray="4 3"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
