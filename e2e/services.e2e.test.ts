/**
 * The technical-service window (技术服务窗口) from request to referral.
 *
 * An enterprise (成都康宁) finds thermometer verification in the catalogue and asks 四川省计量
 * 测试研究院 for it with an infrared thermometer calibration, for epidemic work: the green
 * channel, free under the fee rules. The institute's front desk sees the request on its 24-hour
 * clock, refers the calibration to 福建省计量科学研究院 and accepts the rest; the enterprise
 * reads the referral chain on its request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, logout, startApp, type RunningApp } from './harness.js';

const SCMI = '四川省计量测试研究院';
const FJMI = '福建省计量科学研究院';
const THERMOMETERS = '医用电子体温计检定';
const INFRARED = '红外人体测温仪校准';
const REASON = `本院红外测温校准装置送检溯源，本周无法开展（E2E ${Date.now().toString(36)}）`;

describe('service window: catalogue → green-channel request → partial referral → the chain', () => {
  let app: RunningApp;
  let page: Page;
  let requestNo = '';
  let requestPath = '';
  const screenshots = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-e2e-shots-'));

  beforeAll(async () => {
    app = await startApp();
    page = await app.newPage();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('lets an enterprise find thermometer verification and request it with a calibration through the green channel, free', async () => {
    await login(page, 'kangning');
    await page.getByRole('menuitem', { name: '服务目录' }).click();
    await page.waitForURL('**/services/catalogue');
    await page.getByRole('heading', { name: '服务目录' }).waitFor();

    const search = page.getByPlaceholder('项目名称、参数或标准号');
    await search.fill('体温计');
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '体温计');
    // Both metrology institutes offer it; only matching items are listed.
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 15_000 }).toBe(2);
    const row = page.locator('.ant-table-row', { hasText: SCMI }).filter({ hasText: THERMOMETERS });
    await expect(row.innerText()).resolves.toContain('JJG 1162-2019');
    await expect(row.innerText()).resolves.toContain('20.00');
    await expect(row.innerText()).resolves.toContain('上门');
    await expect(row.innerText()).resolves.toContain('涉疫');
    await row.locator('.ant-checkbox-input').check();
    // One request goes to one institution: the other institute's box is now off.
    await expect(page.locator('.ant-table-row', { hasText: FJMI }).locator('.ant-checkbox-input').isDisabled()).resolves.toBe(true);

    await page.getByRole('button', { name: /申请服务/ }).click();
    const drawer = page.getByRole('dialog', { name: `申请服务：${SCMI}` });
    await drawer.waitFor();
    await drawer.getByLabel(`数量：${THERMOMETERS}`).fill('10');
    // The calibration does not match 体温计: it is added from the institute's own list.
    await drawer.getByLabel('添加本机构其他服务项目').click();
    await page.locator('.ant-select-item-option', { hasText: INFRARED }).click();
    await drawer.getByLabel(`数量：${INFRARED}`).fill('2');
    await drawer.getByLabel('涉疫（用于疫情防控）').check();
    await drawer.getByTestId('green-channel-notice').waitFor();
    await expect(drawer.getByTestId('green-channel-notice').innerText()).resolves.toContain('24 小时内响应');
    await drawer.getByLabel('需求说明').fill('厂区入口体温计及红外测温仪复工前检定校准，请安排上门。');

    // Contact details are required, and the phone number is checked, in Chinese.
    await drawer.getByRole('button', { name: /提交申请/ }).click();
    await drawer.getByText('请填写联系人').waitFor();
    await drawer.getByLabel('联系人').fill('王芳');
    await drawer.getByLabel('联系电话').fill('电话');
    await drawer.getByText('电话号码格式不正确').waitFor();
    await drawer.getByLabel('联系电话').fill('028-85551234');
    await drawer.getByRole('button', { name: /提交申请/ }).click();

    await page.waitForURL('**/services/requests/*');
    requestPath = new URL(page.url()).pathname;
    const heading = page.locator('.page-header h3 .mono');
    await heading.waitFor();
    requestNo = (await heading.innerText()).trim();
    expect(requestNo).toMatch(/^FW510107-\d{4}-\d{5}$/);
    await page.locator('.page-header').getByText('绿色通道').waitFor();
    await page.locator('.page-header').getByText('待响应').waitFor();
    await expect(page.getByTestId('request-payable').innerText()).resolves.toContain('应付 0.00 元');
    // Each line: its standard fee, waived in full, and the rule that waived it.
    const lines = page.locator('.detail-card', { hasText: '服务项目与收费' });
    await expect(lines.locator('.ant-table-row', { hasText: THERMOMETERS }).innerText()).resolves.toMatch(/200\.00\s+200\.00\s+0\.00\s+\S*免费/);
    await expect(lines.locator('.ant-table-row', { hasText: INFRARED }).innerText()).resolves.toMatch(/160\.00\s+160\.00\s+0\.00\s+\S*免费/);
  });

  it('shows the front desk the request on its 24-hour clock; it refers the calibration to Fujian and accepts the rest', async () => {
    await logout(page);
    await login(page, 'scmi.receptionist');
    await page.getByRole('menuitem', { name: '服务申请' }).click();
    await page.waitForURL('**/services/requests');
    const search = page.getByPlaceholder('申请编号或申请方');
    await search.fill(requestNo);
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === requestNo);
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    const row = page.locator('.ant-table-row', { hasText: requestNo });
    await expect(row.getByTestId('response-clock').innerText()).resolves.toMatch(/剩余 2[34] 小时/);
    await expect(row.innerText()).resolves.toContain('待响应');
    await row.getByRole('link', { name: requestNo }).click();
    await page.waitForURL(`**${requestPath}`);

    // A green request is never refused: there is no 不予受理 here.
    await page.getByRole('button', { name: /受\s*理/ }).waitFor();
    await expect(page.getByRole('button', { name: /不予受理/ }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: /转\s*介/ }).click();
    const drawer = page.getByRole('dialog', { name: `转介申请 ${requestNo}` });
    await drawer.waitFor();
    await drawer.getByRole('radio', { name: FJMI }).waitFor();
    await expect(drawer.innerText()).resolves.toContain('外省');
    await drawer.getByLabel(`${THERMOMETERS} ×10`).uncheck();
    await drawer.getByRole('radio', { name: FJMI }).check();
    // The reason is mandatory.
    await drawer.getByRole('button', { name: /转\s*介/ }).click();
    await drawer.getByText('请填写转介原因').waitFor();
    await drawer.getByLabel('转介原因').fill(REASON);
    await drawer.getByRole('button', { name: /转\s*介/ }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: `将 1 个项目转介至 ${FJMI}？` });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: /转\s*介/ }).click();
    await page.getByText(`已转介至 ${FJMI}`).waitFor();
    await drawer.waitFor({ state: 'hidden' });

    const lines = page.locator('.detail-card', { hasText: '服务项目与收费' });
    await expect(lines.locator('.ant-table-row', { hasText: INFRARED }).innerText()).resolves.toContain('已转介');
    await expect(lines.locator('.ant-table-row', { hasText: THERMOMETERS }).innerText()).resolves.toContain('本机构办理');

    // The referral answered the request: the clock has stopped and the desk is its first responder.
    await page.getByRole('button', { name: /受\s*理/ }).click();
    const accept = page.getByRole('dialog', { name: `受理申请 ${requestNo}？` });
    await accept.getByLabel('说明').fill('请于周三上午送检，或预约上门');
    await accept.getByRole('button', { name: /受\s*理/ }).click();
    await accept.waitFor({ state: 'hidden' });
    await page.locator('.page-header').getByText('已受理').waitFor();
    const facts = page.locator('.detail-card', { hasText: '申请情况' });
    await expect(facts.innerText()).resolves.toContain('川计量院受理员 田甜');
    await expect(page.getByRole('button', { name: /不予受理/ }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: /办\s*结/ }).waitFor();
  });

  it('shows the enterprise the referral chain on its request, with the other request a link away', async () => {
    await logout(page);
    await login(page, 'kangning');
    await page.goto(requestPath);
    const chain = page.getByTestId('referral-chain');
    await chain.waitFor();
    await expect(chain.innerText()).resolves.toContain(`${SCMI} → ${FJMI}`);
    await expect(chain.innerText()).resolves.toContain(REASON);
    await expect(chain.innerText()).resolves.toContain('川计量院受理员 田甜');
    await page.locator('.page-header').getByText('已受理').waitFor();
    // The enterprise holds both requests, so the one in Fujian opens from the chain.
    await chain.getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname !== requestPath && url.pathname.startsWith('/services/requests/'));
    await page.locator('.page-header').getByText(FJMI).waitFor();
    const lines = page.locator('.detail-card', { hasText: '服务项目与收费' });
    await expect(lines.locator('.ant-table-row', { hasText: INFRARED }).innerText()).resolves.toContain('160.00');
    await expect(page.locator('.detail-card', { hasText: '申请情况' }).innerText()).resolves.toContain(SCMI);

    const shot = path.join(screenshots, 'service-request.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`referred request screenshot: ${shot}`);
  });
});
