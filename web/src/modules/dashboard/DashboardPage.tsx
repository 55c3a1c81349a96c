import { useMemo, type ReactNode } from 'react';
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { AuditOutlined, ClockCircleOutlined, ExperimentOutlined, FieldTimeOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { enterprisesApi, institutionsApi, usersApi } from '../../api/endpoints';
import { useLang, useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategories } from '../../shared/categories';
import { PageHeader, QueryError } from '../../shared/ui';
import { casesApi, creditApi } from '../enforcement/api';
import { paths as samplingPaths, samplingApi } from '../sampling/api';
import { CategoryBarChart } from './CategoryBarChart';

const m = {
  title: { zh: '工作台', en: 'Overview' },
  hello: { zh: '{name}，您好', en: 'Hello, {name}' },
  scope: { zh: '{org} · 管辖范围：{scope}', en: '{org} · scope: {scope}' },
  enterprises: { zh: '企业', en: 'Enterprises' },
  institutions: { zh: '技术机构', en: 'Institutions' },
  users: { zh: '用户', en: 'Users' },
  byCategory: { zh: '各产品类别企业数', en: 'Enterprises by product category' },
  byCategoryNote: {
    zh: '按管辖范围统计；一家企业生产多类产品时在每一类中各计一次。',
    en: 'Counted within your scope; an enterprise making several kinds of product counts once per kind.',
  },
  noEnterprises: { zh: '管辖范围内还没有登记企业', en: 'No enterprises registered in your scope yet' },
  series: { zh: '企业数', en: 'Enterprises' },
  overdueCases: { zh: '超期未办结的案件', en: 'Cases past a statutory limit' },
  overdueBatches: { zh: '超期的抽查批次', en: 'Sampled batches overdue' },
  pendingRemovals: { zh: '待审核的提前移出申请', en: 'Early-removal applications to review' },
};

/** The work waiting for this user's roles, each card opening its queue. */
function QueueCards() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const cases = can(session, 'case.read');
  const sampling = can(session, 'sampling.read') && session.org.kind === 'regulator';
  const review = can(session, 'credit.review');
  const deadlines = useQuery({ queryKey: ['dashboard', 'case-deadlines'], queryFn: () => casesApi.deadlines({ withinDays: 5, limit: 1 }), enabled: cases });
  const batches = useQuery({ queryKey: ['dashboard', 'overdue-batches'], queryFn: () => samplingApi.records({ overdue: 'true', pageSize: 1 }), enabled: sampling });
  const removals = useQuery({ queryKey: ['dashboard', 'pending-removals'], queryFn: () => creditApi.list({ removal: 'pending', pageSize: 1 }), enabled: review });
  const cards: ReactNode[] = [];
  if (cases) {
    const overdue = deadlines.data?.counts.reduce((n, c) => n + c.overdue, 0);
    cards.push(<CountCard key="cases" title={t(m.overdueCases)} icon={<ClockCircleOutlined />} value={overdue} loading={deadlines.isPending} onOpen={() => navigate('/enforcement/deadlines')} />);
  }
  if (sampling) {
    cards.push(<CountCard key="batches" title={t(m.overdueBatches)} icon={<FieldTimeOutlined />} value={batches.data?.total} loading={batches.isPending} onOpen={() => navigate(`${samplingPaths.batches}?overdue=true`)} />);
  }
  if (review) {
    cards.push(<CountCard key="removals" title={t(m.pendingRemovals)} icon={<AuditOutlined />} value={removals.data?.total} loading={removals.isPending} onOpen={() => navigate('/enforcement/credit?removal=pending')} />);
  }
  return (
    <>
      {cards.map((card, i) => (
        <Col key={i} xs={24} sm={12} lg={8}>
          {card}
        </Col>
      ))}
    </>
  );
}

function CountCard({ title, icon, value, loading, onOpen }: { title: string; icon: ReactNode; value?: number; loading: boolean; onOpen: () => void }) {
  return (
    <Card hoverable onClick={onOpen} className="stat-card">
      <Statistic title={title} value={value ?? 0} prefix={icon} loading={loading} />
    </Card>
  );
}

/** Enterprises per active category in the caller's scope, in one request (the categories' own counts are national). */
function CategoryChartCard() {
  const t = useT();
  const { lang } = useLang();
  const categories = useCategories();
  const counts = useQuery({ queryKey: ['dashboard', 'enterprises-by-category'], queryFn: enterprisesApi.byCategory });
  const active = useMemo(() => (categories.data ?? []).filter((c) => c.active).sort((a, b) => a.sortOrder - b.sortOrder), [categories.data]);
  const byCode = useMemo(() => new Map((counts.data ?? []).map((c) => [c.category, c.count])), [counts.data]);
  const loading = categories.isPending || counts.isPending;
  const failed = categories.error ?? counts.error;
  const bars = active.map((c) => ({ name: lang === 'zh' ? c.name : c.nameEn, value: byCode.get(c.code) ?? 0 }));

  return (
    <Card title={t(m.byCategory)} extra={<Typography.Text type="secondary">{t(m.byCategoryNote)}</Typography.Text>}>
      {failed ? (
        <QueryError error={failed} />
      ) : loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : bars.every((b) => b.value === 0) ? (
        <Empty description={t(m.noEnterprises)} />
      ) : (
        <CategoryBarChart bars={bars} seriesName={t(m.series)} />
      )}
    </Card>
  );
}

export function DashboardPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const showEnterprises = can(session, 'enterprise.read');
  const showInstitutions = can(session, 'institution.read');
  const showUsers = can(session, 'user.read');

  const enterprises = useQuery({ queryKey: ['dashboard', 'enterprise-total'], queryFn: () => enterprisesApi.list({ pageSize: 1 }), enabled: showEnterprises });
  const institutions = useQuery({ queryKey: ['dashboard', 'institution-total'], queryFn: () => institutionsApi.list({ pageSize: 1 }), enabled: showInstitutions });
  const users = useQuery({ queryKey: ['dashboard', 'user-total'], queryFn: () => usersApi.list({ pageSize: 1 }), enabled: showUsers });

  return (
    <>
      <PageHeader
        title={t(m.hello, { name: session.user.displayName })}
        subtitle={t(m.scope, { org: session.org.name, scope: session.scope.label })}
      />
      <Row gutter={[16, 16]}>
        {showEnterprises ? (
          <Col xs={24} sm={12} lg={8}>
            <CountCard title={t(m.enterprises)} icon={<ShopOutlined />} value={enterprises.data?.total} loading={enterprises.isPending} onOpen={() => navigate('/enterprises')} />
          </Col>
        ) : null}
        {showInstitutions ? (
          <Col xs={24} sm={12} lg={8}>
            <CountCard title={t(m.institutions)} icon={<ExperimentOutlined />} value={institutions.data?.total} loading={institutions.isPending} onOpen={() => navigate('/institutions')} />
          </Col>
        ) : null}
        {showUsers ? (
          <Col xs={24} sm={12} lg={8}>
            <CountCard title={t(m.users)} icon={<TeamOutlined />} value={users.data?.total} loading={users.isPending} onOpen={() => navigate('/users')} />
          </Col>
        ) : null}
        <QueueCards />
        {showEnterprises && session.org.kind !== 'enterprise' ? (
          <Col span={24}>
            <CategoryChartCard />
          </Col>
        ) : null}
      </Row>
    </>
  );
}
