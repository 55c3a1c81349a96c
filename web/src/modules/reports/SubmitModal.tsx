import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { showFormError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { keys, reportsApi, type ReportTableView } from './api';
import { missingManual } from './cells';
import { rm } from './messages';
import { personName } from './status';

type Values = { filledBy: string; phone: string };

const PHONE_KEY = 'shijian.report.phone';
const PHONE = /^[0-9+()\- ]{7,20}$/;

function storedPhone(): string {
  try {
    return localStorage.getItem(PHONE_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * 报送: freezes the unit's table as it stands, with who filled it in and a phone
 * number; confirms first, since only the level above can return it.
 */
export function SubmitModal({ view, open, tableKey, onClose }: { view: ReportTableView; open: boolean; tableKey: readonly unknown[]; onClose: () => void }) {
  const t = useT();
  const session = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const missing = missingManual(view.template.definition, view.cells);

  const submit = useMutation({
    mutationFn: (v: Values) => reportsApi.submit(view.template.id, view.period.key, { filledBy: v.filledBy.trim(), phone: v.phone.trim() }),
    onSuccess: (updated, v) => {
      try {
        localStorage.setItem(PHONE_KEY, v.phone.trim());
      } catch {
        // Storage may be refused; the number is then typed again next time.
      }
      client.setQueryData(tableKey, updated);
      void client.invalidateQueries({ queryKey: keys.period(view.template.id, view.period.key) });
      void client.invalidateQueries({ queryKey: keys.templates });
      void message.success(t(rm.submitted));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });

  return (
    <Modal
      open={open}
      width={600}
      title={t(rm.submitTitle, { name: view.template.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(rm.submit)}
      okButtonProps={{ disabled: missing.length > 0 }}
      cancelText={t(common.cancel)}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'unit', label: t(rm.unit), children: view.unit.name },
          { key: 'period', label: t(rm.period), children: view.period.label },
          { key: 'through', label: t(rm.dataThrough), children: view.dataThrough },
          { key: 'due', label: t(rm.deadline), children: formatDateTime(view.period.dueAt) },
        ]}
      />
      {missing.length ? (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          title={t(rm.missingManual, { n: missing.length, cells: missing.slice(0, 6).map((m) => `「${m.rowLabel} · ${m.columnLabel}」`).join('、') })}
        />
      ) : (
        <Alert type="warning" showIcon className="form-alert" title={t(rm.submitWarning)} />
      )}
      {view.period.closed ? <Alert type="error" showIcon className="form-alert" title={t(rm.submitLate)} /> : null}
      <Form<Values>
        name="reportSubmit"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ filledBy: view.submission?.filledBy ?? personName(session.user.displayName), phone: view.submission?.phone ?? storedPhone() }}
        onFinish={(v) => submit.mutate(v)}
      >
        <Form.Item name="filledBy" label={t(rm.filledBy)} rules={[{ required: true, whitespace: true, message: t(rm.required, { field: t(rm.filledBy) }) }, { max: 40 }]}>
          <Input maxLength={40} autoComplete="name" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t(rm.phone)}
          rules={[
            { required: true, whitespace: true, message: t(rm.required, { field: t(rm.phone) }) },
            { pattern: PHONE, message: t(rm.phoneFormat) },
          ]}
        >
          <Input maxLength={20} autoComplete="tel" inputMode="tel" style={{ width: 240 }} placeholder="028-86000000" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
