import type { DashboardView } from '../../api/types';

/** True when the period has nothing at all: no visit, no conversion, no spend. */
export function isEmptyPeriod(view: DashboardView): boolean {
  const { kpis } = view.totals;
  return kpis.sessions === 0 && kpis.conversions === 0 && kpis.cost === 0 && kpis.revenue === 0;
}
