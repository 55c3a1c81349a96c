import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileSearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TESTING_DOMAIN_LABELS } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { beijingToday, formatDate, formatDateTime } from '../../shared/format';
import { requiredRule } from '../../shared/rules';
import { PageHeader, QueryError } from '../../shared/ui';
import { CHECKS_KEY, checkKey, checksApi, hasProblems, paths, type InstitutionCheckView } from './api';
import { om } from './messages';
import { ProblemCount } from './parts';

type LeadValues = { summary: string; leadOn?: string | null };

/** 移交立案: a case lead at the bureau over the institution, with the summary the officer writes. */
function LeadModal({ check, open, onClose }: { check: InstitutionCheckView; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, om.required);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadValues>();
  const lead = useMutation({
    mutationFn: (v: LeadValues) => checksApi.openLead(check.id, { summary: v.summary, leadOn: v.leadOn || undefined }),
    onSuccess: (updated) => {
      client.setQueryData(checkKey(check.id), updated);
      void client.invalidateQueries({ queryKey: CHECKS_KEY });
      void client.invalidateQueries({ queryKey: ['enforcement'] });
      void message.success(t(om.leadOpened, { no: updated.caseNo ?? '' }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  const summary = `${check.institutionName}：抽查${t(TESTING_DOMAIN_LABELS[check.domain])}检验检测报告${check.reportsChecked}份，发现不实报告${check.untrueReports}份、虚假报告${check.fakeReports}份。${check.findings}`;
  return (
    <Modal
      open={open}
      width={640}
      title={t(om.openLeadTitle, { name: check.institutionName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(om.openLead)}
      cancelText={t(common.cancel)}
      confirmLoading={lead.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={t(om.openLeadHint)} />
      {hasProblems(check) ? null : <Alert type="info" showIcon className="form-alert" title={t(om.noProblemNoLead)} />}
      <Form<LeadValues> name="checkLead" form={form} layout="vertical" preserve={false} initialValues={{ summary: summary.slice(0, 2000) }} onFinish={(v) => lead.mutate(v)}>
        <Form.Item name="summary" label={t(om.summary)} rules={[required(om.summary), { max: 2000 }]}>
          <Input.TextArea rows={6} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="leadOn" label={t(om.leadOn)} extra={t(om.leadOnHint)} {...isoDateField}>
          <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day')) || d.isBefore(dayjs(check.checkedOn).startOf('day'))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CheckDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [leading, setLeading] = useState(false);
  const detail = useQuery({ queryKey: checkKey(id), queryFn: () => checksApi.get(id) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.base)}>
      {t(om.backToList)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(om.notFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const c = detail.data;
  const mayLead = !c.caseId && can(session, 'oversight.write') && can(session, 'case.write');
  const problems = hasProblems(c);

  return (
    <>
      <PageHeader
        title={c.institutionName}
        subtitle={`${t(TESTING_DOMAIN_LABELS[c.domain])} · ${formatDate(c.checkedOn)}`}
        extra={
          <>
            {back}
            {c.caseId ? (
              <Button icon={<FileSearchOutlined />} onClick={() => navigate(paths.case(c.caseId!))}>
                {t(om.openCase, { no: c.caseNo ?? '' })}
              </Button>
            ) : mayLead ? (
              <Button type={problems ? 'primary' : 'default'} danger={problems} onClick={() => setLeading(true)}>
                {t(om.openLead)}
              </Button>
            ) : null}
          </>
        }
      />
      {c.caseId ? (
        <Alert
          type="success"
          showIcon
          className="form-alert"
          title={
            <span>
              {t(om.caseOpened)}：<Link to={paths.case(c.caseId)} className="mono" data-testid="check-case-link">{c.caseNo}</Link>
            </span>
          }
        />
      ) : null}
      <Card title={t(om.facts)} className="detail-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'institution', label: t(om.institution), children: can(session, 'institution.read') ? <Link to={`/institutions/${c.institutionId}`}>{c.institutionName}</Link> : c.institutionName },
            { key: 'domain', label: t(om.domain), children: t(TESTING_DOMAIN_LABELS[c.domain]) },
            { key: 'checkedOn', label: t(om.checkedOn), children: formatDate(c.checkedOn) },
            { key: 'org', label: t(om.checkingOrg), children: c.orgName },
            { key: 'campaign', label: t(om.campaign), children: c.campaignName ?? '—' },
            { key: 'problems', label: t(om.problems), children: problems ? <Tag color="red">{t(om.problemsYes)}</Tag> : <Tag color="green">{t(om.problemsNo)}</Tag> },
            { key: 'reports', label: t(om.reportsChecked), children: c.reportsChecked },
            { key: 'untrue', label: t(om.untrueReports), children: <ProblemCount n={c.untrueReports} /> },
            { key: 'fake', label: t(om.fakeReports), children: <ProblemCount n={c.fakeReports} /> },
            { key: 'case', label: t(om.case), children: c.caseId ? <Link to={paths.case(c.caseId)} className="mono">{c.caseNo}</Link> : '—' },
            {
              key: 'findings',
              label: t(om.findings),
              span: 'filled',
              children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.findings}</Typography.Paragraph>,
            },
            { key: 'recorded', label: t(om.recordedAt), children: formatDateTime(c.createdAt) },
          ]}
        />
      </Card>
      {mayLead ? <LeadModal check={c} open={leading} onClose={() => setLeading(false)} /> : null}
    </>
  );
}
