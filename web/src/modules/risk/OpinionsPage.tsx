import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Flex, Result, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { regionPrefix } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategories } from '../../shared/categories';
import { errorMessage } from '../../shared/errors';
import { beijingToday } from '../../shared/format';
import { PAGE_SIZES } from '../../shared/listParams';
import { PageHeader } from '../../shared/ui';
import { keys, paths, riskApi, type OpinionImportResult } from './api';
import { CsvError } from './csv';
import { km } from './messages';
import {
  checkRow,
  decodeFile,
  OPINION_COLUMNS,
  OPINION_FIELDS,
  OpinionFileError,
  readOpinionFile,
  REQUIRED_FIELDS,
  serverProblems,
  templateCsv,
  type CheckedRow,
  type OpinionField,
  type OpinionSheet,
  type RowProblem,
} from './opinions';

/** What the browser reads at most; the import itself is limited by the server (MAX_ITEMS, MAX_BODY). */
const MAX_FILE_MB = 20;
/** OpinionImportBody: at most 5000 items. */
const MAX_ITEMS = 5000;
/** The server's default request-body limit (app.ts bodyLimit): one import must fit in it. */
const MAX_BODY_MB = 1;

const RULES: Record<OpinionField, typeof km.ruleDate> = {
  date: km.ruleDate,
  source: km.ruleSource,
  text: km.ruleText,
  enterpriseUscc: km.ruleUscc,
  category: km.ruleCategory,
  regionCode: km.ruleRegion,
};

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The columns of the file: header, English key, required or not, and the rule. */
function FormatCard() {
  const t = useT();
  const rows = OPINION_FIELDS.map((f) => ({ field: f, ...OPINION_COLUMNS[f], required: REQUIRED_FIELDS.includes(f) }));
  return (
    <Card
      title={t(km.formatTitle)}
      className="detail-card"
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => download('舆情导入模板.csv', templateCsv(), 'text/csv;charset=utf-8')}>
          {t(km.downloadTemplate)}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t(km.formatText)}</Typography.Paragraph>
      <Table
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t(km.column), dataIndex: 'zh', width: 150, render: (zh: string, r) => <Typography.Text strong={r.required}>{zh}</Typography.Text> },
          { title: t(km.columnKey), dataIndex: 'en', width: 150, render: (en: string) => <span className="mono">{en}</span> },
          { title: '', dataIndex: 'required', width: 80, render: (req: boolean) => (req ? <Tag color="red">{t(km.requiredMark)}</Tag> : <Tag>{t(km.optionalMark)}</Tag>) },
          { title: t(km.columnRule), dataIndex: 'field', render: (f: OpinionField) => t(RULES[f]) },
        ]}
      />
    </Card>
  );
}

/** A cell of the preview, in red with its problem when the check found one there. */
function Cell({ row, field, children }: { row: CheckedRow; field: OpinionField; children: ReactNode }) {
  const problem = row.problems.find((p) => p.field === field);
  if (!problem) return <>{children}</>;
  return (
    <Typography.Text type="danger" title={problem.message}>
      {children === '' || children === undefined ? '—' : children}
    </Typography.Text>
  );
}

function Problems({ problems }: { problems: RowProblem[] }) {
  const t = useT();
  if (!problems.length) {
    return (
      <Typography.Text type="success">
        <CheckCircleOutlined /> {t(km.rowOk)}
      </Typography.Text>
    );
  }
  return (
    <Space orientation="vertical" size={0}>
      {problems.map((p, i) => (
        <Typography.Text key={i} type="danger">
          {p.field ? `${OPINION_COLUMNS[p.field].zh}：` : ''}
          {p.message}
        </Typography.Text>
      ))}
    </Space>
  );
}

type Loaded = { name: string; sheet: OpinionSheet };
type Refusal = { message: string; byRow: Map<number, RowProblem[]>; general: string[] };

/**
 * 舆情导入: a CSV or JSON file read and checked in the browser (the contract's OpinionItem and
 * what else the browser knows), a preview with each row's problems, then one import; the
 * server's own refusals (`items.3.regionCode`) are shown against the rows they name.
 */
export function OpinionsPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { modal } = App.useApp();
  const categories = useCategories();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<OpinionImportResult | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);

  const categoryCode = useMemo(() => {
    const byText = new Map<string, string>();
    for (const c of categories.data ?? []) {
      byText.set(c.code, c.code);
      byText.set(c.name, c.code);
      byText.set(c.nameEn.toLowerCase(), c.code);
    }
    return (value: string) => byText.get(value) ?? byText.get(value.toLowerCase()) ?? null;
  }, [categories.data]);
  const scopePrefix = session.scope.kind === 'region' && session.scope.regionCode ? regionPrefix(session.scope.regionCode) : null;

  const rows = useMemo<CheckedRow[]>(() => {
    if (!loaded) return [];
    const today = beijingToday();
    return loaded.sheet.rows.map((r) => {
      const checked = checkRow(r, { categoryCode, today, scopePrefix });
      const fromServer = refusal?.byRow.get(r.row) ?? [];
      return fromServer.length ? { ...checked, problems: [...checked.problems, ...fromServer] } : checked;
    });
  }, [loaded, categoryCode, scopePrefix, refusal]);

  const good = rows.filter((r) => r.item && !refusal?.byRow.has(r.row));
  const bad = rows.length - good.length;
  const payloadTooBig = good.length > 0 && new Blob([JSON.stringify({ items: good.map((r) => r.item) })]).size > MAX_BODY_MB * 1024 * 1024;
  const blocked = loaded
    ? [
        ...(loaded.sheet.missing.length ? [t(km.missingColumns, { columns: loaded.sheet.missing.map((f) => OPINION_COLUMNS[f].zh).join('、') })] : []),
        ...(!rows.length ? [t(km.noRows)] : []),
        ...(rows.length > MAX_ITEMS ? [t(km.tooMany, { n: rows.length })] : []),
        ...(payloadTooBig ? [t(km.payloadTooBig, { mb: MAX_BODY_MB })] : []),
      ]
    : [];

  const reset = () => {
    setLoaded(null);
    setFileError(null);
    setRefusal(null);
    setDone(null);
    setOnlyProblems(false);
  };

  const importRows = useMutation({
    mutationFn: (sent: CheckedRow[]) => riskApi.importOpinions(sent.map((r) => r.item!)),
    onSuccess: (result) => {
      setDone(result);
      void client.invalidateQueries({ queryKey: keys.all });
    },
    onError: (e, sent) => {
      const fields = e instanceof ApiError ? e.fields : [];
      const placed = serverProblems(fields, sent.map((r) => r.row));
      setRefusal({ message: errorMessage(e), ...placed });
      if (placed.byRow.size) setOnlyProblems(true);
    },
  });

  const confirmImport = () => {
    const sent = good;
    modal.confirm({
      title: t(km.importConfirm, { n: sent.length }),
      content: `${t(km.importConfirmText)}${bad ? t(km.importConfirmSkip, { bad }) : ''}`,
      okText: bad ? t(km.importValid, { n: sent.length }) : t(km.importAll, { n: sent.length }),
      cancelText: t(common.cancel),
      onOk: () => importRows.mutateAsync(sent).catch(() => undefined),
    });
  };

  const pick = async (file: File) => {
    reset();
    try {
      const text = decodeFile(await file.arrayBuffer());
      setLoaded({ name: file.name, sheet: readOpinionFile(file.name, text) });
    } catch (e) {
      const reason = e instanceof CsvError || e instanceof OpinionFileError ? e.message : errorMessage(e);
      setFileError(t(km.readFailed, { reason }));
    }
  };

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.dashboard)}>
      {t(km.backToDashboard)}
    </Button>
  );

  if (!can(session, 'risk.import')) return <Result status="403" title="403" subTitle={t(km.noImportRight)} extra={back} />;

  if (done) {
    return (
      <>
        <PageHeader title={t(km.opinionsTitle)} extra={back} />
        <Result
          status="success"
          title={t(km.imported, { n: done.inserted })}
          subTitle={t(km.importedText, { m: done.matchedEnterprises })}
          extra={[
            <Button key="dashboard" type="primary" onClick={() => navigate(paths.dashboard)}>
              {t(km.dashboardTitle)}
            </Button>,
            <Button key="again" onClick={reset}>
              {t(km.importAnother)}
            </Button>,
          ]}
        />
      </>
    );
  }

  const csv = loaded?.sheet.format !== 'json';
  const columns: TableColumnsType<CheckedRow> = [
    { title: t(csv ? km.rowNo : km.itemNo), dataIndex: 'row', width: 72, fixed: 'left' },
    { title: t(km.check), key: 'problems', width: 280, render: (_, r) => <Problems problems={r.problems} /> },
    ...OPINION_FIELDS.map((field) => ({
      title: OPINION_COLUMNS[field].zh,
      key: field,
      width: field === 'text' ? 280 : field === 'enterpriseUscc' ? 190 : field === 'source' ? 120 : 110,
      ellipsis: field === 'text' ? { showTitle: true } : undefined,
      render: (_: unknown, r: CheckedRow) => (
        <Cell row={r} field={field}>
          {r.values[field] ?? ''}
        </Cell>
      ),
    })),
  ];
  const shown = onlyProblems ? rows.filter((r) => r.problems.length) : rows;

  return (
    <>
      <PageHeader title={t(km.opinionsTitle)} subtitle={t(km.opinionsSubtitle)} extra={back} />
      <FormatCard />
      <Card className="detail-card">
        <Upload.Dragger
          accept=".csv,.json,text/csv,application/json"
          maxCount={1}
          fileList={loaded ? [{ uid: 'file', name: loaded.name, status: 'done' }] : []}
          onRemove={reset}
          beforeUpload={(f) => {
            const name = f.name.toLowerCase();
            if (!name.endsWith('.csv') && !name.endsWith('.json')) {
              reset();
              setFileError(t(km.notCsvJson));
            } else if (f.size > MAX_FILE_MB * 1024 * 1024) {
              reset();
              setFileError(t(km.tooBig, { mb: MAX_FILE_MB }));
            } else void pick(f);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t(km.dropHint)}</p>
          <p className="ant-upload-hint">{t(km.dropNote)}</p>
        </Upload.Dragger>
        {fileError ? <Alert type="error" showIcon title={fileError} role="alert" style={{ marginTop: 12 }} /> : null}
      </Card>

      {loaded ? (
        <Card title={t(km.previewTitle, { file: loaded.name })} className="detail-card">
          <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 12 }}>
            {refusal ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={refusal.byRow.size ? t(km.importRefusedRows) : t(km.importRefused, { message: refusal.message })}
                description={refusal.general.length ? refusal.general.join('；') : undefined}
              />
            ) : null}
            {blocked.map((text) => (
              <Alert key={text} type="error" showIcon title={text} />
            ))}
            {loaded.sheet.ignored.length ? <Alert type="warning" showIcon title={t(km.ignoredColumns, { columns: loaded.sheet.ignored.join('、') })} /> : null}
            {rows.length && !blocked.length && bad ? <Alert type="warning" showIcon title={t(km.fixAndRetry)} /> : null}
          </Space>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
            <Space size={16} wrap>
              <Typography.Text data-testid="opinion-summary">{t(km.previewSummary, { n: rows.length, ok: good.length, bad })}</Typography.Text>
              <Checkbox checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} disabled={!bad}>
                {t(km.onlyProblems)}
              </Checkbox>
            </Space>
            <Space wrap>
              <Button onClick={reset}>{t(km.chooseAnother)}</Button>
              <Button type="primary" disabled={Boolean(blocked.length) || !good.length || categories.isPending} loading={importRows.isPending} onClick={confirmImport}>
                {bad ? t(km.importValid, { n: good.length }) : t(km.importAll, { n: good.length })}
              </Button>
            </Space>
          </Flex>
          <Table<CheckedRow>
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={shown}
            scroll={{ x: 1400 }}
            pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: PAGE_SIZES.map(String), showTotal: (n) => t(common.total, { n }) }}
          />
        </Card>
      ) : null}
    </>
  );
}
