import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Form, Input } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { JUDGEMENT_LABELS } from '@shijian/contracts';
import { publicApi } from '../../api/endpoints';
import type { PublicVerification } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { LangSwitch } from '../../app/LangSwitch';
import { UiProvider } from '../../app/UiProvider';
import { errorMessage } from '../../shared/errors';

// Kept small and free of the signed-in shell: this page is for anyone holding a report.
const m = {
  title: { zh: '检验检测报告真伪查验', en: 'Verify a test report' },
  intro: {
    zh: '输入报告上的报告编号和验证码，或上传报告 PDF 文件，核对报告是否为本平台签发的有效版本。本页不显示检测数据。',
    en: 'Enter the report number and verification code printed on the report, or upload the PDF, to check that it is a valid version issued on this platform. No test data is shown.',
  },
  byCode: { zh: '按编号查验', en: 'By number and code' },
  reportNo: { zh: '报告编号', en: 'Report number' },
  code: { zh: '验证码', en: 'Verification code' },
  noRequired: { zh: '请输入报告编号', en: 'Enter the report number' },
  codeRequired: { zh: '请输入验证码', en: 'Enter the verification code' },
  verify: { zh: '查验', en: 'Verify' },
  certificates: { zh: '查验计量检定证书', en: 'Verify a metrology certificate' },
  byFile: { zh: '上传 PDF 比对', en: 'Compare a PDF file' },
  fileHint: { zh: '文件须与签发的报告逐字节一致；经过修改、重新保存或打印扫描的文件不能通过比对。', en: 'The file must be byte-identical to the issued report; an edited, re-saved or scanned file will not match.' },
  chooseFile: { zh: '选择 PDF 文件并比对', en: 'Choose a PDF and compare' },
  notPdf: { zh: '请选择 PDF 文件', en: 'Choose a PDF file' },
  tooLarge: { zh: '文件超过 20 MB', en: 'The file is larger than 20 MB' },
  checkedFile: { zh: '比对文件：{name}', en: 'File compared: {name}' },
  authentic: { zh: '真实有效', en: 'Authentic and current' },
  superseded: { zh: '已被替代', en: 'Superseded' },
  notFound: { zh: '未找到', en: 'Not found' },
  institution: { zh: '检验检测机构', en: 'Institution' },
  no: { zh: '报告编号', en: 'Report number' },
  version: { zh: '第 {v} 版', en: 'version {v}' },
  product: { zh: '样品名称', en: 'Product' },
  conclusion: { zh: '检验结论', en: 'Conclusion' },
  issuedOn: { zh: '签发日期', en: 'Issued on' },
  newer: { zh: '最新版本', en: 'Newest version' },
  newerValue: { zh: '第 {v} 版（{date} 签发）', en: 'version {v} (issued {date})' },
  sha: { zh: '文件 SHA-256', en: 'File SHA-256' },
  toLogin: { zh: '返回登录', en: 'Back to sign-in' },
};

const TITLES = { authentic: m.authentic, superseded: m.superseded, not_found: m.notFound };

function Outcome({ result, fileName }: { result: PublicVerification; fileName?: string }) {
  const t = useT();
  const r = result.report;
  const rows: [string, string][] = r
    ? [
        [t(m.institution), r.institutionName],
        [t(m.no), `${r.reportNo}（${t(m.version, { v: r.version })}）`],
        [t(m.product), r.productName],
        [t(m.conclusion), t(JUDGEMENT_LABELS[r.conclusion])],
        [t(m.issuedOn), r.issuedOn],
        ...(r.supersededBy ? [[t(m.newer), t(m.newerValue, { v: r.supersededBy.version, date: r.supersededBy.issuedOn })] as [string, string]] : []),
        [t(m.sha), r.pdfSha256],
      ]
    : [];
  return (
    <section className={`verify-outcome verify-${result.status}`} data-status={result.status} role="status" aria-live="polite">
      <h3>{t(TITLES[result.status])}</h3>
      {fileName ? <p className="verify-file">{t(m.checkedFile, { name: fileName })}</p> : null}
      {/* The server's own words, in Chinese: the answer a phone user sees on the QR page too. */}
      <p>{result.message}</p>
      {rows.length ? (
        <table>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td className={k === t(m.sha) ? 'hash' : undefined}>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function VerifyForms() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ no: string; code: string }>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | undefined>();
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<'code' | 'file'>('code');
  // The number and code live in the URL, so a link from a report page verifies on arrival.
  const no = params.get('no')?.trim() ?? '';
  const code = params.get('code')?.trim() ?? '';
  const byCode = useQuery({ queryKey: ['public-verify', no, code], queryFn: () => publicApi.verify(no, code), enabled: Boolean(no && code), retry: false, staleTime: 0 });
  const byFile = useMutation({ mutationFn: (file: File) => publicApi.verifyFile(file) });

  const last = mode === 'file' ? (byFile.data ? { result: byFile.data, fileName } : null) : byCode.data ? { result: byCode.data } : null;
  const failed = mode === 'file' ? byFile.error : byCode.error;

  return (
    <>
      <section className="login-panel verify-panel" aria-labelledby="verify-code-heading">
        <h2 id="verify-code-heading" className="login-panel-title">
          {t(m.byCode)}
        </h2>
        <Form
          name="verify"
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ no, code }}
          onFinish={(v) => {
            setMode('code');
            if (v.no.trim() === no && v.code.trim() === code) void byCode.refetch();
            else setParams({ no: v.no.trim(), code: v.code.trim() }, { replace: true });
          }}
        >
          <Form.Item name="no" label={t(m.reportNo)} rules={[{ required: true, whitespace: true, message: t(m.noRequired) }, { max: 40 }]}>
            <Input className="mono" autoComplete="off" maxLength={40} placeholder="BG2026-000001" />
          </Form.Item>
          <Form.Item name="code" label={t(m.code)} rules={[{ required: true, whitespace: true, message: t(m.codeRequired) }, { max: 20 }]}>
            <Input className="mono" autoComplete="off" maxLength={20} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={byCode.isFetching}>
            {t(m.verify)}
          </Button>
        </Form>
      </section>
      <section className="login-panel verify-panel" aria-labelledby="verify-file-heading">
        <h2 id="verify-file-heading" className="login-panel-title">
          {t(m.byFile)}
        </h2>
        <p className="verify-hint">{t(m.fileHint)}</p>
        <input
          ref={fileInput}
          type="file"
          accept="application/pdf,.pdf"
          className="visually-hidden"
          aria-label={t(m.chooseFile)}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            setFileError(null);
            if (!file) return;
            if (file.type && file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) return setFileError(t(m.notPdf));
            if (file.size > 20 * 1024 * 1024) return setFileError(t(m.tooLarge));
            setFileName(file.name);
            setMode('file');
            byFile.mutate(file);
          }}
        />
        <Button block loading={byFile.isPending} onClick={() => fileInput.current?.click()}>
          {t(m.chooseFile)}
        </Button>
        {fileError ? <p className="verify-error" role="alert">{fileError}</p> : null}
      </section>
      {failed && !last ? (
        <p className="verify-error" role="alert">
          {errorMessage(failed)}
        </p>
      ) : null}
      {last ? <Outcome result={last.result} fileName={last.fileName} /> : null}
    </>
  );
}

/** /public/verify: the SPA's public report check, by number and code or by the PDF itself. */
export function PublicVerifyPage() {
  const t = useT();
  useEffect(() => {
    document.title = `${t(m.title)} · Shijian 市监`;
  }, [t]);
  return (
    <UiProvider bare>
      <main className="login-page verify-page">
        <LangSwitch className="login-lang" />
        <div className="login-box verify-box">
          <div className="login-brand">
            <div className="login-logo" aria-hidden>
              监
            </div>
            <div>
              <h1 className="login-title">{t(m.title)}</h1>
              <div className="login-subtitle">{t(common.appName)}</div>
            </div>
          </div>
          <p className="verify-intro">{t(m.intro)}</p>
          <VerifyForms />
          <p className="login-footer">
            {/* Server-rendered, like the portal: a plain link, not a route of this app. */}
            <a href="/verify/certificate">{t(m.certificates)}</a>
            {' · '}
            <Link to="/login">{t(m.toLogin)}</Link>
          </p>
        </div>
      </main>
    </UiProvider>
  );
}
