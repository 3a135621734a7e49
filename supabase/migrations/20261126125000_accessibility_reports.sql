-- Accessibility problems and requests for another format, sent from the accessibility statement by
-- anyone, signed in or not. Only staff read them; a reporter who was signed in reads their own.
-- Nobody writes to the table directly: report_accessibility_problem() checks and rate-limits.

create type public.accessibility_report_kind as enum ('problem', 'format');

create table public.accessibility_reports (
  id bigint generated always as identity primary key,
  kind public.accessibility_report_kind not null default 'problem',
  page text not null check (char_length(page) between 1 and 300),
  details text not null check (char_length(details) between 1 and 2000),
  contact_email text check (contact_email is null or char_length(contact_email) <= 254),
  reporter_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);

comment on table public.accessibility_reports is
  'Accessibility problems and requests for another format from the accessibility statement. Read by staff.';

create index accessibility_reports_created on public.accessibility_reports (created_at desc);
create index accessibility_reports_reporter on public.accessibility_reports (reporter_id);

alter table public.accessibility_reports enable row level security;

revoke all on table public.accessibility_reports from anon, authenticated;
grant select on table public.accessibility_reports to authenticated;

create policy "Staff read reports; reporters read their own" on public.accessibility_reports
  for select to authenticated
  using ((select private.is_staff()) or reporter_id = (select auth.uid()));

-- client_key is a hash of the sender's network address, given by the server. Limits: 10 reports an
-- hour from one client, and 200 an hour in all, so the form cannot be used to flood the team.
create function public.report_accessibility_problem(
  report_kind public.accessibility_report_kind,
  report_page text,
  report_details text,
  report_contact_email text,
  client_key text
) returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  new_id bigint;
  email text := nullif(lower(btrim(coalesce(report_contact_email, ''))), '');
begin
  if coalesce(btrim(report_page), '') = '' or char_length(btrim(report_page)) > 300
     or coalesce(btrim(report_details), '') = '' or char_length(btrim(report_details)) > 2000
     or (email is not null and (char_length(email) > 254 or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'))
     or (report_kind = 'format' and email is null) then
    raise exception 'invalid_report';
  end if;
  if not public.take_rate_limit('accessibility-report:all', 200, 3600)
     or not public.take_rate_limit('accessibility-report:' || left(coalesce(client_key, ''), 128), 10, 3600) then
    raise exception 'too_many_reports';
  end if;
  insert into public.accessibility_reports (kind, page, details, contact_email, reporter_id)
  values (report_kind, btrim(report_page), btrim(report_details), email, (select auth.uid()))
  returning id into new_id;
  return new_id;
end
$$;

revoke all on function public.report_accessibility_problem(public.accessibility_report_kind, text, text, text, text)
  from public, anon, authenticated;
grant execute on function public.report_accessibility_problem(public.accessibility_report_kind, text, text, text, text)
  to anon, authenticated;
