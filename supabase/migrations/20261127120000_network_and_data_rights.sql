-- Together: the network (members directory, region and lived experience, pausing, leaving,
-- co-opted members, steering group terms and their reminders) and members' data rights
-- (downloading everything held about them, asking to be deleted, deletion carried out by an admin,
-- retention periods applied by the server's scheduled job).
--
-- Lived experience is special-category data (UK GDPR Article 9), like access needs: members read
-- and write their own; staff have no direct read and see it only through functions that write the
-- audit row in the same call.
--
-- Deletion keeps the profile's id (an anonymised row: no name, email or contact details), so the
-- involvement, adjustment and claim rows that the year's figures count stay counted once per person,
-- without anyone being identifiable. Payment records keep the payee's name in payment_payees until
-- the retention period ends; then the job removes it and the free text of those claims.

-- Settings -----------------------------------------------------------------------------------------

create table public.data_settings (
  id boolean primary key default true check (id),
  payment_records_years integer not null default 6 check (payment_records_years between 1 and 20),
  audit_log_years integer not null default 6 check (audit_log_years between 1 and 20),
  term_reminder_days integer not null default 30 check (term_reminder_days between 1 and 180),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);

comment on table public.data_settings is 'Retention periods and the steering group term reminder. One row. Staff read; admins change.';

insert into public.data_settings (id) values (true);

alter table public.data_settings enable row level security;
revoke all on table public.data_settings from anon, authenticated;
grant select on table public.data_settings to authenticated;
grant update (payment_records_years, audit_log_years, term_reminder_days, updated_at, updated_by)
  on table public.data_settings to authenticated;

create policy "Staff read data settings" on public.data_settings
  for select to authenticated using ((select private.is_staff()));

create policy "Admins change data settings" on public.data_settings
  for update to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()) and updated_by = (select auth.uid()));

create trigger data_settings_touch before update on public.data_settings
  for each row execute function private.touch_updated_at();

-- Profiles: region, co-opted, deleted --------------------------------------------------------------

alter table public.profiles
  add column region text check (region is null or length(btrim(region)) between 1 and 80),
  add column co_opted boolean not null default false,
  add column deleted_at timestamptz;

comment on column public.profiles.region is 'Where the member lives, in their words or from the list (optional).';
comment on column public.profiles.co_opted is 'Co-opted: brought in by the team for their expertise rather than joining through an open round.';
comment on column public.profiles.deleted_at is 'When the member''s personal data was removed at their request. The row stays, anonymised, so counts stay right.';

grant update (region) on table public.profiles to authenticated;

-- Lived experience (special category) --------------------------------------------------------------

create table public.lived_experience (
  member_id uuid primary key references public.profiles (id) on delete cascade,
  tags text[] not null default '{}'
    check (cardinality(tags) <= 20 and array_to_string(tags, ',') ~ '^[a-z ,''-]*$'),
  updated_at timestamptz not null default now()
);

comment on table public.lived_experience is 'The lived experience a member chooses to tell us (optional). Members read their own; staff read through staff_lived_experience() and the directory (audited).';

alter table public.lived_experience enable row level security;
revoke all on table public.lived_experience from anon, authenticated;
grant select on table public.lived_experience to authenticated;

create policy "Members read their own lived experience" on public.lived_experience
  for select to authenticated using ((select private.acts_for(member_id)));

-- The member saves their own tags (an empty list removes them).
create function public.save_lived_experience(tags text[]) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  clean text[];
begin
  if me is null then
    raise exception 'not_allowed';
  end if;
  select coalesce(array_agg(distinct lower(btrim(t)) order by lower(btrim(t))), '{}') into clean
  from unnest(coalesce(tags, '{}')) t where length(btrim(t)) between 1 and 60;
  if cardinality(clean) = 0 then
    delete from public.lived_experience where member_id = me;
    return;
  end if;
  insert into public.lived_experience (member_id, tags) values (me, clean)
  on conflict (member_id) do update set tags = excluded.tags, updated_at = now();
end
$$;

-- Staff read one member's lived experience; one audit row per read.
create function public.staff_lived_experience(member uuid) returns text[]
language plpgsql volatile security definer set search_path = ''
as $$
declare
  found_tags text[];
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  select l.tags into found_tags from public.lived_experience l where l.member_id = member;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'lived experience read', 'profile', member::text,
    jsonb_build_object('member_id', member, 'via', 'member page', 'found', found_tags is not null));
  return coalesce(found_tags, '{}');
end
$$;

-- Staff read one member's access needs from the member's page (not for an opportunity): only staff
-- who arrange adjustments, refused when the member withheld them. One audit row per read.
create function public.staff_member_access_needs(member uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  needs public.access_needs;
begin
  perform private.require_arranger();
  select * into needs from public.access_needs a where a.member_id = member;
  if found and not needs.share_with_staff then
    raise exception 'not_shared';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'access needs read', 'access_needs', member::text,
    jsonb_build_object('member_id', member, 'via', 'member page', 'found', needs.member_id is not null));
  if needs.member_id is null then
    return null;
  end if;
  return jsonb_build_object(
    'updated_at', needs.updated_at,
    'items', coalesce((select jsonb_agg(to_jsonb(i) - 'member_id' order by i.category)
      from public.access_need_items i where i.member_id = member), '[]'));
end
$$;

-- The directory ------------------------------------------------------------------------------------

-- The last day a member took part: the latest day of any involvement that has started, up to today.
create function private.last_involved_on(member uuid) returns date
language sql stable security definer set search_path = ''
as $$
  select max(least(coalesce(i.ends_on, current_date), current_date))
  from public.involvements i
  where i.member_id = member and (i.starts_on is null or i.starts_on <= current_date)
$$;

create function private.member_directory(
  q text, interest text, region_is text, lived text, status_is public.member_status, last_involved text
)
returns table (
  id uuid, full_name text, preferred_name text, email text, role public.app_role,
  status public.member_status, region text, interests text[], co_opted boolean, last_involved_on date
)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.full_name, p.preferred_name, p.email, p.role, p.status, p.region, p.interests,
    p.co_opted, private.last_involved_on(p.id)
  from public.profiles p
  where p.deleted_at is null
    and (coalesce(q, '') = '' or p.full_name ilike '%' || q || '%' or p.preferred_name ilike '%' || q || '%'
         or p.email ilike '%' || q || '%')
    and (coalesce(interest, '') = '' or interest = any (p.interests))
    and (coalesce(region_is, '') = '' or p.region = region_is)
    and (status_is is null or p.status = status_is)
    and (coalesce(lived, '') = '' or exists (
      select 1 from public.lived_experience l where l.member_id = p.id and lived = any (l.tags)))
    and (coalesce(last_involved, '') = ''
      or (last_involved = 'year' and private.last_involved_on(p.id) >= current_date - 365)
      or (last_involved = 'over_year' and private.last_involved_on(p.id) < current_date - 365)
      or (last_involved = 'never' and private.last_involved_on(p.id) is null))
  order by p.full_name, p.id
  limit 500
$$;

revoke all on function private.last_involved_on(uuid),
  private.member_directory(text, text, text, text, public.member_status, text) from public;

-- The directory for staff. Filtering by lived experience reveals it for each member found, so
-- that search writes one audit row per member listed.
create function public.staff_member_directory(
  q text default null, interest text default null, region_is text default null, lived text default null,
  status_is public.member_status default null, last_involved text default null
)
returns table (
  id uuid, full_name text, preferred_name text, email text, role public.app_role,
  status public.member_status, region text, interests text[], co_opted boolean, last_involved_on date
)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  if coalesce(lived, '') <> '' then
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    select (select auth.uid()), 'lived experience read', 'profile', d.id::text,
      jsonb_build_object('member_id', d.id, 'via', 'directory', 'tag', lived)
    from private.member_directory(q, interest, region_is, lived, status_is, last_involved) d;
  end if;
  return query select * from private.member_directory(q, interest, region_is, lived, status_is, last_involved);
end
$$;

-- Pause, mark as left, make active again; co-opted ---------------------------------------------------

create function public.staff_set_member_status(member uuid, new_status public.member_status) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p public.profiles;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  select * into p from public.profiles where id = member for update;
  if not found or p.deleted_at is not null then
    raise exception 'not_found';
  end if;
  -- Staff change members; only admins change staff.
  if p.role <> 'member' and not (select private.is_admin()) then
    raise exception 'not_allowed';
  end if;
  if new_status not in ('active', 'paused', 'left') then
    raise exception 'wrong_status';
  end if;
  if p.status = new_status then
    return;
  end if;
  update public.profiles set status = new_status where id = member;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()),
    case new_status when 'paused' then 'member paused' when 'left' then 'member marked as left'
      else 'member made active' end,
    'profile', member::text, jsonb_build_object('member_id', member, 'from_status', p.status, 'to_status', new_status));
end
$$;

create function public.staff_set_co_opted(member uuid, co_opted boolean) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  update public.profiles p set co_opted = staff_set_co_opted.co_opted
  where p.id = member and p.role = 'member' and p.deleted_at is null;
  if not found then
    raise exception 'not_found';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), case when co_opted then 'member co-opted' else 'member no longer co-opted' end,
    'profile', member::text, jsonb_build_object('member_id', member));
end
$$;

-- Steering group terms -------------------------------------------------------------------------------

-- Staff set a steering group member's term.
create function public.staff_set_term(involvement bigint, starts date, ends date) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  if starts is null or ends is null or ends < starts then
    raise exception 'dates_out_of_order';
  end if;
  update public.involvements i set starts_on = starts, ends_on = ends
  where i.id = involvement;
  if not found then
    raise exception 'not_found';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'term changed', 'involvement', involvement::text,
    jsonb_build_object('member_id', (select i.member_id from public.involvements i where i.id = involvement),
      'starts_on', starts, 'ends_on', ends));
end
$$;

-- Reminders already sent, per involvement and end date (a changed term is reminded again).
create table public.term_reminders (
  involvement_id bigint not null references public.involvements (id) on delete cascade,
  ends_on date not null,
  sent_at timestamptz not null default now(),
  primary key (involvement_id, ends_on)
);

comment on table public.term_reminders is 'Steering group term reminders already emailed to staff. Written and read only by the server''s system job.';

alter table public.term_reminders enable row level security;
revoke all on table public.term_reminders from anon, authenticated;

-- Steering group terms ending within the reminder period that staff have not been told about.
create function public.due_term_reminders(today date default current_date)
returns table (involvement_id bigint, member_name text, role text, starts_on date, ends_on date)
language sql stable set search_path = ''
as $$
  select i.id, p.full_name, i.role, i.starts_on, i.ends_on
  from public.involvements i
  join public.opportunities o on o.id = i.opportunity_id and o.type = 'steering_group_role'
  join public.profiles p on p.id = i.member_id and p.status <> 'left' and p.deleted_at is null
  cross join public.data_settings s
  where i.ends_on is not null
    and i.ends_on >= today
    and i.ends_on <= today + s.term_reminder_days
    and not exists (select 1 from public.term_reminders r where r.involvement_id = i.id and r.ends_on = i.ends_on)
  order by i.ends_on, p.full_name
$$;

create function public.mark_term_reminders_sent(involvement_ids bigint[]) returns void
language sql volatile set search_path = ''
as $$
  insert into public.term_reminders (involvement_id, ends_on)
  select i.id, i.ends_on from public.involvements i where i.id = any (involvement_ids) and i.ends_on is not null
  on conflict do nothing
$$;

revoke all on function public.due_term_reminders(date), public.mark_term_reminders_sent(bigint[])
  from public, anon, authenticated;
grant execute on function public.due_term_reminders(date), public.mark_term_reminders_sent(bigint[]) to service_role;

-- Staff home -----------------------------------------------------------------------------------------

-- Adjustment requests a member changed after staff had answered: the "access-need changes" on the
-- staff home page. Names no member, so no audit row. Staff who arrange adjustments only.
create function public.staff_access_need_changes() returns integer
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_arranger();
  return (select count(*)::integer from private.adjustment_queue() q where q.changed_after_agreement_at is not null);
end
$$;

-- Deletion requests ----------------------------------------------------------------------------------

create type public.deletion_status as enum ('waiting', 'done', 'cancelled');

create table public.deletion_requests (
  id bigint generated always as identity primary key,
  member_id uuid not null references public.profiles (id) on delete restrict,
  status public.deletion_status not null default 'waiting',
  request_key uuid not null,
  requested_at timestamptz not null default now(),
  cancelled_at timestamptz,
  carried_out_at timestamptz,
  carried_out_by uuid references public.profiles (id) on delete set null,
  payment_records_kept_until date,
  outcome jsonb not null default '{}',
  unique (member_id, request_key),
  constraint deletion_requests_done_complete check ((status = 'done') = (carried_out_at is not null))
);

comment on table public.deletion_requests is 'Members asking for their personal data to be deleted, and what was done. Members read their own; staff read all; changed only by functions.';

create unique index deletion_requests_one_waiting on public.deletion_requests (member_id) where status = 'waiting';
create index deletion_requests_status on public.deletion_requests (status, requested_at);

alter table public.deletion_requests enable row level security;
revoke all on table public.deletion_requests from anon, authenticated;
grant select on table public.deletion_requests to authenticated;

create policy "Members read their own deletion requests" on public.deletion_requests
  for select to authenticated using ((select private.acts_for(member_id)));

create policy "Staff read deletion requests" on public.deletion_requests
  for select to authenticated using ((select private.is_staff()));

-- The member asks. Asking again while one is waiting returns that one.
create function public.ask_to_be_deleted(request_key uuid) returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  found_id bigint;
begin
  if me is null or request_key is null
     or not exists (select 1 from public.profiles where id = me and role = 'member' and deleted_at is null) then
    raise exception 'not_allowed';
  end if;
  select d.id into found_id from public.deletion_requests d
  where d.member_id = me and (d.status = 'waiting' or d.request_key = ask_to_be_deleted.request_key);
  if found then
    return found_id;
  end if;
  insert into public.deletion_requests (member_id, request_key) values (me, request_key) returning id into found_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (me, 'deletion asked for', 'deletion_request', found_id::text, jsonb_build_object('member_id', me));
  return found_id;
end
$$;

-- The member changes their mind while it is still waiting.
create function public.cancel_deletion_request() returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  found_id bigint;
begin
  update public.deletion_requests set status = 'cancelled', cancelled_at = now()
  where member_id = me and status = 'waiting'
  returning id into found_id;
  if found then
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values (me, 'deletion request cancelled', 'deletion_request', found_id::text, jsonb_build_object('member_id', me));
  end if;
end
$$;

-- Payment records keep the payee's name until the retention period ends. Finance and admins read.
create table public.payment_payees (
  member_id uuid primary key references public.profiles (id) on delete cascade,
  full_name text not null,
  kept_until date not null
);

comment on table public.payment_payees is 'The name on a deleted member''s payment records, kept until the retention period ends, then removed by the scheduled job.';

alter table public.payment_payees enable row level security;
revoke all on table public.payment_payees from anon, authenticated;
grant select on table public.payment_payees to authenticated;

create policy "Finance reads kept payee names" on public.payment_payees
  for select to authenticated using ((select private.has_permission('finance')));

-- An admin carries out a waiting request. One transaction: everything not legally required is
-- removed or anonymised; payment records are kept (with the payee's name in payment_payees) until
-- the retention period ends. Returns what the confirmation email needs: the address and name it
-- goes to (no longer held anywhere after this), what was removed and what is kept until when.
create function public.carry_out_deletion(request bigint) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  req public.deletion_requests;
  p public.profiles;
  years integer;
  kept_until date;
  n_claims integer;
  removed jsonb;
  kept jsonb;
  n integer;
begin
  if not (select private.is_admin()) then
    raise exception 'not_allowed';
  end if;
  select * into req from public.deletion_requests where id = request for update;
  if not found then
    raise exception 'not_found';
  end if;
  if req.status <> 'waiting' then
    raise exception 'wrong_status';
  end if;
  select * into p from public.profiles where id = req.member_id for update;
  if p.role <> 'member' then
    raise exception 'not_allowed';
  end if;

  select s.payment_records_years into years from public.data_settings s;
  select count(*)::integer into n_claims from public.claims c where c.member_id = p.id and c.status <> 'draft';
  kept_until := case when n_claims > 0
    then (coalesce((select max(coalesce(c.paid_on, c.updated_at::date)) from public.claims c
      where c.member_id = p.id and c.status <> 'draft'), current_date) + make_interval(years => years))::date end;

  removed := '{}';
  -- Sign-in
  delete from public.sessions where user_id = p.id;
  delete from public.sign_in_codes where email = p.email;
  -- What they saved and were told about
  delete from public.saved_opportunities where member_id = p.id;
  get diagnostics n = row_count; removed := removed || jsonb_build_object('saved_opportunities', n);
  delete from public.opportunity_alerts where member_id = p.id;
  -- Applications with their answers, timeline, notes and scores
  delete from public.applications where member_id = p.id;
  get diagnostics n = row_count; removed := removed || jsonb_build_object('applications', n);
  -- Draft claims were never sent
  delete from public.claims where member_id = p.id and status = 'draft';
  -- Access needs, their consent records and lived experience
  delete from public.access_needs where member_id = p.id;
  get diagnostics n = row_count; removed := removed || jsonb_build_object('access_needs', n);
  delete from public.access_need_consents where member_id = p.id;
  delete from public.lived_experience where member_id = p.id;
  get diagnostics n = row_count; removed := removed || jsonb_build_object('lived_experience', n);
  -- Adjustments: what was arranged and its cost stay (the year's figures count them) with every
  -- word the member or staff wrote about it removed.
  update public.adjustment_items i set
    note = case when i.note is null then null else 'Removed' end,
    decision_note = case when i.decision_note is null then null else 'Removed' end,
    decision_reason = case when i.decision_reason is null then null else 'Removed' end,
    decision_alternative = case when i.decision_alternative is null then null else 'Removed' end,
    arranged_what = case when i.arranged_what is null then null else 'Removed' end,
    arranged_when = case when i.arranged_when is null then null else 'Removed' end
  from public.adjustment_requests r where r.id = i.request_id and r.member_id = p.id;
  update public.adjustment_events e set details = '{}'
  from public.adjustment_requests r where r.id = e.request_id and r.member_id = p.id;
  select count(*)::integer into n from public.adjustment_requests where member_id = p.id;
  removed := removed || jsonb_build_object('adjustment_words', n);
  -- Bank details are not needed once nothing is owed
  delete from public.bank_change_requests where member_id = p.id;
  delete from public.bank_details where member_id = p.id;
  get diagnostics n = row_count; removed := removed || jsonb_build_object('bank_details', n);
  -- Accessibility reports they sent
  delete from public.accessibility_reports where reporter_id = p.id;
  -- Uploads, except receipts on kept claims
  delete from public.uploads u where u.owner_id = p.id
    and not exists (select 1 from public.claim_lines l where l.receipt_id = u.id);
  get diagnostics n = row_count; removed := removed || jsonb_build_object('uploads', n);

  -- Payment records: the name is kept beside them until the period ends.
  if kept_until is not null then
    insert into public.payment_payees (member_id, full_name, kept_until) values (p.id, p.full_name, kept_until)
    on conflict (member_id) do update set full_name = excluded.full_name, kept_until = excluded.kept_until;
  end if;

  -- The profile: no name, email or contact details; the id stays so counts stay right.
  update public.profiles set
    email = 'deleted-' || replace(p.id::text, '-', '') || '@deleted.invalid',
    full_name = 'Deleted member', preferred_name = null, pronouns = null, phone = null,
    contact_methods = '{email}', interests = '{}', interest_types = '{}', notify_rhythm = 'off',
    region = null, display_settings = null, payment_method = null, yearly_fee_limit_pence = null,
    permissions = '{}', co_opted = false, invited_by = null, status = 'left', deleted_at = now()
  where id = p.id;

  kept := jsonb_build_object(
    'involvements', (select count(*) from public.involvements where member_id = p.id),
    'adjustment_requests', (select count(*) from public.adjustment_requests where member_id = p.id),
    'claims', n_claims);

  update public.deletion_requests set status = 'done', carried_out_at = now(), carried_out_by = (select auth.uid()),
    payment_records_kept_until = kept_until, outcome = jsonb_build_object('removed', removed, 'kept', kept)
  where id = req.id;

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'member deleted', 'profile', p.id::text,
    jsonb_build_object('member_id', p.id, 'request_id', req.id, 'payment_records_kept_until', kept_until));

  return jsonb_build_object('email', p.email, 'name', coalesce(p.preferred_name, p.full_name),
    'removed', removed, 'kept', kept, 'payment_records_kept_until', kept_until);
end
$$;

-- Retention: run by the server's scheduled job. Payment records whose period has ended lose the
-- payee's name, the words in them and their receipts; audit rows older than their period go.
create function public.apply_retention(today date default current_date) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  ended uuid[];
  n_payees integer;
  n_audit integer;
  n_receipts integer;
  receipts uuid[];
begin
  select coalesce(array_agg(member_id), '{}') into ended from public.payment_payees where kept_until <= today;
  n_payees := cardinality(ended);
  if n_payees > 0 then
    update public.claims set message = null, reply = null where member_id = any (ended);
    update public.claim_events e set message = null
    from public.claims c where c.id = e.claim_id and c.member_id = any (ended);
    select coalesce(array_agg(l.receipt_id), '{}') into receipts
    from public.claim_lines l join public.claims c on c.id = l.claim_id
    where c.member_id = any (ended) and l.receipt_id is not null;
    update public.claim_lines l set description = null, receipt_id = null
    from public.claims c where c.id = l.claim_id and c.member_id = any (ended);
    delete from public.uploads where id = any (receipts);
    get diagnostics n_receipts = row_count;
    delete from public.payment_payees where member_id = any (ended);
  else
    n_receipts := 0;
  end if;
  delete from public.audit_log
  where at < (today - make_interval(years => (select s.audit_log_years from public.data_settings s)));
  get diagnostics n_audit = row_count;
  return jsonb_build_object('payment_records_anonymised', n_payees, 'receipts_removed', n_receipts,
    'audit_rows_removed', n_audit);
end
$$;

-- Everything held about the signed-in member, as one JSON document, and nothing of anyone else's
-- (staff who acted are not named; bank details are masked; uploads are listed, not included).
create function public.my_data() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  if me is null or not exists (select 1 from public.profiles where id = me and deleted_at is null) then
    raise exception 'not_allowed';
  end if;
  return jsonb_build_object(
    'generated_at', now(),
    'profile', (select to_jsonb(p) - 'invited_by' from public.profiles p where p.id = me),
    'lived_experience', (select l.tags from public.lived_experience l where l.member_id = me),
    'saved_opportunities', coalesce((select jsonb_agg(jsonb_build_object('opportunity_id', s.opportunity_id,
        'title', o.title, 'saved_at', s.saved_at) order by s.saved_at)
      from public.saved_opportunities s join public.opportunities o on o.id = s.opportunity_id
      where s.member_id = me), '[]'),
    'opportunity_alerts', coalesce((select jsonb_agg(jsonb_build_object('opportunity_id', a.opportunity_id,
        'sent_at', a.sent_at) order by a.sent_at) from public.opportunity_alerts a where a.member_id = me), '[]'),
    'applications', coalesce((select jsonb_agg(jsonb_build_object(
        'id', a.id, 'opportunity_id', a.opportunity_id, 'opportunity_title', o.title, 'status', a.status,
        'submitted_at', a.submitted_at, 'interview_at', a.interview_at, 'interview_place', a.interview_place,
        'term_starts_on', a.term_starts_on, 'term_ends_on', a.term_ends_on, 'created_at', a.created_at,
        'answers', coalesce((select jsonb_agg(jsonb_build_object('question', q.prompt, 'mode', x.mode,
            'answer', x.answer, 'upload_id', x.upload_id, 'updated_at', x.updated_at) order by q.position)
          from public.application_answers x join public.application_questions q on q.id = x.question_id
          where x.application_id = a.id), '[]'),
        'events', coalesce((select jsonb_agg(jsonb_build_object('status', e.status, 'at', e.at,
            'message_subject', e.message_subject, 'message_body', e.message_body) order by e.at, e.id)
          from public.application_events e where e.application_id = a.id), '[]')
      ) order by a.created_at)
      from public.applications a join public.opportunities o on o.id = a.opportunity_id
      where a.member_id = me), '[]'),
    'involvements', coalesce((select jsonb_agg(jsonb_build_object('id', i.id, 'opportunity_id', i.opportunity_id,
        'opportunity_title', o.title, 'role', i.role, 'starts_on', i.starts_on, 'ends_on', i.ends_on,
        'created_at', i.created_at) order by i.created_at)
      from public.involvements i join public.opportunities o on o.id = i.opportunity_id
      where i.member_id = me), '[]'),
    'access_needs', (select jsonb_build_object('share_with_staff', n.share_with_staff,
        'created_at', n.created_at, 'updated_at', n.updated_at,
        'items', coalesce((select jsonb_agg(to_jsonb(x) - 'member_id' order by x.category)
          from public.access_need_items x where x.member_id = me), '[]'))
      from public.access_needs n where n.member_id = me),
    'access_need_consents', coalesce((select jsonb_agg(jsonb_build_object('wording', c.wording,
        'agreed_at', c.agreed_at, 'withdrawn_at', c.withdrawn_at) order by c.agreed_at)
      from public.access_need_consents c where c.member_id = me), '[]'),
    'adjustment_requests', coalesce((select jsonb_agg(jsonb_build_object(
        'id', r.id, 'opportunity_id', r.opportunity_id, 'opportunity_title', o.title, 'meeting_id', r.meeting_id,
        'share_with_organisers', r.share_with_organisers, 'submitted_at', r.submitted_at,
        'updated_at', r.updated_at,
        'items', coalesce((select jsonb_agg(to_jsonb(i) - 'decided_by' - 'arranged_by' order by i.category)
          from public.adjustment_items i where i.request_id = r.id), '[]'),
        'papers_ready', coalesce((select jsonb_agg(jsonb_build_object('meeting_id', pr.meeting_id,
            'ready_at', pr.ready_at)) from public.adjustment_papers_ready pr where pr.request_id = r.id), '[]'),
        'events', coalesce((select jsonb_agg(jsonb_build_object('kind', e.kind, 'category', e.category,
            'meeting_id', e.meeting_id, 'at', e.at, 'details', e.details) order by e.at, e.id)
          from public.adjustment_events e where e.request_id = r.id), '[]')
      ) order by r.submitted_at)
      from public.adjustment_requests r join public.opportunities o on o.id = r.opportunity_id
      where r.member_id = me), '[]'),
    'claims', coalesce((select jsonb_agg(jsonb_build_object(
        'id', c.id, 'reference', c.reference, 'involvement_id', c.involvement_id, 'meeting_id', c.meeting_id,
        'activity_on', c.activity_on, 'status', c.status, 'payment_method', c.payment_method,
        'submitted_at', c.submitted_at, 'decided_at', c.decided_at, 'message', c.message, 'reply', c.reply,
        'paid_on', c.paid_on, 'paid_reference', c.paid_reference, 'created_at', c.created_at,
        'lines', coalesce((select jsonb_agg(to_jsonb(l) - 'claim_id' order by l.id)
          from public.claim_lines l where l.claim_id = c.id), '[]'),
        'events', coalesce((select jsonb_agg(jsonb_build_object('status', e.status, 'message', e.message,
            'at', e.at) order by e.at, e.id) from public.claim_events e where e.claim_id = c.id), '[]')
      ) order by c.created_at)
      from public.claims c where c.member_id = me), '[]'),
    'bank_details', (select jsonb_build_object('account_name', b.account_name,
        'sort_code_ends', right(b.sort_code, 2), 'account_number_ends', right(b.account_number, 2),
        'updated_at', b.updated_at) from public.bank_details b where b.member_id = me),
    'uploads', coalesce((select jsonb_agg(jsonb_build_object('id', u.id, 'purpose', u.purpose,
        'content_type', u.content_type, 'size_bytes', u.size_bytes, 'sha256', u.sha256,
        'created_at', u.created_at) order by u.created_at)
      from public.uploads u where u.owner_id = me), '[]'),
    'accessibility_reports', coalesce((select jsonb_agg(jsonb_build_object('kind', a.kind, 'page', a.page,
        'details', a.details, 'contact_email', a.contact_email, 'created_at', a.created_at) order by a.created_at)
      from public.accessibility_reports a where a.reporter_id = me), '[]'),
    'deletion_requests', coalesce((select jsonb_agg(jsonb_build_object('status', d.status,
        'requested_at', d.requested_at, 'cancelled_at', d.cancelled_at) order by d.requested_at)
      from public.deletion_requests d where d.member_id = me), '[]'),
    'sessions', coalesce((select jsonb_agg(jsonb_build_object('created_at', s.created_at,
        'last_active_at', s.last_active_at, 'expires_at', s.expires_at) order by s.created_at)
      from public.sessions s where s.user_id = me), '[]'),
    'staff_reads', coalesce((select jsonb_agg(jsonb_build_object('what', l.action, 'at', l.at) order by l.at)
      from public.audit_log l
      where l.action in ('access needs read', 'adjustment request read', 'lived experience read')
        and l.details ->> 'member_id' = me::text), '[]')
  );
end
$$;

revoke all on function public.save_lived_experience(text[]), public.staff_lived_experience(uuid),
  public.staff_member_access_needs(uuid),
  public.staff_member_directory(text, text, text, text, public.member_status, text),
  public.staff_set_member_status(uuid, public.member_status), public.staff_set_co_opted(uuid, boolean),
  public.staff_set_term(bigint, date, date), public.staff_access_need_changes(),
  public.ask_to_be_deleted(uuid), public.cancel_deletion_request(), public.carry_out_deletion(bigint),
  public.my_data() from public, anon;
grant execute on function public.save_lived_experience(text[]), public.staff_lived_experience(uuid),
  public.staff_member_access_needs(uuid),
  public.staff_member_directory(text, text, text, text, public.member_status, text),
  public.staff_set_member_status(uuid, public.member_status), public.staff_set_co_opted(uuid, boolean),
  public.staff_set_term(bigint, date, date), public.staff_access_need_changes(),
  public.ask_to_be_deleted(uuid), public.cancel_deletion_request(), public.carry_out_deletion(bigint),
  public.my_data() to authenticated;
revoke all on function public.apply_retention(date) from public, anon, authenticated;
grant execute on function public.apply_retention(date) to service_role;

-- The audit log filtered by member and by staff (the /admin/audit page).
create index audit_log_member on public.audit_log ((details ->> 'member_id'), at desc);
create index audit_log_actor on public.audit_log (actor_id, at desc);
