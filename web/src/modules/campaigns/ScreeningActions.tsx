import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n';
import type { CampaignView } from './api';
import { ImportModal } from './ImportModal';
import { cm } from './messages';
import { ScreeningForm } from './ScreeningForm';

/** 导入排查名单 and 登记排查 for a page header, with the dialog and the drawer they open; `campaign` fixes the campaign. */
export function ScreeningActions({ campaign }: { campaign?: CampaignView }) {
  const t = useT();
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
        {t(cm.import)}
      </Button>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
        {t(cm.record)}
      </Button>
      <ScreeningForm open={recording} campaign={campaign} onClose={() => setRecording(false)} />
      <ImportModal key={campaign?.id} open={importing} campaignId={campaign?.id} onClose={() => setImporting(false)} />
    </>
  );
}
