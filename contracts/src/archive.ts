/** The enterprise archive (专门档案): everything the supervision chain knows about one enterprise, in one view. */
import { z } from 'zod';
import { EnterpriseView, Id, InstrumentView, IsoDate, IsoDateTime } from './api.js';
import { ComplaintView } from './complaints.js';
import { CaseView } from './enforcement.js';
import { Judgement } from './lab.js';
import { RecallView } from './recalls.js';
import { SamplingRecordView } from './sampling.js';
import { DishonestyStatus, InspectionOutcome, RectificationStatus, RiskTier, ScreeningResult } from './supervision.js';

export const EnterpriseArchive = z.object({
  enterprise: EnterpriseView,
  /** Today's risk tier for inspection ratios ('general' when never assessed). */
  riskTier: RiskTier,
  screenings: z.array(
    z.object({
      id: Id,
      campaignName: z.string().nullable(),
      category: z.string(),
      screenedOn: IsoDate,
      result: ScreeningResult,
      problems: z.string(),
      rectificationStatus: RectificationStatus,
      rectificationDeadline: IsoDate.nullable(),
    }),
  ),
  sampling: z.array(SamplingRecordView),
  reports: z.array(
    z.object({
      id: Id,
      reportNo: z.string(),
      version: z.number().int(),
      status: z.string(),
      productName: z.string(),
      conclusion: Judgement,
      institutionName: z.string(),
      issuedAt: IsoDateTime,
    }),
  ),
  cases: z.array(CaseView),
  inspections: z.array(z.object({ targetId: Id, drawId: Id, drawName: z.string(), drawnAt: IsoDateTime, outcome: InspectionOutcome.nullable(), inspectedOn: IsoDate.nullable() })),
  /** The enterprise's measuring instruments and their verification certificates. */
  instruments: z.array(InstrumentView),
  credit: z.array(z.object({ id: Id, listedOn: IsoDate, expiresOn: IsoDate, status: DishonestyStatus, decisionNo: z.string() })),
  /** Defect recalls (缺陷召回) of the enterprise's products, newest report first. */
  recalls: z.array(RecallView),
  /** Complaints and reports (投诉举报) about the enterprise, newest first; the complainant's contact only for the handling bureau, as in their list. */
  complaints: z.array(ComplaintView),
});
export type EnterpriseArchive = z.infer<typeof EnterpriseArchive>;
