import { App, Button, Card, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useT } from './i18n';
import { LangSwitch } from './LangSwitch';
import { SESSION_KEY, useSession } from './session';
import { UiProvider } from './UiProvider';
import { useLogout } from './useLogout';

const m = {
  title: { zh: '请先修改密码', en: 'Please change your password' },
  why: {
    zh: '您的密码由管理员设置或重置。为保证账户安全，请设置只有您自己知道的新密码后再继续使用。',
    en: 'Your password was set or reset by an administrator. Choose a new password only you know before you continue.',
  },
  done: { zh: '密码已修改', en: 'Password changed' },
  logout: { zh: '退出登录', en: 'Log out' },
  submit: { zh: '修改密码并继续', en: 'Change password and continue' },
};

/** The only page open to a user whose password an admin has set; every other API call answers 403 until it is changed. */
function ForcedPasswordForm() {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const logout = useLogout();
  return (
    <main className="login-page">
      <LangSwitch className="login-lang" />
      <div className="login-box">
        <Card title={t(m.title)}>
          <Typography.Paragraph>
            {session.user.displayName}（{session.user.username}），{t(m.why)}
          </Typography.Paragraph>
          <ChangePasswordForm
            username={session.user.username}
            submitLabel={t(m.submit)}
            onDone={() => {
              void message.success(t(m.done));
              void client.invalidateQueries({ queryKey: SESSION_KEY });
            }}
          />
          <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }}>
            {t(m.logout)}
          </Button>
        </Card>
      </div>
    </main>
  );
}

export function ForcedPasswordPage() {
  return (
    <UiProvider>
      <ForcedPasswordForm />
    </UiProvider>
  );
}
