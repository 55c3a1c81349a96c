import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, type Query } from '../../api/client';
import type { Paged } from '../../api/types';

/** Risk monitoring and early warning (风险监测预警), typed from the contracts. */
export type RiskDimension = C.RiskDimension;
export type SignalKind = C.SignalKind;
export type WarningLevel = C.WarningLevel;
export type WarningStatus = C.WarningStatus;
export type RiskScoreView = C.RiskScoreView;
export type RiskScoreQuery = z.input<typeof C.RiskScoreQuery>;
export type RiskSignalView = z.infer<typeof C.RiskSignalView>;
export type RiskSignalQuery = z.input<typeof C.RiskSignalQuery>;
export type RiskModelView = z.infer<typeof C.RiskModelView>;
export type RiskModelBody = z.input<typeof C.RiskModelBody>;
export type RiskTrendQuery = z.input<typeof C.RiskTrendQuery>;
export type RiskTrendWeek = z.infer<typeof C.RiskTrendWeek>;
export type RiskFreshnessView = z.infer<typeof C.RiskFreshnessView>;
export type OpinionItemInput = z.input<typeof C.OpinionItem>;
export type OpinionImportResult = z.infer<typeof C.OpinionImportResult>;
export type WarningView = C.WarningView;
export type WarningStep = WarningView['steps'][number];
export type WarningListQuery = z.input<typeof C.WarningListQuery>;

/** What a drill-down opens: the signals behind one enterprise, category or region. */
export type SignalTarget = { dimension: RiskDimension; key: string; label: string };

export const keys = {
  all: ['risk'] as const,
  scores: (dimension: RiskDimension, category: string | undefined) => ['risk', 'scores', dimension, category ?? ''] as const,
  trend: (weeks: number, category: string | undefined) => ['risk', 'trend', weeks, category ?? ''] as const,
  freshness: ['risk', 'freshness'] as const,
  signals: ['risk', 'signals'] as const,
  model: ['risk', 'model'] as const,
  warnings: ['risk', 'warnings'] as const,
  warning: (warningId: string) => ['risk', 'warnings', 'one', warningId] as const,
};

export const paths = {
  dashboard: '/risk',
  warnings: '/risk/warnings',
  warning: (warningId: string) => `/risk/warnings/${encodeURIComponent(warningId)}`,
  opinions: '/risk/opinions',
  model: '/risk/model',
};

const id = (value: string) => encodeURIComponent(value);
const q = (query: object) => query as Query;

/** The query of a drill-down: which parameter names the subject, plus the dashboard's category filter. */
export function signalQuery(target: SignalTarget, category: string | undefined, page: number, pageSize: number): RiskSignalQuery {
  const base = { page, pageSize, order: 'desc' as const };
  switch (target.dimension) {
    case 'enterprise':
      return { ...base, enterpriseId: target.key, category };
    case 'category':
      return { ...base, category: target.key };
    case 'region':
      return { ...base, region: target.key, category };
  }
}

export const riskApi = {
  scores: (query: RiskScoreQuery) => api.get<RiskScoreView[]>('/api/risk/scores', q(query)),
  signals: (query: RiskSignalQuery) => api.get<Paged<RiskSignalView>>('/api/risk/signals', q(query)),
  trend: (query: RiskTrendQuery) => api.get<RiskTrendWeek[]>('/api/risk/trend', q(query)),
  freshness: () => api.get<RiskFreshnessView>('/api/risk/freshness'),
  model: () => api.get<RiskModelView>('/api/risk/model'),
  setModel: (body: RiskModelBody) => api.put<RiskModelView>('/api/risk/model', body),
  importOpinions: (items: OpinionItemInput[]) => api.post<OpinionImportResult>('/api/risk/opinions', { items }),
  warnings: (query: WarningListQuery) => api.get<Paged<WarningView>>('/api/risk/warnings', q(query)),
  warning: (warningId: string) => api.get<WarningView>(`/api/risk/warnings/${id(warningId)}`),
  advance: (warningId: string, note: string, from: WarningView['status']) => api.post<WarningView>(`/api/risk/warnings/${id(warningId)}/advance`, { note, from }),
  /** 按风险更新抽查等级: the double-random directory's risk tiers from the scores in the caller's area. */
  applyTiers: () => api.post<{ updated: number }>('/api/risk/tiers', {}),
};
