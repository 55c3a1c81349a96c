import { App, Checkbox, Empty, Flex, Form, Input, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { QueryError } from '../../shared/ui';
import { keys, servicesApi, type ReferralOption, type ServiceRequestView } from './api';
import { DISTANCE_LABELS, wm } from './messages';
import { RegionName, Yuan } from './parts';

type Values = { lineIds: string[]; toInstitutionId?: string; reason: string };

const DISTANCE_COLOURS = ['green', 'cyan', 'blue', 'default'];

function OptionCard({ option, lineCount }: { option: ReferralOption; lineCount: number }) {
  const t = useT();
  return (
    <div>
      <Space size={8} wrap>
        <Typography.Text strong>{option.institutionName}</Typography.Text>
        <Tag color={DISTANCE_COLOURS[option.distance] ?? 'default'}>{t(DISTANCE_LABELS[option.distance] ?? wm.distance3)}</Tag>
        <Tag color={option.covers >= lineCount ? 'success' : 'warning'}>{t(wm.referCovers, { n: `${option.covers}/${lineCount}` })}</Tag>
      </Space>
      <div className="secondary-text">
        <RegionName code={option.regionCode} />
      </div>
      <div className="secondary-text">
        {option.items.map((i, n) => (
          <span key={i.id}>
            {n ? '；' : ''}
            {i.name} <Yuan value={i.feeYuan} /> {t(wm.yuan)}
          </span>
        ))}
      </div>
    </div>
  );
}

type OptionsQuery = { data?: ReferralOption[]; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/** The receiving institution, one of the referral options (a form control: value and onChange come from Form.Item). */
function InstitutionPicker({ options, lineCount, value, onChange, id }: { options: OptionsQuery; lineCount: number; value?: string; onChange?: (v: string) => void; id?: string }) {
  const t = useT();
  if (options.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (options.isError) return <QueryError error={options.error} onRetry={() => void options.refetch()} />;
  if (!options.data?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(wm.referOptionsEmpty)} />;
  return (
    <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value as string)} style={{ width: '100%' }}>
      <Flex vertical gap={12}>
        {options.data.map((o) => (
          <Radio key={o.institutionId} value={o.institutionId} aria-label={o.institutionName}>
            <OptionCard option={o} lineCount={lineCount} />
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  );
}

/**
 * 转介: some or all of the lines still here go to an institution whose catalogue covers them,
 * nearest region first (the server's order), with the reason the requester will read.
 */
export function ReferDrawer({ request, open, onClose }: { request: ServiceRequestView; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const remaining = request.lines.filter((l) => !l.referredToRequestId);
  const options = useQuery({ queryKey: keys.referralOptions(request.id), queryFn: () => servicesApi.referralOptions(request.id), enabled: open, staleTime: 0 });
  const refer = useMutation({
    mutationFn: (v: Values) => servicesApi.refer(request.id, { toInstitutionId: v.toInstitutionId ?? '', lineIds: v.lineIds, reason: v.reason.trim() }),
    onSuccess: (updated, v) => {
      client.setQueryData(keys.request(request.id), updated);
      void client.invalidateQueries({ queryKey: keys.requests });
      const to = options.data?.find((o) => o.institutionId === v.toInstitutionId)?.institutionName ?? '';
      void message.success(t(wm.referred, { institution: to }));
      onClose();
    },
    onError: formError.show,
  });

  const confirm = (v: Values) => {
    const to = options.data?.find((o) => o.institutionId === v.toInstitutionId)?.institutionName ?? '';
    modal.confirm({
      title: t(wm.referConfirm, { n: v.lineIds.length, institution: to }),
      content: t(wm.referConfirmText),
      okText: t(wm.referSubmit),
      cancelText: t(common.cancel),
      onOk: () => refer.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <FormDrawer<Values>
      title={t(wm.referTitle, { no: request.requestNo })}
      open={open}
      onClose={onClose}
      size={680}
      form={form}
      formError={formError}
      saving={refer.isPending}
      saveText={t(wm.referSubmit)}
      name="serviceReferral"
      formKey={request.lines.map((l) => l.referredToRequestId ?? l.id).join(',')}
      initialValues={{ lineIds: remaining.map((l) => l.id) }}
      onFinish={confirm}
    >
      <Typography.Paragraph type="secondary">{t(wm.referHint)}</Typography.Paragraph>
      <Form.Item name="lineIds" label={t(wm.referLines)} rules={[{ required: true, type: 'array', min: 1, message: t(wm.referLinesRequired) }]}>
        <Checkbox.Group>
          <Flex vertical gap={4}>
            {remaining.map((l) => (
              <Checkbox key={l.id} value={l.id}>
                {t(wm.itemsSummary, { name: l.itemName, n: l.quantity })}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="toInstitutionId" label={t(wm.referTo)} rules={[{ required: true, message: t(wm.referToRequired) }]}>
        <InstitutionPicker options={options} lineCount={remaining.length} />
      </Form.Item>
      <Form.Item name="reason" label={t(wm.referReason)} rules={[required(wm.referReason), { max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t(wm.referReasonPlaceholder)} />
      </Form.Item>
    </FormDrawer>
  );
}
