import type { ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import { SIGNAL_KINDS, SIGNAL_KIND_LABELS, WARNING_LEVEL_LABELS, WARNING_STATUS_LABELS } from '@shijian/contracts';
import { useLang, useT } from '../../app/i18n';
import { useRegionPathLabel } from '../../shared/RegionCascader';
import type { RiskScoreView, SignalKind, WarningLevel, WarningStatus } from './api';
import { km } from './messages';

/** antd's tag colours for the levels: 黄色 shows as gold, which reads on white. */
export const LEVEL_TAG_COLORS: Record<WarningLevel, string> = { blue: 'blue', yellow: 'gold', orange: 'orange', red: 'red' };
/** The same levels as chart colours (antd's palette), grey below the first threshold. */
export const LEVEL_CHART_COLORS: Record<WarningLevel | 'none', string> = { blue: '#1677ff', yellow: '#faad14', orange: '#fa8c16', red: '#f5222d', none: '#8c8c8c' };
export const levelColor = (level: WarningLevel | null) => LEVEL_CHART_COLORS[level ?? 'none'];

/** One colour per signal kind, the same in every chart and tag. */
export const KIND_COLORS: Record<SignalKind, string> = {
  sampling_nonconforming: '#cf1322',
  complaint: '#d48806',
  report: '#c41d7f',
  case: '#531dab',
  recall: '#08979c',
  opinion: '#1d39c4',
};

export const STATUS_COLORS: Record<WarningStatus, string> = { detected: 'red', assessed: 'orange', warned: 'gold', handled: 'green' };

const isKind = (kind: string): kind is SignalKind => (SIGNAL_KINDS as readonly string[]).includes(kind);

/** 红色 / 橙色 / 黄色 / 蓝色 as a coloured tag, or 未达预警 in grey. */
export function LevelTag({ level }: { level: WarningLevel | null }) {
  const t = useT();
  if (!level) return <Tag>{t(km.noLevel)}</Tag>;
  return (
    <Tag color={LEVEL_TAG_COLORS[level]} data-level={level}>
      {t(WARNING_LEVEL_LABELS[level])}
    </Tag>
  );
}

export function StatusTag({ status }: { status: WarningStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLORS[status]}>{t(WARNING_STATUS_LABELS[status])}</Tag>;
}

export function KindTag({ kind }: { kind: SignalKind }) {
  const t = useT();
  return <Tag color={KIND_COLORS[kind]}>{t(SIGNAL_KIND_LABELS[kind])}</Tag>;
}

/** The label of a signal kind from the API's `byKind` keys (a key the web does not know shows as it is). */
export function useKindName(): (kind: string) => string {
  const t = useT();
  return (kind) => (isKind(kind) ? t(SIGNAL_KIND_LABELS[kind]) : kind);
}

/** A score broken down by signal kind, largest first: 抽查不合格 10 · 案件 23.02 … */
export function ByKind({ byKind }: { byKind: RiskScoreView['byKind'] }) {
  const kindName = useKindName();
  const parts = Object.entries(byKind)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1]);
  if (!parts.length) return <span className="secondary-text">—</span>;
  return (
    <Space size={[4, 4]} wrap>
      {parts.map(([kind, value]) => (
        <Tag key={kind} color={isKind(kind) ? KIND_COLORS[kind] : undefined} variant="outlined" style={{ marginInlineEnd: 0 }}>
          {kindName(kind)} {formatScore(value)}
        </Tag>
      ))}
    </Space>
  );
}

/** Scores keep two decimals at most: 51.47, 10, 0.5. */
export const formatScore = (value: number) => String(Math.round(value * 100) / 100);

/** A region's full name (四川省 / 成都市 / 武侯区), the code while it loads. */
export function RegionName({ code }: { code: string }) {
  const name = useRegionPathLabel(code);
  return <span>{name ?? <span className="mono">{code}</span>}</span>;
}

/** A label shown in the reader's language: the category's English name when there is one. */
export function useScoreLabel(): (score: Pick<RiskScoreView, 'dimension' | 'key' | 'label'>, categoryName: (code: string) => string) => string {
  const { lang } = useLang();
  return (score, categoryName) => (score.dimension === 'category' && lang === 'en' ? categoryName(score.key) : score.label);
}

/** A muted line of small print under a heading. */
export function Note({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {children}
    </Typography.Text>
  );
}
