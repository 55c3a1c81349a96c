/**
 * A weekly statistical report from a province to the national bureau, in the browser.
 *
 * The demo world holds the metrology-service weekly (计量服务保障企业复工复产情况统计表,
 * code metrology_service) with 四川's manual figure (measurement standards) entered but not yet submitted.
 * The province's statistician corrects one figure with its note and submits; the national
 * statistician finds 四川 on time in the completeness view, accepts it, and downloads
 * 四川's table as the official .xlsx, which is read back here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, login, startApp, type RunningApp } from './harness.js';

const TITLE = '计量服务保障企业复工复产情况统计表';
const SICHUAN = '四川省市场监督管理局';
const STAFF_COLUMN = '量传计量标准器具';

describe('a province submits its weekly report; the national bureau accepts and exports it', () => {
  let app: RunningApp;
  let page: Page;
  let templateId = '';
  let periodKey = '';
  const figure = String(30 + (Date.now() % 9));
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-e2e-xlsx-'));

  const dialog = () => page.getByRole('dialog').last();
  const signIn = async (username: string) => {
    if (page) await page.context().close();
    page = await app.newPage();
    await login(page, username);
  };

  beforeAll(async () => {
    app = await startApp();
    // Fixture read as the national statistician: which template and which period is current.
    const stat = await apiAs(app.baseUrl, 'samr.stat');
    const templates = await stat.get<{ items: { id: string; code: string }[] }>('/api/reports/templates?pageSize=100');
    templateId = templates.items.find((t) => t.code === 'metrology_service')!.id;
    periodKey = (await stat.get<{ key: string }[]>(`/api/reports/templates/${templateId}/periods?count=1`))[0]!.key;
  }, 300_000);

  afterAll(async () => {
    await page?.context().close();
    await app?.stop();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('lets the province statistician correct a manual figure, with its note, in this week’s draft', async () => {
    await signIn('sc.stat');
    await page.goto('/reports');
    const row = page.locator('.ant-table-row', { hasText: TITLE });
    await row.getByText('填报中').waitFor();
    await row.getByRole('button', { name: /打开本期/ }).click();
    await page.waitForURL(`**/reports/${templateId}/periods/${periodKey}`);
    await page.getByTestId('submission-status').getByText('填报中').waitFor();

    const cell = page.locator('[data-cell="all:standards"]');
    await cell.getByText('6', { exact: true }).waitFor();
    await cell.click();
    await dialog().getByText('上次说明：热工类、医疗类计量标准器具').waitFor();
    await dialog().getByLabel('数值').fill(figure);
    await dialog().getByLabel('填报说明').fill('含市州计量所新建的体温计检定装置，按建标考核证书核对');
    await dialog().getByRole('button', { name: /保\s*存/ }).click();
    await dialog().waitFor({ state: 'hidden' });
    await cell.getByText(figure, { exact: true }).waitFor();
  }, 120_000);

  it('submits the table with who filled it in and a phone number, on time', async () => {
    await page.getByRole('button', { name: /报\s*送/ }).click();
    await expect.poll(() => dialog().getByLabel('填报人').inputValue()).toBe('周洁');
    await dialog().getByLabel('电话').fill('028-86001234');
    await dialog().getByRole('button', { name: /报\s*送/ }).click();
    const status = page.getByTestId('submission-status');
    await status.getByText('已报送待审核').waitFor();
    await status.getByText('按时').waitFor();
    // Frozen: the manual cells no longer open for editing, and there is nothing left to submit.
    expect(await page.getByRole('button', { name: /报\s*送/ }).count()).toBe(0);
    expect(await page.locator('button[data-cell="all:standards"]').count()).toBe(0);
  }, 120_000);

  it('shows the national statistician 四川 on time in the completeness view, and accepts it', async () => {
    await signIn('samr.stat');
    await page.goto(`/reports/${templateId}/periods/${periodKey}?view=completeness`);
    const row = page.locator('.ant-table-row', { hasText: SICHUAN });
    await row.getByText('已报送待审核').waitFor();
    await row.getByText('按时').waitFor();
    await row.getByRole('button', { name: /审核通过/ }).click();
    await dialog().getByText('审核通过后该单位本期报表锁定').waitFor();
    await dialog().getByRole('button', { name: /审核通过/ }).click();
    await row.getByText('已审核通过').waitFor();
    expect(await row.getByRole('button', { name: /退\s*回/ }).count()).toBe(0);
  }, 120_000);

  it('downloads 四川’s table as the official .xlsx with the title, 填报单位 and the corrected figure', async () => {
    const row = page.locator('.ant-table-row', { hasText: SICHUAN });
    await row.getByRole('button', { name: /查\s*看/ }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'unit');
    await page.getByTestId('submission-status').getByText('已审核通过').waitFor();
    await page.locator('[data-cell="all:standards"]').getByText(figure, { exact: true }).waitFor();

    await page.getByRole('button', { name: /导\s*出/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-format="xlsx"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(downloads, 'report.xlsx');
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).text).toBe(TITLE);
    expect(sheet.getCell(2, 1).text).toBe(`填报单位：${SICHUAN}`);
    const header = sheet.getRow(4);
    let staffColumn = 0;
    header.eachCell((c, col) => {
      if (c.text === STAFF_COLUMN) staffColumn = col;
    });
    expect(staffColumn).toBeGreaterThan(1);
    expect(sheet.getCell(5, 1).text).toBe('本辖区');
    expect(sheet.getCell(5, staffColumn).value).toBe(Number(figure));
  }, 120_000);
});
