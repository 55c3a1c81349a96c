/**
 * From the public portal to a risk warning: a consumer complains on the portal (no login, no
 * script needed) about masks sold by 成都蜀安防护科技有限公司, which has no signal yet; the
 * 成都 bureau, to which the complaint is routed (龙泉驿 has no bureau of its own in the demo),
 * accepts it and turns it into a case lead with one action; the risk dashboard then ranks the
 * enterprise with a score past the yellow threshold (a complaint weighs 2, a case 8, against
 * 10), and the warning stands in the 风险预警 list, at 发现, where an officer takes it to 研判.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, logout, startApp, type RunningApp } from './harness.js';

const TARGET = '成都蜀安防护科技有限公司';
const TARGET_USCC = '91510112000MUA0B1Q';
const SUBJECT = `购买的KN95口罩无执行标准标识（E2E ${Date.now().toString(36)}）`;

describe('portal complaint → accepted → case lead → risk score past the threshold → warning on the dashboard', () => {
  let app: RunningApp;
  let page: Page;
  let complaintNo = '';

  beforeAll(async () => {
    app = await startApp();
    page = await app.newPage();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('shows the enterprise nowhere on the dashboard before anyone complains', async () => {
    await login(page, 'cd.officer');
    await page.getByRole('menuitem', { name: '风险监测' }).click();
    await page.waitForURL('**/risk');
    await page.getByText('成都康宁医疗用品有限公司').first().waitFor();
    await expect(page.getByText(TARGET).count()).resolves.toBe(0);
    await logout(page);
  });

  it('takes a complaint about masks on the portal, on a phone, without signing in, and gives its number', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    const fitsThePhone = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto(`${app.baseUrl}/public`);
    // One window: every section is reachable from the portal's home, which needs no script.
    for (const section of ['技术服务目录', '报告证书查验', '检验检测机构', '双随机抽查结果', '严重违法失信名单', '典型案例', '召回公告', '投诉举报', '防疫用品问答']) {
      await expect(page.getByRole('link', { name: new RegExp(section) }).count(), section).resolves.toBeGreaterThan(0);
    }
    await expect(page.locator('script').count()).resolves.toBe(0);
    await expect(fitsThePhone()).resolves.toBe(true);
    await page.getByRole('link', { name: '投诉举报' }).first().click();
    await page.waitForURL('**/public/complaints');
    await expect(fitsThePhone()).resolves.toBe(true);
    await page.locator('select[name="kind"]').selectOption('complaint');
    await page.locator('input[name="complainantName"]').fill('李女士');
    await page.locator('input[name="complainantPhone"]').fill('13800138000');
    await page.locator('input[name="targetName"]').fill(TARGET);
    await page.locator('input[name="targetUscc"]').fill(TARGET_USCC);
    await page.locator('select[name="productCategory"]').selectOption({ label: '口罩' });
    await page.locator('input[name="subject"]').fill(SUBJECT);
    await page.locator('textarea[name="content"]').fill('在该公司网店购买的KN95口罩包装无执行标准和生产许可信息，佩戴有明显异味，要求退货退款。');
    await page.locator('input[name="amountYuan"]').fill('89.00');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByTestId('complaint-done').waitFor();
    await expect(page.getByTestId('complaint-done').innerText()).resolves.toContain('成都市市场监督管理局');
    complaintNo = (await page.getByTestId('complaint-no').innerText()).trim();
    expect(complaintNo).toMatch(/^TS510100-\d{4}-\d{6}$/);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('lets the 成都 bureau accept it and turn it into a case lead with one action', async () => {
    await login(page, 'cd.officer');
    await page.getByRole('menuitem', { name: '投诉举报' }).click();
    await page.waitForURL('**/complaints**');
    const row = page.locator('.ant-table-row', { hasText: complaintNo });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(TARGET);
    await row.getByText(complaintNo).click();
    await page.waitForURL('**/complaints/*');
    await page.getByText(SUBJECT).first().waitFor();
    // The handling bureau reads the complainant's contact.
    await page.getByText('13800138000').first().waitFor();

    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
    await page.getByText('受理，开始调解').first().waitFor();

    await page.getByRole('button', { name: '转为案件线索', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
    const caseLink = page.getByTestId('complaint-case-link').first();
    await caseLink.waitFor();
    await caseLink.click();
    await page.waitForURL('**/enforcement/cases/*');
    await page.getByText(TARGET).first().waitFor();
  });

  it('ranks the enterprise past the yellow threshold on the dashboard, with the signals behind the score', async () => {
    await page.getByRole('menuitem', { name: '风险监测' }).click();
    await page.waitForURL('**/risk');
    const row = page.locator('.ant-table-row', { hasText: TARGET });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('黄色');
    await expect(row.innerText()).resolves.toContain('10');
    await row.getByText(TARGET).click();
    const drawer = page.getByRole('dialog', { name: `风险信号：${TARGET}` });
    await drawer.getByText(complaintNo).first().waitFor();
    await expect(drawer.locator('.ant-table-row').count()).resolves.toBe(2);
  });

  it('lists the warning at 发现, and an officer takes it to 研判 with a note', async () => {
    await page.goto(`${app.baseUrl}/risk/warnings`);
    const row = page.locator('.ant-table-row', { hasText: TARGET });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('黄色');
    await expect(row.innerText()).resolves.toContain('发现');
    await row.getByText(TARGET).click();
    await page.waitForURL('**/risk/warnings/*');
    await page.getByRole('button', { name: '推进至研判' }).click();
    const dialog = page.getByRole('dialog', { name: `推进至「研判」：${TARGET}` });
    // A note is required.
    await dialog.getByRole('button', { name: '推进至研判' }).click();
    await dialog.getByText('请填写处理意见').waitFor();
    await dialog.locator('textarea').fill('研判：同一企业口罩投诉已立案线索，需现场检查其网店在售批次。');
    await dialog.getByRole('button', { name: '推进至研判' }).click();
    await page.getByText('已推进至「研判」').first().waitFor();
    await page.getByTestId('warning-step-assessed').getByText('同一企业口罩投诉已立案线索', { exact: false }).waitFor();
    await page.getByTestId('warning-step-assessed').getByText('成都市局执法人员 吴昊').waitFor();
  });
});
