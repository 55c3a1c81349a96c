import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { errorMessage } from '../../shared/errors';
import { CAMPAIGNS_KEY, campaignsApi, type ProblemView } from './api';
import { CompletionModal } from './CompletionModal';
import { cm } from './messages';
import { ProblemForm } from './ProblemForm';
import { Deadline, ProblemStatusTag } from './tags';

type Sortable = (key: 'deadline' | 'status' | 'createdAt') => object;

/** Columns and actions (start, resolve, edit) of a ledger list, shared by the ledger page and a campaign's detail. */
export function useProblemColumns({ sortable, showCampaign = true }: { sortable?: Sortable; showCampaign?: boolean } = {}) {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [resolving, setResolving] = useState<ProblemView | null>(null);
  const [editing, setEditing] = useState<{ open: boolean; problem?: ProblemView }>({ open: false });
  const writable = can(session, 'problem.write');
  const sort = (key: Parameters<Sortable>[0]) => (sortable ? sortable(key) : {});

  const start = async (row: ProblemView) => {
    try {
      await campaignsApi.setProblemStatus(row.id, { status: 'in_progress' });
      void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      void message.success(t(cm.problemMoved));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<ProblemView> = [
    {
      title: t(cm.problem),
      dataIndex: 'problem',
      width: 300,
      render: (text: string, row) => (
        <div>
          <div>{text}</div>
          {row.enterpriseName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.enterpriseName}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    ...(showCampaign ? [{ title: t(cm.campaign), dataIndex: 'campaignName', ellipsis: true, width: 200 }] : []),
    { title: t(cm.responsibleUnit), dataIndex: 'responsibleUnit', width: 170 },
    { title: t(cm.bureau), dataIndex: 'orgName', width: 170, responsive: ['xl'] },
    { title: t(cm.problemDeadline), dataIndex: 'deadline', width: 120, ...sort('deadline'), render: (d: string, row) => <Deadline date={d} overdue={row.overdue} /> },
    {
      title: t(cm.problemStatus),
      dataIndex: 'status',
      width: 100,
      ...sort('status'),
      render: (s: ProblemView['status'], row) => (
        <div>
          <ProblemStatusTag status={s} />
          {row.resolvedOn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {row.resolvedOn}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
  ];
  if (writable) {
    columns.push({
      title: '',
      key: 'actions',
      width: 170,
      render: (_, row) =>
        row.status === 'resolved' ? null : (
          <Flex gap={4} wrap>
            {row.status === 'open' ? (
              <Popconfirm title={t(cm.startWorkConfirm)} onConfirm={() => start(row)}>
                <Button size="small" type="link">
                  {t(cm.startWork)}
                </Button>
              </Popconfirm>
            ) : null}
            <Button size="small" type="link" onClick={() => setResolving(row)}>
              {t(cm.resolve)}
            </Button>
            <Button size="small" type="link" onClick={() => setEditing({ open: true, problem: row })}>
              {t({ zh: '编辑', en: 'Edit' })}
            </Button>
          </Flex>
        ),
    });
  }

  const modals = (
    <>
      <CompletionModal
        open={Boolean(resolving)}
        title={t(cm.resolveTitle)}
        warning={t(cm.resolveConfirm)}
        dateLabel={t(cm.resolvedOn)}
        dateRequired={t(cm.resolvedOnRequired)}
        textLabel={t(cm.measures)}
        textRequired={t(cm.measuresRequired)}
        okText={t(cm.resolve)}
        initialText={resolving?.measures}
        dateField="resolvedOn"
        textField="measures"
        onSubmit={async ({ date, text }) => {
          await campaignsApi.setProblemStatus(resolving!.id, { status: 'resolved', resolvedOn: date, measures: text });
          void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
          void message.success(t(cm.problemMoved));
        }}
        onClose={() => setResolving(null)}
      />
      <ProblemForm open={editing.open} problem={editing.problem} onClose={() => setEditing((prev) => ({ ...prev, open: false }))} />
    </>
  );
  return { columns, modals };
}
