import { asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProductCategoryCreateBody, ProductCategoryUpdateBody, ProductCategoryView } from '@shijian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { Audit } from '../../platform/audit/chain.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import { categoryEntity } from './entities.js';
import { enterpriseCategories, productCategories } from './tables.js';

/** The eight kinds of the weekly table of seed 002, then general categories. Editable after seeding. */
export const DEFAULT_CATEGORIES: (typeof productCategories.$inferInsert)[] = [
  { code: 'mask', name: '口罩', nameEn: 'Masks', group: 'epidemic', sortOrder: 10 },
  { code: 'ventilator', name: '呼吸机', nameEn: 'Ventilators', group: 'epidemic', sortOrder: 20 },
  { code: 'protective_suit', name: '防护服', nameEn: 'Protective suits', group: 'epidemic', sortOrder: 30 },
  { code: 'ir_thermometer', name: '红外体温计(额温枪)', nameEn: 'Infrared thermometers', group: 'epidemic', sortOrder: 40 },
  { code: 'covid_test_kit', name: '新型冠状病毒检测试剂', nameEn: 'COVID-19 test kits', group: 'epidemic', sortOrder: 50 },
  { code: 'meltblown', name: '熔喷布', nameEn: 'Melt-blown fabric', group: 'epidemic', sortOrder: 60 },
  { code: 'nonwoven', name: '无纺布', nameEn: 'Non-woven fabric', group: 'epidemic', sortOrder: 70 },
  { code: 'ir_sensor', name: '红外传感器', nameEn: 'Infrared sensors', group: 'epidemic', sortOrder: 80 },
  { code: 'food', name: '食品', nameEn: 'Food', group: 'general', sortOrder: 110 },
  { code: 'special_equipment', name: '特种设备', nameEn: 'Special equipment', group: 'general', sortOrder: 120 },
  { code: 'building_material', name: '建筑材料', nameEn: 'Building materials', group: 'general', sortOrder: 130 },
  { code: 'medical_device', name: '医疗器械', nameEn: 'Medical devices', group: 'general', sortOrder: 140 },
  { code: 'ppe', name: '个体防护装备', nameEn: 'Personal protective equipment', group: 'general', sortOrder: 150 },
  { code: 'daily_consumer', name: '日用消费品', nameEn: 'Daily consumer goods', group: 'general', sortOrder: 160 },
  { code: 'disinfectant', name: '消毒剂', nameEn: 'Disinfectants', group: 'general', sortOrder: 170 },
  { code: 'hazmat_tank', name: '常压液体危险货物罐体', nameEn: 'Atmospheric dangerous-liquid tanks', group: 'general', sortOrder: 180 },
];

export async function seedDefaultCategories(db: Db, audit: Audit, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(productCategories).values(DEFAULT_CATEGORIES).onConflictDoNothing().returning();
    await audit.append(tx, actor, inserted.map((c) => ({ action: 'category.created' as const, entity: categoryEntity, id: c.code })));
    return inserted.length;
  });
}

export function createCategories(deps: Deps) {
  const { db, audit } = deps;

  /** The categories without their enterprise counts: names and order for forms, messages and the portal. */
  const catalogue = () => db.select().from(productCategories).orderBy(asc(productCategories.sortOrder), asc(productCategories.code));

  /** With how many enterprises produce each only when asked: that is a scan of every enterprise's categories. */
  async function list(options: { counts: boolean } = { counts: true }): Promise<ProductCategoryView[]> {
    const rows = await catalogue();
    if (!options.counts) return rows.map((r) => ({ ...r, enterpriseCount: null }));
    const counts = await db
      .select({ code: enterpriseCategories.categoryCode, n: count() })
      .from(enterpriseCategories)
      .groupBy(enterpriseCategories.categoryCode);
    const byCode = new Map(counts.map((c) => [c.code, Number(c.n)]));
    return rows.map((r) => ({ ...r, enterpriseCount: byCode.get(r.code) ?? 0 }));
  }

  async function one(code: string) {
    const item = (await list()).find((c) => c.code === code);
    if (!item) throw notFound('product_category', code);
    return item;
  }

  return {
    list,
    catalogue,
    async activeCodes(): Promise<Set<string>> {
      const rows = await db.select({ code: productCategories.code }).from(productCategories).where(eq(productCategories.active, true));
      return new Set(rows.map((r) => r.code));
    },
    async create(actor: Actor, body: z.infer<typeof ProductCategoryCreateBody>) {
      authorize(actor, 'category.write');
      await db.transaction(async (tx) => {
        const inserted = await tx.insert(productCategories).values(body).onConflictDoNothing().returning();
        if (!inserted.length) {
          throw conflict('CATEGORY_EXISTS', `类别代码 ${body.code} 已存在`, { fields: [{ field: 'code', message: '类别代码已存在' }] });
        }
        await audit.append(tx, actor, { action: 'category.created', entity: categoryEntity, id: body.code });
      });
      return one(body.code);
    },
    async update(actor: Actor, code: string, body: z.infer<typeof ProductCategoryUpdateBody>) {
      authorize(actor, 'category.write');
      if (Object.values(body).every((v) => v === undefined)) throw invalid('body', '请至少填写一项修改内容');
      await db.transaction(async (tx) => {
        const updated = await tx.update(productCategories).set(body).where(eq(productCategories.code, code)).returning();
        if (!updated.length) throw notFound('product_category', code);
        await audit.append(tx, actor, { action: 'category.updated', entity: categoryEntity, id: code });
      });
      return one(code);
    },
  };
}

export type Categories = ReturnType<typeof createCategories>;
