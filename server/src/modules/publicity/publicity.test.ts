import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, EpidemicQaView, PublicTypicalCaseView, TypicalCaseView } from '@shijian/contracts';
import { createHarness, type Harness } from '../../../test/harness.js';
import { rawRows } from '../../db/client.js';
import { PORTAL_SECTIONS } from '../portal/layout.js';

/**
 * Typical cases and the epidemic-goods Q&A against the demo world: who may publish what, scope
 * by region (out of scope is 404), one active publication per case, the audit entries, structured
 * Chinese validation errors, and what the portal shows without a login — published records only,
 * HTML-escaped.
 */
let h: Harness;
/** 康宁's case at 武侯区局: decided, and left unpublished by the demo. */
let decided: CaseView;
/** 康宁's labelling case at 武侯区局: still under investigation. */
let investigating: CaseView;

beforeAll(async () => {
  h = await createHarness();
  const items = (await (await h.as('wh.officer')).get('/api/cases?pageSize=100')).json().items as CaseView[];
  decided = items.find((c) => c.decisionNo?.startsWith('武市监处罚'))!;
  investigating = items.find((c) => c.stage === 'investigating')!;
  expect(decided.stage).toBe('decided');
  expect(investigating).toBeDefined();
});
afterAll(() => h.close());

const auditActions = async (entityId: string) =>
  (await rawRows<{ action: string; entity_type: string }>(h.services.deps.db, sql`select action, entity_type from audit_log where entity_id = ${entityId} order by id`)).map(
    (r) => `${r.entity_type}:${r.action}`,
  );

const publication = (caseId: string, over: Record<string, unknown> = {}) => ({
  caseId,
  title: '武侯区某公司生产销售不合格医用口罩案 <b>"甲"&乙</b>',
  summary: '经抽检，当事人生产的一批医用口罩细菌过滤效率不符合YY 0469-2011的要求。\n\n当事人接到责令召回通知后拒不召回。',
  violation: '生产、销售不符合保障人体健康的行业标准的产品。',
  legalBasis: '《中华人民共和国产品质量法》第十三条、第四十九条。',
  penalty: '没收违法产品，并处罚款420000元。',
  ...over,
});

describe('typical cases (典型案例)', () => {
  it('publishes a decided case of the officer’s county, shows it on the portal escaped, and takes it off when withdrawn', async () => {
    const wh = await h.as('wh.officer');
    const res = await wh.post('/api/typical-cases', publication(decided.id));
    expect(res.statusCode).toBe(200);
    const t = res.json() as TypicalCaseView;
    expect(t).toMatchObject({ status: 'active', caseId: decided.id, caseNo: decided.caseNo, regionCode: '510107', orgName: '成都市武侯区市场监督管理局', violationCategory: 'quality' });
    expect(t.publishedOn).toBe(h.services.deps.calendar.today());
    expect(await auditActions(t.id)).toEqual(['typical_case:publicity.case_published']);

    // One active publication per case.
    const again = await wh.post('/api/typical-cases', publication(decided.id, { title: '重复发布' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ALREADY_PUBLISHED', details: { typicalCaseId: t.id } });

    // The portal: no login, the title escaped, the publisher's text only.
    const anon = h.anonymous();
    const list = await anon.get('/public/cases');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain('武侯区某公司生产销售不合格医用口罩案 &#60;b&#62;&#34;甲&#34;&#38;乙&#60;/b&#62;');
    expect(list.body).not.toContain('<b>"甲"');
    const detail = await anon.get(`/public/cases/${t.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('处罚依据');
    expect(detail.body).toContain('当事人接到责令召回通知后拒不召回。');
    const api = (await anon.get('/api/public/typical-cases?pageSize=50')).json().items as PublicTypicalCaseView[];
    const shown = api.find((x) => x.id === t.id)!;
    expect(shown).toMatchObject({ orgName: '成都市武侯区市场监督管理局', penalty: '没收违法产品，并处罚款420000元。' });
    // Nothing of the case itself (number, party) leaves through the public view.
    expect(Object.keys(shown).sort()).toEqual(['id', 'legalBasis', 'orgName', 'penalty', 'publishedOn', 'regionCode', 'regionName', 'summary', 'title', 'violation', 'violationCategory']);
    expect(JSON.stringify(api)).not.toContain(decided.caseNo);

    // Withdrawing needs a reason, once.
    const noReason = await wh.post(`/api/typical-cases/${t.id}/withdraw`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'reason', message: '请填写撤回原因' }] } });
    const withdrawn = (await wh.post(`/api/typical-cases/${t.id}/withdraw`, { reason: '当事人已申请行政复议，待复议结果后再行公布' })).json() as TypicalCaseView;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '当事人已申请行政复议，待复议结果后再行公布', withdrawnByName: '武侯区局执法人员 郑凯' });
    expect((await wh.post(`/api/typical-cases/${t.id}/withdraw`, { reason: '再次撤回' })).json().error.code).toBe('ALREADY_WITHDRAWN');
    expect(await auditActions(t.id)).toEqual(['typical_case:publicity.case_published', 'typical_case:publicity.case_withdrawn']);

    // Gone from the portal, still in the staff list as withdrawn.
    expect((await anon.get('/public/cases')).body).not.toContain('武侯区某公司生产销售不合格医用口罩案');
    const gone = await anon.get(`/public/cases/${t.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('不存在或已撤回');
    expect((await anon.get(`/api/public/typical-cases/${t.id}`)).statusCode).toBe(404);
    expect(((await anon.get('/api/public/typical-cases?pageSize=50')).json().items as { id: string }[]).map((x) => x.id)).not.toContain(t.id);
    const staff = (await wh.get('/api/typical-cases?status=withdrawn')).json().items as TypicalCaseView[];
    expect(staff.map((x) => x.id)).toContain(t.id);

    // Withdrawn, the case may be published again with a new text.
    const republished = await wh.post('/api/typical-cases', publication(decided.id, { title: '武侯区某医疗用品公司生产不合格口罩拒不召回案' }));
    expect(republished.statusCode).toBe(200);
    expect((await anon.get('/public/cases?q=拒不召回')).body).toContain('武侯区某医疗用品公司生产不合格口罩拒不召回案');
  });

  it('refuses a case not yet decided (409), a case outside the publisher’s region (404) and staff without publicity.write (403)', async () => {
    const wh = await h.as('wh.officer');
    const notDecided = await wh.post('/api/typical-cases', publication(investigating.id));
    expect(notDecided.statusCode).toBe(409);
    expect(notDecided.json().error.code).toBe('CASE_NOT_DECIDED');
    expect(notDecided.json().error.message).toContain('调查中');

    // 锦江 and 福州 do not see 武侯's case: not found, as if it did not exist.
    for (const user of ['jj.officer', 'fz.officer']) {
      const res = await (await h.as(user)).post('/api/typical-cases', publication(decided.id, { title: '越权发布' }));
      expect(res.statusCode, user).toBe(404);
    }
    // Statisticians read cases but do not publish; institutions do neither; the public must log in.
    expect((await (await h.as('sc.stat')).post('/api/typical-cases', publication(decided.id))).statusCode).toBe(403);
    expect((await (await h.as('sc.stat')).get('/api/typical-cases')).statusCode).toBe(200);
    expect((await (await h.as('scqi.admin')).get('/api/typical-cases')).statusCode).toBe(403);
    expect((await h.anonymous().post('/api/typical-cases', publication(decided.id))).statusCode).toBe(401);
  });

  it('shows a publication to the bureaus over the case’s region and nobody else', async () => {
    const [t] = (await (await h.as('wh.officer')).get(`/api/typical-cases?caseId=${decided.id}&status=active`)).json().items as TypicalCaseView[];
    expect(t).toBeDefined();
    for (const user of ['wh.officer', 'cd.officer', 'sc.leader', 'samr.officer']) {
      expect((await (await h.as(user)).get(`/api/typical-cases/${t!.id}`)).statusCode, user).toBe(200);
      expect(((await (await h.as(user)).get('/api/typical-cases?pageSize=100')).json().items as TypicalCaseView[]).map((x) => x.id), user).toContain(t!.id);
    }
    for (const user of ['jj.officer', 'fz.officer', 'fj.admin', 'yt.officer']) {
      expect((await (await h.as(user)).get(`/api/typical-cases/${t!.id}`)).statusCode, user).toBe(404);
      expect((await (await h.as(user)).post(`/api/typical-cases/${t!.id}/withdraw`, { reason: '越权撤回' })).statusCode, user).toBe(404);
      expect(((await (await h.as(user)).get('/api/typical-cases?pageSize=100')).json().items as TypicalCaseView[]).map((x) => x.id), user).not.toContain(t!.id);
    }
    // The demo's Fujian case is in 福建's list and not in 四川's.
    const fujian = (await (await h.as('fj.admin')).get('/api/typical-cases?pageSize=100')).json().items as TypicalCaseView[];
    expect(fujian.map((x) => x.title)).toContain('福州某卫材公司生产销售不合格医用防护服案');
    expect(((await (await h.as('sc.leader')).get('/api/typical-cases?pageSize=100')).json().items as TypicalCaseView[]).map((x) => x.title)).not.toContain(
      '福州某卫材公司生产销售不合格医用防护服案',
    );
  });

  it('answers bad input with the fields named in Chinese', async () => {
    const wh = await h.as('wh.officer');
    const res = await wh.post('/api/typical-cases', { caseId: 'not-a-uuid', title: '', summary: 'x' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['caseId', 'title', 'violation', 'legalBasis', 'penalty']));
    expect(fields.find((f) => f.field === 'title')!.message).toBe('请填写标题');
    expect(fields.find((f) => f.field === 'violation')!.message).toBe('请填写违法行为');
    const future = await wh.post('/api/typical-cases', publication(decided.id, { publishedOn: '2999-01-01' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields).toEqual([{ field: 'publishedOn', message: '发布日期不能晚于今天' }]);
  });

  it('filters the portal list by region and words', async () => {
    const anon = h.anonymous();
    const fujian = await anon.get('/public/cases?region=350000');
    expect(fujian.body).toContain('福州某卫材公司生产销售不合格医用防护服案');
    expect(fujian.body).not.toContain('锦江区某药店疫情期间哄抬口罩价格案');
    const words = await anon.get(`/public/cases?q=${encodeURIComponent('哄抬 口罩')}`);
    expect(words.body).toContain('锦江区某药店疫情期间哄抬口罩价格案');
    expect(words.body).not.toContain('福州某卫材公司');
    // A bad region is ignored with a message, not a JSON error.
    const bad = await anon.get('/public/cases?region=abc');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('行政区划代码应为6位数字');
    expect((await anon.get('/public/cases/not-an-id')).statusCode).toBe(404);
  });
});

describe('epidemic-goods Q&A (防疫用品问答)', () => {
  const entry = (over: Record<string, unknown> = {}) => ({
    question: '儿童应该戴什么口罩？<script>alert(1)</script>',
    answer: '儿童口罩可选择符合GB/T 38880-2020《儿童口罩技术规范》的产品。',
    topic: 'mask',
    sortOrder: 15,
    ...over,
  });

  it('takes a draft through publish, edit, unpublish and delete, each audited, and shows only what is published', async () => {
    const cd = await h.as('cd.officer');
    const anon = h.anonymous();
    const created = (await cd.post('/api/epidemic-qa', entry())).json() as EpidemicQaView;
    expect(created).toMatchObject({ published: false, regionCode: '510100', orgName: '成都市市场监督管理局', authorName: '成都市局执法人员 吴昊', topic: 'mask' });
    const onPortal = async () => (await anon.get('/public/qa')).body;
    expect(await onPortal()).not.toContain('儿童应该戴什么口罩');
    expect(((await anon.get('/api/public/epidemic-qa?pageSize=100')).json().items as { id: string }[]).map((x) => x.id)).not.toContain(created.id);

    expect((await cd.post(`/api/epidemic-qa/${created.id}/publish`, { published: true })).json()).toMatchObject({ published: true });
    expect((await cd.post(`/api/epidemic-qa/${created.id}/publish`, { published: true })).json().error.code).toBe('ALREADY_PUBLISHED');
    const page = await onPortal();
    expect(page).toContain('<summary>儿童应该戴什么口罩？&#60;script&#62;alert(1)&#60;/script&#62;</summary>');
    expect(page).not.toContain('<script>alert(1)');

    // Editing a published entry changes what the portal shows.
    const edited = (await cd.put(`/api/epidemic-qa/${created.id}`, entry({ answer: '建议选择标注GB/T 38880-2020的儿童口罩，3岁以下婴幼儿不宜佩戴口罩。' }))).json() as EpidemicQaView;
    expect(edited).toMatchObject({ published: true, answer: '建议选择标注GB/T 38880-2020的儿童口罩，3岁以下婴幼儿不宜佩戴口罩。' });
    expect(await onPortal()).toContain('3岁以下婴幼儿不宜佩戴口罩');

    // Published entries are not deleted; taken down, they are.
    const refused = await cd.delete(`/api/epidemic-qa/${created.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'QA_PUBLISHED', message: '已发布的问答不能删除，请先撤下' });
    expect((await cd.post(`/api/epidemic-qa/${created.id}/publish`, { published: false })).json()).toMatchObject({ published: false, publishedAt: null });
    expect(await onPortal()).not.toContain('儿童应该戴什么口罩');
    expect((await cd.delete(`/api/epidemic-qa/${created.id}`)).json()).toEqual({ ok: true });
    expect((await cd.get(`/api/epidemic-qa/${created.id}`)).statusCode).toBe(404);

    expect(await auditActions(created.id)).toEqual([
      'epidemic_qa:publicity.qa_created',
      'epidemic_qa:publicity.qa_published',
      'epidemic_qa:publicity.qa_updated',
      'epidemic_qa:publicity.qa_unpublished',
      'epidemic_qa:publicity.qa_deleted',
    ]);
  });

  it('lets a bureau edit its own region’s entries and those below it; another region gets 404', async () => {
    const wh = await h.as('wh.officer');
    const own = (await wh.post('/api/epidemic-qa', entry({ question: '武侯区的问答', topic: 'other' }))).json() as EpidemicQaView;
    expect(own.regionCode).toBe('510107');
    for (const user of ['jj.officer', 'fz.officer', 'yt.officer']) {
      const other = await h.as(user);
      expect((await other.get(`/api/epidemic-qa/${own.id}`)).statusCode, user).toBe(404);
      expect((await other.put(`/api/epidemic-qa/${own.id}`, entry({ question: '越权修改' }))).statusCode, user).toBe(404);
      expect((await other.post(`/api/epidemic-qa/${own.id}/publish`, { published: true })).statusCode, user).toBe(404);
      expect((await other.delete(`/api/epidemic-qa/${own.id}`)).statusCode, user).toBe(404);
      expect(((await other.get('/api/epidemic-qa?pageSize=100')).json().items as EpidemicQaView[]).map((x) => x.id), user).not.toContain(own.id);
    }
    // The city over 武侯 edits it; the national bureau too.
    expect((await (await h.as('cd.officer')).put(`/api/epidemic-qa/${own.id}`, entry({ question: '武侯区的问答（市局修改）', topic: 'other' }))).statusCode).toBe(200);
    expect((await (await h.as('samr.officer')).get(`/api/epidemic-qa/${own.id}`)).statusCode).toBe(200);

    // The national bureau's entries are nationwide: a province does not edit them.
    const national = ((await (await h.as('samr.officer')).get('/api/epidemic-qa?pageSize=100')).json().items as EpidemicQaView[]).find((x) => x.regionCode === null)!;
    expect(national.regionName).toBe('全国');
    expect((await (await h.as('sc.admin')).put(`/api/epidemic-qa/${national.id}`, entry())).statusCode).toBe(404);

    // Reading cases is not enough to write the Q&A.
    expect((await (await h.as('sc.stat')).get('/api/epidemic-qa')).statusCode).toBe(403);
    expect((await (await h.as('sc.stat')).post('/api/epidemic-qa', entry())).statusCode).toBe(403);
    expect((await (await h.as('kangning')).post('/api/epidemic-qa', entry())).statusCode).toBe(403);
  });

  it('answers bad input with the fields named in Chinese', async () => {
    const res = await (await h.as('cd.officer')).post('/api/epidemic-qa', { question: ' ', answer: 'x', topic: 'vaccine', sortOrder: -1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'question', message: '请填写问题' }),
        expect.objectContaining({ field: 'topic', message: '主题应为口罩、防护服、体温计、消毒用品、价格或其他' }),
        expect.objectContaining({ field: 'sortOrder', message: '排序号不能为负数' }),
      ]),
    );
  });

  it('searches the portal by words and topic', async () => {
    const anon = h.anonymous();
    const thermometers = (await anon.get('/public/qa?topic=thermometer')).body;
    expect(thermometers).toContain('单位门口用的额温枪需要检定吗？');
    expect(thermometers).not.toContain('KN95口罩执行什么标准');
    const words = (await anon.get(`/public/qa?q=${encodeURIComponent('GB 19083')}`)).body;
    expect(words).toContain('一次性使用医用口罩、医用外科口罩和医用防护口罩有什么区别？');
    expect(words).not.toContain('单位门口用的额温枪需要检定吗？');
    // The topic choice counts what the words find.
    expect(words).toContain('口罩（1）');
    // The demo's draft stays off the portal.
    expect((await anon.get('/public/qa')).body).not.toContain('口罩可以重复使用吗');
    const api = (await anon.get('/api/public/epidemic-qa?topic=price')).json().items as { topic: string }[];
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((x) => x.topic === 'price')).toBe(true);
  });
});

describe('the portal without a login', () => {
  it('serves the home page at /public and /public/ with every section and live counts', async () => {
    const anon = h.anonymous();
    for (const url of ['/public', '/public/']) {
      const res = await anon.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      for (const title of ['技术服务目录', '报告证书查验', '检验检测机构名录', '双随机抽查结果', '严重违法失信名单', '典型案例', '召回公告', '投诉举报', '防疫用品问答']) {
        expect(res.body, title).toContain(`<h2>${title}</h2>`);
      }
      expect(res.body).toContain('<a href="/public" aria-current="page">首页</a>');
      expect(res.body).not.toContain('<script');
    }
    const recalls = (await anon.get('/api/public/recalls')).json().total as number;
    expect((await anon.get('/public')).body).toContain(`<b>${recalls}</b> 份公告`);
  });

  it('serves every section as one small page without script, sized for a phone, with the menu on each', async () => {
    const anon = h.anonymous();
    const pages = [...PORTAL_SECTIONS.map((x) => x.path), '/verify/certificate'];
    for (const url of pages) {
      const res = await anon.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(res.body, url).not.toMatch(/<script|<link[^>]+stylesheet|<img/);
      // The whole page is one response: no bundle, no web font, no image to fetch after it.
      expect(Buffer.byteLength(res.body), url).toBeLessThan(64 * 1024);
      for (const section of PORTAL_SECTIONS) expect(res.body, `${url} → ${section.path}`).toContain(`href="${section.path}"`);
    }
  });

  it('lists the institutions whose CMA certificate is valid today, and drops one the day after it runs out', async () => {
    const anon = h.anonymous();
    const names = async (query = '') => ((await anon.get(`/api/public/institutions?pageSize=50${query}`)).json().items as { name: string }[]).map((x) => x.name);
    const admin = await h.as('admin');
    const [scqi] = (await admin.get(`/api/institutions?q=${encodeURIComponent('四川省产品质量监督检验检测院')}`)).json().items as { id: string; cmaValidUntil: string }[];
    const today = h.services.deps.calendar.today();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

    expect(await names()).toContain('四川省产品质量监督检验检测院');
    // Valid through its last day …
    expect((await admin.patch(`/api/institutions/${scqi!.id}`, { cmaValidUntil: today })).statusCode).toBe(200);
    expect(await names()).toContain('四川省产品质量监督检验检测院');
    // … and gone once that day has passed.
    await admin.patch(`/api/institutions/${scqi!.id}`, { cmaValidUntil: yesterday });
    expect(await names()).not.toContain('四川省产品质量监督检验检测院');
    expect((await anon.get('/public/institutions')).body).not.toContain('四川省产品质量监督检验检测院');
    await admin.patch(`/api/institutions/${scqi!.id}`, { cmaValidUntil: scqi!.cmaValidUntil });

    // Filters: what it can test (spaces ignored), kind, region, product category.
    expect(await names(`&test=${encodeURIComponent('GB2626')}`)).toEqual(['四川省产品质量监督检验检测院']);
    expect((await names('&kind=metrology')).sort()).toEqual(['四川省计量测试研究院', '福建省计量科学研究院'].sort());
    expect(await names('&region=350000')).toEqual(['福建省计量科学研究院']);
    expect((await names('&category=ir_thermometer')).sort()).toEqual(['四川省计量测试研究院', '福建省计量科学研究院'].sort());
    const matched = (await anon.get(`/api/public/institutions?test=${encodeURIComponent('过滤效率')}`)).json().items[0];
    expect(matched.matches.map((m: { standard: string }) => m.standard)).toEqual(expect.arrayContaining(['GB 2626-2019', 'GB 19083-2010']));

    const page = await anon.get(`/public/institutions?test=${encodeURIComponent('JJG 1162')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`不早于今天（${today}`);
    expect(page.body).toContain('四川省计量测试研究院');
    expect(page.body).toContain('医用电子体温计示值误差（JJG 1162-2019）');
    expect(page.body).not.toContain('四川省产品质量监督检验检测院');
  });

  it('leaves the audit chain intact', async () => {
    expect((await h.services.auditLog.verify(h.system)).problems).toEqual([]);
  });
});
