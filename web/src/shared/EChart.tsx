import { useEffect, useRef, useState } from 'react';
import { Spin } from 'antd';
import type { EChartsOption } from './echarts';

/**
 * One ECharts chart from a plain option object; ECharts is fetched the first time a
 * chart is shown. Redrawn when the option's content changes, not on every render.
 */
export function EChart({ option, label, height = 320 }: { option: EChartsOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const content = JSON.stringify(option);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const chart = echarts.init(box.current);
      chart.setOption(JSON.parse(content) as EChartsOption);
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
  }, [content]);

  return (
    <Spin spinning={!ready}>
      <div ref={box} style={{ width: '100%', height }} role="img" aria-label={label} />
    </Spin>
  );
}
