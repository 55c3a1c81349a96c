/**
 * The app's ECharts (bars and lines) plus the legend, which the stacked charts of risk
 * monitoring need to tell the signal kinds apart. Imported only dynamically, like the shared one.
 */
import { LegendComponent } from 'echarts/components';
import { echarts } from '../../shared/echarts';

echarts.use([LegendComponent]);

export { echarts };
export type { EChartsOption } from '../../shared/echarts';
