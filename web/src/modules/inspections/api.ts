import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, type Query } from '../../api/client';
import type { Paged, UserView } from '../../api/types';

/** The inspections module's API calls, typed from the contracts. */
export type DirectoryPage = z.infer<typeof C.DirectoryPage>;
export type DirectoryItemView = C.DirectoryItemView;
export type DirectoryListQuery = z.input<typeof C.DirectoryListQuery>;
export type RiskTierBody = z.input<typeof C.RiskTierBody>;
export type InspectorView = C.InspectorView;
export type InspectorListQuery = z.input<typeof C.InspectorListQuery>;
export type InspectorBody = z.input<typeof C.InspectorBody>;
export type ConflictBody = z.input<typeof C.ConflictBody>;
export type DrawSummaryView = C.DrawSummaryView;
export type DrawDetailView = C.DrawDetailView;
export type DrawListQuery = z.input<typeof C.DrawListQuery>;
export type DrawCreateBody = z.input<typeof C.DrawCreateBody>;
export type DrawPreviewQuery = z.input<typeof C.DrawPreviewQuery>;
export type DrawPreviewView = z.infer<typeof C.DrawPreviewView>;
export type TargetView = C.TargetView;
export type QueueItemView = C.QueueItemView;
export type QueueQuery = z.input<typeof C.QueueQuery>;
export type TargetResultBody = z.input<typeof C.TargetResultBody>;

const q = (query: object) => query as Query;
const id = (value: string) => encodeURIComponent(value);

export const inspectionsApi = {
  directory: (query: DirectoryListQuery) => api.get<DirectoryPage>('/api/inspections/directory', q(query)),
  setTier: (enterpriseId: string, body: RiskTierBody) => api.put<DirectoryItemView>(`/api/inspections/tiers/${id(enterpriseId)}`, body),
  roster: (query: InspectorListQuery) => api.get<Paged<InspectorView>>('/api/inspections/inspectors', q(query)),
  saveInspector: (userId: string, body: InspectorBody) => api.put<InspectorView>(`/api/inspections/inspectors/${id(userId)}`, body),
  declareConflict: (body: ConflictBody) => api.post<InspectorView>('/api/inspections/conflicts', body),
  preview: (query: DrawPreviewQuery) => api.get<DrawPreviewView>('/api/inspections/draw-preview', q(query)),
  draws: (query: DrawListQuery) => api.get<Paged<DrawSummaryView>>('/api/inspections/draws', q(query)),
  draw: (drawId: string) => api.get<DrawDetailView>(`/api/inspections/draws/${id(drawId)}`),
  create: (body: DrawCreateBody) => api.post<DrawDetailView>('/api/inspections/draws', body),
  publish: (drawId: string) => api.post<DrawDetailView>(`/api/inspections/draws/${id(drawId)}/publish`),
  /** The record to re-run a draw: downloaded as JSON. */
  recordUrl: (drawId: string) => `/api/inspections/draws/${id(drawId)}/record`,
  publicUrl: (drawId: string) => `/public/inspections/${id(drawId)}`,
  queue: (query: QueueQuery) => api.get<Paged<QueueItemView>>('/api/inspections/queue', q(query)),
  recordResult: (targetId: string, body: TargetResultBody) => api.post<QueueItemView>(`/api/inspections/targets/${id(targetId)}/result`, body),
  /** Regulator staff who may be put on the roster (the roster admin can read users of the subtree). */
  staff: (search: string) => api.get<Paged<UserView>>('/api/users', { q: search || undefined, pageSize: 50, sort: 'displayName' }),
};
