import { useMemo } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useCategoryOptions } from '../../shared/categories';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { RegionCascader } from '../../shared/RegionCascader';
import { requiredRule } from '../../shared/rules';
import { scopeRegion } from '../../shared/scope';
import { useScopeOrgs } from '../orgs/OrgPicker';
import { CAMPAIGNS_KEY, campaignsApi, type CampaignDetailView, type CampaignView } from './api';
import { cm } from './messages';

type Values = {
  name: string;
  leadOrgId?: string;
  period: [Dayjs, Dayjs];
  categories: string[];
  areaCodes: (string | undefined)[];
  memberDepartments: string[];
  description?: string;
};

/** Departments that join market supervision in campaigns (seed 002's seven departments and their peers). */
const MEMBER_SUGGESTIONS = ['发展和改革委员会', '工业和信息化厅（局）', '公安厅（局）', '商务厅（局）', '药品监督管理局', '卫生健康委员会', '海关'];

/** Regulators in the caller's scope, for the lead department and the supervising bureau. */
export function useBureauOptions() {
  const orgs = useScopeOrgs();
  const options = useMemo(
    () => (orgs.data?.items ?? []).filter((o) => o.kind === 'regulator').map((o) => ({ value: o.id, label: o.name })),
    [orgs.data],
  );
  return { options, loading: orgs.isPending };
}

export type CampaignFormProps = {
  open: boolean;
  campaign?: CampaignView;
  onClose: () => void;
  onSaved?: (saved: CampaignDetailView) => void;
};

/** New or edited campaign, in a drawer: name, lead, period, categories, areas, member departments. */
export function CampaignForm({ open, campaign, onClose, onSaved }: CampaignFormProps) {
  const t = useT();
  const required = requiredRule(t, cm.required);
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const categories = useCategoryOptions(campaign?.categories);
  const bureaus = useBureauOptions();
  const memberOptions = MEMBER_SUGGESTIONS.map((m) => ({ value: m, label: m }));

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name,
        leadOrgId: v.leadOrgId || undefined,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        categories: v.categories,
        areaCodes: v.areaCodes.filter((a): a is string => Boolean(a)),
        memberDepartments: v.memberDepartments ?? [],
        description: v.description ?? '',
      };
      return campaign ? campaignsApi.update(campaign.id, body) : campaignsApi.create(body);
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      void message.success(campaign ? t(cm.updated) : t(cm.created, { name: saved.name }));
      onSaved?.(saved);
      onClose();
    },
    onError: formError.show,
  });

  const initialValues: Partial<Values> = campaign
    ? {
        name: campaign.name,
        leadOrgId: campaign.leadOrgId,
        period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)],
        categories: campaign.categories,
        areaCodes: campaign.areaCodes,
        memberDepartments: campaign.memberDepartments,
        description: campaign.description,
      }
    : { leadOrgId: session.org.id, categories: [], areaCodes: [], memberDepartments: [] };

  return (
    <FormDrawer
      title={t(campaign ? cm.editTitle : cm.createTitle)}
      open={open}
      onClose={onClose}
      size={600}
      form={form}
      formError={formError}
      saving={save.isPending}
      name="campaign"
      formKey={campaign?.id ?? 'new'}
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="name" label={t(cm.name)} rules={[required(cm.name), { max: 200 }]}>
        <Input maxLength={200} autoComplete="off" placeholder="例：全国防疫物资产品质量和市场秩序专项整治行动" />
      </Form.Item>
      <Form.Item name="leadOrgId" label={t(cm.lead)} extra={t(cm.leadHint)}>
        <Select options={bureaus.options} loading={bureaus.loading} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="period" label={t(cm.period)} rules={[{ required: true, message: t(cm.periodRequired) }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="categories" label={t(cm.categories)} rules={[{ required: true, type: 'array', min: 1, message: t(cm.categoriesRequired) }]}>
        <Select mode="multiple" options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} allowClear />
      </Form.Item>
      <Form.Item label={t(cm.areas)} extra={t(cm.areasHint)}>
        <Form.List name="areaCodes">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={field.name} style={{ flex: 1 }}>
                    <RegionCascader anyLevel within={scopeRegion(session)} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t(common.cancel)} />
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block>
                {t(cm.addArea)}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="memberDepartments" label={t(cm.members)} extra={t(cm.membersHint)}>
        <Select mode="tags" options={memberOptions} tokenSeparators={['、', '，', ',']} />
      </Form.Item>
      <Form.Item name="description" label={t(cm.description)} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
