import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { errorMessage } from '../../shared/errors';
import { keys, reportsApi } from './api';
import { rm } from './messages';

/** Asks for the reason a return or an excuse needs, then runs it; the server's refusal shows in the dialog. */
function ReasonModal({ open, title, hint, okText, danger, onSubmit, onClose }: { open: boolean; title: string; hint: string; okText: string; danger?: boolean; onSubmit: (reason: string) => Promise<unknown>; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t(common.cancel)}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={hint} />
      {error ? <Alert type="error" showIcon className="form-alert" role="alert" title={error} /> : null}
      <Form
        name="reportReason"
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={() => setError(null)}
        onFinish={async ({ reason }) => {
          setBusy(true);
          try {
            await onSubmit(reason.trim());
            onClose();
          } catch (e) {
            setError(errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={t(rm.reason)} rules={[{ required: true, whitespace: true, message: t(rm.reasonRequired) }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export type ReviewSubject = {
  orgId: string;
  name: string;
  submissionId: string | null;
  status: 'missing' | 'draft' | 'submitted' | 'accepted' | 'returned';
  onTime: boolean | null;
  excused: boolean;
};

/**
 * The level above's decisions on one unit's report: accept (locks it) or return (with a
 * reason the unit is told) a submitted report; excuse a unit's lateness once the deadline
 * has passed. Each asks for confirmation first.
 */
export function ReviewActions({ templateId, periodKey, closed, unit, size = 'small' }: { templateId: string; periodKey: string; closed: boolean; unit: ReviewSubject; size?: 'small' | 'middle' }) {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { modal, message } = App.useApp();
  const [open, setOpen] = useState<'return' | 'excuse' | null>(null);
  if (!can(session, 'report.review')) return null;
  const refresh = () => client.invalidateQueries({ queryKey: keys.period(templateId, periodKey) });
  const names = { unit: unit.name };
  const reviewable = unit.status === 'submitted' && unit.submissionId;
  const excusable = closed && !unit.excused && unit.onTime !== true;

  const accept = () =>
    modal.confirm({
      title: t(rm.acceptTitle, names),
      content: t(rm.acceptConfirm),
      okText: t(rm.accept),
      cancelText: t(common.cancel),
      onOk: async () => {
        try {
          await reportsApi.accept(unit.submissionId!);
          await refresh();
          void message.success(t(rm.accepted, names));
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });

  if (!reviewable && !excusable) return null;
  return (
    <>
      <Space size={4} wrap>
        {reviewable ? (
          <>
            <Button size={size} type="primary" onClick={accept}>
              {t(rm.accept)}
            </Button>
            <Button size={size} danger onClick={() => setOpen('return')}>
              {t(rm.return)}
            </Button>
          </>
        ) : null}
        {excusable ? (
          <Button size={size} onClick={() => setOpen('excuse')}>
            {t(rm.excuse)}
          </Button>
        ) : null}
      </Space>
      <ReasonModal
        open={open === 'return'}
        title={t(rm.returnTitle, names)}
        hint={t(rm.returnHint)}
        okText={t(rm.return)}
        danger
        onClose={() => setOpen(null)}
        onSubmit={async (reason) => {
          await reportsApi.returnTo(unit.submissionId!, reason);
          await refresh();
          void message.success(t(rm.returned, names));
        }}
      />
      <ReasonModal
        open={open === 'excuse'}
        title={t(rm.excuseTitle, names)}
        hint={t(rm.excuseHint)}
        okText={t(rm.excuse)}
        onClose={() => setOpen(null)}
        onSubmit={async (reason) => {
          await reportsApi.excuse(templateId, periodKey, unit.orgId, reason);
          await refresh();
          void message.success(t(rm.excusedDone, names));
        }}
      />
    </>
  );
}
