import { App, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SERVICE_KIND_LABELS, SERVICE_KINDS, type ServiceKind } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useCategoryOptions } from '../../shared/categories';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { yuanField, YuanInput } from '../enforcement/YuanInput';
import { keys, servicesApi, type ServiceItemBody, type ServiceItemView } from './api';
import { wm } from './messages';

type Values = {
  kind?: ServiceKind;
  name: string;
  parameters?: string;
  standards: string[];
  categoryCodes: string[];
  feeYuan: string;
  turnaroundDays?: number | null;
  onSite: boolean;
  epidemic: boolean;
  compulsory: boolean;
};

const toBody = (v: Values): ServiceItemBody => ({
  kind: v.kind as ServiceKind,
  name: v.name.trim(),
  parameters: v.parameters?.trim() ?? '',
  standards: v.standards.map((s) => s.trim()).filter(Boolean),
  categoryCodes: v.categoryCodes,
  feeYuan: v.feeYuan,
  turnaroundDays: v.turnaroundDays ?? 0,
  onSite: v.onSite,
  epidemic: v.epidemic,
  compulsory: v.compulsory,
});

const initial = (item: ServiceItemView | null): Partial<Values> =>
  item
    ? { ...item, standards: [...item.standards], categoryCodes: [...item.categoryCodes] }
    : { standards: [], categoryCodes: [], onSite: false, epidemic: false, compulsory: false, feeYuan: '' };

/** 发布 / 修改服务项目: what the institution offers, on which standards, at what fee and how fast. */
export function ItemForm({ item, open, onClose }: { item: ServiceItemView | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const categories = useCategoryOptions(item?.categoryCodes ?? []);
  const save = useMutation({
    mutationFn: (v: Values) => (item ? servicesApi.updateItem(item.id, toBody(v)) : servicesApi.createItem(toBody(v))),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: keys.items });
      void client.invalidateQueries({ queryKey: keys.catalogue });
      void message.success(t(wm.itemSaved, { name: saved.name }));
      onClose();
    },
    onError: formError.show,
  });

  return (
    <FormDrawer<Values>
      title={item ? `${t(wm.editItem)}：${item.name}` : t(wm.newItem)}
      open={open}
      onClose={onClose}
      size={640}
      form={form}
      formError={formError}
      saving={save.isPending}
      name="serviceItem"
      formKey={item?.id ?? 'new'}
      initialValues={initial(item)}
      onFinish={(v) => save.mutate(v)}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="kind" label={t(wm.kind)} rules={[{ required: true, message: t(wm.chooseRequired, { field: t(wm.kind) }) }]}>
            <Select options={SERVICE_KINDS.map((k) => ({ value: k, label: t(SERVICE_KIND_LABELS[k]) }))} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="name" label={t(wm.itemName)} rules={[required(wm.itemName), { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="parameters" label={t(wm.parameters)} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item
        name="standards"
        label={t(wm.standards)}
        rules={[{ type: 'array', max: 20, message: t(wm.standardsTooMany) }]}
      >
        <Select mode="tags" tokenSeparators={['，', ',', '；', ';']} placeholder={t(wm.standardsPlaceholder)} notFoundContent={null} />
      </Form.Item>
      <Form.Item name="categoryCodes" label={t(wm.categories)} rules={[{ type: 'array', max: 20, message: t(wm.categoriesTooMany) }]}>
        <Select mode="multiple" allowClear options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="feeYuan" label={t(wm.fee)} {...yuanField(t, true)}>
            <YuanInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="turnaroundDays"
            label={t(wm.turnaroundDays)}
            rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t(wm.turnaroundRequired) }]}
          >
            <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="onSite" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t(wm.onSiteLong)}</Checkbox>
      </Form.Item>
      <Form.Item name="epidemic" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t(wm.epidemicLong)}</Checkbox>
      </Form.Item>
      <Form.Item name="compulsory" valuePropName="checked">
        <Checkbox>{t(wm.compulsoryLong)}</Checkbox>
      </Form.Item>
    </FormDrawer>
  );
}
