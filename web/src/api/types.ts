import type { z } from 'zod';
import type * as C from '@shijian/contracts';

/**
 * Request and response types, inferred from the contracts' Zod schemas. Type-only
 * imports: the schemas themselves stay out of the bundle unless a form uses them.
 */
export type Paged<T> = C.Paged<T>;
export type SessionView = C.SessionView;
export type OrgView = C.OrgView;
export type UserView = C.UserView;
export type EnterpriseView = C.EnterpriseView;
export type EnterprisePage = z.infer<typeof C.EnterprisePage>;
export type InstitutionView = C.InstitutionView;
export type InstitutionDetailView = z.infer<typeof C.InstitutionDetailView>;
export type QualificationScopeView = z.infer<typeof C.QualificationScopeView>;
export type ProductCategoryView = C.ProductCategoryView;
export type RegionView = C.RegionView;
export type CalendarDayView = z.infer<typeof C.CalendarDayView>;
export type WorkingDaysView = z.infer<typeof C.WorkingDaysView>;
export type AuditEntryView = C.AuditEntryView;
export type AuditVerifyView = z.infer<typeof C.AuditVerifyView>;

export type LoginBody = z.input<typeof C.LoginBody>;
export type ChangePasswordBody = z.input<typeof C.ChangePasswordBody>;
export type OrgListQuery = z.input<typeof C.OrgListQuery>;
export type OrgCreateBody = z.input<typeof C.OrgCreateBody>;
export type OrgUpdateBody = z.input<typeof C.OrgUpdateBody>;
export type UserListQuery = z.input<typeof C.UserListQuery>;
export type UserCreateBody = z.input<typeof C.UserCreateBody>;
export type UserUpdateBody = z.input<typeof C.UserUpdateBody>;
export type EnterpriseListQuery = z.input<typeof C.EnterpriseListQuery>;
export type EnterpriseCreateBody = z.input<typeof C.EnterpriseCreateBody>;
export type EnterpriseUpdateBody = z.input<typeof C.EnterpriseUpdateBody>;
export type InstitutionListQuery = z.input<typeof C.InstitutionListQuery>;
export type InstitutionCreateBody = z.input<typeof C.InstitutionCreateBody>;
export type InstitutionUpdateBody = z.input<typeof C.InstitutionUpdateBody>;
export type QualificationScopeBody = z.input<typeof C.QualificationScopeBody>;
export type ProductCategoryCreateBody = z.input<typeof C.ProductCategoryCreateBody>;
export type ProductCategoryUpdateBody = z.input<typeof C.ProductCategoryUpdateBody>;
export type CalendarDayBody = z.input<typeof C.CalendarDayBody>;
export type AuditListQuery = z.input<typeof C.AuditListQuery>;

// ---------- lab ----------
export type TestItemView = C.TestItemView;
export type SampleView = C.SampleView;
export type SampleDetailView = z.infer<typeof C.SampleDetailView>;
export type SampleTestView = z.infer<typeof C.SampleTestView>;
export type ResultView = C.ResultView;
export type WorkflowEventView = z.infer<typeof C.WorkflowEventView>;
export type ReportView = C.ReportView;
export type PublicVerification = C.PublicVerification;
export type IntegrityReport = z.infer<typeof C.IntegrityReport>;
export type SignatoryView = { id: string; userId: string; name: string; domain: string };
export type LabSettingsView = { blindTesting: boolean };
/** The `details` of a 422 OUTSIDE_QUALIFICATION: institutions that are qualified instead. */
export type QualifiedAlternative = { institutionId: string; name: string; regionName: string; cmaNumber: string | null; cmaValidUntil: string | null };

export type TestItemBody = z.input<typeof C.TestItemBody>;
export type TestItemListQuery = z.input<typeof C.TestItemListQuery>;
export type SampleListQuery = z.input<typeof C.SampleListQuery>;
export type SampleReceiveBody = z.input<typeof C.SampleReceiveBody>;
export type AssignBody = z.input<typeof C.AssignBody>;
export type ResultBody = z.input<typeof C.ResultBody>;
export type ReportListQuery = z.input<typeof C.ReportListQuery>;

// ---------- instruments ----------
export type InstrumentView = C.InstrumentView;
export type InstrumentDetailView = z.infer<typeof C.InstrumentDetailView>;
export type InstrumentVerificationView = z.infer<typeof C.InstrumentVerificationView>;
export type InstrumentListQuery = z.input<typeof C.InstrumentListQuery>;
export type InstrumentCreateBody = z.input<typeof C.InstrumentCreateBody>;
export type InstrumentUpdateBody = z.input<typeof C.InstrumentUpdateBody>;
export type InstrumentVerificationBody = z.input<typeof C.InstrumentVerificationBody>;
export type EnterpriseCategoryCounts = z.infer<typeof C.EnterpriseCategoryCounts>;
