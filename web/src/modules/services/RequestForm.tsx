import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { DeleteOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SERVICE_KIND_LABELS } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { keys, paths, servicesApi, type ServiceItemView } from './api';
import { wm } from './messages';
import { grossOf } from './clock';
import { ItemFeatures } from './parts';

type Line = { itemId: string; quantity?: number | null };
type Values = { lines: Line[]; epidemicRelated: boolean; description?: string; contactName: string; contactPhone: string };

const MAX_LINES = 20;
const PHONE = /^[0-9+\-\s]{5,20}$/;

/**
 * 申请服务: items of one institution with their quantities, whether the work is for epidemic
 * prevention, what is needed and whom to call. Items picked in the catalogue come first; the
 * institution's other active items can be added here.
 */
export function RequestForm({ institution, picked, open, onClose }: { institution: { id: string; name: string }; picked: ServiceItemView[]; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const offered = useQuery({
    queryKey: keys.institutionItems(institution.id),
    queryFn: () => servicesApi.items({ institutionId: institution.id, pageSize: 100 }),
    enabled: open,
    staleTime: 60_000,
  });
  const byId = useMemo(() => {
    const map = new Map<string, ServiceItemView>();
    for (const item of [...picked, ...(offered.data?.items ?? [])]) map.set(item.id, item);
    return map;
  }, [picked, offered.data]);

  const lines = (Form.useWatch('lines', form) ?? []) as Line[];
  const epidemicRelated = Form.useWatch('epidemicRelated', form) as boolean | undefined;
  const chosen = lines.map((l) => byId.get(l?.itemId)).filter((i): i is ServiceItemView => Boolean(i));
  const green = Boolean(epidemicRelated) || chosen.some((i) => i.epidemic);
  const gross = grossOf(lines.map((l) => ({ feeYuan: byId.get(l?.itemId)?.feeYuan ?? '0', quantity: l?.quantity ?? 0 })));
  const addable = (offered.data?.items ?? []).filter((i) => !lines.some((l) => l?.itemId === i.id));

  const submit = useMutation({
    mutationFn: (v: Values) =>
      servicesApi.submit({
        institutionId: institution.id,
        lines: v.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity ?? 0 })),
        epidemicRelated: Boolean(v.epidemicRelated),
        description: v.description?.trim() ?? '',
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
      }),
    onSuccess: (request) => {
      void client.invalidateQueries({ queryKey: keys.requests });
      void message.success(t(wm.submitted, { no: request.requestNo }));
      onClose();
      navigate(paths.request(request.id));
    },
    onError: formError.show,
  });

  return (
    <FormDrawer<Values>
      title={t(wm.requestTitle, { institution: institution.name })}
      open={open}
      onClose={onClose}
      size={720}
      form={form}
      formError={formError}
      saving={submit.isPending}
      saveText={t(wm.submit)}
      name="serviceRequest"
      formKey={`${institution.id}:${picked.map((p) => p.id).join(',')}`}
      initialValues={{ lines: picked.map((p) => ({ itemId: p.id, quantity: 1 })), epidemicRelated: false }}
      onFinish={(v) => submit.mutate(v)}
    >
      <Form.List
        name="lines"
        rules={[
          {
            validator: async (_: unknown, value?: Line[]) => {
              if (!value?.length) throw new Error(t(wm.linesRequired));
              if (value.length > MAX_LINES) throw new Error(t(wm.linesTooMany));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="form-card">
            <Typography.Text strong>{t(wm.lines)}</Typography.Text>
            {fields.map((field) => {
              const item = byId.get(form.getFieldValue(['lines', field.name, 'itemId']) as string);
              const name = item?.name ?? '';
              return (
                <Row key={field.key} gutter={12} align="middle" style={{ marginTop: 12 }} data-testid="request-line">
                  <Col flex="auto">
                    {/* Registered, so that the item travels with its quantity in the form's values. */}
                    <Form.Item name={[field.name, 'itemId']} hidden>
                      <Input />
                    </Form.Item>
                    <div>
                      <Typography.Text>{name}</Typography.Text>{' '}
                      {item ? <Typography.Text type="secondary">· {t(SERVICE_KIND_LABELS[item.kind])} · {t(wm.feePerUnit, { fee: item.feeYuan })}</Typography.Text> : null}
                    </div>
                    {item ? <ItemFeatures item={item} /> : null}
                  </Col>
                  <Col flex="170px">
                    <Form.Item
                      name={[field.name, 'quantity']}
                      style={{ margin: 0 }}
                      rules={[{ required: true, type: 'integer', min: 1, max: 100_000, message: t(wm.quantityRequired) }]}
                    >
                      <InputNumber min={1} max={100_000} precision={0} suffix={t(wm.unit)} aria-label={t(wm.quantityOf, { name })} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="none">
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t(wm.removeItem)}：${name}`} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              );
            })}
            <Select<string>
              style={{ width: '100%', marginTop: 12 }}
              value={null}
              placeholder={t(wm.addItem)}
              aria-label={t(wm.addItem)}
              loading={offered.isFetching}
              disabled={fields.length >= MAX_LINES}
              showSearch={{ optionFilterProp: 'label' }}
              options={addable.map((i) => ({ value: i.id, label: `${i.name}（${t(SERVICE_KIND_LABELS[i.kind])}，${i.feeYuan} 元）` }))}
              onChange={(itemId) => add({ itemId, quantity: 1 })}
            />
            <Form.ErrorList errors={errors} />
            {lines.length ? (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t(wm.grossEstimate, { amount: gross })}
              </Typography.Paragraph>
            ) : null}
          </div>
        )}
      </Form.List>
      <Form.Item name="epidemicRelated" valuePropName="checked" extra={t(wm.epidemicRelatedHint)} style={{ marginTop: 16 }}>
        <Checkbox>{t(wm.epidemicRelated)}</Checkbox>
      </Form.Item>
      {green ? (
        <Alert
          type="success"
          showIcon
          icon={<ThunderboltOutlined />}
          className="form-alert"
          title={t(wm.greenChannelTitle)}
          description={t(wm.greenChannelText)}
          data-testid="green-channel-notice"
        />
      ) : null}
      <Form.Item name="description" label={t(wm.description)} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t(wm.descriptionPlaceholder)} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="contactName" label={t(wm.contactName)} rules={[required(wm.contactName), { max: 50 }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="contactPhone"
            label={t(wm.contactPhone)}
            rules={[required(wm.contactPhone), { pattern: PHONE, message: t(wm.phoneInvalid) }]}
          >
            <Input maxLength={20} autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
