import { App, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checkUscc, ENTERPRISE_SIZE_LABELS, ENTERPRISE_SIZES, type EnterpriseSize } from '@shijian/contracts';
import { enterprisesApi } from '../../api/endpoints';
import type { EnterpriseView } from '../../api/types';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useCategoryOptions } from '../../shared/categories';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { RegionCascader } from '../../shared/RegionCascader';
import { requiredRule } from '../../shared/rules';
import { scopeRegion } from '../../shared/scope';
import { em } from './messages';
import { normalizeUscc, usccTypingProblem } from './uscc';

type Values = {
  uscc: string;
  name: string;
  regionCode: string;
  address: string;
  legalRepresentative: string;
  size: EnterpriseSize;
  categories: string[];
};

// Every trigger re-runs the rules it names and replaces the field's errors with their
// result, so the character checks run on change and on blur alike; only the
// "too short" message waits for the user to leave the field.
const usccCharacters = {
  validateTrigger: ['onChange', 'onBlur'],
  validator: async (_: unknown, value: string | undefined) => {
    const problem = usccTypingProblem(value ?? '');
    if (problem) throw new Error(problem);
  },
};
const usccLength = {
  validateTrigger: 'onBlur',
  validator: async (_: unknown, value: string | undefined) => {
    if (value && value.length < 18 && !usccTypingProblem(value)) throw new Error(checkUscc(value)!.message);
  },
};

function toValues(e: EnterpriseView): Values {
  return { uscc: e.uscc, name: e.name, regionCode: e.regionCode, address: e.address, legalRepresentative: e.legalRepresentative, size: e.size, categories: e.categories };
}

export type EnterpriseFormProps = {
  open: boolean;
  /** The enterprise to edit; absent to register a new one. */
  enterprise?: EnterpriseView;
  onClose: () => void;
  onSaved?: (saved: EnterpriseView) => void;
};

/** Register or edit an enterprise in a drawer. The credit code can't change once registered. */
export function EnterpriseForm({ open, enterprise, onClose, onSaved }: EnterpriseFormProps) {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const categories = useCategoryOptions(enterprise?.categories);
  const editing = Boolean(enterprise);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name, regionCode: v.regionCode, address: v.address, legalRepresentative: v.legalRepresentative, size: v.size, categories: v.categories ?? [] };
      if (!enterprise) return enterprisesApi.create({ ...body, uscc: v.uscc });
      // Categories go only when changed: an enterprise may keep a category that has since been deactivated.
      const sameCategories = [...body.categories].sort().join() === [...enterprise.categories].sort().join();
      return enterprisesApi.update(enterprise.id, sameCategories ? { ...body, categories: undefined } : body);
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['enterprises'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      void message.success(enterprise ? t(em.updated) : t(em.created, { name: saved.name }));
      onSaved?.(saved);
      onClose();
    },
    onError: formError.show,
  });

  const required = requiredRule(t, em.required);

  return (
    <FormDrawer
      title={t(editing ? em.editTitle : em.createTitle)}
      open={open}
      onClose={onClose}
      size={560}
      form={form}
      formError={formError}
      saving={save.isPending}
      saveText={editing ? undefined : t(em.submitCreate)}
      name="enterprise"
      formKey={enterprise?.id ?? 'new'}
      initialValues={enterprise ? toValues(enterprise) : { categories: [] }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item
        name="uscc"
        label={t(em.uscc)}
        extra={editing ? undefined : t(em.usccHint)}
        normalize={normalizeUscc}
        validateTrigger={['onChange', 'onBlur']}
        rules={editing ? [] : [{ required: true, message: t(em.usccRequired) }, usccCharacters, usccLength]}
      >
        <Input className="mono" maxLength={24} disabled={editing} autoComplete="off" placeholder="91510107MA6XXXXXXX" />
      </Form.Item>
      <Form.Item name="name" label={t(em.name)} rules={[required(em.name), { max: 200 }]}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="regionCode" label={t(em.region)} extra={t(em.regionHint)} rules={[{ required: true, message: t(em.regionRequired) }]}>
        <RegionCascader within={scopeRegion(session)} />
      </Form.Item>
      <Form.Item name="address" label={t(em.address)} rules={[required(em.address), { max: 300 }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="legalRepresentative" label={t(em.legalRepresentative)} rules={[required(em.legalRepresentative), { max: 50 }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="size" label={t(em.size)} rules={[{ required: true, message: t(em.sizeRequired) }]}>
        <Select options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: t(ENTERPRISE_SIZE_LABELS[s]) }))} />
      </Form.Item>
      <Form.Item name="categories" label={t(em.categories)}>
        <Select mode="multiple" options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: "label" }} allowClear />
      </Form.Item>
    </FormDrawer>
  );
}
