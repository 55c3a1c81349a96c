import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { keys, reportsApi, type ReportTableView } from './api';
import { cellKey, manualValueProblem } from './cells';
import { rm } from './messages';
import type { CellTarget } from './ReportTable';

type Values = { value: string; note: string };

/**
 * 手工填报: one figure the records do not hold, with the note that must go with it.
 * The previous note is shown, to reuse when only the figure changed.
 */
export function ManualCellModal({ view, target, tableKey, onClose }: { view: ReportTableView; target: CellTarget | null; tableKey: readonly unknown[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const column = target?.column;
  const decimals = column?.kind === 'manual' ? column.decimals : 0;
  const unit = column?.kind === 'manual' ? column.unit : '';
  const key = target ? cellKey(target.rowKey, target.column.key) : '';
  const current = target ? view.cells[key] : undefined;

  const save = useMutation({
    mutationFn: (v: Values) => reportsApi.setCell(view.template.id, view.period.key, key, { value: v.value.trim(), note: v.note.trim() }),
    onSuccess: (updated) => {
      client.setQueryData(tableKey, updated);
      void client.invalidateQueries({ queryKey: keys.period(view.template.id, view.period.key) });
      void message.success(t(rm.cellSaved, { column: target?.column.label ?? '' }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });

  return (
    <Modal
      open={Boolean(target)}
      title={target ? t(rm.cellTitle, { row: target.rowLabel, column: target.column.label }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        name="manualCell"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ value: current?.value ?? '', note: '' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="value"
          label={t(rm.value)}
          rules={[
            { required: true, whitespace: true, message: t(rm.valueRequired) },
            {
              validator: async (_: unknown, value?: string) => {
                if (!value?.trim()) return;
                const problem = manualValueProblem(value, decimals);
                if (problem === 'format') throw new Error(t(rm.valueFormat));
                if (problem === 'decimals') throw new Error(decimals ? t(rm.valueDecimals, { n: decimals }) : t(rm.valueInteger));
              },
            },
          ]}
        >
          <Input inputMode="decimal" autoComplete="off" suffix={unit || undefined} style={{ width: 240 }} autoFocus />
        </Form.Item>
        <Form.Item name="note" label={t(rm.note)} rules={[{ required: true, whitespace: true, message: t(rm.required, { field: t(rm.note) }) }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t(rm.notePlaceholder)} />
        </Form.Item>
        {current?.note ? (
          <Alert
            type="info"
            showIcon
            title={<Typography.Text>{t(rm.previousNote, { note: current.note })}</Typography.Text>}
            action={
              <Button size="small" onClick={() => form.setFieldValue('note', current.note)}>
                {t(rm.reuseNote)}
              </Button>
            }
          />
        ) : null}
      </Form>
    </Modal>
  );
}
