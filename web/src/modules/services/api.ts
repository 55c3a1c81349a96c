import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, request, type Query } from '../../api/client';
import { institutionsApi } from '../../api/endpoints';
import type { Paged, SampleDetailView } from '../../api/types';

/** The technical-service window (技术服务窗口), typed from the contracts. */
export type ServiceItemView = C.ServiceItemView;
export type ServiceItemBody = z.input<typeof C.ServiceItemBody>;
export type ServiceItemListQuery = z.input<typeof C.ServiceItemListQuery>;
export type CatalogueQuery = z.input<typeof C.CatalogueQuery>;
export type FeeRuleView = C.FeeRuleView;
export type FeeRuleBody = z.input<typeof C.FeeRuleBody>;
export type FeeRuleListQuery = z.input<typeof C.FeeRuleListQuery>;
export type ServiceRequestView = C.ServiceRequestView;
export type ServiceRequestLineView = z.infer<typeof C.ServiceRequestLineView>;
export type ServiceReferralView = z.infer<typeof C.ServiceReferralView>;
export type ServiceRequestBody = z.input<typeof C.ServiceRequestBody>;
export type ServiceRequestListQuery = z.input<typeof C.ServiceRequestListQuery>;
export type ReferBody = z.input<typeof C.ReferBody>;
export type ReferralOption = z.infer<typeof C.ReferralOption>;
export type PublicServiceRequestBody = z.input<typeof C.PublicServiceRequestBody>;
export type ServiceRequestCreated = z.infer<typeof C.ServiceRequestCreated>;

// Appointments, on-site service, samples and verification for a request.
export type SlotView = C.SlotView;
export type SlotBody = z.input<typeof C.SlotBody>;
export type SlotListQuery = z.input<typeof C.SlotListQuery>;
export type BookingView = C.BookingView;
export type BookingBody = z.input<typeof C.BookingBody>;
export type BookingListQuery = z.input<typeof C.BookingListQuery>;
export type BookingStatus = BookingView['status'];
export type DispatchView = C.DispatchView;
export type DispatchBody = z.input<typeof C.DispatchBody>;
export type DispatchListQuery = z.input<typeof C.DispatchListQuery>;
export type PlaceType = DispatchView['placeType'];
export type RequestSampleBody = z.input<typeof C.RequestSampleBody>;
export type RequestSampleView = C.RequestSampleView;
export type VerificationRecordBody = z.input<typeof C.VerificationRecordBody>;
export type CertificateView = C.CertificateView;
export type StaffMember = z.infer<typeof C.StaffMemberView>;
export type RequesterInstrument = z.infer<typeof C.RequesterInstrumentView>;
export type CertificateListQuery = z.input<typeof C.CertificateListQuery>;

export const keys = {
  all: ['services'] as const,
  catalogue: ['services', 'catalogue'] as const,
  items: ['services', 'items'] as const,
  institutionItems: (institutionId: string) => ['services', 'items', 'of', institutionId] as const,
  feeRules: ['services', 'fee-rules'] as const,
  requests: ['services', 'requests'] as const,
  request: (requestId: string) => ['services', 'requests', 'one', requestId] as const,
  referralOptions: (requestId: string) => ['services', 'requests', 'referral-options', requestId] as const,
  ownInstitution: (orgId: string) => ['services', 'own-institution', orgId] as const,
  slots: ['services', 'slots'] as const,
  availableSlots: (institutionId: string) => ['services', 'slots', 'available', institutionId] as const,
  bookings: ['services', 'bookings'] as const,
  dispatches: ['services', 'dispatches'] as const,
  requestSamples: (requestId: string) => ['services', 'requests', 'samples', requestId] as const,
  certificates: ['services', 'certificates'] as const,
  requestCertificates: (requestId: string) => ['services', 'certificates', 'of', requestId] as const,
  publicItem: (itemId: string) => ['services', 'public-item', itemId] as const,
  staff: (orgId: string) => ['services', 'staff', orgId] as const,
};

export const paths = {
  base: '/services',
  catalogue: '/services/catalogue',
  items: '/services/items',
  requests: '/services/requests',
  request: (requestId: string) => `/services/requests/${encodeURIComponent(requestId)}`,
  feeRules: '/services/fee-rules',
  appointments: '/services/appointments',
  bookings: '/services/bookings',
  onsite: '/services/onsite',
  certificates: '/services/certificates',
  /** Public, no login: submit a request from the catalogue and follow it with its number and code. */
  publicRequest: '/public/service-request',
};

const id = (value: string) => encodeURIComponent(value);
const q = (query: object) => query as Query;

export const servicesApi = {
  /** Active items of every institution (the public catalogue; the session cookie changes nothing). */
  catalogue: (query: CatalogueQuery) => api.get<Paged<ServiceItemView>>('/api/public/service-catalogue', q(query)),
  /** The caller's own items, inactive ones included; with `institutionId`, another institution's active items. */
  items: (query: ServiceItemListQuery) => api.get<Paged<ServiceItemView>>('/api/service-items', q(query)),
  createItem: (body: ServiceItemBody) => api.post<ServiceItemView>('/api/service-items', body),
  updateItem: (itemId: string, body: ServiceItemBody) => api.put<ServiceItemView>(`/api/service-items/${id(itemId)}`, body),
  setItemActive: (itemId: string, active: boolean) => api.post<ServiceItemView>(`/api/service-items/${id(itemId)}/active`, { active }),

  feeRules: (query: FeeRuleListQuery) => api.get<Paged<FeeRuleView>>('/api/fee-rules', q(query)),
  createFeeRule: (body: FeeRuleBody) => api.post<FeeRuleView>('/api/fee-rules', body),
  setFeeRuleActive: (ruleId: string, active: boolean) => api.post<FeeRuleView>(`/api/fee-rules/${id(ruleId)}/active`, { active }),

  requests: (query: ServiceRequestListQuery) => api.get<Paged<ServiceRequestView>>('/api/service-requests', q(query)),
  request: (requestId: string) => api.get<ServiceRequestView>(`/api/service-requests/${id(requestId)}`),
  submit: (body: ServiceRequestBody) => api.post<ServiceRequestView>('/api/service-requests', body),
  accept: (requestId: string, note: string) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/accept`, { note }),
  complete: (requestId: string, note: string) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/complete`, { note }),
  decline: (requestId: string, reason: string) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/decline`, { reason }),
  escalate: (requestId: string, reason: string) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/escalate`, { reason }),
  referralOptions: (requestId: string) => api.get<ReferralOption[]>(`/api/service-requests/${id(requestId)}/referral-options`),
  refer: (requestId: string, body: ReferBody) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/refer`, body),

  slots: (query: SlotListQuery) => api.get<Paged<SlotView>>('/api/service-slots', q(query)),
  openSlot: (body: SlotBody) => api.post<SlotView>('/api/service-slots', body),
  cancelSlot: (slotId: string) => api.post<SlotView>(`/api/service-slots/${id(slotId)}/cancel`),
  bookings: (query: BookingListQuery) => api.get<Paged<BookingView>>('/api/service-bookings', q(query)),
  book: (body: BookingBody) => api.post<BookingView>('/api/service-bookings', body),
  cancelBooking: (bookingId: string) => api.post<BookingView>(`/api/service-bookings/${id(bookingId)}/cancel`),
  bookingOutcome: (bookingId: string, status: 'attended' | 'no_show') => api.post<BookingView>(`/api/service-bookings/${id(bookingId)}/outcome`, { status }),

  dispatches: (query: DispatchListQuery) => api.get<Paged<DispatchView>>('/api/onsite-dispatches', q(query)),
  staff: () => api.get<StaffMember[]>('/api/institution-staff'),
  requesterInstruments: (requestId: string) => api.get<RequesterInstrument[]>(`/api/service-requests/${requestId}/requester-instruments`),
  recordDispatch: (body: DispatchBody) => api.post<DispatchView>('/api/onsite-dispatches', body),

  requestSamples: (requestId: string) => api.get<RequestSampleView[]>(`/api/service-requests/${id(requestId)}/samples`),
  receiveSample: (requestId: string, body: RequestSampleBody) => api.post<SampleDetailView>(`/api/service-requests/${id(requestId)}/samples`, body),

  verify: (requestId: string, body: VerificationRecordBody) => api.post<CertificateView>(`/api/service-requests/${id(requestId)}/verifications`, body),
  certificates: (query: CertificateListQuery) => api.get<Paged<CertificateView>>('/api/verification-certificates', q(query)),
  /** A link, not a fetch: the browser opens the PDF with the session cookie. */
  certificatePdfUrl: (certificateId: string) => `/api/verification-certificates/${id(certificateId)}/pdf`,

  /** An active item as the public catalogue shows it (its standards, for the regulation of a verification). */
  publicItem: (itemId: string) => api.get<ServiceItemView>(`/api/public/service-items/${id(itemId)}`),

  /** The institution an institution user works for (the registry shows institution staff their own), or null. */
  ownInstitution: async (orgId: string) => {
    const page = await institutionsApi.list({ pageSize: 10 });
    return page.items.find((i) => i.orgId === orgId) ?? null;
  },
};

/**
 * The public side (no login): no cookie is sent, so the answer is the same whoever asks and no
 * CSRF token is needed.
 */
export const publicServicesApi = {
  catalogue: (query: CatalogueQuery) => request<Paged<ServiceItemView>>('GET', '/api/public/service-catalogue', { query: q(query), credentials: 'omit' }),
  submit: (body: PublicServiceRequestBody) => request<ServiceRequestCreated>('POST', '/api/public/service-requests', { body, credentials: 'omit' }),
  status: (no: string, code: string) => request<ServiceRequestView>('GET', '/api/public/service-requests/status', { query: { no, code }, credentials: 'omit' }),
};
