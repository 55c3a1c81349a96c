/**
 * The technical-service window (技术服务窗口) from request to certificate: an enterprise books a
 * thermometer verification through the green channel, the institution refers part of it, the
 * other institution verifies, and the enterprise downloads the certificate.
 *
 * An enterprise (成都康宁) finds thermometer verification in the catalogue and asks 四川省计量
 * 测试研究院 for it with an infrared thermometer calibration, for epidemic work: the green
 * channel, free under the fee rules. The institute's front desk sees the request on its 24-hour
 * clock, refers the thermometer verification to 福建省计量科学研究院 (its bench is away) and
 * accepts the calibration; the enterprise reads the referral chain on its request. 闽计量院 opens
 * an appointment slot and accepts the referred request; the enterprise books the slot to bring
 * its thermometers; the institute records that it came and verifies one, with two colleagues as
 * checker and approver, issuing 检定证书 valid for the compulsory catalogue's period; the
 * enterprise finds the certificate on its request and downloads the PDF.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, login, logout, startApp, type RunningApp } from './harness.js';

/** A write through the API as a demo user, for fixtures only (the steps under test go through the browser). */
async function apiWriter(baseUrl: string, username: string, password = 'Shijian@2026') {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!login.ok) throw new Error(`login as ${username} failed: ${login.status} ${await login.text()}`);
  const session = (await login.json()) as { csrfToken: string; org: { id: string } };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    orgId: session.org.id,
    async post<T>(path: string, body: unknown): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${path} as ${username}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

/** A Beijing calendar date, `days` from today. */
const beijingDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Picks an option of the antd select labelled `label` inside `scope`: typed into its search, taken with Enter. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(option);
  // Another select's list may still be closing: wait for this one's option, then take it from the keyboard.
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().waitFor();
  await input.press('Enter');
  await expect.poll(() => scope.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) }).innerText()).toContain(option);
}

const SCMI = '四川省计量测试研究院';
const FJMI = '福建省计量科学研究院';
const THERMOMETERS = '医用电子体温计检定';
const INFRARED = '红外人体测温仪校准';
const REASON = `本院体温计检定装置送检溯源，本周无法开展（E2E ${Date.now().toString(36)}）`;
/** The third person of 闽计量院 (it has an admin and a tester in the demo): verifier, checker and approver differ. */
const APPROVER = '闽计量院技术负责人 陈晨';
const CHECKER = '闽计量院检定员 谢宇';
const TODAY = beijingDay(0);
const TOMORROW = beijingDay(1);
/** 体温计 is in the compulsory catalogue every 12 months: the day before the same date a year on. */
const VALID_UNTIL = (() => {
  const [y, m, d] = TODAY.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
})();

describe('service window: green-channel request → partial referral → booking → verification → certificate', () => {
  let app: RunningApp;
  let page: Page;
  let requestNo = '';
  let requestPath = '';
  let fujianNo = '';
  let fujianPath = '';
  let certificateNo = '';
  const screenshots = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-e2e-shots-'));

  beforeAll(async () => {
    app = await startApp();
    page = await app.newPage();
    // 闽计量院 needs a third person to approve what its admin verifies and its tester checks.
    const fjmi = await apiWriter(app.baseUrl, 'fjmi.admin');
    await fjmi.post('/api/users', { username: 'fjmi.approver', displayName: APPROVER, orgId: fjmi.orgId, roles: ['signatory'], password: 'Pz7#kQ2m!Lw9xR' });
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

  it('shows the front desk the request on its 24-hour clock; it refers the thermometer verification to Fujian and accepts the rest', async () => {
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
    await drawer.getByLabel(`${INFRARED} ×2`).uncheck();
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
    await expect(lines.locator('.ant-table-row', { hasText: THERMOMETERS }).innerText()).resolves.toContain('已转介');
    await expect(lines.locator('.ant-table-row', { hasText: INFRARED }).innerText()).resolves.toContain('本机构办理');

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
    fujianPath = new URL(page.url()).pathname;
    fujianNo = (await page.locator('.page-header h3 .mono').innerText()).trim();
    expect(fujianNo).toMatch(/^FW350102-\d{4}-\d{5}$/);
    const lines = page.locator('.detail-card', { hasText: '服务项目与收费' });
    await expect(lines.locator('.ant-table-row', { hasText: THERMOMETERS }).innerText()).resolves.toContain('200.00');
    await expect(page.locator('.detail-card', { hasText: '申请情况' }).innerText()).resolves.toContain(SCMI);

    const shot = path.join(screenshots, 'service-request.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`referred request screenshot: ${shot}`);
  });

  it('lets 闽计量院 open an appointment slot and accept the referred request', async () => {
    await logout(page);
    await login(page, 'fjmi.admin');
    await page.getByRole('menuitem', { name: '预约时段' }).click();
    await page.waitForURL('**/services/slots');
    await page.getByRole('button', { name: /开放预约时段/ }).click();
    const drawer = page.getByRole('dialog', { name: '开放预约时段' });
    await drawer.waitFor();
    // Tomorrow 09:00–12:00 (Beijing time) is the default; five places at the institute's window.
    await drawer.getByLabel('可预约数').fill('5');
    await drawer.getByLabel('说明', { exact: true }).fill('送检窗口：体温计、红外测温仪');
    await drawer.getByRole('button', { name: /开\s*放/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    const slot = page.locator('.ant-table-row', { hasText: `${TOMORROW} 09:00–12:00` });
    await expect(slot.getByTestId('slot-booked').innerText()).resolves.toMatch(/0\s*\/\s*5/);
    await expect(slot.innerText()).resolves.toContain('到院送检');

    await page.goto(fujianPath);
    await page.locator('.page-header').getByText('待响应').waitFor();
    await expect(page.locator('.detail-card', { hasText: '申请情况' }).innerText()).resolves.toContain(REASON);
    await page.getByRole('button', { name: /受\s*理/ }).click();
    const accept = page.getByRole('dialog', { name: `受理申请 ${fujianNo}？` });
    await accept.getByLabel('说明').fill('请预约送检时间，体温计送至本院温度室');
    await accept.getByRole('button', { name: /受\s*理/ }).click();
    await accept.waitFor({ state: 'hidden' });
    await page.locator('.page-header').getByText('已受理').waitFor();
    // The admin may verify: the referred line has its 检定 button now.
    await page.getByRole('button', { name: `检定：${THERMOMETERS}` }).waitFor();
  });

  it('lets the enterprise book the slot for its thermometers on the Fujian request', async () => {
    await logout(page);
    await login(page, 'kangning');
    await page.goto(fujianPath);
    const bookings = page.locator('.detail-card', { hasText: '还没有为本申请预约' });
    await bookings.waitFor();
    await bookings.getByRole('button', { name: /预\s*约$/ }).click();
    const drawer = page.getByRole('dialog', { name: `预约：申请 ${fujianNo}` });
    await drawer.waitFor();
    // A slot is required, in Chinese.
    await drawer.getByRole('button', { name: /提交预约/ }).click();
    await drawer.getByText('请选择预约时段').waitFor();
    await drawer.getByRole('radio', { name: `${TOMORROW} 09:00–12:00` }).check();
    await drawer.getByLabel('联系人').fill('王芳');
    await drawer.getByLabel('联系电话').fill('028-85551234');
    await drawer.getByLabel('备注').fill('送检医用电子体温计10支');
    await drawer.getByRole('button', { name: /提交预约/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    const booked = page.locator('.detail-card', { hasText: '送检医用电子体温计10支' });
    await expect(booked.locator('.ant-table-row').innerText()).resolves.toContain(`${TOMORROW} 09:00–12:00`);
    await expect(booked.locator('.ant-table-row').innerText()).resolves.toContain('已预约');

    // 我的预约 lists it, with the institution.
    await page.getByRole('menuitem', { name: '我的预约' }).click();
    await page.waitForURL('**/services/bookings');
    const mine = page.locator('.ant-table-row', { hasText: fujianNo });
    await expect(mine.innerText()).resolves.toContain(FJMI);
    await expect(mine.innerText()).resolves.toContain('已预约');
  });

  it('lets 闽计量院 record the visit and verify a thermometer, issuing 检定证书 with two colleagues as checker and approver', async () => {
    await logout(page);
    await login(page, 'fjmi.admin');
    await page.getByRole('menuitem', { name: '预约登记' }).click();
    await page.waitForURL('**/services/bookings');
    const booking = page.locator('.ant-table-row', { hasText: fujianNo });
    // The institution reads whom to call.
    await expect(booking.getByTestId('booking-contact').innerText()).resolves.toContain('028-85551234');
    await booking.getByRole('button', { name: '已到场' }).click();
    await page.locator('.ant-popover').getByText('登记 成都康宁医疗用品有限公司').waitFor();
    await page.locator('.ant-popover').getByRole('button', { name: '已到场' }).click();
    await expect.poll(() => booking.innerText(), { timeout: 15_000 }).toContain('已到场');

    await page.goto(fujianPath);
    await page.getByRole('button', { name: `检定：${THERMOMETERS}` }).click();
    const drawer = page.getByRole('dialog', { name: `检定：${THERMOMETERS}` });
    await drawer.waitFor();
    // The institution holding the request reads 康宁's ledger: the infrared thermometer is picked from it.
    await expect.poll(() => drawer.getByLabel('检定规程').inputValue()).toContain('JJG 1162-2019');
    await choose(page, drawer, '台账器具', 'HWF7-2020-1163');
    await drawer.getByLabel('计量标准').fill('恒温槽 / 标准铂电阻温度计（二等）');
    await drawer.getByLabel('检定结论').fill('符合 JJG 1162-2019 要求，准予使用');
    // A pass needs two signers, said in Chinese; its validity comes from the ledger's catalogue item (体温计, 12 months).
    await drawer.getByRole('button', { name: /出\s*具/ }).click();
    await drawer.getByText('请选择核验员').waitFor();
    await choose(page, drawer, '核验员', CHECKER);
    await choose(page, drawer, '批准人', APPROVER);
    await drawer.getByRole('button', { name: /出\s*具/ }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '出具检定证书？' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: '出具检定证书' }).click();
    await drawer.waitFor({ state: 'hidden' });

    const certificates = page.locator('.detail-card', { hasText: '检定证书' }).filter({ has: page.locator('.ant-table-row') });
    const row = certificates.locator('.ant-table-row', { hasText: 'HWF7-2020-1163' });
    await row.waitFor();
    certificateNo = (await row.locator('.mono').first().innerText()).trim();
    expect(certificateNo).toMatch(/^JD350102-\d{4}-\d{5}$/);
    await expect(row.getByTestId('certificate-valid-until').innerText()).resolves.toBe(VALID_UNTIL);
    // Written into 康宁's ledger: the instrument is valid until the new date.
    const api = await apiAs(app.baseUrl, 'kangning');
    const ledger = await api.get<{ items: { serialNumber: string; validUntil: string | null }[] }>('/api/instruments?pageSize=100');
    expect(ledger.items.find((i) => i.serialNumber === 'HWF7-2020-1163')?.validUntil).toBe(VALID_UNTIL);
    await expect(row.innerText()).resolves.toContain('合格');
  });

  it('shows the enterprise the certificate on its own request and lets it download the PDF', async () => {
    await logout(page);
    await login(page, 'kangning');
    await page.goto(requestPath);
    // The certificate was issued on the Fujian request; the enterprise reads it where it asked.
    const row = page.locator('.detail-card', { hasText: '检定证书' }).locator('.ant-table-row', { hasText: certificateNo });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(FJMI);
    await expect(row.innerText()).resolves.toContain(fujianNo);
    await expect(row.getByTestId('certificate-valid-until').innerText()).resolves.toBe(VALID_UNTIL);
    const href = await row.getByTestId('certificate-pdf').getAttribute('href');
    expect(href).toMatch(/^\/api\/verification-certificates\/[^/]+\/pdf$/);
    const pdf = await page.request.get(href!);
    expect(pdf.ok()).toBe(true);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

    // 检定证书 lists it among the enterprise's certificates.
    await page.getByRole('menuitem', { name: '检定证书' }).click();
    await page.waitForURL('**/services/certificates');
    await expect(page.locator('.ant-table-row', { hasText: certificateNo }).innerText()).resolves.toContain('检定证书');

    const shot = path.join(screenshots, 'certificate.png');
    await page.goto(requestPath);
    await row.waitFor();
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`request with certificate screenshot: ${shot}`);
  });

  it('lets the enterprise import its ledger from the template — the row errors first — and keep the e-CQS fields', async () => {
    await page.getByRole('menuitem', { name: '计量器具台账' }).click();
    await page.waitForURL('**/instruments');
    await page.getByRole('button', { name: /批量导入/ }).click();
    const modal = page.getByRole('dialog', { name: '批量导入计量器具台账（.xlsx）' });
    await modal.waitFor();
    const href = await modal.getByRole('link', { name: /下载模板/ }).getAttribute('href');
    const template = await page.request.get(href!);
    expect(template.ok()).toBe(true);

    // The template's example row, and a row with three mistakes.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await template.body()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('计量器具台账')!;
    // Row 3, under the example (the template's list validations reach far down, so no addRow).
    ['电子台秤', '', 'TCS-150', 'TCS150-99999', '上海友声', '0–150 kg', '', '仓库', '生活用', '两台', '', ''].forEach((v, i) => {
      sheet.getCell(3, i + 1).value = v || null;
    });
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = (buffer: Buffer) => modal.locator('input[type=file]').setInputFiles({ name: 'ledger.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await upload(bad);
    await modal.getByRole('button', { name: /开始导入/ }).click();
    const errors = modal.locator('.import-errors');
    await errors.waitFor();
    await expect(modal.getByRole('alert').first().innerText()).resolves.toContain('未导入任何数据');
    const rows = await errors.locator('.ant-table-row').allInnerTexts();
    expect(rows.join('\n')).toMatch(/3\s+器具类别\s+请填写器具类别/);
    expect(rows.join('\n')).toMatch(/3\s+用途\s+用途「生活用」无效/);
    expect(rows.join('\n')).toMatch(/3\s+数量\s+数量「两台」应为 1 至 100000 的整数/);

    // The template as it comes imports its one instrument, under the compulsory catalogue.
    await upload(Buffer.from(await template.body()));
    await modal.getByRole('button', { name: /开始导入/ }).click();
    await modal.getByText('导入完成：共登记 1 台器具，其中强制检定 1 台').waitFor();
    await modal.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();

    const search = page.getByPlaceholder('名称或出厂编号');
    await search.fill('HWF7-2026-0001');
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'HWF7-2026-0001');
    await page.locator('.ant-table-row', { hasText: 'HWF7-2026-0001' }).getByRole('link', { name: '红外体温计' }).click();
    await page.waitForURL('**/instruments/*');
    const ledger = page.getByTestId('ledger-details');
    await expect.poll(() => ledger.innerText()).toContain('体温计（检定周期 12 个月）');
    await expect(ledger.innerText()).resolves.toContain('厂区南门测温点');
    await expect(ledger.innerText()).resolves.toContain('医疗卫生');

    // The owner moves it: the e-CQS fields are edited in place.
    await page.getByRole('button', { name: /登记台账信息/ }).click();
    const drawer = page.getByRole('dialog', { name: '登记台账信息' });
    await drawer.getByLabel('使用地点').fill('二号车间入口');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => ledger.innerText()).toContain('二号车间入口');
  });
});
