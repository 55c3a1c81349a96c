import { useEffect } from 'react';
import { Alert, App, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CERTIFICATE_KIND_LABELS } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { isoDateField } from '../../shared/dateField';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { compulsoryLabel, ledgerApi, ledgerKeys } from '../instruments/ledgerApi';
import { keys, servicesApi, type ServiceRequestLineView, type ServiceRequestView } from './api';
import { wm } from './messages';
import { useNow } from './parts';
import { beijingDate, validUntilAfter } from './time';

type Source = 'ledger' | 'snapshot';

type Values = {
  source: Source;
  instrumentId?: string;
  name?: string;
  model?: string;
  serialNumber?: string;
  manufacturer?: string;
  measuringRange?: string;
  accuracyClass?: string;
  /** Only to compute 有效期至 from the catalogue's period for an instrument not in a ledger; not sent. */
  compulsoryItemId?: string;
  performedOn: string;
  passed: boolean;
  regulation: string;
  referenceStandard: string;
  conclusion: string;
  validUntil?: string | null;
  checkerId?: string;
  approverId?: string;
  dispatchId?: string;
};

type Person = { id: string; name: string };

/** The people of the caller's institution who may check and approve (everyone but the verifier). */
export function useSigners(enabled: boolean): { people: Person[]; loading: boolean; limited: boolean } {
  const session = useSession();
  const staff = useQuery({ queryKey: keys.staff(session.org.id), queryFn: servicesApi.staff, enabled, staleTime: 5 * 60_000 });
  const people: Person[] = (staff.data ?? []).filter((u) => u.id !== session.user.id).map((u) => ({ id: u.id, name: u.displayName }));
  return { people, loading: staff.isPending, limited: false };
}

/** The requester's ledger, as the institution holding its request may read it. */
export function useRequesterLedger(request: ServiceRequestView, enabled: boolean) {
  return useQuery({
    queryKey: ['services', 'requester-instruments', request.id],
    queryFn: () => servicesApi.requesterInstruments(request.id),
    enabled: enabled && Boolean(request.requesterOrgId),
    staleTime: 60_000,
  });
}

/**
 * 检定 for a verification line of an accepted request: which instrument (from the requester's
 * ledger, or as presented), when, the result on which regulation and standard, and the two other
 * people who check and approve. A pass issues 检定证书 (valid until the catalogue's period ends
 * unless given), a fail 检定结果通知书; the requester reads and downloads either.
 */
export function VerifyDrawer({ request, line, open, onClose }: { request: ServiceRequestView; line: ServiceRequestLineView; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const today = beijingDate(useNow(60_000));

  const ledger = useRequesterLedger(request, open);
  const ledgerItems = (ledger.data ?? []).filter((i) => i.status === 'in_use');
  const ledgerReady = !request.requesterOrgId || !ledger.isPending;
  const signers = useSigners(open);
  const catalogue = useQuery({ queryKey: ledgerKeys.compulsory, queryFn: ledgerApi.compulsoryCatalogue, staleTime: Infinity, enabled: open });
  const item = useQuery({ queryKey: keys.publicItem(line.itemId), queryFn: () => servicesApi.publicItem(line.itemId), enabled: open, staleTime: 5 * 60_000, retry: false });
  const dispatches = useQuery({
    queryKey: [...keys.dispatches, 'for-request', request.id],
    queryFn: () => servicesApi.dispatches({ pageSize: 100 }),
    enabled: open,
    select: (page) => page.items.filter((d) => d.requestId === request.id),
  });

  const source = (Form.useWatch('source', form) ?? 'snapshot') as Source;
  const passed = (Form.useWatch('passed', form) ?? true) as boolean;
  const checkerId = Form.useWatch('checkerId', form) as string | undefined;
  const approverId = Form.useWatch('approverId', form) as string | undefined;

  // Defaults that depend on what has loaded, applied once it has (unless the user got there first).
  const suggestedRegulation = item.data?.standards.length ? `${item.data.standards.join('、')} ${line.itemName.replace(/检定$/, '')}` : '';
  const hasLedger = ledgerItems.length > 0;
  useEffect(() => {
    if (!open) return;
    if (suggestedRegulation && !form.getFieldValue('regulation')) form.setFieldValue('regulation', suggestedRegulation);
  }, [open, suggestedRegulation, form]);
  useEffect(() => {
    if (open && hasLedger && !form.isFieldTouched('source')) form.setFieldValue('source', 'ledger');
  }, [open, hasLedger, form]);

  const verify = useMutation({
    mutationFn: (v: Values) =>
      servicesApi.verify(request.id, {
        lineId: line.id,
        dispatchId: v.dispatchId || undefined,
        ...(v.source === 'ledger'
          ? { instrumentId: v.instrumentId }
          : {
              instrument: {
                name: v.name?.trim() ?? '',
                model: v.model?.trim() ?? '',
                serialNumber: v.serialNumber?.trim() ?? '',
                manufacturer: v.manufacturer?.trim() ?? '',
                measuringRange: v.measuringRange?.trim() ?? '',
                accuracyClass: v.accuracyClass?.trim() ?? '',
              },
            }),
        performedOn: v.performedOn,
        passed: v.passed,
        regulation: v.regulation.trim(),
        referenceStandard: v.referenceStandard.trim(),
        conclusion: v.conclusion.trim(),
        validUntil: v.passed && v.validUntil ? v.validUntil : undefined,
        checkerId: v.checkerId ?? '',
        approverId: v.approverId ?? '',
      }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: keys.requestCertificates(request.id) });
      void client.invalidateQueries({ queryKey: keys.certificates });
      void message.success(t(wm.certificateIssued, { kind: CERTIFICATE_KIND_LABELS[c.kind], no: c.certificateNo }));
      onClose();
    },
    onError: formError.show,
  });

  const confirm = (v: Values) => {
    const kind = CERTIFICATE_KIND_LABELS[v.passed ? 'certificate' : 'failure_notice'];
    modal.confirm({
      title: t(wm.issueConfirm, { kind }),
      content: t(v.source === 'ledger' ? wm.issueConfirmLedger : wm.issueConfirmText),
      okText: t(wm.issue, { kind }),
      cancelText: t(common.cancel),
      onOk: () => verify.mutateAsync(v).catch(() => undefined),
    });
  };

  /** 有效期至 from the catalogue's period, for an instrument presented without a ledger entry. */
  const fillValidity = (compulsoryItemId: string | undefined, performedOn: string | undefined) => {
    const months = catalogue.data?.find((c) => c.id === compulsoryItemId)?.periodMonths;
    if (months && performedOn) form.setFieldValue('validUntil', validUntilAfter(performedOn, months));
  };

  const personOptions = (exclude?: string) => signers.people.filter((p) => p.id !== exclude).map((p) => ({ value: p.id, label: p.name }));

  return (
    <FormDrawer<Values>
      title={t(wm.verifyTitle, { item: line.itemName })}
      open={open}
      onClose={onClose}
      size={760}
      form={form}
      formError={formError}
      saving={verify.isPending}
      saveText={t(wm.verifySubmit)}
      name="verification"
      formKey={line.id}
      initialValues={{ source: hasLedger ? 'ledger' : 'snapshot', performedOn: today, passed: true, regulation: suggestedRegulation }}
      onValuesChange={(changed: Partial<Values>, all: Values) => {
        if ('compulsoryItemId' in changed || ('performedOn' in changed && all.source === 'snapshot')) fillValidity(all.compulsoryItemId, all.performedOn);
      }}
      onFinish={confirm}
    >
      <Typography.Paragraph type="secondary">{t(wm.verifyHint, { requester: request.requesterName })}</Typography.Paragraph>
      <Divider titlePlacement="start" plain>
        {t(wm.sectionInstrument)}
      </Divider>
      {ledgerReady && !ledgerItems.length ? (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          data-testid="ledger-unavailable"
          title={t(request.requesterOrgId ? wm.ledgerUnreadable : wm.ledgerNone)}
          description={t(wm.snapshotHint)}
        />
      ) : null}
      <Form.Item name="source" label={t(wm.instrumentSource)}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'ledger', label: t(wm.fromLedger), disabled: !ledgerItems.length },
            { value: 'snapshot', label: t(wm.asPresented) },
          ]}
        />
      </Form.Item>
      {source === 'ledger' ? (
        <Form.Item name="instrumentId" label={t(wm.ledgerInstrument)} rules={[{ required: true, message: t(wm.ledgerInstrumentRequired) }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={ledger.isFetching}
            options={ledgerItems.map((i) => ({ value: i.id, label: `${i.name} · ${i.model} · ${i.serialNumber}` }))}
          />
        </Form.Item>
      ) : (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t(wm.instrumentName)} rules={[required(wm.instrumentName), { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="model" label={t(wm.model)} rules={[required(wm.model), { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="serialNumber" label={t(wm.serialNumber)} rules={[required(wm.serialNumber), { max: 100 }]}>
              <Input maxLength={100} className="mono" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="manufacturer" label={t(wm.manufacturer)} rules={[required(wm.manufacturer), { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="measuringRange" label={t(wm.measuringRange)} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="accuracyClass" label={t(wm.accuracyClass)} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Divider titlePlacement="start" plain>
        {t(wm.sectionResult)}
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="performedOn" label={t(wm.performedOn)} rules={[{ required: true, message: t(wm.chooseRequired, { field: t(wm.performedOn) }) }]} {...isoDateField}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="passed" label={t(wm.conclusionShort)} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: true, label: t(wm.passCertificate) },
                { value: false, label: t(wm.failNotice) },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="regulation" label={t(wm.regulation)} rules={[required(wm.regulation), { max: 100 }]}>
            <Input maxLength={100} placeholder="JJG 1162-2019 医用电子体温计" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="referenceStandard" label={t(wm.referenceStandard)} rules={[required(wm.referenceStandard), { max: 200 }]}>
            <Input maxLength={200} placeholder={t(wm.referenceStandardPlaceholder)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="conclusion" label={t(wm.conclusion)} rules={[required(wm.conclusion), { max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder={t(passed ? wm.conclusionPassPlaceholder : wm.conclusionFailPlaceholder)} />
      </Form.Item>
      {passed ? (
        <Row gutter={16}>
          {source === 'snapshot' ? (
            <Col span={12}>
              <Form.Item name="compulsoryItemId" label={t(wm.compulsoryItem)} extra={t(wm.compulsoryItemHint)}>
                <Select
                  allowClear
                  loading={catalogue.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(catalogue.data ?? []).map((c) => ({ value: c.id, label: compulsoryLabel(t, c) }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={12}>
            <Form.Item
              name="validUntil"
              label={t(wm.validUntil)}
              extra={t(source === 'ledger' ? wm.validUntilLedgerHint : wm.validUntilSnapshotHint)}
              dependencies={['performedOn']}
              rules={[
                ...(source === 'snapshot' ? [{ required: true, message: t(wm.validUntilRequired) }] : []),
                ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
                  validator: async (_: unknown, value?: string | null) => {
                    const from = getFieldValue('performedOn') as string | undefined;
                    if (value && from && value < from) throw new Error(t(wm.validUntilBefore));
                  },
                }),
              ]}
              {...isoDateField}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(today), 'day')} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      <Divider titlePlacement="start" plain>
        {t(wm.sectionSigners)}
      </Divider>
      {signers.limited ? <Alert type="warning" showIcon className="form-alert" title={t(wm.signersLimited)} /> : null}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="checkerId"
            label={t(wm.checker)}
            dependencies={['approverId']}
            rules={[
              { required: true, message: t(wm.chooseRequired, { field: t(wm.checker) }) },
              ({ getFieldValue }) => ({
                validator: async (_: unknown, value?: string) => {
                  if (value && value === getFieldValue('approverId')) throw new Error(t(wm.signersDistinct));
                },
              }),
            ]}
          >
            <Select loading={signers.loading} options={personOptions(approverId)} showSearch={{ optionFilterProp: 'label' }} notFoundContent={t(wm.noSigners)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="approverId" label={t(wm.approver)} rules={[{ required: true, message: t(wm.chooseRequired, { field: t(wm.approver) }) }]}>
            <Select loading={signers.loading} options={personOptions(checkerId)} showSearch={{ optionFilterProp: 'label' }} notFoundContent={t(wm.noSigners)} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t(wm.signersHint)}</Typography.Paragraph>
      {dispatches.data?.length ? (
        <Form.Item name="dispatchId" label={t(wm.onsiteDispatch)} extra={t(wm.onsiteDispatchHint)}>
          <Select allowClear options={dispatches.data.map((d) => ({ value: d.id, label: `${d.placeName} · ${d.servedOn} · ${d.team}` }))} />
        </Form.Item>
      ) : null}
    </FormDrawer>
  );
}
