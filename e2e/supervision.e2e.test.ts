/**
 * From a nonconforming supervision-sampling result to a filed and decided case,
 * to a serious-dishonesty listing that anyone sees on the public portal.
 *
 * The demo world holds a batch (N95 防护口罩, 成都康宁) whose lab report failed:
 * the report opened a disposal and a case lead at 武侯区局. In the browser the
 * county officer follows the batch to its lead, files it and decides it; the
 * province's leader lists the party; the public page shows the listing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, login, startApp, type RunningApp } from './harness.js';

describe('nonconforming batch → case → dishonesty list on the portal', () => {
  let app: RunningApp;
  let page: Page;
  let batchId = '';
  let caseUrl = '';
  const decisionNo = `武市监处罚〔2026〕E2E${Date.now().toString(36).toUpperCase()}号`;

  const dialog = () => page.getByRole('dialog').last();
  const signIn = async (username: string) => {
    if (page) await page.context().close();
    page = await app.newPage();
    await login(page, username);
  };

  beforeAll(async () => {
    app = await startApp();
    // Fixture read as a province admin: which demo batch failed.
    const admin = await apiAs(app.baseUrl, 'sc.admin');
    const batches = await admin.get<{ items: { id: string; productName: string }[] }>('/api/sampling/records?conclusion=nonconforming&pageSize=100');
    batchId = batches.items.find((b) => b.productName === 'N95 防护口罩')!.id;
  }, 180_000);

  afterAll(async () => {
    await page?.context().close();
    await app?.stop();
  });

  it('shows the county officer the failed batch and its case lead', async () => {
    await signIn('wh.officer');
    await page.goto(`/supervision/sampling/batches/${batchId}`);
    await page.getByText('N95 防护口罩').first().waitFor();
    await page.getByText('不合格').first().waitFor();
    // The links card: the lab sample, the report, the case lead and the disposal.
    await page.locator('.detail-card a[href^="/enforcement/cases/"]').first().click();
    await page.waitForURL('**/enforcement/cases/*');
    caseUrl = new URL(page.url()).pathname;
    await page.getByText('成都康宁医疗用品有限公司').first().waitFor();
    await page.getByText('线索', { exact: true }).first().waitFor();
  }, 120_000);

  it('files the case, which starts the 90-day decision clock', async () => {
    await page.getByRole('button', { name: '变更为「已立案」' }).click();
    await dialog().getByRole('button', { name: '变更为「已立案」' }).click();
    await page.getByText('已立案').first().waitFor();
    await page.getByText('处理决定期限').first().waitFor();
  }, 120_000);

  it('records the decision with the fine in exact yuan', async () => {
    await page.locator('.ant-segmented-item', { hasText: '已作出决定' }).click();
    await page.getByLabel('决定书文号').fill(decisionNo);
    await page.getByLabel('处理决定', { exact: true }).fill('没收不合格口罩，并处罚款人民币贰拾万元');
    await page.getByLabel('罚款（元）').fill('200000.00');
    await page.getByRole('button', { name: '变更为「已作出决定」' }).click();
    await dialog().getByRole('button', { name: '变更为「已作出决定」' }).click();
    await page.getByText(decisionNo).first().waitFor();
    await page.getByText('200,000.00').first().waitFor();
  }, 120_000);

  it('lets the province’s leader put the party on the serious-dishonesty list', async () => {
    await signIn('sc.leader');
    await page.goto(caseUrl);
    await page.getByRole('button', { name: '列入严重违法失信名单' }).click();
    // check() waits until the box is ticked: a click while the dialog still opens can be lost.
    await dialog().getByLabel('生产销售不合格产品，危害人身健康和生命安全').check();
    await dialog().getByLabel('主要违法事实').fill('生产销售过滤效率不合格的 N95 防护口罩');
    await dialog().getByRole('button', { name: '列入严重违法失信名单' }).click();
    await page.waitForURL('**/enforcement/credit/*');
    await page.getByText('列入中').first().waitFor();
  }, 120_000);

  it('shows a reviewing bureau its pending early-removal application on the overview and opens the queue', async () => {
    await signIn('fj.admin');
    await page.goto('/');
    const card = page.locator('.stat-card', { hasText: '待审核的提前移出申请' });
    await card.locator('.ant-statistic-content-value', { hasText: '1' }).waitFor();
    await card.click();
    await page.waitForURL('**/enforcement/credit?removal=pending');
    const row = page.locator('.ant-table-row', { hasText: '福建闽康卫材有限公司' });
    await row.waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    expect(await row.innerText()).toContain('待审核');
  }, 120_000);

  it('shows the listing on the public portal without login', async () => {
    await page.context().close();
    page = await app.newPage();
    await page.goto(`/public/dishonesty?q=${encodeURIComponent('康宁')}`);
    const list = page.getByTestId('dishonesty-list');
    await list.waitFor();
    const row = list.locator('tr', { hasText: decisionNo });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('成都康宁医疗用品有限公司');
    expect(await row.innerText()).toContain('成都市武侯区市场监督管理局');
  }, 120_000);
});
