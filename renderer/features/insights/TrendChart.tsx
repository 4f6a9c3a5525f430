/** Monthly close rate, retention and competence on one 0–100% axis (Insights trends, rep profile). */
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../../shared/api/insights';
import { pct } from './format';

export function TrendChart({ points, oneRep, height = 200 }: { points: TrendPoint[]; oneRep: boolean; height?: number }) {
  const { t } = useTranslation();
  const data = points.map((p) => ({ month: p.month, closeRate: p.closeRate, retention: p.retention, competence: p.competence === null ? null : p.competence / 100 }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tick={{ fontSize: 11 }} />
        <YAxis tickFormatter={(v: number) => pct(v)} domain={[0, 1]} />
        <Tooltip formatter={(v) => pct(Number(v), 1)} />
        <Legend />
        <Line dataKey="closeRate" name={t('insights.charts.trends.closeRate')} stroke="#1c7ed6" dot={oneRep} connectNulls isAnimationActive={false} />
        <Line dataKey="retention" name={t('insights.charts.trends.retention')} stroke="#2f9e44" dot={false} connectNulls isAnimationActive={false} />
        <Line dataKey="competence" name={oneRep ? t('insights.charts.trends.competenceRep') : t('insights.charts.trends.competence')} stroke="#ae3ec9" strokeDasharray="4 3" dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
