/**
 * The parts of ECharts the app uses (bars and lines, with a legend for stacked series), registered once. Imported
 * only dynamically, so ECharts stays out of every other chunk.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type EChartsOption = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];
