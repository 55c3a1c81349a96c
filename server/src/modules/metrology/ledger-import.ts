import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import {
  INSTRUMENT_PURPOSE_LABELS,
  INSTRUMENT_PURPOSES,
  LEDGER_IMPORT_COLUMNS,
  LEDGER_IMPORT_MAX_ROWS,
  LEDGER_IMPORT_REQUIRED_COLUMNS,
  type ImportRowError,
  type LedgerImportColumn,
} from '@shijian/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, invalid } from '../../platform/errors.js';
import { readSheet, type SheetRow } from '../../platform/files/sheet.js';
import { authorize } from '../../platform/policy.js';
import { orgs } from '../identity/tables.js';
import { instrumentEntity } from '../registry/entities.js';
import { instruments } from '../registry/tables.js';
import { ledgerDetailsEntity } from './entities.js';
import { compulsoryItems, ledgerDetails } from './tables.js';

const MAX_REPORTED_ERRORS = 200;
const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '强检']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '非强检']);
const PURPOSE_BY_LABEL = new Map<string, (typeof INSTRUMENT_PURPOSES)[number]>(INSTRUMENT_PURPOSES.map((p) => [INSTRUMENT_PURPOSE_LABELS[p], p]));

export type LedgerRow = {
  row: number;
  name: string;
  category: string;
  model: string;
  serialNumber: string;
  manufacturer: string;
  measuringRange: string;
  accuracyClass: string;
  location: string;
  purpose: (typeof INSTRUMENT_PURPOSES)[number];
  quantity: number;
  compulsory: boolean;
  compulsoryItemId: string | null;
};

/**
 * One row of the ledger spreadsheet, checked without the database except through the lookups
 * given. Returns every problem of the row (one per column), so a single upload shows them all.
 */
export function parseLedgerRow(input: SheetRow<LedgerImportColumn>, compulsoryItemOf: (text: string) => string | undefined): { value: LedgerRow | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const { row, cells } = input;
  const err = (column: LedgerImportColumn, message: string) => errors.push({ row, column, message });
  const text = (c: LedgerImportColumn) => (cells[c] === null || cells[c] === undefined ? '' : String(cells[c]).trim());
  const required = (c: LedgerImportColumn, max: number) => {
    const v = text(c);
    if (!v) err(c, `请填写${c}`);
    else if (v.length > max) err(c, `${c}不能超过${max}个字符`);
    return v;
  };
  const optional = (c: LedgerImportColumn, max: number) => {
    const v = text(c);
    if (v.length > max) err(c, `${c}不能超过${max}个字符`);
    return v;
  };
  const name = required('器具名称', 100);
  const category = required('器具类别', 50);
  const model = required('型号规格', 100);
  const serialNumber = required('出厂编号', 100);
  const manufacturer = required('制造单位', 100);
  const measuringRange = optional('测量范围', 100);
  const accuracyClass = optional('准确度等级', 50);
  const location = optional('使用地点', 200);

  const purposeText = text('用途');
  const purpose = PURPOSE_BY_LABEL.get(purposeText);
  if (!purposeText) err('用途', '请填写用途');
  else if (!purpose) err('用途', `用途「${purposeText}」无效，应为：${[...PURPOSE_BY_LABEL.keys()].join('、')}`);

  const quantityText = text('数量');
  const quantity = quantityText ? Number(quantityText) : 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100_000) err('数量', `数量「${quantityText}」应为 1 至 100000 的整数`);

  const compulsoryText = text('强制检定').toUpperCase();
  const itemText = text('强检目录项目');
  const compulsoryItemId = itemText ? (compulsoryItemOf(itemText) ?? null) : null;
  if (itemText && !compulsoryItemId) err('强检目录项目', `强制检定目录中没有「${itemText}」`);
  let compulsory = Boolean(compulsoryItemId);
  if (compulsoryText) {
    if (YES.has(compulsoryText)) compulsory = true;
    else if (NO.has(compulsoryText)) {
      compulsory = false;
      if (compulsoryItemId) err('强制检定', '填写了强检目录项目，强制检定应为「是」');
    } else err('强制检定', `强制检定「${text('强制检定')}」应为「是」或「否」`);
  }

  if (errors.length) return { value: null, errors };
  return {
    value: { row, name, category, model, serialNumber, manufacturer, measuringRange, accuracyClass, location, purpose: purpose!, quantity, compulsory, compulsoryItemId },
    errors,
  };
}

/**
 * The e-CQS ledger imported from a spreadsheet: every row checked first (duplicates in the
 * file and against the ledger too); any error refuses the whole file with each row's
 * problems, else every instrument and its details are written, and audited, in one transaction.
 */
export function createLedgerImport(deps: Deps) {
  const { db, clock, audit } = deps;

  async function compulsoryLookup() {
    const rows = await db.select({ id: compulsoryItems.id, item: compulsoryItems.item, kinds: compulsoryItems.kinds }).from(compulsoryItems);
    const byText = new Map<string, string>();
    for (const r of rows) for (const label of [r.item, ...r.kinds]) byText.set(label.replace(/\s/g, ''), r.id);
    return (text: string) => byText.get(text.replace(/\s/g, ''));
  }

  return {
    async template(): Promise<Buffer> {
      const items = await db.select({ item: compulsoryItems.item }).from(compulsoryItems).orderBy(compulsoryItems.sortOrder);
      const workbook = new ExcelJS.Workbook();
      workbook.creator = 'Shijian 市监';
      const sheet = workbook.addWorksheet('计量器具台账', { views: [{ state: 'frozen', ySplit: 1 }] });
      const widths: Record<LedgerImportColumn, number> = { 器具名称: 20, 器具类别: 12, 型号规格: 14, 出厂编号: 18, 制造单位: 24, 测量范围: 16, 准确度等级: 12, 使用地点: 24, 用途: 12, 数量: 8, 强制检定: 10, 强检目录项目: 16 };
      sheet.columns = LEDGER_IMPORT_COLUMNS.map((c) => ({ header: LEDGER_IMPORT_REQUIRED_COLUMNS.includes(c) ? `${c}*` : c, key: c, width: widths[c] }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
      sheet.addRow(['红外体温计', '体温计', 'HW-F7', 'HWF7-2026-0001', '深圳华盛昌', '32–42.9 ℃', '±0.2 ℃', '厂区南门测温点', '医疗卫生', 1, '是', '体温计']);
      sheet.getColumn('出厂编号').numFmt = '@';
      const purposeCol = LEDGER_IMPORT_COLUMNS.indexOf('用途') + 1;
      const yesNoCol = LEDGER_IMPORT_COLUMNS.indexOf('强制检定') + 1;
      const itemCol = LEDGER_IMPORT_COLUMNS.indexOf('强检目录项目') + 1;
      for (let r = 2; r <= 1001; r += 1) {
        sheet.getCell(r, purposeCol).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${Object.values(INSTRUMENT_PURPOSE_LABELS).join(',')}"`] };
        sheet.getCell(r, yesNoCol).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
        sheet.getCell(r, itemCol).dataValidation = { type: 'list', allowBlank: true, formulae: [`强检目录!$A$2:$A$${items.length + 1}`] };
      }
      const list = workbook.addWorksheet('强检目录');
      list.columns = [{ header: '强检目录项目', key: 'item', width: 24 }];
      for (const i of items) list.addRow([i.item]);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },

    async import(actor: Actor, file: Buffer): Promise<{ inserted: number; compulsory: number }> {
      authorize(actor, 'instrument.write');
      if (!actor.orgId || (actor.orgKind !== 'enterprise' && actor.orgKind !== 'institution')) throw invalid('file', '计量器具台账只能由器具所属的企业或技术机构导入');
      const [owner] = await db.select({ id: orgs.id, regionCode: orgs.regionCode }).from(orgs).where(eq(orgs.id, actor.orgId));
      if (!owner?.regionCode) throw invalid('file', '本单位缺少所在地区，不能登记计量器具');

      const rows = await readSheet(file, { columns: LEDGER_IMPORT_COLUMNS, required: LEDGER_IMPORT_REQUIRED_COLUMNS, maxRows: LEDGER_IMPORT_MAX_ROWS });
      const lookup = await compulsoryLookup();
      const parsed = rows.map((r) => parseLedgerRow(r, lookup));
      const errors = parsed.flatMap((p) => p.errors);
      const valid = parsed.map((p) => p.value).filter((v): v is LedgerRow => v !== null);

      // Serial numbers: once in the file, and not already in the ledger.
      const firstRow = new Map<string, number>();
      for (const v of valid) {
        const seen = firstRow.get(v.serialNumber);
        if (seen) errors.push({ row: v.row, column: '出厂编号', message: `出厂编号 ${v.serialNumber} 与第 ${seen} 行重复` });
        else firstRow.set(v.serialNumber, v.row);
      }
      const serials = [...firstRow.keys()];
      for (let i = 0; i < serials.length; i += 1000) {
        const existing = await db
          .select({ serial: instruments.serialNumber })
          .from(instruments)
          .where(and(eq(instruments.ownerOrgId, owner.id), inArray(instruments.serialNumber, serials.slice(i, i + 1000))));
        for (const e of existing) errors.push({ row: firstRow.get(e.serial)!, column: '出厂编号', message: `本单位已登记出厂编号为 ${e.serial} 的器具` });
      }
      if (errors.length) {
        errors.sort((a, b) => a.row - b.row);
        const rowCount = new Set(errors.map((e) => e.row)).size;
        throw new AppError(400, 'IMPORT_ROWS_INVALID', `共 ${rows.length} 行，其中 ${rowCount} 行有误（${errors.length} 处），未导入任何数据。请修改后重新上传`, {
          rows: errors.slice(0, MAX_REPORTED_ERRORS),
          errorCount: errors.length,
          rowCount: rows.length,
        });
      }

      const now = clock.now();
      await db.transaction(async (tx) => {
        for (let i = 0; i < valid.length; i += 500) {
          const chunk = valid.slice(i, i + 500);
          const created = await tx
            .insert(instruments)
            .values(
              chunk.map((v) => ({
                ownerOrgId: owner.id,
                regionCode: owner.regionCode!,
                name: v.name,
                model: v.model,
                serialNumber: v.serialNumber,
                manufacturer: v.manufacturer,
                measuringRange: v.measuringRange,
                compulsory: v.compulsory,
                status: 'in_use' as const,
                createdAt: now,
                updatedAt: now,
              })),
            )
            .returning({ id: instruments.id, serial: instruments.serialNumber });
          const idOf = new Map(created.map((c) => [c.serial, c.id]));
          await tx.insert(ledgerDetails).values(
            chunk.map((v) => ({
              instrumentId: idOf.get(v.serialNumber)!,
              category: v.category,
              accuracyClass: v.accuracyClass,
              location: v.location,
              purpose: v.purpose,
              quantity: v.quantity,
              compulsoryItemId: v.compulsoryItemId,
              updatedAt: now,
            })),
          );
          await audit.append(tx, actor, [
            ...created.map((c) => ({ action: 'instrument.registered' as const, entity: instrumentEntity, id: c.id })),
            ...created.map((c) => ({ action: 'metrology.ledger_updated' as const, entity: ledgerDetailsEntity, id: c.id })),
          ]);
        }
      });
      return { inserted: valid.length, compulsory: valid.filter((v) => v.compulsory).length };
    },
  };
}

export type LedgerImport = ReturnType<typeof createLedgerImport>;
