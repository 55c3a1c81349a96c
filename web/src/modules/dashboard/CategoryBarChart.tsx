import { useEffect, useRef, useState } from 'react';
import { Spin } from 'antd';

export type Bar = { name: string; value: number };

/** A horizontal bar chart; ECharts is fetched the first time a chart is shown. */
export function CategoryBarChart({ bars, seriesName }: { bars: Bar[]; seriesName: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  // The chart is redrawn when the figures change, not whenever the parent renders a new array.
  const figures = JSON.stringify(bars);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import('../../shared/echarts').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const chart = echarts.init(box.current);
      // First category at the top: ECharts draws category axes from the bottom up.
      const rows = (JSON.parse(figures) as Bar[]).reverse();
      chart.setOption({
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map((b) => b.name), axisTick: { show: false } },
        series: [
          {
            name: seriesName,
            type: 'bar',
            data: rows.map((b) => b.value),
            barMaxWidth: 22,
            itemStyle: { color: '#3b6fd1', borderRadius: [0, 3, 3, 0] },
            label: { show: true, position: 'right' },
          },
        ],
      });
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(box.current);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
      setReady(true);
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [figures, seriesName]);

  return (
    <Spin spinning={!ready}>
      <div ref={box} className="chart-box" role="img" aria-label={seriesName} />
    </Spin>
  );
}
