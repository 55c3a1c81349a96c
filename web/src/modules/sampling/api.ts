import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, type Query } from '../../api/client';
import type { InstitutionListQuery, InstitutionView, Paged, TestItemView } from '../../api/types';

/** The sampling module's API calls (plans, tasks, batches, lab receipt, objections, disposal), typed from the contracts. */
export type SamplingPlanView = z.infer<typeof C.SamplingPlanView>;
export type SamplingPlanDetailView = z.infer<typeof C.SamplingPlanDetailView>;
export type SamplingQuotaView = SamplingPlanDetailView['quotas'][number];
export type SamplingTaskView = z.infer<typeof C.SamplingTaskView>;
export type SamplingRecordView = C.SamplingRecordView;
export type SamplingRecordPage = Paged<SamplingRecordView> & { totalCapped: boolean };
export type DisposalView = z.infer<typeof C.DisposalView>;
export type DisposalFlowView = DisposalView['flows'][number];
export type SamplingPlanListQuery = z.input<typeof C.SamplingPlanListQuery>;
export type SamplingRecordListQuery = z.input<typeof C.SamplingRecordListQuery>;
export type DisposalListQuery = z.input<typeof C.DisposalListQuery>;
export type SamplingPlanBody = z.input<typeof C.SamplingPlanBody>;
export type SamplingTaskBody = z.input<typeof C.SamplingTaskBody>;
export type SamplingRecordBody = z.input<typeof C.SamplingRecordBody>;
export type SamplingReceiveBody = z.input<typeof C.SamplingReceiveBody>;
export type ObjectionBody = z.input<typeof C.ObjectionBody>;
export type ObjectionDecisionBody = z.input<typeof C.ObjectionDecisionBody>;
export type DisposalUpdateBody = z.input<typeof C.DisposalUpdateBody>;
export type DisposalFlowBody = z.input<typeof C.DisposalFlowBody>;

const q = (query: object) => query as Query;
const id = (value: string) => encodeURIComponent(value);

export const samplingApi = {
  plans: (query: SamplingPlanListQuery) => api.get<Paged<SamplingPlanView>>('/api/sampling/plans', q(query)),
  plan: (planId: string) => api.get<SamplingPlanDetailView>(`/api/sampling/plans/${id(planId)}`),
  createPlan: (body: SamplingPlanBody) => api.post<SamplingPlanDetailView>('/api/sampling/plans', body),
  assignTask: (planId: string, body: SamplingTaskBody) => api.post<SamplingTaskView>(`/api/sampling/plans/${id(planId)}/tasks`, body),

  records: (query: SamplingRecordListQuery) => api.get<SamplingRecordPage>('/api/sampling/records', q(query)),
  record: (recordId: string) => api.get<SamplingRecordView>(`/api/sampling/records/${id(recordId)}`),
  sample: (body: SamplingRecordBody) => api.post<SamplingRecordView>('/api/sampling/records', body),
  receive: (recordId: string, body: SamplingReceiveBody) => api.post<SamplingRecordView>(`/api/sampling/records/${id(recordId)}/receive`, body),
  fileObjection: (recordId: string, body: ObjectionBody) => api.post<SamplingRecordView>(`/api/sampling/records/${id(recordId)}/objection`, body),
  decideObjection: (recordId: string, body: ObjectionDecisionBody) =>
    api.post<SamplingRecordView>(`/api/sampling/records/${id(recordId)}/objection/decision`, body),

  disposals: (query: DisposalListQuery) => api.get<Paged<DisposalView>>('/api/sampling/disposals', q(query)),
  disposal: (disposalId: string) => api.get<DisposalView>(`/api/sampling/disposals/${id(disposalId)}`),
  updateDisposal: (disposalId: string, body: DisposalUpdateBody) => api.patch<DisposalView>(`/api/sampling/disposals/${id(disposalId)}`, body),
  addFlow: (disposalId: string, body: DisposalFlowBody) => api.post<DisposalView>(`/api/sampling/disposals/${id(disposalId)}/flows`, body),
  closeDisposal: (disposalId: string) => api.post<DisposalView>(`/api/sampling/disposals/${id(disposalId)}/close`),

  /** Testing institutions a task may go to. */
  institutions: (query: InstitutionListQuery) => api.get<Paged<InstitutionView>>('/api/institutions', q(query)),
  /** The receiving institution's own catalogue, for one product category. */
  testItems: (category: string) => api.get<Paged<TestItemView>>('/api/lab/test-items', { category, pageSize: 500 }),
};

/** Query keys: everything of the module under 'sampling', so one invalidation refreshes lists and queues. */
export const keys = {
  all: ['sampling'] as const,
  plan: (planId: string) => ['sampling', 'plan', planId] as const,
  record: (recordId: string) => ['sampling', 'record', recordId] as const,
  disposal: (disposalId: string) => ['sampling', 'disposal', disposalId] as const,
};

/** Where the module's pages live. */
const BASE = '/supervision/sampling';
export const paths = {
  base: BASE,
  queue: `${BASE}/queue`,
  plans: `${BASE}/plans`,
  newPlan: `${BASE}/plans/new`,
  plan: (planId: string) => `${BASE}/plans/${planId}`,
  batches: `${BASE}/batches`,
  newBatch: (planId?: string, taskId?: string) => `${BASE}/batches/new${planId ? `?planId=${planId}${taskId ? `&taskId=${taskId}` : ''}` : ''}`,
  batch: (recordId: string) => `${BASE}/batches/${recordId}`,
  receive: (recordId: string) => `${BASE}/batches/${recordId}/receive`,
  disposals: `${BASE}/disposals`,
  disposal: (disposalId: string) => `${BASE}/disposals/${disposalId}`,
};
