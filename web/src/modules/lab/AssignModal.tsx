import { useState } from 'react';
import { Alert, App, Form, Modal, Select, Table, type TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { labApi } from '../../api/endpoints';
import type { SampleDetailView, SampleTestView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../shared/errors';
import { limitLabel } from './limits';
import { lm } from './messages';
import { useTesters } from './useTesters';

/** Chooses a tester for each test of the sample; the server then moves it to testing. */
export function AssignModal({ sample, open, onClose }: { sample: SampleDetailView; open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const testers = useTesters(open);
  const [choice, setChoice] = useState<Record<string, string | undefined>>({});
  // "Assign all" is kept as one choice, not copied onto the tests shown when it was made: tests that
  // arrive with a later refetch of the sample are assigned too (a copy left them empty, and OK disabled).
  const [all, setAll] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const chosen = (test: SampleTestView) => (test.id in choice ? choice[test.id] : (all ?? test.testerId ?? undefined));
  const options = testers.options.map((o) => ({ value: o.id, label: o.name }));

  const assign = useMutation({
    mutationFn: () =>
      labApi.assign(sample.id, {
        assignments: sample.tests.flatMap((test) => {
          const testerId = chosen(test);
          return testerId ? [{ sampleTestId: test.id, testerId }] : [];
        }),
      }),
    onSuccess: (detail) => {
      client.setQueryData(['lab', 'sample', sample.id], detail);
      void client.invalidateQueries({ queryKey: ['lab', 'samples'] });
      void message.success(t(lm.assigned));
      onClose();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const missing = sample.tests.filter((test) => !chosen(test)).length;

  const columns: TableColumnsType<SampleTestView> = [
    { title: t(lm.parameter), dataIndex: 'parameter' },
    { title: t(lm.standard), dataIndex: 'standard', render: (s: string) => <span className="mono">{s}</span> },
    { title: t(lm.requirement), key: 'limit', render: (_, test) => limitLabel(test) },
    {
      title: t(lm.tester),
      key: 'tester',
      width: 220,
      render: (_, test) => (
        <Select
          aria-label={t(lm.testerFor, { parameter: test.parameter })}
          style={{ width: '100%' }}
          value={chosen(test)}
          options={options}
          loading={testers.loading}
          placeholder={t(lm.chooseTester)}
          onChange={(v: string) => setChoice((c) => ({ ...c, [test.id]: v }))}
        />
      ),
    },
  ];

  return (
    <Modal
      title={t(lm.assignTitle, { no: sample.sampleNo })}
      open={open}
      onCancel={onClose}
      onOk={() => assign.mutate()}
      okText={t(lm.assignSubmit)}
      cancelText={t(common.cancel)}
      okButtonProps={{ disabled: missing > 0 }}
      confirmLoading={assign.isPending}
      width={760}
      destroyOnHidden
    >
      {!testers.loading && !testers.options.length ? <Alert type="warning" showIcon className="form-alert" title={t(lm.noTesters)} /> : null}
      {error ? <Alert type="error" showIcon className="form-alert" role="alert" title={error} /> : null}
      <Form layout="inline" className="filter-bar">
        <Form.Item label={t(lm.assignAll)}>
          <Select
            aria-label={t(lm.assignAll)}
            style={{ width: 240 }}
            options={options}
            loading={testers.loading}
            placeholder={t(lm.chooseTester)}
            onChange={(v: string) => {
              setAll(v);
              setChoice({});
            }}
          />
        </Form.Item>
      </Form>
      <Table<SampleTestView> rowKey="id" size="small" columns={columns} dataSource={sample.tests} pagination={false} />
    </Modal>
  );
}
