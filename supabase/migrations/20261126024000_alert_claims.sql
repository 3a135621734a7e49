-- New-opportunity alerts are claimed before they are emailed, then confirmed once the mail server
-- has accepted the email. Claiming first (a row in opportunity_alerts, inserted with on conflict do
-- nothing) means two servers running the job at once, or a job that stops half way, never email
-- the same alert twice. A claim whose email failed is deleted by the job, so it is sent next time.
-- A claim that stays unconfirmed means the job stopped while sending: the server logs it, so no
-- alert is lost without anybody knowing.
--
-- Rows written before this change, and any written without saying otherwise, count as emailed.

alter table public.opportunity_alerts
  add column emailed_at timestamptz default now();

comment on column public.opportunity_alerts.emailed_at is 'When the mail server accepted the email carrying this alert. Null while the job that claimed it is still sending; a null that stays means that job stopped and the alert may not have arrived.';

create index opportunity_alerts_unconfirmed on public.opportunity_alerts (sent_at) where emailed_at is null;
