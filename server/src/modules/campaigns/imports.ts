import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { usccCheckCharacter, type ImportJobView, type ImportRowError } from '@shijian/contracts';
import { regionInScope, type Actor } from '../../platform/actor.js';
import { addDays } from '../../platform/calendar/working-days.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import type { Categories } from '../registry/categories.js';
import { enterprises as enterpriseTable } from '../registry/tables.js';
import { screeningEntity } from './entities.js';
import { campaignProblem, screeningKey, type ScreeningEnterprise, type Screenings } from './screenings.js';
import { actingOrg, missing, type CampaignRow } from './shared.js';
import { screenings } from './tables.js';
import { categoryLookup, parseScreeningRow, readScreeningSheet, sameName, screeningTemplate, type ParsedScreeningRow } from './xlsx.js';

/** Rows per transaction: each batch and its audit entries commit together. */
export const IMPORT_BATCH_SIZE = 200;
/** Finished jobs are kept this long for the page that polls them. */
const JOB_TTL_MS = 60 * 60_000;
/** At most this many row errors travel back; the total is always given. */
const MAX_REPORTED_ERRORS = 1000;

const EXAMPLE_USCC = `91510107MA6CQ1234${usccCheckCharacter('91510107MA6CQ1234')}`;

type ValidRow = ParsedScreeningRow & { enterprise: ScreeningEnterprise };
type Job = { view: ImportJobView; userId: string | null; done: Promise<void> };

/**
 * Bulk import of a producer list (.xlsx) into a campaign's screenings. Every
 * row is checked first; a file with any bad row is refused whole, with each
 * error by row and column, and nothing is written. A clean file is written in
 * the background in batches, each batch in one transaction with its audit
 * entries, while the page polls the job for progress.
 */
export function createImports(
  deps: Deps,
  s: { getVisible(actor: Actor, id: string): Promise<CampaignRow>; categories: Categories; screenings: Screenings },
) {
  const { db, clock, audit, calendar } = deps;
  const jobs = new Map<string, Job>();

  function purge() {
    const now = clock.now().getTime();
    for (const [id, job] of jobs) {
      if (job.view.finishedAt && now - Date.parse(job.view.finishedAt) > JOB_TTL_MS) jobs.delete(id);
    }
  }

  async function validate(actor: Actor, campaign: CampaignRow, file: Buffer): Promise<{ valid: ValidRow[]; errors: ImportRowError[]; total: number }> {
    const sheet = await readScreeningSheet(file);
    const all = await s.categories.catalogue();
    const active = all.filter((c) => c.active);
    const names = new Map(all.map((c) => [c.code, c.name]));
    const categoryName = (code: string) => names.get(code) ?? code;
    const ctx = {
      categoryOf: categoryLookup(active),
      campaignCategories: campaign.categories,
      startsOn: campaign.startsOn,
      endsOn: campaign.endsOn,
      today: calendar.today(),
      categoryName,
    };
    const errors: ImportRowError[] = [];
    const parsed: ParsedScreeningRow[] = [];
    for (const row of sheet) {
      const result = parseScreeningRow(row, ctx);
      errors.push(...result.errors);
      if (result.value) parsed.push(result.value);
    }

    // The enterprises, in one query per thousand codes; out of scope reads exactly like unregistered.
    const codes = [...new Set(parsed.map((p) => p.uscc))];
    const byUscc = new Map<string, ScreeningEnterprise>();
    for (let i = 0; i < codes.length; i += 1000) {
      const rows = await db
        .select({ id: enterpriseTable.id, uscc: enterpriseTable.uscc, name: enterpriseTable.name, regionCode: enterpriseTable.regionCode })
        .from(enterpriseTable)
        .where(inArray(enterpriseTable.uscc, codes.slice(i, i + 1000)));
      for (const r of rows) if (regionInScope(actor, r.regionCode)) byUscc.set(r.uscc, r);
    }

    const existing = await s.screenings.existingKeys(campaign.id, [...new Set([...byUscc.values()].map((e) => e.id))]);
    const firstRowOf = new Map<string, number>();
    const valid: ValidRow[] = [];
    for (const p of parsed) {
      const err = (column: string | null, message: string) => errors.push({ row: p.row, column, message });
      const enterprise = byUscc.get(p.uscc);
      if (!enterprise) {
        err('统一社会信用代码', `统一社会信用代码 ${p.uscc} 未在您的管辖范围内登记`);
        continue;
      }
      if (p.enterpriseName && !sameName(p.enterpriseName, enterprise.name)) {
        err('企业名称', `企业名称与该信用代码的登记名称「${enterprise.name}」不一致`);
        continue;
      }
      const problem = campaignProblem(campaign, { category: p.category, screenedOn: p.screenedOn, regionCode: enterprise.regionCode }, categoryName);
      if (problem) {
        err(problem.field === 'enterpriseId' ? '统一社会信用代码' : problem.field === 'category' ? '产品类别' : '排查日期', problem.message);
        continue;
      }
      const key = screeningKey({ enterpriseId: enterprise.id, category: p.category, screenedOn: p.screenedOn });
      const earlier = firstRowOf.get(key);
      if (earlier) {
        err(null, `与第 ${earlier} 行重复（同一企业、同一产品类别、同一排查日期）`);
        continue;
      }
      if (existing.has(key)) {
        err(null, `该企业该产品类别在 ${p.screenedOn} 已有排查记录（是否重复导入？）`);
        continue;
      }
      firstRowOf.set(key, p.row);
      valid.push({ ...p, enterprise });
    }
    errors.sort((a, b) => a.row - b.row);
    return { valid, errors, total: sheet.length };
  }

  async function write(job: Job, actor: Actor, orgId: string, campaignId: string, rows: ValidRow[]) {
    const { view } = job;
    try {
      for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) {
        const batch = rows.slice(i, i + IMPORT_BATCH_SIZE);
        const now = clock.now();
        await db.transaction(async (tx) => {
          const inserted = await tx
            .insert(screenings)
            .values(
              batch.map((r) => ({
                campaignId,
                enterpriseId: r.enterprise.id,
                regionCode: r.enterprise.regionCode,
                category: r.category,
                screenedOn: r.screenedOn,
                officers: r.officers,
                result: r.result,
                problems: r.problems,
                rectificationStatus: r.result === 'nonconforming' ? ('pending' as const) : ('not_required' as const),
                rectificationDeadline: r.rectificationDeadline,
                orgId,
                createdBy: actor.userId,
                createdAt: now,
              })),
            )
            .returning({ id: screenings.id });
          await audit.append(tx, actor, inserted.map((r) => ({ action: 'screening.imported' as const, entity: screeningEntity, id: r.id })));
        });
        view.processed += batch.length;
        view.inserted += batch.length;
      }
      view.status = 'done';
    } catch {
      const from = rows[view.inserted]?.row ?? 0;
      view.status = 'failed';
      view.message = `写入中断：已写入 ${view.inserted} 行，第 ${from} 行起未写入。请稍后将未写入的行重新导入`;
      view.errors = [{ row: from, column: null, message: '写入数据库失败，本行及之后的行未写入' }];
    } finally {
      view.finishedAt = clock.now().toISOString();
    }
  }

  return {
    /**
     * Checks the whole file; answers 400 IMPORT_ROWS_INVALID with every row error
     * when any row is bad, else starts writing and returns the running job.
     */
    async start(actor: Actor, campaignId: string, file: Buffer, fileName = '排查名单.xlsx'): Promise<ImportJobView> {
      authorize(actor, 'screening.write');
      const orgId = actingOrg(actor);
      const campaign = await s.getVisible(actor, campaignId);
      purge();
      if ([...jobs.values()].some((j) => j.userId === actor.userId && j.view.status === 'running')) {
        throw conflict('IMPORT_RUNNING', '您有一个导入任务正在进行，请等待完成后再导入');
      }
      const { valid, errors, total } = await validate(actor, campaign, file);
      if (errors.length) {
        const rowCount = new Set(errors.map((e) => e.row)).size;
        throw new AppError(400, 'IMPORT_ROWS_INVALID', `共 ${total} 行，其中 ${rowCount} 行有误（${errors.length} 处），未导入任何数据。请修改后重新上传`, {
          rows: errors.slice(0, MAX_REPORTED_ERRORS),
          errorCount: errors.length,
          rowCount: total,
        });
      }
      const view: ImportJobView = {
        id: randomUUID(),
        campaignId,
        fileName,
        status: 'running',
        total: valid.length,
        processed: 0,
        inserted: 0,
        errors: [],
        message: null,
        startedAt: clock.now().toISOString(),
        finishedAt: null,
      };
      const job: Job = { view, userId: actor.userId, done: Promise.resolve() };
      jobs.set(view.id, job);
      job.done = write(job, actor, orgId, campaignId, valid);
      return { ...view };
    },
    /** A job is visible to the user who started it, under its campaign. */
    async get(actor: Actor, campaignId: string, jobId: string): Promise<ImportJobView> {
      authorize(actor, 'campaign.read');
      const job = jobs.get(jobId);
      if (!job || job.userId !== actor.userId || job.view.campaignId !== campaignId) throw missing('import_job', jobId);
      return { ...job.view, errors: [...job.view.errors] };
    },
    /** Resolves when the job has finished writing (for the command line and tests). */
    async settled(jobId: string): Promise<void> {
      await jobs.get(jobId)?.done;
    },
    /** The template for a campaign: its categories in the drop-down, an example row dated within its period. */
    async template(actor: Actor, campaignId: string): Promise<{ fileName: string; bytes: Buffer }> {
      authorize(actor, 'campaign.read');
      const campaign = await s.getVisible(actor, campaignId);
      const all = await s.categories.catalogue();
      const cats = campaign.categories.map((code) => all.find((c) => c.code === code)).filter((c): c is NonNullable<typeof c> => !!c);
      const today = calendar.today();
      const date = today < campaign.startsOn ? campaign.startsOn : today > campaign.endsOn ? campaign.endsOn : today;
      const bytes = await screeningTemplate(cats.length ? cats : all.filter((c) => c.active), {
        uscc: EXAMPLE_USCC,
        name: '示例：成都某某医疗用品有限公司',
        date,
        deadline: addDays(date, 15),
      });
      return { fileName: `${campaign.name}-排查名单导入模板.xlsx`, bytes };
    },
  };
}

export type Imports = ReturnType<typeof createImports>;
