import { useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { CAMPAIGNS_KEY, campaignsApi, type ProblemView } from './api';
import { useBureauOptions } from './CampaignForm';
import { EnterpriseSelect } from './EnterpriseSelect';
import { cm } from './messages';
import { useCampaignOptions } from './tags';

type Values = {
  campaignId: string;
  problem: string;
  responsibleUnit: string;
  deadline: string;
  bureauId?: string;
  enterpriseId?: string | null;
  measures?: string;
};

/** Log a problem in a campaign's ledger, or edit one not yet resolved. */
export function ProblemForm({ open, campaignId, problem, onClose }: { open: boolean; campaignId?: string; problem?: ProblemView; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const campaigns = useCampaignOptions();
  const bureaus = useBureauOptions();

  const save = useMutation({
    mutationFn: (v: Values) =>
      problem
        ? campaignsApi.updateProblem(problem.id, { problem: v.problem, responsibleUnit: v.responsibleUnit, deadline: v.deadline, measures: v.measures ?? '' })
        : campaignsApi.createProblem({
            campaignId: v.campaignId,
            problem: v.problem,
            responsibleUnit: v.responsibleUnit,
            deadline: v.deadline,
            bureauId: v.bureauId || undefined,
            enterpriseId: v.enterpriseId || null,
            measures: v.measures ?? '',
          }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      void message.success(t(problem ? cm.problemSaved : cm.problemLogged));
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });

  const required = (label: { zh: string; en: string }) => ({ required: true, whitespace: true, message: t(cm.required, { field: t(label) }) });
  const initialValues: Partial<Values> = problem
    ? { campaignId: problem.campaignId, problem: problem.problem, responsibleUnit: problem.responsibleUnit, deadline: problem.deadline, measures: problem.measures }
    : { campaignId };

  return (
    <Drawer
      title={t(problem ? cm.editProblemTitle : cm.addProblemTitle)}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t(common.cancel)}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t(common.save)}
          </Button>
        </Flex>
      }
    >
      {error ? <Alert type="error" showIcon title={error} className="form-alert" role="alert" /> : null}
      <Form
        name="problem"
        key={problem?.id ?? 'new'}
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={() => setError(null)}
        preserve={false}
      >
        <Form.Item name="campaignId" label={t(cm.campaign)} rules={[{ required: true, message: t(cm.campaignRequired) }]}>
          <Select
            disabled={Boolean(problem || campaignId)}
            options={problem ? [{ value: problem.campaignId, label: problem.campaignName }] : campaigns.options}
            loading={campaigns.loading}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="problem" label={t(cm.problem)} rules={[required(cm.problem), { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="responsibleUnit" label={t(cm.responsibleUnit)} rules={[required(cm.responsibleUnit), { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="deadline" label={t(cm.problemDeadline)} rules={[{ required: true, message: t(cm.required, { field: t(cm.problemDeadline) }) }]} {...isoDateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {problem ? null : (
          <>
            <Form.Item name="bureauId" label={t(cm.bureau)} extra={t(cm.bureauHint)}>
              <Select allowClear options={bureaus.options} loading={bureaus.loading} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="enterpriseId" label={t(cm.problemEnterprise)}>
              <EnterpriseSelect allowClear />
            </Form.Item>
          </>
        )}
        <Form.Item name="measures" label={t(cm.measures)} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
