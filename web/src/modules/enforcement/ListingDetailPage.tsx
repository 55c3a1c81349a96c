import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Modal, Result, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DISHONESTY_CRITERION_LABELS, type RemovalApplicationStatus } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { showFormError } from '../../shared/errors';
import { beijingToday, formatDate } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { archivePath, creditApi, mayOpenArchive, type ListingDetailView, type RemovalApplicationView } from './api';
import { applyState } from './credit';
import { xm } from './messages';
import { ApplicationStatusTag, ListingStatusTag } from './tags';

export const listingKey = (id: string) => ['enforcement', 'listing', id] as const;

type ApplyValues = { reason: string; commitments: string };

function ApplyCard({ listing }: { listing: ListingDetailView }) {
  const t = useT();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ApplyValues>();
  const state = applyState(listing, dayjs(beijingToday()).format('YYYY-MM-DD'));
  const apply = useMutation({
    mutationFn: (v: ApplyValues) => creditApi.apply(listing.id, v),
    onSuccess: (updated) => {
      client.setQueryData(listingKey(listing.id), updated);
      void client.invalidateQueries({ queryKey: ['enforcement', 'listings'] });
      void message.success(t(xm.applied));
      form.resetFields();
    },
    onError: (e) => showFormError(form, e, (text) => void modal.error({ title: t(xm.actionFailed), content: text })),
  });
  if (state === 'not_listed') return null;
  return (
    <Card title={t(xm.applyTitle)} className="detail-card">
      {state === 'too_early' ? <Alert type="info" showIcon title={t(xm.applyTooEarly, { date: listing.earliestRemovalOn })} /> : null}
      {state === 'pending' ? <Alert type="info" showIcon title={t(xm.applyPending)} /> : null}
      {state === 'ok' ? (
        <>
          <Alert type="info" showIcon className="form-alert" title={t(xm.applyHint)} />
          <Form<ApplyValues>
            name="removalApplication"
            form={form}
            layout="vertical"
            onFinish={(v) =>
              modal.confirm({
                title: t(xm.applyTitle),
                content: t(xm.applyHint),
                okText: t(xm.applySubmit),
                cancelText: t(common.cancel),
                onOk: () => apply.mutateAsync(v).catch(() => undefined),
              })
            }
          >
            <Form.Item name="reason" label={t(xm.applicationReason)} rules={[{ required: true, whitespace: true, message: t(xm.reasonRequired) }, { max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="commitments" label={t(xm.commitments)} rules={[{ required: true, whitespace: true, message: t(xm.commitmentsRequired) }, { max: 2000 }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={apply.isPending}>
              {t(xm.applySubmit)}
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}

function DecideModal({ listing, decision, onClose }: { listing: ListingDetailView; decision: { application: RemovalApplicationView; approve: boolean } | null; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const decide = useMutation({
    mutationFn: (note: string) => creditApi.decide(decision!.application.id, { approve: decision!.approve, note }),
    onSuccess: (updated) => {
      client.setQueryData(listingKey(listing.id), updated);
      void client.invalidateQueries({ queryKey: ['enforcement'] });
      void message.success(t(xm.decided));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  if (!decision) return null;
  return (
    <Modal
      open
      title={t(decision.approve ? xm.decideTitleApprove : xm.decideTitleReject, { party: listing.partyName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(decision.approve ? xm.approve : xm.reject)}
      okButtonProps={{ danger: !decision.approve }}
      cancelText={t(common.cancel)}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={t(decision.approve ? xm.decideWarnApprove : xm.decideWarnReject)} />
      <Form name="removalDecision" form={form} layout="vertical" preserve={false} onFinish={(v) => decide.mutate(v.note)}>
        <Form.Item name="note" label={t(xm.reviewNote)} rules={[{ required: true, whitespace: true, message: t(xm.reviewNoteRequired) }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Applications({ listing }: { listing: ListingDetailView }) {
  const t = useT();
  const session = useSession();
  const [decision, setDecision] = useState<{ application: RemovalApplicationView; approve: boolean } | null>(null);
  const reviewer = can(session, 'credit.review');
  const columns: TableColumnsType<RemovalApplicationView> = [
    { title: t(xm.appliedOn), dataIndex: 'appliedOn', width: 110, render: formatDate },
    { title: t(xm.applicationReason), dataIndex: 'reason', render: (x: string) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{x}</Typography.Paragraph> },
    { title: t(xm.commitments), dataIndex: 'commitments', render: (x: string) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{x}</Typography.Paragraph> },
    { title: t(xm.applicationStatus), dataIndex: 'status', width: 110, render: (s: RemovalApplicationStatus) => <ApplicationStatusTag status={s} /> },
    {
      title: t(xm.reviewNote),
      dataIndex: 'reviewNote',
      render: (note: string | null, row) => (note ? <span>{note}<div className="secondary-text">{formatDate(row.decidedOn)}</div></span> : '—'),
    },
  ];
  if (reviewer) {
    columns.push({
      title: t(common.actions),
      key: 'decide',
      width: 190,
      render: (_, row) =>
        row.status === 'pending' ? (
          <Space>
            <Button size="small" type="primary" onClick={() => setDecision({ application: row, approve: true })}>
              {t(xm.approve)}
            </Button>
            <Button size="small" danger onClick={() => setDecision({ application: row, approve: false })}>
              {t(xm.reject)}
            </Button>
          </Space>
        ) : null,
    });
  }
  return (
    <Card title={t(xm.applications)} className="detail-card">
      <Table<RemovalApplicationView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={listing.applications}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(xm.applicationsEmpty)} /> }}
      />
      <DecideModal listing={listing} decision={decision} onClose={() => setDecision(null)} />
    </Card>
  );
}

export function ListingDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: listingKey(id), queryFn: () => creditApi.get(id) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/enforcement/credit')}>
      {t(xm.backToCredit)}
    </Button>
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(xm.listingNotFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const l = detail.data;
  const party =
    l.enterpriseId && mayOpenArchive(session) ? <Link to={archivePath(l.enterpriseId)}>{l.partyName}</Link> : l.partyName;
  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span>{l.partyName}</span>
            <ListingStatusTag status={l.status} />
          </Flex>
        }
        subtitle={l.decisionNo}
        extra={back}
      />
      <Card title={t(xm.listingFactsTitle)} className="detail-card">
        <Descriptions
          bordered
          styles={{ label: { whiteSpace: 'nowrap' } }}
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'party', label: t(xm.party), children: party },
            { key: 'uscc', label: t(xm.partyUscc), children: <span className="mono">{l.partyUscc ?? '—'}</span> },
            {
              key: 'case',
              label: t(xm.caseNo),
              children: can(session, 'case.read') ? <Link to={`/enforcement/cases/${l.caseId}`} className="mono">{l.caseNo}</Link> : <span className="mono">{l.caseNo}</span>,
            },
            { key: 'decisionNo', label: t(xm.decisionNo), children: l.decisionNo },
            { key: 'org', label: t(xm.listingOrg), children: l.orgName },
            { key: 'status', label: t(xm.listingStatus), children: <ListingStatusTag status={l.status} /> },
            { key: 'listedOn', label: t(xm.listedOn), children: formatDate(l.listedOn) },
            { key: 'publishedOn', label: t(xm.publishedOn), children: formatDate(l.publishedOn) },
            { key: 'earliest', label: t(xm.earliestRemovalOn), children: formatDate(l.earliestRemovalOn) },
            { key: 'expires', label: t(xm.expiresOn), children: formatDate(l.expiresOn) },
            ...(l.removedOn ? [{ key: 'removed', label: t(xm.removedOn), children: formatDate(l.removedOn) }] : []),
            {
              key: 'criteria',
              label: t(xm.criteria),
              span: 'filled' as const,
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {l.criteria.map((c) => (
                    <li key={c}>{t(DISHONESTY_CRITERION_LABELS[c])}</li>
                  ))}
                </ul>
              ),
            },
            { key: 'facts', label: t(xm.listingFacts), span: 'filled' as const, children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{l.facts}</Typography.Paragraph> },
          ]}
        />
      </Card>
      {can(session, 'credit.apply') ? <ApplyCard listing={l} /> : null}
      <Applications listing={l} />
    </>
  );
}
