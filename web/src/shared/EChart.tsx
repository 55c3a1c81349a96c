import { useEffect, useRef, useState } from 'react';
import { Spin } from 'antd';
import type { EChartsOption } from './echarts';

/**
 * One ECharts chart from an option object; ECharts is fetched the first time a chart is shown.
 * Redrawn when the option's content changes (compared as JSON), not on every render; formatter
 * functions in the option are kept. With `onPick`, a click on a bar or point gives its index
 * (a drill-down).
 */
export function EChart({ option, label, height = 320, onPick }: { option: EChartsOption; label: string; height?: number; onPick?: (index: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const latest = useRef({ option, onPick });
  const content = JSON.stringify(option);
  const clickable = Boolean(onPick);

  useEffect(() => {
    latest.current = { option, onPick };
  });

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const chart = echarts.init(box.current);
      chart.setOption(latest.current.option);
      if (clickable) {
        chart.on('click', (params) => {
          if (typeof params.dataIndex === 'number') latest.current.onPick?.(params.dataIndex);
        });
      }
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
  }, [content, clickable]);

  return (
    <Spin spinning={!ready}>
      <div ref={box} style={{ width: '100%', height }} role="img" aria-label={label} />
    </Spin>
  );
}
