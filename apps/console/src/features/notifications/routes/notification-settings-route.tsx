import type { NotificationKind, NotificationSettings } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../components/query-error.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import {
  Banner,
  Button,
  CheckboxField,
  focusRing,
  PageHeader,
  Panel,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
} from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { can } from '../../../lib/permissions.ts';
import { meQueryOptions } from '../api/me.ts';
import {
  notificationSettingsKey,
  notificationSettingsQueryOptions,
  saveNotificationSettingsMutationOptions,
} from '../api/settings.ts';
import { kindHintKey, kindKey, NOTIFICATION_KINDS } from '../kinds.ts';

type Channel = 'email' | 'sms';

function sameSettings(a: NotificationSettings, b: NotificationSettings): boolean {
  if (a.dailyReport !== b.dailyReport) return false;
  return NOTIFICATION_KINDS.every(
    (k) => a.kinds[k]?.email === b.kinds[k]?.email && a.kinds[k]?.sms === b.kinds[k]?.sms,
  );
}

/**
 * R7 channels per kind (in-console always on) and the R3.6 daily usage report subscription.
 * Only owners (or an agent with write permission) can change them; everyone else sees them read-only.
 */
export function NotificationSettingsRoute() {
  const t = useT();
  const me = useQuery(meQueryOptions()).data;
  const settings = useQuery(notificationSettingsQueryOptions());
  const back = (
    <Link to="/notifications" className={`rounded text-sm text-brand-700 hover:underline ${focusRing}`}>
      ← {t('notif.backToList')}
    </Link>
  );

  return (
    <>
      <PageHeader title={t('notif.settings.title')} description={t('notif.settings.subtitle')} back={back} />
      <QueryView query={settings} padded={false} skeleton="h-96">
        {(data) => <SettingsForm settings={data} canEdit={can(me, 'settings')} />}
      </QueryView>
    </>
  );
}

/** The settings as the server has them, edited as a draft until saved or discarded. */
function SettingsForm({ settings, canEdit }: { settings: NotificationSettings; canEdit: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<NotificationSettings>(settings);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    ...saveNotificationSettingsMutationOptions(),
    onSuccess: (s) => {
      queryClient.setQueryData(notificationSettingsKey, s);
      setDraft(s);
      setSaved(true);
    },
  });

  useEffect(() => {
    setDraft(settings);
  }, [settings]);

  const dirty = !sameSettings(draft, settings);

  function setChannel(kind: NotificationKind, channel: Channel, value: boolean) {
    setSaved(false);
    setDraft((d) => {
      const current = d.kinds[kind] ?? { email: false, sms: false };
      return { ...d, kinds: { ...d.kinds, [kind]: { ...current, [channel]: value } } };
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (canEdit) save.mutate(draft);
  }

  return (
    <form onSubmit={submit} aria-label={t('notif.settings.title')} className="flex flex-col gap-4">
      {!canEdit ? <Banner tone="info">{t('notif.settings.readOnly')}</Banner> : null}
      <Panel
        title={t('notif.settings.channels')}
        description={t('notif.settings.channelsHint')}
        headingId="notif-channels"
        bodyClassName="p-0"
      >
        <Table caption={t('notif.settings.channelsCaption')}>
          <THead>
            <tr>
              <Th>{t('notif.settings.kind')}</Th>
              <Th className="text-center">{t('notif.channel.console')}</Th>
              <Th className="text-center">{t('notif.channel.email')}</Th>
              <Th className="text-center">{t('notif.channel.sms')}</Th>
            </tr>
          </THead>
          <TBody>
            {NOTIFICATION_KINDS.map((k) => {
              const name = t(kindKey(k));
              const choice = draft.kinds[k] ?? { email: false, sms: false };
              return (
                <Tr key={k}>
                  <Th scope="row" className="border-b-0 font-normal">
                    <span className="block font-medium text-slate-900">{name}</span>
                    <span className="block text-xs text-slate-600">{t(kindHintKey(k))}</span>
                  </Th>
                  <Td className="text-center">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-600"
                      checked
                      disabled
                      aria-label={t('notif.settings.channelFor', {
                        channel: t('notif.channel.console'),
                        kind: name,
                      })}
                      aria-describedby="notif-console-always"
                    />
                  </Td>
                  {(['email', 'sms'] as const).map((ch) => (
                    <Td key={ch} className="text-center">
                      <input
                        type="checkbox"
                        name={`${k}.${ch}`}
                        className="size-4 accent-brand-600"
                        checked={choice[ch]}
                        disabled={!canEdit || save.isPending}
                        aria-label={t('notif.settings.channelFor', {
                          channel: t(`notif.channel.${ch}`),
                          kind: name,
                        })}
                        onChange={(e) => setChannel(k, ch, e.target.checked)}
                      />
                    </Td>
                  ))}
                </Tr>
              );
            })}
          </TBody>
        </Table>
        <p id="notif-console-always" className="border-t border-slate-200 px-5 py-3 text-xs text-slate-600">
          {t('notif.settings.consoleAlways')}
        </p>
      </Panel>
      <Panel title={t('notif.settings.dailyReport')} headingId="notif-daily">
        <CheckboxField
          label={t('notif.settings.dailyReportLabel')}
          hint={t('notif.settings.dailyReportHint')}
          checked={draft.dailyReport}
          disabled={!canEdit || save.isPending}
          onChange={(e) => {
            setSaved(false);
            setDraft({ ...draft, dailyReport: e.target.checked });
          }}
        />
      </Panel>
      {save.isError ? <Banner tone="error">{errorMessage(save.error, t)}</Banner> : null}
      {saved && !dirty ? <Banner tone="success">{t('notif.settings.saved')}</Banner> : null}
      {canEdit ? (
        <div className="flex gap-2">
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!dirty}>
            {t('notif.settings.save')}
          </Button>
          <Button disabled={!dirty || save.isPending} onClick={() => setDraft(settings)}>
            {t('notif.settings.discard')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
