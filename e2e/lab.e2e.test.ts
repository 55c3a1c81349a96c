import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { decodeQrFromPdf } from '../server/test/pdf-qr.js';
import { apiAs, login, logout, startApp, type RunningApp } from './harness.js';

/**
 * The whole lab flow through the browser, one role at a time: the receptionist
 * receives a commissioned mask sample and assigns it, the tester is refused an
 * expired instrument and then enters both results, the reviewer reviews, the
 * signatory approves and issues; the QR code on the downloaded PDF opens the
 * public verification page, which says 真实有效.
 */
describe('lab workflow in the browser, from receipt to a verified report', () => {
  let app: RunningApp;
  let page: Page;
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-e2e-lab-'));
  const productName = `KN95 防护口罩 E2E-${Date.now().toString(36).toUpperCase()}`;
  let producerUscc = '';
  let sampleNo = '';
  let sampleUrl = '';
  let reportId = '';

  const shot = async (name: string) => {
    const file = path.join(shots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot: ${file}`);
  };

  /** Opens an Ant Design select by its label and clicks the option showing `text`. */
  const pick = async (field: Locator, text: string | RegExp) => {
    await field.click();
    await page.locator('.ant-select-item-option:visible', { hasText: text }).first().click();
  };

  /** A row of the sample's tests table (not of a dialog's copy of it). */
  const testRow = (parameter: string) => page.locator('.detail-card').filter({ hasText: '检测项目与结果' }).locator('tr.ant-table-row', { hasText: parameter });

  /** The dialog in front, for confirmations whose buttons repeat the page's. */
  const dialog = () => page.getByRole('dialog').last();

  /** Each role works in a browser of its own (own cookies), as on separate desks. */
  const signIn = async (username: string) => {
    if (page) await page.context().close();
    page = await app.newPage();
    await login(page, username);
  };

  beforeAll(async () => {
    app = await startApp();
    // The producer's credit code, read as a province admin (the commission letter would carry it).
    const admin = await apiAs(app.baseUrl, 'sc.admin');
    const producers = await admin.get<{ items: { uscc: string; name: string }[] }>(`/api/enterprises?q=${encodeURIComponent('成都康宁医疗用品有限公司')}`);
    producerUscc = producers.items.find((e) => e.name === '成都康宁医疗用品有限公司')!.uscc;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('lets the receptionist receive a commissioned mask sample, print its label and assign both tests to the tester', async () => {
    await signIn('scqi.receptionist');
    // Institution staff land on their work queue.
    await page.waitForURL('**/lab/queue');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();

    await page.getByRole('button', { name: /收\s*样/ }).first().click();
    await page.waitForURL('**/lab/samples/new');
    await page.getByRole('heading', { name: '收样登记' }).waitFor();

    await page.getByText('监管委托', { exact: true }).click();
    // The bureau from the commissioning letter, found by typing part of its name.
    const bureau = page.getByLabel('委托监管部门');
    await bureau.click();
    await bureau.fill('武侯区');
    await page.locator('.ant-select-item-option:visible', { hasText: '成都市武侯区市场监督管理局' }).click();

    await pick(page.getByLabel('产品类别'), '口罩');
    await page.getByLabel('样品名称').fill(productName);
    await page.getByLabel('规格型号').fill('175mm×95mm');
    await page.getByLabel('批号').fill('E2E-20261123');
    await page.getByLabel('样品数量').fill('40只');
    await page.getByLabel('生产单位统一社会信用代码').fill(producerUscc);
    await page.getByLabel('生产单位', { exact: true }).fill('成都康宁医疗用品有限公司');

    const items = page.getByLabel('检测项目', { exact: true });
    await items.click();
    await page.locator('.ant-select-item-option:visible', { hasText: 'GB 2626-2019 过滤效率' }).click();
    await page.locator('.ant-select-item-option:visible', { hasText: 'GB 2626-2019 吸气阻力' }).click();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '确认收样' }).click();
    const title = page.locator('.ant-result-title');
    await title.getByText(/^收样成功，样品编号 YP\d{4}-\d{6}$/).waitFor();
    sampleNo = /YP\d{4}-\d{6}/.exec(await title.innerText())![0];
    await shot('01-received');

    // The label is a PDF with the QR code, opened by the browser with the session cookie.
    const labelHref = await page.getByRole('link', { name: /打印样品标识/ }).getAttribute('href');
    const label = await page.request.get(labelHref!);
    expect(label.headers()['content-type']).toContain('application/pdf');
    expect(decodeQrFromPdf(await label.body())).toContain(sampleNo);

    await page.getByRole('button', { name: '查看样品' }).click();
    await page.waitForURL('**/lab/samples/*');
    sampleUrl = new URL(page.url()).pathname;
    await page.getByText('成都市武侯区市场监督管理局').waitFor();

    await page.getByRole('button', { name: '分配检验任务' }).click();
    const assign = page.getByRole('dialog', { name: /分配检验任务/ });
    await assign.waitFor();
    // The receptionist chooses from the institution's testers (GET /api/lab/testers).
    await pick(assign.getByLabel('全部分配给'), '邓超');
    await shot('02-assign');
    await assign.getByRole('button', { name: '确认分配' }).click();
    await page.locator('.ant-page-header, .page-header').getByText('检验中').waitFor();
    await expect(testRow('过滤效率').innerText()).resolves.toContain('邓超');
    await logout(page);
  });

  it('refuses the tester an expired instrument in Chinese, then takes both results and the submission', async () => {
    await signIn('scqi.tester');
    await page.waitForURL('**/lab/queue');
    await page.getByRole('link', { name: sampleNo }).click();
    await page.waitForURL(`**${sampleUrl}`);
    // Blind testing (the default): the tester does not see who commissioned the sample or made it.
    await page.getByText('盲样检测：委托方和生产单位信息已对检验员隐藏').waitFor();
    await expect(page.getByText('成都市武侯区市场监督管理局').count()).resolves.toBe(0);

    await page.getByRole('button', { name: '录入过滤效率结果' }).click();
    let modal = page.getByRole('dialog', { name: /录入结果/ });
    await modal.getByLabel('检测结果').fill('96.5');
    await pick(modal.getByLabel('使用仪器'), '恒温恒湿箱');
    await modal.getByRole('button', { name: '保存结果' }).click();
    const refusal = modal.getByRole('alert').filter({ hasText: '恒温恒湿箱' });
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toMatch(/未处于有效检定\/校准状态.*不得使用未经检定或校准的仪器出具数据/s);
    await shot('03-expired-instrument');

    await pick(modal.getByLabel('使用仪器'), '颗粒物过滤效率测试仪');
    await modal.getByRole('button', { name: '保存结果' }).click();
    await modal.waitFor({ state: 'hidden' });
    await testRow('过滤效率').getByText('96.5').first().waitFor();

    await page.getByRole('button', { name: '录入吸气阻力结果' }).click();
    modal = page.getByRole('dialog', { name: /录入结果/ });
    await modal.getByLabel('检测结果').fill('120');
    await pick(modal.getByLabel('使用仪器'), '呼吸阻力测试仪');
    await modal.getByRole('button', { name: '保存结果' }).click();
    await modal.waitFor({ state: 'hidden' });
    await testRow('吸气阻力').getByText('120').first().waitFor();

    // Both judged against the limits: ≥95 % and ≤350 Pa.
    for (const parameter of ['过滤效率', '吸气阻力']) {
      await expect(testRow(parameter).innerText()).resolves.toContain('合格');
    }
    await shot('04-results');

    await page.getByRole('button', { name: '提交审核' }).click();
    await dialog().getByRole('button', { name: '提交审核' }).click();
    await page.locator('.page-header').getByText('待审核').waitFor();
    await logout(page);
  });

  it('lets the reviewer pass the review', async () => {
    await signIn('scqi.reviewer');
    await page.waitForURL('**/lab/queue');
    await page.getByRole('link', { name: sampleNo }).click();
    await page.waitForURL(`**${sampleUrl}`);
    await page.getByRole('button', { name: '审核通过' }).click();
    await dialog().getByRole('button', { name: '审核通过' }).click();
    await page.locator('.page-header').getByText('待批准').waitFor();
    await logout(page);
  });

  it('lets the signatory approve and issue the report, whose integrity checks all pass', async () => {
    await signIn('scqi.signatory');
    await page.waitForURL('**/lab/queue');
    await page.getByRole('link', { name: sampleNo }).click();
    await page.waitForURL(`**${sampleUrl}`);
    await page.getByRole('button', { name: /^批\s*准$/ }).click();
    await dialog().getByRole('button', { name: /^批\s*准$/ }).click();
    await page.locator('.page-header').getByText('已批准').waitFor();

    await page.getByRole('button', { name: '签发报告' }).click();
    await dialog().getByText('报告签发后不可修改或删除').waitFor();
    await dialog().getByRole('button', { name: '签发报告' }).click();
    await page.waitForURL('**/lab/reports/*');
    reportId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText(/^BG\d{4}-\d{6} 第 1 版$/).waitFor();
    await page.getByText('六项检查全部通过').waitFor();
    await expect(page.locator('[data-check][data-ok="true"]').count()).resolves.toBe(6);
    await shot('05-report');
  });

  it('puts a QR code on the PDF that opens the public page saying 真实有效', async () => {
    const pdf = await page.request.get(`/api/lab/reports/${reportId}/pdf`);
    expect(pdf.ok()).toBe(true);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const bytes = await pdf.body();
    const url = decodeQrFromPdf(bytes);
    expect(url).toMatch(new RegExp(`^${app.baseUrl}/verify\\?no=BG\\d{4}-\\d{6}&code=[A-Z0-9]{8}$`));

    // A stranger with a phone: a fresh browser with no session.
    const phone = await app.newPage();
    await phone.goto(url!);
    await phone.getByRole('heading', { name: '真实有效' }).waitFor();
    await expect(phone.locator('.result').innerText()).resolves.toContain(productName);
    await phone.screenshot({ path: path.join(shots, '06-qr-verify.png'), fullPage: true });

    // The SPA's own public page agrees, by number and code and by the file itself.
    const verify = new URL(url!);
    await phone.goto(`/public/verify${verify.search}`);
    await phone.locator('[data-status="authentic"]').getByRole('heading', { name: '真实有效' }).waitFor();
    await phone.getByLabel('选择 PDF 文件并比对').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: bytes });
    await phone.getByText('比对文件：report.pdf').waitFor();
    await phone.locator('[data-status="authentic"]').waitFor();
    await phone.screenshot({ path: path.join(shots, '07-spa-verify.png'), fullPage: true });
    console.log(`screenshots in ${shots}`);
    await phone.context().close();
  });
});
