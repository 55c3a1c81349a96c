import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../api/endpoints';
import type { LoginBody } from '../api/types';
import { showFormError } from '../shared/errors';
import { common } from './common';
import { useT } from './i18n';
import { LangSwitch } from './LangSwitch';
import { PageSpinner } from './lazy';
import { storeSession, useSessionQuery } from './session';
import { UiProvider } from './UiProvider';

const m = {
  title: { zh: '登录', en: 'Sign in' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  usernameRequired: { zh: '请输入用户名', en: 'Please enter your username' },
  passwordRequired: { zh: '请输入密码', en: 'Please enter your password' },
  submit: { zh: '登录', en: 'Sign in' },
  verify: { zh: '检验检测报告真伪查验', en: 'Verify a test report' },
  footer: {
    zh: '多次输入错误密码会临时锁定账户。忘记密码请联系本单位管理员重置。',
    en: 'Repeated wrong passwords lock the account for a while. If you forgot your password, ask your administrator to reset it.',
  },
};

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

function LoginForm() {
  const t = useT();
  const [form] = Form.useForm<LoginBody>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useSessionQuery();
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (view) => {
      storeSession(client, view);
      navigate(view.user.mustChangePassword ? '/change-password' : next, { replace: true });
    },
    onError: (e) => showFormError(form, e, setError),
  });

  if (session.isPending) return <PageSpinner />;
  if (session.data) return <Navigate to={next} replace />;

  return (
    <main className="login-page">
      <LangSwitch className="login-lang" />
      <div className="login-box">
        <div className="login-brand">
          <div className="login-logo" aria-hidden>
            监
          </div>
          <div>
            <h1 className="login-title">{t(common.appName)}</h1>
            <div className="login-subtitle">{t(common.appSubtitle)}</div>
          </div>
        </div>
        {/* A plain panel rather than Card: Card brings Tabs and Menu along, which this page never uses. */}
        <section className="login-panel" aria-labelledby="login-heading">
          <h2 id="login-heading" className="login-panel-title">
            {t(m.title)}
          </h2>
          {error ? <Alert type="error" showIcon title={error} className="form-alert" role="alert" /> : null}
          <Form
            name="login"
            form={form}
            layout="vertical"
            requiredMark={false}
            onValuesChange={() => setError(null)}
            onFinish={(values) => login.mutate(values)}
          >
            <Form.Item name="username" label={t(m.username)} rules={[{ required: true, whitespace: true, message: t(m.usernameRequired) }]}>
              <Input autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item name="password" label={t(m.password)} rules={[{ required: true, message: t(m.passwordRequired) }]}>
              <Input.Password autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t(m.submit)}
            </Button>
          </Form>
        </section>
        <p className="login-footer">{t(m.footer)}</p>
        {/* Public: anyone holding a report can check it without an account. */}
        <p className="login-footer">
          <Link to="/public/verify">{t(m.verify)}</Link>
        </p>
      </div>
    </main>
  );
}

export function LoginPage() {
  return (
    <UiProvider bare>
      <LoginForm />
    </UiProvider>
  );
}
