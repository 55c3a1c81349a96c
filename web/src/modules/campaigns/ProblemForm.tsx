import { App, DatePicker, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
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
  const formError = useFormError(form);
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
    onError: formError.show,
  });

  const required = requiredRule(t, cm.required);
  const initialValues: Partial<Values> = problem
    ? { campaignId: problem.campaignId, problem: problem.problem, responsibleUnit: problem.responsibleUnit, deadline: problem.deadline, measures: problem.measures }
    : { campaignId };

  return (
    <FormDrawer
      title={t(problem ? cm.editProblemTitle : cm.addProblemTitle)}
      open={open}
      onClose={onClose}
      size={560}
      form={form}
      formError={formError}
      saving={save.isPending}
      name="problem"
      formKey={problem?.id ?? 'new'}
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
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
    </FormDrawer>
  );
}
