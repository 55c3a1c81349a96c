import { useMemo } from 'react';
import { App, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SCREENING_RESULT_LABELS, SCREENING_RESULTS, type ScreeningResult } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useCategoryName, useCategoryOptions } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { CAMPAIGNS_KEY, campaignsApi, type CampaignView } from './api';
import { EnterpriseSelect } from './EnterpriseSelect';
import { cm } from './messages';
import { useCampaignOptions } from './tags';
import { beijingToday } from '../../shared/format';

type Values = {
  campaignId?: string | null;
  enterpriseId: string;
  category: string;
  screenedOn: string;
  officers: string[];
  result: ScreeningResult;
  problems?: string;
  rectificationDeadline?: string | null;
};

/** Record one screening: a campaign (or routine), the enterprise, category, date, officers and result. */
export function ScreeningForm({ open, campaign, onClose }: { open: boolean; campaign?: CampaignView; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const campaigns = useCampaignOptions();
  const categoryName = useCategoryName();
  const allCategories = useCategoryOptions();
  const officers = useQuery({ queryKey: [...CAMPAIGNS_KEY, 'officers'], queryFn: campaignsApi.officers, enabled: open, staleTime: 60_000 });
  const campaignId = Form.useWatch('campaignId', form);
  const result = Form.useWatch('result', form);
  const screenedOn = Form.useWatch('screenedOn', form);
  const chosen = campaign ?? campaigns.campaigns.find((c) => c.id === campaignId);
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');

  const categoryOptions = useMemo(
    () => (chosen ? chosen.categories.map((c) => ({ value: c, label: categoryName(c) })) : allCategories.options),
    [chosen, categoryName, allCategories.options],
  );

  const save = useMutation({
    mutationFn: (v: Values) =>
      campaignsApi.recordScreening({
        campaignId: v.campaignId || null,
        enterpriseId: v.enterpriseId,
        category: v.category,
        screenedOn: v.screenedOn,
        officers: v.officers,
        result: v.result,
        problems: v.problems ?? '',
        rectificationDeadline: v.result === 'nonconforming' ? (v.rectificationDeadline ?? null) : null,
      }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      void message.success(t(cm.recorded, { name: saved.enterpriseName }));
      onClose();
    },
    onError: formError.show,
  });

  const outsideCampaign = (d: Dayjs) => {
    const iso = d.format('YYYY-MM-DD');
    return iso > today || (!!chosen && (iso < chosen.startsOn || iso > chosen.endsOn));
  };

  return (
    <FormDrawer
      title={t(cm.recordTitle)}
      open={open}
      onClose={onClose}
      size={560}
      form={form}
      formError={formError}
      saving={save.isPending}
      name="screening"
      initialValues={{ campaignId: campaign?.id ?? null, result: 'conforming', officers: [], screenedOn: campaign && (today > campaign.endsOn || today < campaign.startsOn) ? undefined : today }}
      onFinish={(v) => save.mutate(v)}
      onValuesChange={(changed: Partial<Values>) => {
        // A different campaign has its own categories and period.
        if ('campaignId' in changed) form.setFieldsValue({ category: undefined, screenedOn: undefined });
      }}
    >
      <Form.Item name="campaignId" label={t(cm.campaign)}>
        <Select
          disabled={Boolean(campaign)}
          allowClear
          placeholder={t(cm.routine)}
          options={campaign ? [{ value: campaign.id, label: campaign.name }] : campaigns.options}
          loading={campaigns.loading}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item name="enterpriseId" label={t(cm.enterprise)} rules={[{ required: true, message: t(cm.enterpriseRequired) }]}>
        <EnterpriseSelect />
      </Form.Item>
      <Form.Item name="category" label={t(cm.category)} rules={[{ required: true, message: t(cm.categoryRequired) }]}>
        <Select options={categoryOptions} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item
        name="screenedOn"
        label={t(cm.screenedOn)}
        extra={chosen ? t(cm.outsidePeriod, { from: chosen.startsOn, to: chosen.endsOn }) : undefined}
        rules={[{ required: true, message: t(cm.screenedOnRequired) }]}
        {...isoDateField}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={outsideCampaign}
          // An ended campaign opens the calendar on its last month, not on today.
          defaultPickerValue={chosen && today > chosen.endsOn ? dayjs(chosen.endsOn) : undefined}
        />
      </Form.Item>
      <Form.Item name="officers" label={t(cm.officers)} extra={t(cm.officersHint)} rules={[{ required: true, type: 'array', min: 1, message: t(cm.officersRequired) }]}>
        <Select mode="tags" tokenSeparators={['、', '，', ',', ' ']} options={(officers.data ?? []).map((o) => ({ value: o, label: o }))} maxCount={10} />
      </Form.Item>
      <Form.Item name="result" label={t(cm.result)} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={SCREENING_RESULTS.map((r) => ({ value: r, label: t(SCREENING_RESULT_LABELS[r]) }))} />
      </Form.Item>
      <Form.Item
        name="problems"
        label={t(cm.problems)}
        rules={[{ required: result === 'nonconforming', whitespace: true, message: t(cm.problemsRequired) }, { max: 2000 }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      {result === 'nonconforming' ? (
        <Form.Item
          name="rectificationDeadline"
          label={t(cm.deadline)}
          rules={[{ required: true, message: t(cm.deadlineRequired) }]}
          {...isoDateField}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => Boolean(screenedOn) && d.format('YYYY-MM-DD') < screenedOn} />
        </Form.Item>
      ) : null}
    </FormDrawer>
  );
}
