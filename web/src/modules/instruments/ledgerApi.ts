import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, request } from '../../api/client';
import type { Translate } from '../../app/i18n';
import { ins } from './messages';

/** The ledger's e-CQS fields, its .xlsx import and the compulsory-verification catalogue (metrology), typed from the contracts. */
export type CompulsoryItemView = C.CompulsoryItemView;
export type LedgerDetailsView = C.LedgerDetailsView;
export type LedgerDetailsBody = z.input<typeof C.LedgerDetailsBody>;
export type LedgerImportResult = z.infer<typeof C.LedgerImportResult>;
export type ImportRowError = C.ImportRowError;
export type InstrumentPurpose = LedgerDetailsView['purpose'];

/** The content type of an .xlsx upload (as the server's XLSX_TYPE). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const id = (value: string) => encodeURIComponent(value);

export const ledgerKeys = {
  compulsory: ['metrology', 'compulsory-catalogue'] as const,
  details: (instrumentId: string) => ['instruments', 'ledger', instrumentId] as const,
};

export const ledgerApi = {
  /** Reference data, public: the items under compulsory verification and their periods. */
  compulsoryCatalogue: () => api.get<CompulsoryItemView[]>('/api/public/compulsory-catalogue'),
  /** null until the owner has recorded them. */
  details: (instrumentId: string) => api.get<LedgerDetailsView | null>(`/api/instruments/${id(instrumentId)}/ledger`),
  setDetails: (instrumentId: string, body: LedgerDetailsBody) => api.put<LedgerDetailsView>(`/api/instruments/${id(instrumentId)}/ledger`, body),
  /** A link, not a fetch: the browser downloads the template with the session cookie. */
  templateUrl: '/api/instruments/import-template',
  /** The .xlsx itself is the body; any bad row refuses the whole file (400 IMPORT_ROWS_INVALID with the rows). */
  import: (file: File) => request<LedgerImportResult>('POST', '/api/instruments/import', { file: { data: file, type: XLSX_TYPE } }),
};

/** 体温计（检定周期 12 个月） — an item of the catalogue with its period, for pickers. */
export const compulsoryLabel = (t: Translate, c: Pick<CompulsoryItemView, 'item' | 'periodMonths'>) => t(ins.compulsoryOption, { item: c.item, n: c.periodMonths });
