import type { AuditedEntity } from '../platform/audit/entity.js';
import { calendarDayEntity } from '../platform/calendar/service.js';
import type { Deps } from '../platform/deps.js';
import { regionTableEntity } from '../platform/regions/service.js';
import { createAuditLog } from './audit/service.js';
import { createAuth } from './identity/auth.js';
import { orgEntity, userEntity } from './identity/entities.js';
import { createOrgs } from './identity/orgs.js';
import { createUsers } from './identity/users.js';
import { createCategories } from './registry/categories.js';
import { createEnterprises } from './registry/enterprises.js';
import {
  categoryEntity,
  enterpriseEntity,
  institutionEntity,
  instrumentEntity,
  instrumentVerificationEntity,
  qualificationScopeEntity,
} from './registry/entities.js';
import { createInstruments } from './registry/instruments.js';
import { createCatalogue } from './lab/catalogue.js';
import {
  labSettingsEntity,
  reportEntity,
  sampleDisclosureEntity,
  sampleEntity,
  sampleEventEntity,
  signatoryAuthorizationEntity,
  testItemEntity,
  testResultEntity,
} from './lab/entities.js';
import { createIntegrity } from './lab/integrity.js';
import { createReports } from './lab/reports.js';
import { createSamples } from './lab/samples.js';
import { createLabAdmin } from './lab/signatories.js';
import { createInstitutions } from './registry/institutions.js';
import { campaignEntity, problemEntity, screeningEntity } from './campaigns/entities.js';
import { createCampaigns } from './campaigns/service.js';
import { disposalEntity, samplingPlanEntity, samplingRecordEntity, samplingTaskEntity } from './sampling/entities.js';
import {
  inspectionDrawEntity,
  inspectionTargetEntity,
  inspectorConflictEntity,
  inspectorEntity,
  riskTierEntity,
} from './inspections/entities.js';
import { createInspections } from './inspections/service.js';
import { createCases } from './enforcement/cases.js';
import { createCredit } from './enforcement/credit.js';
import { createSampling } from './sampling/service.js';
import { createArchive } from './archive/service.js';
import { caseDocumentEntity, caseEntity, caseEventEntity, dishonestyListingEntity, removalApplicationEntity } from './enforcement/entities.js';
import { notificationEntity, notificationReadEntity } from './notifications/entities.js';
import { createNotifications } from './notifications/service.js';
import { institutionCheckEntity } from './oversight/entities.js';
import { createOversight } from './oversight/service.js';
import { reportManualValueEntity, reportOncePeriodEntity, reportSubmissionEntity, reportTemplateEntity } from './reporting/entities.js';
import { createReporting } from './reporting/service.js';
import { certificateEntity, compulsoryItemEntity, ledgerDetailsEntity } from './metrology/entities.js';
import { complaintEntity, complaintEventEntity } from './complaints/entities.js';
import { createComplaints } from './complaints/service.js';
import { createLedgerImport } from './metrology/ledger-import.js';
import { recallEntity, recallProgressEntity } from './recalls/entities.js';
import { createRecalls } from './recalls/service.js';
import { riskModelEntity, riskOpinionEntity, riskWarningEntity, riskWarningStepEntity } from './risk/entities.js';
import { createRisk } from './risk/service.js';
import { epidemicQaEntity, typicalCaseEntity } from './publicity/entities.js';
import { createPublicity } from './publicity/service.js';
import { createMetrology } from './metrology/service.js';
import { createServiceCatalogue } from './services/catalogue.js';
import { createAppointments } from './services/appointments.js';
import {
  feeRuleEntity,
  onsiteDispatchEntity,
  serviceBookingEntity,
  serviceItemEntity,
  serviceReferralEntity,
  serviceRequestEntity,
  serviceRequestLineEntity,
  serviceRequestSampleEntity,
  serviceSlotEntity,
} from './services/entities.js';
import { createRequestSamples } from './services/request-samples.js';
import { createOnsite } from './services/onsite.js';
import { createFeeRules } from './services/fee-rules.js';
import { createServiceRequests } from './services/requests.js';

/** Every audited kind of record; the verifier checks each. A module adds its own here. */
export const auditedEntities: AuditedEntity[] = [
  regionTableEntity,
  calendarDayEntity,
  orgEntity,
  userEntity,
  categoryEntity,
  enterpriseEntity,
  institutionEntity,
  qualificationScopeEntity,
  instrumentEntity,
  instrumentVerificationEntity,
  testItemEntity,
  sampleEntity,
  testResultEntity,
  sampleEventEntity,
  signatoryAuthorizationEntity,
  labSettingsEntity,
  sampleDisclosureEntity,
  reportEntity,
  campaignEntity,
  screeningEntity,
  problemEntity,
  samplingPlanEntity,
  samplingTaskEntity,
  samplingRecordEntity,
  disposalEntity,
  riskTierEntity,
  inspectorEntity,
  inspectorConflictEntity,
  inspectionDrawEntity,
  inspectionTargetEntity,
  caseEntity,
  caseEventEntity,
  caseDocumentEntity,
  dishonestyListingEntity,
  removalApplicationEntity,
  institutionCheckEntity,
  reportTemplateEntity,
  reportOncePeriodEntity,
  reportSubmissionEntity,
  reportManualValueEntity,
  notificationEntity,
  notificationReadEntity,
  serviceItemEntity,
  feeRuleEntity,
  serviceRequestEntity,
  serviceRequestLineEntity,
  serviceReferralEntity,
  serviceSlotEntity,
  serviceBookingEntity,
  onsiteDispatchEntity,
  serviceRequestSampleEntity,
  compulsoryItemEntity,
  ledgerDetailsEntity,
  certificateEntity,
  complaintEntity,
  complaintEventEntity,
  recallEntity,
  recallProgressEntity,
  riskModelEntity,
  riskOpinionEntity,
  riskWarningEntity,
  riskWarningStepEntity,
  typicalCaseEntity,
  epidemicQaEntity,
];

/** Builds every module's service from the shared dependencies. */
export function createServices(deps: Deps) {
  const orgs = createOrgs(deps);
  const categories = createCategories(deps);
  const enterprises = createEnterprises(deps, categories);
  const institutions = createInstitutions(deps, orgs);
  const instruments = createInstruments(deps, orgs);
  const catalogue = createCatalogue(deps, institutions);
  const samples = createSamples(deps, catalogue, enterprises, instruments, orgs);
  const campaigns = createCampaigns(deps, enterprises, orgs);
  const cases = createCases(deps, enterprises, orgs, categories, campaigns);
  const reports = createReports(deps, samples);
  const credit = createCredit(deps, cases);
  const sampling = createSampling(deps, { enterprises, institutions, orgs, samples, reports, cases, campaigns, categories });
  const notifications = createNotifications(deps);
  const inspections = createInspections(deps, enterprises, orgs);
  const feeRules = createFeeRules(deps);
  const serviceRequests = createServiceRequests(deps, { orgs, notifications, feeRules });
  const complaints = createComplaints(deps, { orgs, enterprises, cases });
  const recalls = createRecalls(deps);
  return {
    deps,
    auth: createAuth(deps),
    orgs,
    users: createUsers(deps, orgs),
    categories,
    enterprises,
    institutions,
    instruments,
    catalogue,
    samples,
    reports,
    integrity: createIntegrity(deps, catalogue, instruments),
    labAdmin: createLabAdmin(deps, catalogue),
    campaigns,
    inspections,
    cases,
    credit,
    sampling,
    archive: createArchive(deps, { enterprises, sampling, cases, credit, instruments, recalls, complaints }),
    oversight: createOversight(deps, { orgs, cases, campaigns }),
    notifications,
    reporting: createReporting(deps, { campaigns, categories, notifications }),
    serviceCatalogue: createServiceCatalogue(deps),
    feeRules,
    serviceRequests,
    appointments: createAppointments(deps, { notifications, requests: serviceRequests }),
    onsite: createOnsite(deps),
    requestSamples: createRequestSamples(deps, { samples, requests: serviceRequests }),
    metrology: createMetrology(deps, { notifications }),
    ledgerImport: createLedgerImport(deps),
    complaints,
    recalls,
    risk: createRisk(deps, { inspections }),
    publicity: createPublicity(deps, { cases }),
    auditLog: createAuditLog(deps, () => auditedEntities),
  };
}

export type Services = ReturnType<typeof createServices>;
