import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Result, Skeleton, Space, Steps, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { WARNING_STATUS_LABELS, WARNING_STATUSES } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { showFormError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { requiredRule } from '../../shared/rules';
import { PageHeader, QueryError } from '../../shared/ui';
import { keys, paths, riskApi, type WarningStatus, type WarningStep, type WarningView } from './api';
import { DIMENSION_LABELS, km } from './messages';
import { formatScore, LevelTag, RegionName, STATUS_COLORS, StatusTag } from './parts';
import { SignalsDrawer } from './SignalsDrawer';

/** The status after this one, or null once handled. */
const nextStatus = (status: WarningStatus): Exclude<WarningStatus, 'detected'> | null =>
  (WARNING_STATUSES[WARNING_STATUSES.indexOf(status) + 1] as Exclude<WarningStatus, 'detected'> | undefined) ?? null;

/** 发现 → 研判 → 预警 → 处置, each step with when it was reached, by whom, and its note. */
function Progress({ warning }: { warning: WarningView }) {
  const t = useT();
  const current = WARNING_STATUSES.indexOf(warning.status);
  const entered = (status: WarningStatus): WarningStep | undefined => warning.steps.find((s) => s.status === status);
  return (
    <Card title={t(km.progress)} className="detail-card">
      <Steps
        size="small"
        current={current}
        items={WARNING_STATUSES.map((status, i) => {
          const step = entered(status);
          const done = i < current || (i === current && warning.status === 'handled');
          return {
            key: status,
            title: t(WARNING_STATUS_LABELS[status]),
            status: done ? 'finish' : i === current ? 'process' : 'wait',
            content: step ? (
              <div data-testid={`warning-step-${status}`}>
                <div>{formatDateTime(step.at)}</div>
                <div>{step.byName ?? t(km.bySystem)}</div>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, tooltip: step.note }} style={{ margin: 0 }}>
                  {step.note}
                </Typography.Paragraph>
              </div>
            ) : (
              t(km.stepWaiting)
            ),
          };
        })}
      />
    </Card>
  );
}

/** Every entry, oldest first: the steps and the notes the system added when the level rose. */
function History({ warning }: { warning: WarningView }) {
  const t = useT();
  return (
    <Card title={t(km.history)} className="detail-card">
      <Timeline
        items={warning.steps.map((s, i) => ({
          key: `${s.at}-${i}`,
          color: STATUS_COLORS[s.status],
          content: (
            <div>
              <Space size={8} wrap>
                <StatusTag status={s.status} />
                <Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text>
                <Typography.Text>{s.byName ?? t(km.bySystem)}</Typography.Text>
              </Space>
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{s.note}</Typography.Paragraph>
            </div>
          ),
        }))}
      />
    </Card>
  );
}

type AdvanceValues = { note: string };

/** The next step with its required note; a 409 (someone moved it first, or it is handled) is shown and the page reloaded. */
function AdvanceModal({ warning, to, onClose }: { warning: WarningView; to: Exclude<WarningStatus, 'detected'>; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<AdvanceValues>();
  const required = requiredRule(t, km.required);
  const status = t(WARNING_STATUS_LABELS[to]);
  const advance = useMutation({
    mutationFn: (v: AdvanceValues) => riskApi.advance(warning.id, v.note.trim(), warning.status),
    onSuccess: (updated) => {
      client.setQueryData(keys.warning(warning.id), updated);
      void client.invalidateQueries({ queryKey: keys.warnings });
      void message.success(t(km.advanced, { status }));
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        void message.error(e.message);
        void client.invalidateQueries({ queryKey: keys.warnings });
        onClose();
        return;
      }
      showFormError(form, e, (text) => void modal.error({ title: t(km.actionFailed), content: text }));
    },
  });
  return (
    <Modal
      open
      title={t(km.advanceTitle, { status, label: warning.label })}
      okText={t(km.advanceTo, { status })}
      cancelText={t(common.cancel)}
      confirmLoading={advance.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon className="form-alert" title={t(km.advanceHint[to])} />
      <Form<AdvanceValues> name="riskAdvance" form={form} layout="vertical" onFinish={(v) => advance.mutate(v)}>
        <Form.Item name="note" label={t(km.note)} rules={[required(km.note), { max: 1000 }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One warning: its facts, the four steps, the history, its signals, and the next step for 处置 staff. */
export function WarningDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: keys.warning(id), queryFn: () => riskApi.warning(id) });
  const [advancing, setAdvancing] = useState(false);
  const [signalsOpen, setSignalsOpen] = useState(false);
  const w = detail.data;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.warnings)}>
      {t(km.backToWarnings)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError || !w) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(km.warningNotFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const next = nextStatus(w.status);
  const mayAdvance = can(session, 'risk.handle') && next !== null;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{w.label}</span>
            <LevelTag level={w.level} />
            <StatusTag status={w.status} />
          </Space>
        }
        subtitle={`${t(DIMENSION_LABELS[w.dimension])} · ${t(km.score)} ${formatScore(w.score)}`}
        extra={
          <>
            {back}
            <Button icon={<UnorderedListOutlined />} onClick={() => setSignalsOpen(true)}>
              {t(km.viewSignals)}
            </Button>
            {mayAdvance ? (
              <Button type="primary" icon={<ArrowRightOutlined />} onClick={() => setAdvancing(true)}>
                {t(km.advanceTo, { status: t(WARNING_STATUS_LABELS[next]) })}
              </Button>
            ) : null}
          </>
        }
      />
      {w.status === 'handled' ? <Alert type="success" showIcon className="form-alert" title={t(km.handledDone)} /> : null}
      <Card title={t(km.facts)} className="detail-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'subject', label: t(km.subject), children: w.label },
            { key: 'dimension', label: t(km.dimension), children: t(DIMENSION_LABELS[w.dimension]) },
            { key: 'level', label: t(km.level), children: <LevelTag level={w.level} /> },
            { key: 'score', label: t(km.score), children: <Typography.Text strong>{formatScore(w.score)}</Typography.Text> },
            { key: 'status', label: t(km.currentStep), children: <StatusTag status={w.status} /> },
            { key: 'owner', label: t(km.owner), children: w.ownerName ?? <span className="secondary-text">{t(km.noOwner)}</span> },
            { key: 'region', label: t(km.region), children: <RegionName code={w.regionCode} /> },
            { key: 'created', label: t(km.createdAt), children: formatDateTime(w.createdAt) },
          ]}
        />
      </Card>
      <Progress warning={w} />
      <History warning={w} />
      {advancing && next ? <AdvanceModal warning={w} to={next} onClose={() => setAdvancing(false)} /> : null}
      <SignalsDrawer target={signalsOpen ? { dimension: w.dimension, key: w.key, label: w.label } : null} onClose={() => setSignalsOpen(false)} />
    </>
  );
}
