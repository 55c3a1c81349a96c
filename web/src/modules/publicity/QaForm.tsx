import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { QA_TOPIC_LABELS, QA_TOPICS, type QaTopic } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { keys, publicityApi, type EpidemicQaView } from './api';
import { pm } from './messages';

type Values = { question: string; answer: string; topic?: QaTopic; sortOrder?: number | null };

/** 新增 / 修改问答: a question the public asks and the bureau's answer; saved as a draft until published. */
export function QaForm({ item, open, onClose }: { item: EpidemicQaView | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, pm.required);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { question: v.question.trim(), answer: v.answer.trim(), topic: v.topic as QaTopic, sortOrder: v.sortOrder ?? 100 };
      return item ? publicityApi.updateQa(item.id, body) : publicityApi.createQa(body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.qa });
      void message.success(t(pm.qaSaved));
      onClose();
    },
    onError: formError.show,
  });

  return (
    <FormDrawer<Values>
      title={item ? t(pm.editQa) : t(pm.newQa)}
      open={open}
      onClose={onClose}
      size={680}
      form={form}
      formError={formError}
      saving={save.isPending}
      name="epidemicQa"
      formKey={item?.id ?? 'new'}
      initialValues={item ? { question: item.question, answer: item.answer, topic: item.topic, sortOrder: item.sortOrder } : { sortOrder: 100 }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="question" label={t(pm.question)} rules={[required(pm.question), { max: 300 }]}>
        <Input.TextArea rows={2} maxLength={300} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="topic" label={t(pm.topic)} rules={[{ required: true, message: t(pm.chooseRequired, { field: t(pm.topic) }) }]}>
            <Select options={QA_TOPICS.map((topic) => ({ value: topic, label: t(QA_TOPIC_LABELS[topic]) }))} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="sortOrder" label={t(pm.sortOrder)} extra={t(pm.sortOrderHint)} rules={[{ required: true, type: 'integer', min: 0, max: 9999, message: t(pm.sortOrderInvalid) }]}>
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="answer" label={t(pm.answer)} extra={t(pm.answerHint)} rules={[required(pm.answer), { max: 5000 }]}>
        <Input.TextArea rows={12} maxLength={5000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
