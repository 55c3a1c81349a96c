import { useEffect, useRef, useState } from 'react';
import { Spin } from 'antd';
import type { EChartsOption } from './echarts';

/**
 * The shared EChart (web/src/shared/EChart.tsx) with two additions the dashboard needs: a click
 * on a bar calls `onPick` with the category's index (the drill-down), and the legend component
 * is registered. Redrawn when the option's content changes, not on every render; formatter
 * functions in the option are kept (the option itself is used, its JSON only to compare).
 */
export function RiskChart({ option, label, height = 320, onPick }: { option: EChartsOption; label: string; height?: number; onPick?: (index: number) => void }) {
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
