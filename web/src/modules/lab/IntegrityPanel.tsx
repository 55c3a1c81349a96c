import { Alert, Card, List, Skeleton, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { INTEGRITY_CHECK_LABELS } from '@shijian/contracts';
import { labApi } from '../../api/endpoints';
import type { IntegrityReport } from '../../api/types';
import { useT } from '../../app/i18n';
import { QueryError } from '../../shared/ui';
import { lm } from './messages';

type Check = IntegrityReport['checks'][number];

/**
 * The six checks behind a report (Order 39 arts. 13–14: untrue and fake reports),
 * each green or red with what the server found.
 */
export function IntegrityPanel({ reportId }: { reportId: string }) {
  const t = useT();
  const integrity = useQuery({ queryKey: ['lab', 'report', reportId, 'integrity'], queryFn: () => labApi.integrity(reportId) });
  return (
    <Card title={t(lm.integrityTitle)} className="detail-card">
      <Typography.Paragraph type="secondary">{t(lm.integrityHint)}</Typography.Paragraph>
      {integrity.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : integrity.isError ? (
        <QueryError error={integrity.error} onRetry={() => void integrity.refetch()} />
      ) : (
        <>
          <Alert
            type={integrity.data.ok ? 'success' : 'error'}
            showIcon
            className="form-alert"
            title={integrity.data.ok ? t(lm.integrityOk) : t(lm.integrityProblems, { n: integrity.data.checks.filter((c) => !c.ok).length })}
          />
          <List<Check>
            size="small"
            dataSource={integrity.data.checks}
            renderItem={(check) => (
              <List.Item className={check.ok ? 'check-ok' : 'check-failed'} data-check={check.check} data-ok={check.ok}>
                <List.Item.Meta
                  avatar={check.ok ? <CheckCircleFilled className="check-icon-ok" aria-label={t(lm.passed)} /> : <CloseCircleFilled className="check-icon-failed" aria-label={t(lm.failedCheck)} />}
                  title={INTEGRITY_CHECK_LABELS[check.check] ? t(INTEGRITY_CHECK_LABELS[check.check]) : check.label}
                  description={
                    check.findings.length ? (
                      <ul className="findings">
                        {check.findings.map((f, i) => (
                          <li key={i}>{f}</li>
                        ))}
                      </ul>
                    ) : (
                      t(lm.noFindings)
                    )
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
