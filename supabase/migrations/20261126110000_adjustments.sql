-- Together: access needs and reasonable adjustments.
--
-- A member says their access needs once (their "passport": a row per category with chosen options
-- and a note), agrees to Together holding that health information (the wording they saw is kept),
-- and chooses whether staff who arrange adjustments may see it. For an opportunity they take part
-- in they ask for adjustments for one meeting or all of its meetings; the request's items start as
-- a copy of the passport and can be changed for that request only. Staff answer each item (agreed,
-- partly agreed, not possible with a reason and an alternative), then arrange it (what and when),
-- and record costs. Every step is an event the member sees.
--
-- Protection. Access needs are health data. Members read their own rows through RLS. Staff have
-- NO select policy on any of these tables: they read through the staff_* functions below, which
-- check the arrange_adjustments permission and write the audit row in the same call, so a staff
-- read cannot happen without its audit row. Nobody writes the tables directly: every change is a
-- function (one transaction) that checks who is asking.
--
-- Raised errors carry a short key as their message; the app turns each into plain words.
--   not_allowed        the caller may not do this (not the member, or no arrange_adjustments)
--   not_found          no such request, item or meeting that the caller may see
--   not_taking_part    the member does not take part in the opportunity
--   meeting_past       the meeting has already happened
--   nothing_asked      no item chooses anything or says anything
--   invalid_items      an item is not well formed (unknown category or option, numbers out of range)
--   consent_needed     access needs cannot be kept without the member's consent
--   not_shared         the member has not let staff see their access needs
--   reason_needed      partly agreed or not possible needs a reason in plain words
--   alternative_needed not possible needs the alternative offered
--   wrong_status       the item is not in a state this step applies to
--   what_needed        arranging needs what has been arranged
--   no_papers          the request does not ask for papers
--   invalid_cost       costs are whole pence from 0 to 10,000,000

-- Option keys -------------------------------------------------------------------------------------
-- The one place the categories and their options are defined. src/lib/adjustments.ts mirrors the
-- keys with their plain-words labels, in the same order.

create type public.access_category as enum (
  'travel', 'overnight', 'assistant', 'dog', 'papers', 'communication', 'meeting', 'online', 'other'
);

create type public.access_option as enum (
  -- travel
  'taxi', 'parking', 'accessible_transport', 'travel_companion',
  -- overnight
  'stay_night_before', 'accessible_room', 'room_for_assistant',
  -- assistant
  'personal_assistant', 'carer', 'assistant_costs',
  -- dog
  'assistance_dog', 'support_dog',
  -- papers
  'easy_read', 'large_print', 'braille', 'audio', 'electronic', 'printed',
  -- communication
  'bsl_interpreter', 'lipspeaker', 'speech_to_text', 'captions', 'hearing_loop',
  -- meeting
  'breaks', 'quiet_room', 'step_free', 'accessible_toilet', 'food_and_drink', 'seating',
  -- online
  'phone_instead_of_video', 'camera_off', 'online_captions'
);

create function private.access_option_category(o public.access_option) returns public.access_category
language sql immutable set search_path = ''
as $$
  select (case
    when o in ('taxi', 'parking', 'accessible_transport', 'travel_companion') then 'travel'
    when o in ('stay_night_before', 'accessible_room', 'room_for_assistant') then 'overnight'
    when o in ('personal_assistant', 'carer', 'assistant_costs') then 'assistant'
    when o in ('assistance_dog', 'support_dog') then 'dog'
    when o in ('easy_read', 'large_print', 'braille', 'audio', 'electronic', 'printed') then 'papers'
    when o in ('bsl_interpreter', 'lipspeaker', 'speech_to_text', 'captions', 'hearing_loop') then 'communication'
    when o in ('breaks', 'quiet_room', 'step_free', 'accessible_toilet', 'food_and_drink', 'seating') then 'meeting'
    else 'online'
  end)::public.access_category
$$;

-- Is one item (of the passport or of a request) well formed? Options belong to its category, no
-- option twice, and the numbers go only with their category: large print size and how many days
-- before a meeting with papers; how often and how long breaks are with the meeting itself.
create function private.access_item_ok(
  category public.access_category, options public.access_option[], note text,
  large_print_size integer, papers_days_before integer, break_every_minutes integer, break_minutes integer
) returns boolean
language sql immutable set search_path = ''
as $$
  select coalesce(
    cardinality(options) <= 10
    and (select count(distinct o) = count(*) from unnest(options) o)
    and (select bool_and(private.access_option_category(o) = category) from unnest(options) o) is not false
    and (note is null or length(note) between 1 and 1000)
    and (large_print_size is null or (category = 'papers' and large_print_size between 12 and 72))
    and (papers_days_before is null or (category = 'papers' and papers_days_before between 1 and 60))
    and (break_every_minutes is null or (category = 'meeting' and break_every_minutes between 15 and 240))
    and (break_minutes is null or (category = 'meeting' and break_minutes between 5 and 60))
    and (cardinality(options) > 0 or note is not null or large_print_size is not null
         or papers_days_before is not null or break_every_minutes is not null or break_minutes is not null),
    false)
$$;

revoke all on function private.access_option_category(public.access_option) from public;
revoke all on function private.access_item_ok(public.access_category, public.access_option[], text, integer, integer, integer, integer) from public;

-- The passport -----------------------------------------------------------------------------------

-- Consent for holding access needs, with the exact wording shown. Kept after the passport is
-- deleted (withdrawn_at says when), so the record of consent outlives the needs themselves.
create table public.access_need_consents (
  id bigint generated always as identity primary key,
  member_id uuid not null references public.profiles (id) on delete cascade,
  wording text not null check (length(btrim(wording)) between 10 and 4000),
  agreed_at timestamptz not null default now(),
  withdrawn_at timestamptz
);

comment on table public.access_need_consents is 'A member''s consent to Together holding their access needs: the wording shown and when they agreed (and withdrew). Members read their own; written only by functions.';

create index access_need_consents_member on public.access_need_consents (member_id, agreed_at desc);

create table public.access_needs (
  member_id uuid primary key references public.profiles (id) on delete cascade,
  consent_id bigint not null references public.access_need_consents (id),
  share_with_staff boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.access_needs is 'A member''s access needs profile ("passport"): their consent and whether staff who arrange adjustments may see it. The needs are in access_need_items. Members read their own; staff read through staff_access_needs() (audited).';

create table public.access_need_items (
  member_id uuid not null references public.access_needs (member_id) on delete cascade,
  category public.access_category not null,
  options public.access_option[] not null default '{}',
  note text,
  large_print_size integer,
  papers_days_before integer,
  break_every_minutes integer,
  break_minutes integer,
  updated_at timestamptz not null default now(),
  primary key (member_id, category),
  constraint access_need_items_ok check (private.access_item_ok(category, options, note, large_print_size,
    papers_days_before, break_every_minutes, break_minutes))
);

comment on table public.access_need_items is 'One category of a member''s access needs: chosen options and a note. Members read their own; written only by save_access_needs().';

create trigger access_needs_touch before update on public.access_needs
  for each row execute function private.touch_updated_at();

-- Requests ---------------------------------------------------------------------------------------

create type public.adjustment_status as enum (
  'requested', 'agreed', 'partly_agreed', 'not_possible', 'arranged', 'cancelled'
);

create type public.adjustment_event_kind as enum (
  'requested', 'changed', 'changed_after_agreement', 'cancelled',
  'agreed', 'partly_agreed', 'not_possible', 'arranged', 'papers_ready', 'cost_recorded'
);

-- A request for one meeting (meeting_id) or for all the opportunity's meetings (meeting_id null).
create table public.adjustment_requests (
  id bigint generated always as identity primary key,
  member_id uuid not null references public.profiles (id) on delete cascade,
  opportunity_id bigint not null references public.opportunities (id) on delete restrict,
  meeting_id bigint references public.meetings (id) on delete cascade,
  share_with_organisers boolean not null default false,
  -- Set when the member changes something staff had already answered; cleared when staff have
  -- answered every item again.
  changed_after_agreement_at timestamptz,
  submitted_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint adjustment_requests_one_per_scope unique nulls not distinct (member_id, opportunity_id, meeting_id)
);

comment on table public.adjustment_requests is 'A member''s request for adjustments for one meeting (or all meetings, meeting_id null) of an opportunity they take part in. Members read their own; staff read through staff_adjustment_queue() and staff_adjustment_request() (audited).';

create index adjustment_requests_opportunity on public.adjustment_requests (opportunity_id);

create trigger adjustment_requests_touch before update on public.adjustment_requests
  for each row execute function private.touch_updated_at();

create table public.adjustment_items (
  id bigint generated always as identity primary key,
  request_id bigint not null references public.adjustment_requests (id) on delete cascade,
  category public.access_category not null,
  options public.access_option[] not null default '{}',
  note text,
  large_print_size integer,
  papers_days_before integer,
  break_every_minutes integer,
  break_minutes integer,
  status public.adjustment_status not null default 'requested',
  -- Staff's answer, exactly as they wrote it; the member sees these words.
  decision_note text check (decision_note is null or length(btrim(decision_note)) between 1 and 1000),
  decision_reason text check (decision_reason is null or length(btrim(decision_reason)) between 1 and 1000),
  decision_alternative text check (decision_alternative is null or length(btrim(decision_alternative)) between 1 and 1000),
  decided_at timestamptz,
  decided_by uuid references public.profiles (id) on delete set null,
  arranged_what text check (arranged_what is null or length(btrim(arranged_what)) between 1 and 500),
  arranged_when text check (arranged_when is null or length(btrim(arranged_when)) between 1 and 200),
  arranged_at timestamptz,
  arranged_by uuid references public.profiles (id) on delete set null,
  estimated_pence integer check (estimated_pence is null or estimated_pence between 0 and 10000000),
  actual_pence integer check (actual_pence is null or actual_pence between 0 and 10000000),
  updated_at timestamptz not null default now(),
  unique (request_id, category),
  constraint adjustment_items_ok check (private.access_item_ok(category, options, note, large_print_size,
    papers_days_before, break_every_minutes, break_minutes)),
  constraint adjustment_items_reason check (status not in ('partly_agreed', 'not_possible') or decision_reason is not null),
  constraint adjustment_items_arranged check (status <> 'arranged' or arranged_what is not null)
);

comment on table public.adjustment_items is 'One category of an adjustment request, its outcome (status, staff''s words, what was arranged and when) and its estimated and actual cost in pence. Members read their own; written only by functions.';

create index adjustment_items_request on public.adjustment_items (request_id);

create trigger adjustment_items_touch before update on public.adjustment_items
  for each row execute function private.touch_updated_at();

-- Papers marked ready, per meeting: a request for all meetings has papers for each of them.
create table public.adjustment_papers_ready (
  request_id bigint not null references public.adjustment_requests (id) on delete cascade,
  meeting_id bigint not null references public.meetings (id) on delete cascade,
  ready_at timestamptz not null default now(),
  ready_by uuid references public.profiles (id) on delete set null,
  primary key (request_id, meeting_id)
);

comment on table public.adjustment_papers_ready is 'When staff marked a request''s papers ready for a meeting. Members read their own.';

create table public.adjustment_events (
  id bigint generated always as identity primary key,
  request_id bigint not null references public.adjustment_requests (id) on delete cascade,
  item_id bigint references public.adjustment_items (id) on delete cascade,
  category public.access_category,
  meeting_id bigint references public.meetings (id) on delete set null,
  kind public.adjustment_event_kind not null,
  actor_id uuid references public.profiles (id) on delete set null,
  at timestamptz not null default now(),
  details jsonb not null default '{}',
  request_key uuid
);

comment on table public.adjustment_events is 'The history of an adjustment request: asked, changed, answered, arranged, papers ready, costs. Members read their own requests'' history.';

create index adjustment_events_request on public.adjustment_events (request_id, at);
create unique index adjustment_events_request_key on public.adjustment_events (request_key, kind, coalesce(item_id, 0))
  where request_key is not null;

-- Row Level Security: members read their own; nobody writes directly; staff have no policy ------

alter table public.access_need_consents enable row level security;
alter table public.access_needs enable row level security;
alter table public.access_need_items enable row level security;
alter table public.adjustment_requests enable row level security;
alter table public.adjustment_items enable row level security;
alter table public.adjustment_papers_ready enable row level security;
alter table public.adjustment_events enable row level security;

revoke all on table public.access_need_consents, public.access_needs, public.access_need_items,
  public.adjustment_requests, public.adjustment_items, public.adjustment_papers_ready,
  public.adjustment_events from anon, authenticated;
grant select on table public.access_need_consents, public.access_needs, public.access_need_items,
  public.adjustment_requests, public.adjustment_items, public.adjustment_papers_ready,
  public.adjustment_events to authenticated;

create policy "Members read their own consents" on public.access_need_consents
  for select to authenticated using ((select private.acts_for(member_id)));

create policy "Members read their own access needs" on public.access_needs
  for select to authenticated using ((select private.acts_for(member_id)));

create policy "Members read their own access need items" on public.access_need_items
  for select to authenticated using ((select private.acts_for(member_id)));

create policy "Members read their own adjustment requests" on public.adjustment_requests
  for select to authenticated using ((select private.acts_for(member_id)));

create policy "Members read the items of their own requests" on public.adjustment_items
  for select to authenticated
  using (exists (
    select 1 from public.adjustment_requests r
    where r.id = request_id and (select private.acts_for(r.member_id))
  ));

create policy "Members read when their papers are ready" on public.adjustment_papers_ready
  for select to authenticated
  using (exists (
    select 1 from public.adjustment_requests r
    where r.id = request_id and (select private.acts_for(r.member_id))
  ));

create policy "Members read the history of their own requests" on public.adjustment_events
  for select to authenticated
  using (exists (
    select 1 from public.adjustment_requests r
    where r.id = request_id and (select private.acts_for(r.member_id))
  ));

-- Helpers ----------------------------------------------------------------------------------------

create function private.require_arranger() returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (select private.has_permission('arrange_adjustments')) then
    raise exception 'not_allowed';
  end if;
end
$$;

revoke all on function private.require_arranger() from public;
grant execute on function private.require_arranger() to authenticated;

-- The items of a jsonb array, checked and with empty ones left out. Each element:
-- {category, options: [..], note, large_print_size, papers_days_before, break_every_minutes, break_minutes}
create function private.parse_access_items(items jsonb)
returns table (category public.access_category, options public.access_option[], note text,
  large_print_size integer, papers_days_before integer, break_every_minutes integer, break_minutes integer)
language plpgsql immutable set search_path = ''
as $$
#variable_conflict use_column
begin
  if items is null or jsonb_typeof(items) <> 'array' then
    raise exception 'invalid_items';
  end if;
  begin
    return query
    select x.category::public.access_category,
           coalesce((select array_agg(o::public.access_option) from jsonb_array_elements_text(coalesce(x.options, '[]')) o), '{}'),
           nullif(btrim(x.note), ''),
           x.large_print_size, x.papers_days_before, x.break_every_minutes, x.break_minutes
    from jsonb_to_recordset(items) as x(category text, options jsonb, note text, large_print_size integer,
      papers_days_before integer, break_every_minutes integer, break_minutes integer)
    where jsonb_array_length(coalesce(x.options, '[]')) > 0 or nullif(btrim(x.note), '') is not null
      or x.large_print_size is not null or x.papers_days_before is not null
      or x.break_every_minutes is not null or x.break_minutes is not null;
  exception when invalid_text_representation or invalid_parameter_value or datatype_mismatch
    or numeric_value_out_of_range or wrong_object_type then
    raise exception 'invalid_items';
  end;
end
$$;

revoke all on function private.parse_access_items(jsonb) from public;

-- The passport: member functions -----------------------------------------------------------------

-- Save the whole passport at once: the categories given replace what was there; categories left out
-- are removed. consent_wording is the wording the member agreed to on this page; it is required the
-- first time and recorded again whenever it differs from the wording last agreed.
create function public.save_access_needs(needs jsonb, share_with_staff boolean, consent_wording text default null)
returns public.access_needs
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  mine public.access_needs;
  consent public.access_need_consents;
  bad boolean;
begin
  if me is null or not exists (select 1 from public.profiles p where p.id = me and p.status <> 'left') then
    raise exception 'not_allowed';
  end if;
  select * into mine from public.access_needs where member_id = me for update;
  if found then
    select * into consent from public.access_need_consents where id = mine.consent_id;
  end if;
  if nullif(btrim(consent_wording), '') is not null
     and (consent.id is null or consent.wording is distinct from consent_wording) then
    insert into public.access_need_consents (member_id, wording) values (me, consent_wording)
    returning * into consent;
  end if;
  if consent.id is null then
    raise exception 'consent_needed';
  end if;

  create temporary table if not exists pg_temp.wanted_items (
    category public.access_category, options public.access_option[], note text, large_print_size integer,
    papers_days_before integer, break_every_minutes integer, break_minutes integer
  ) on commit drop;
  delete from pg_temp.wanted_items;
  insert into pg_temp.wanted_items select * from private.parse_access_items(needs);
  select exists (
    select 1 from pg_temp.wanted_items w
    where not private.access_item_ok(w.category, w.options, w.note, w.large_print_size, w.papers_days_before,
      w.break_every_minutes, w.break_minutes)
  ) or (select count(*) <> count(distinct w.category) from pg_temp.wanted_items w) into bad;
  if bad then
    raise exception 'invalid_items';
  end if;

  insert into public.access_needs as a (member_id, consent_id, share_with_staff)
  values (me, consent.id, coalesce(save_access_needs.share_with_staff, true))
  on conflict (member_id) do update
    set consent_id = excluded.consent_id, share_with_staff = excluded.share_with_staff, updated_at = now()
  returning * into mine;

  delete from public.access_need_items i
  where i.member_id = me and i.category not in (select w.category from pg_temp.wanted_items w);
  insert into public.access_need_items (member_id, category, options, note, large_print_size,
    papers_days_before, break_every_minutes, break_minutes)
  select me, w.category, w.options, w.note, w.large_print_size, w.papers_days_before, w.break_every_minutes,
    w.break_minutes
  from pg_temp.wanted_items w
  on conflict (member_id, category) do update
    set options = excluded.options, note = excluded.note, large_print_size = excluded.large_print_size,
        papers_days_before = excluded.papers_days_before, break_every_minutes = excluded.break_every_minutes,
        break_minutes = excluded.break_minutes, updated_at = now();

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (me, 'access needs saved', 'access_needs', me::text,
          jsonb_build_object('member_id', me, 'share_with_staff', mine.share_with_staff));
  return mine;
end
$$;

-- Delete the passport: the needs go; the consent record stays, marked withdrawn, with an audit row.
-- Requests already made are records of what was asked and arranged, and stay.
create function public.delete_access_needs()
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  gone public.access_needs;
begin
  if me is null then
    raise exception 'not_allowed';
  end if;
  delete from public.access_needs where member_id = me returning * into gone;
  if not found then
    return false;
  end if;
  update public.access_need_consents set withdrawn_at = now()
  where member_id = me and withdrawn_at is null;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (me, 'access needs deleted', 'access_needs', me::text, jsonb_build_object('member_id', me));
  return true;
end
$$;

revoke all on function public.save_access_needs(jsonb, boolean, text), public.delete_access_needs() from public, anon;
grant execute on function public.save_access_needs(jsonb, boolean, text), public.delete_access_needs() to authenticated;

-- Requests: the member's function ----------------------------------------------------------------

-- Ask for adjustments for one meeting (meeting given) or all meetings (meeting null) of an
-- opportunity the member takes part in; asking again for the same meeting(s) changes that request.
-- Items: the same shape as the passport's. An item staff had already answered that changes (or is
-- removed) goes back to requested (removed: cancelled), and the change is recorded so staff are told.
-- Returns {id, created, changed_after_agreement, changed: [categories]}; the same request_key again
-- changes nothing and returns the request as it is.
create function public.save_adjustment_request(
  opportunity bigint, meeting bigint, items jsonb, share_with_organisers boolean default false,
  request_key uuid default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  req public.adjustment_requests;
  created boolean := false;
  item record;
  existing public.adjustment_items;
  answered boolean;
  after_agreement boolean := false;
  touched public.access_category[] := '{}';
  first_kind public.adjustment_event_kind;
begin
  if me is null then
    raise exception 'not_allowed';
  end if;
  if not exists (
    select 1 from public.involvements i
    where i.opportunity_id = save_adjustment_request.opportunity and i.member_id = me
  ) then
    raise exception 'not_taking_part';
  end if;
  if meeting is not null then
    if not exists (
      select 1 from public.meetings m where m.id = meeting and m.opportunity_id = save_adjustment_request.opportunity
    ) then
      raise exception 'not_found';
    end if;
    if exists (select 1 from public.meetings m where m.id = meeting and m.ends_at < now()) then
      raise exception 'meeting_past';
    end if;
  end if;

  select * into req from public.adjustment_requests r
  where r.member_id = me and r.opportunity_id = save_adjustment_request.opportunity
    and r.meeting_id is not distinct from save_adjustment_request.meeting
  for update;

  if request_key is not null and req.id is not null
     and exists (select 1 from public.adjustment_events e where e.request_id = req.id and e.request_key = save_adjustment_request.request_key) then
    return jsonb_build_object('id', req.id, 'created', false, 'changed_after_agreement', false,
      'changed', '[]'::jsonb, 'repeat', true);
  end if;

  create temporary table if not exists pg_temp.wanted_items (
    category public.access_category, options public.access_option[], note text, large_print_size integer,
    papers_days_before integer, break_every_minutes integer, break_minutes integer
  ) on commit drop;
  delete from pg_temp.wanted_items;
  insert into pg_temp.wanted_items select * from private.parse_access_items(items);
  if exists (
    select 1 from pg_temp.wanted_items w
    where not private.access_item_ok(w.category, w.options, w.note, w.large_print_size, w.papers_days_before,
      w.break_every_minutes, w.break_minutes)
  ) or (select count(*) <> count(distinct w.category) from pg_temp.wanted_items w) then
    raise exception 'invalid_items';
  end if;
  if not exists (select 1 from pg_temp.wanted_items) then
    raise exception 'nothing_asked';
  end if;

  if req.id is null then
    insert into public.adjustment_requests (member_id, opportunity_id, meeting_id, share_with_organisers)
    values (me, save_adjustment_request.opportunity, save_adjustment_request.meeting,
      coalesce(save_adjustment_request.share_with_organisers, false))
    returning * into req;
    created := true;
  elsif req.share_with_organisers is distinct from coalesce(save_adjustment_request.share_with_organisers, false) then
    update public.adjustment_requests set share_with_organisers = coalesce(save_adjustment_request.share_with_organisers, false)
    where id = req.id returning * into req;
  end if;

  -- New and changed items.
  for item in select * from pg_temp.wanted_items order by category loop
    select * into existing from public.adjustment_items x where x.request_id = req.id and x.category = item.category;
    if existing.id is null then
      insert into public.adjustment_items (request_id, category, options, note, large_print_size,
        papers_days_before, break_every_minutes, break_minutes)
      values (req.id, item.category, item.options, item.note, item.large_print_size, item.papers_days_before,
        item.break_every_minutes, item.break_minutes)
      returning * into existing;
      insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, request_key)
      values (req.id, existing.id, item.category, 'requested', me, request_key);
      if not created then
        touched := touched || item.category;
      end if;
    elsif existing.status = 'cancelled'
       or existing.options is distinct from item.options or existing.note is distinct from item.note
       or existing.large_print_size is distinct from item.large_print_size
       or existing.papers_days_before is distinct from item.papers_days_before
       or existing.break_every_minutes is distinct from item.break_every_minutes
       or existing.break_minutes is distinct from item.break_minutes then
      answered := existing.status in ('agreed', 'partly_agreed', 'not_possible', 'arranged');
      after_agreement := after_agreement or answered;
      update public.adjustment_items x
      set options = item.options, note = item.note, large_print_size = item.large_print_size,
          papers_days_before = item.papers_days_before, break_every_minutes = item.break_every_minutes,
          break_minutes = item.break_minutes, status = 'requested',
          decision_note = null, decision_reason = null, decision_alternative = null, decided_at = null,
          decided_by = null, arranged_what = null, arranged_when = null, arranged_at = null, arranged_by = null
      where x.id = existing.id;
      insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, details, request_key)
      values (req.id, existing.id, item.category,
        (case when answered then 'changed_after_agreement' else 'changed' end)::public.adjustment_event_kind, me,
        jsonb_build_object('previous_status', existing.status), request_key);
      touched := touched || item.category;
    end if;
  end loop;

  -- Items left out are cancelled.
  for existing in
    select * from public.adjustment_items x
    where x.request_id = req.id and x.status <> 'cancelled'
      and x.category not in (select w.category from pg_temp.wanted_items w)
  loop
    answered := existing.status in ('agreed', 'partly_agreed', 'not_possible', 'arranged');
    after_agreement := after_agreement or answered;
    update public.adjustment_items x set status = 'cancelled' where x.id = existing.id;
    insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, details, request_key)
    values (req.id, existing.id, existing.category, 'cancelled', me,
      jsonb_build_object('previous_status', existing.status, 'after_agreement', answered), request_key);
    touched := touched || existing.category;
  end loop;

  if after_agreement then
    update public.adjustment_requests set changed_after_agreement_at = now() where id = req.id;
  end if;
  if not created and cardinality(touched) > 0 then
    update public.adjustment_requests set submitted_at = now() where id = req.id;
  end if;

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (me, case when created then 'adjustments requested' else 'adjustment request changed' end,
    'adjustment_request', req.id::text,
    jsonb_build_object('member_id', me, 'opportunity_id', req.opportunity_id, 'after_agreement', after_agreement));

  return jsonb_build_object('id', req.id, 'created', created, 'changed_after_agreement', after_agreement,
    'changed', to_jsonb(touched), 'repeat', false);
end
$$;

revoke all on function public.save_adjustment_request(bigint, bigint, jsonb, boolean, uuid) from public, anon;
grant execute on function public.save_adjustment_request(bigint, bigint, jsonb, boolean, uuid) to authenticated;

-- Requests: staff functions (arrange_adjustments) -------------------------------------------------

-- Answer one item: 'agreed', 'partly_agreed' (reason: what cannot be done) or 'not_possible'
-- (reason and the alternative offered). note: optional words for the member. An item already
-- arranged can be answered again (that undoes the arrangement). Returns {item_id, request_id,
-- member_id, opportunity_title, repeat, changed_answer}: changed_answer is true when an answer the
-- member already had (agreed, partly agreed or arranged) is now different, so they must be told.
create function public.respond_to_adjustment(
  item bigint, decision public.adjustment_status, note text default null, reason text default null,
  alternative text default null, request_key uuid default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  it public.adjustment_items;
  req public.adjustment_requests;
  before public.adjustment_status;
begin
  perform private.require_arranger();
  select * into it from public.adjustment_items where id = item for update;
  if not found then
    raise exception 'not_found';
  end if;
  before := it.status;
  if request_key is not null and exists (
    select 1 from public.adjustment_events e where e.request_key = respond_to_adjustment.request_key and e.item_id = it.id
  ) then
    return jsonb_build_object('item_id', it.id, 'request_id', it.request_id, 'repeat', true, 'changed_answer', false);
  end if;
  if decision not in ('agreed', 'partly_agreed', 'not_possible') then
    raise exception 'wrong_status';
  end if;
  if it.status = 'cancelled' then
    raise exception 'wrong_status';
  end if;
  if decision in ('partly_agreed', 'not_possible') and nullif(btrim(reason), '') is null then
    raise exception 'reason_needed';
  end if;
  if decision = 'not_possible' and nullif(btrim(alternative), '') is null then
    raise exception 'alternative_needed';
  end if;

  update public.adjustment_items x
  set status = decision, decision_note = nullif(btrim(respond_to_adjustment.note), ''),
      decision_reason = case when decision = 'agreed' then null else nullif(btrim(reason), '') end,
      decision_alternative = case when decision = 'agreed' then null else nullif(btrim(alternative), '') end,
      decided_at = now(), decided_by = (select auth.uid()),
      arranged_what = null, arranged_when = null, arranged_at = null, arranged_by = null
  where x.id = it.id
  returning * into it;

  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, details, request_key)
  values (it.request_id, it.id, it.category, decision::text::public.adjustment_event_kind, (select auth.uid()),
    jsonb_strip_nulls(jsonb_build_object('note', it.decision_note, 'reason', it.decision_reason,
      'alternative', it.decision_alternative)), request_key);

  -- Every item answered again: the change after agreement has been dealt with.
  update public.adjustment_requests r set changed_after_agreement_at = null
  where r.id = it.request_id and r.changed_after_agreement_at is not null
    and not exists (select 1 from public.adjustment_items x where x.request_id = r.id and x.status = 'requested')
  returning * into req;

  select * into req from public.adjustment_requests where id = it.request_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'adjustment answered', 'adjustment_request', it.request_id::text,
    jsonb_build_object('member_id', req.member_id, 'opportunity_id', req.opportunity_id, 'item_id', it.id,
      'decision', decision));
  return jsonb_build_object('item_id', it.id, 'request_id', it.request_id, 'member_id', req.member_id,
    'opportunity_title', (select o.title from public.opportunities o where o.id = req.opportunity_id),
    'repeat', false,
    'changed_answer', before in ('agreed', 'partly_agreed', 'arranged') and (before <> decision or before = 'arranged'));
end
$$;

-- Record what has been arranged for an agreed (or partly agreed) item, and when: e.g. what "Taxi
-- booked from home", when "Thursday 10 December, pick-up 09:15". Arranging again changes the words.
-- Returns {item_id, request_id, member_id, opportunity_title, all_arranged}: when every item that
-- can be arranged is arranged, the app tells the member (an email with no details).
create function public.arrange_adjustment(item bigint, what text, when_text text default null, request_key uuid default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  it public.adjustment_items;
  req public.adjustment_requests;
  done boolean;
  title text;
begin
  perform private.require_arranger();
  select * into it from public.adjustment_items where id = item for update;
  if not found then
    raise exception 'not_found';
  end if;
  select * into req from public.adjustment_requests where id = it.request_id;
  select o.title into title from public.opportunities o where o.id = req.opportunity_id;
  if request_key is not null and exists (
    select 1 from public.adjustment_events e where e.request_key = arrange_adjustment.request_key and e.item_id = it.id
  ) then
    return jsonb_build_object('item_id', it.id, 'request_id', req.id, 'member_id', req.member_id,
      'opportunity_title', title, 'all_arranged', false, 'repeat', true);
  end if;
  if it.status not in ('agreed', 'partly_agreed', 'arranged') then
    raise exception 'wrong_status';
  end if;
  if nullif(btrim(what), '') is null then
    raise exception 'what_needed';
  end if;

  update public.adjustment_items x
  set status = 'arranged', arranged_what = btrim(what), arranged_when = nullif(btrim(when_text), ''),
      arranged_at = now(), arranged_by = (select auth.uid())
  where x.id = it.id
  returning * into it;

  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, details, request_key)
  values (it.request_id, it.id, it.category, 'arranged', (select auth.uid()),
    jsonb_strip_nulls(jsonb_build_object('what', it.arranged_what, 'when', it.arranged_when)), request_key);

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'adjustment arranged', 'adjustment_request', it.request_id::text,
    jsonb_build_object('member_id', req.member_id, 'opportunity_id', req.opportunity_id, 'item_id', it.id));

  select not exists (
    select 1 from public.adjustment_items x
    where x.request_id = it.request_id and x.status in ('requested', 'agreed', 'partly_agreed')
  ) into done;
  return jsonb_build_object('item_id', it.id, 'request_id', req.id, 'member_id', req.member_id,
    'opportunity_title', title, 'all_arranged', done, 'repeat', false);
end
$$;

-- Mark the papers of a request ready for one meeting (of its opportunity; for a one-meeting
-- request, that meeting). Returns {request_id, member_id, opportunity_title, meeting_title, first_time}.
create function public.mark_papers_ready(request bigint, meeting bigint)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  req public.adjustment_requests;
  m public.meetings;
  title text;
  added boolean := false;
begin
  perform private.require_arranger();
  select * into req from public.adjustment_requests where id = request for update;
  if not found then
    raise exception 'not_found';
  end if;
  select * into m from public.meetings x
  where x.id = mark_papers_ready.meeting and x.opportunity_id = req.opportunity_id
    and (req.meeting_id is null or req.meeting_id = x.id);
  if not found then
    raise exception 'not_found';
  end if;
  if not exists (
    select 1 from public.adjustment_items x
    where x.request_id = req.id and x.category = 'papers' and x.status <> 'cancelled'
  ) then
    raise exception 'no_papers';
  end if;
  insert into public.adjustment_papers_ready (request_id, meeting_id, ready_by)
  values (req.id, m.id, (select auth.uid()))
  on conflict do nothing;
  added := found;
  if added then
    insert into public.adjustment_events (request_id, category, meeting_id, kind, actor_id, details)
    values (req.id, 'papers', m.id, 'papers_ready', (select auth.uid()), jsonb_build_object('meeting', m.title));
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values ((select auth.uid()), 'adjustment papers ready', 'adjustment_request', req.id::text,
      jsonb_build_object('member_id', req.member_id, 'opportunity_id', req.opportunity_id, 'meeting_id', m.id));
  end if;
  select o.title into title from public.opportunities o where o.id = req.opportunity_id;
  return jsonb_build_object('request_id', req.id, 'member_id', req.member_id, 'opportunity_title', title,
    'meeting_title', m.title, 'first_time', added);
end
$$;

-- Record an item's estimated and actual cost in whole pence (null: not known). Returns the item.
create function public.record_adjustment_cost(item bigint, estimated_pence integer, actual_pence integer)
returns public.adjustment_items
language plpgsql volatile security definer set search_path = ''
as $$
declare
  it public.adjustment_items;
  req public.adjustment_requests;
begin
  perform private.require_arranger();
  if (estimated_pence is not null and estimated_pence not between 0 and 10000000)
     or (actual_pence is not null and actual_pence not between 0 and 10000000) then
    raise exception 'invalid_cost';
  end if;
  select * into it from public.adjustment_items where id = item for update;
  if not found then
    raise exception 'not_found';
  end if;
  update public.adjustment_items x
  set estimated_pence = record_adjustment_cost.estimated_pence, actual_pence = record_adjustment_cost.actual_pence
  where x.id = it.id
  returning * into it;
  select * into req from public.adjustment_requests where id = it.request_id;
  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, details)
  values (it.request_id, it.id, it.category, 'cost_recorded', (select auth.uid()),
    jsonb_strip_nulls(jsonb_build_object('estimated_pence', it.estimated_pence, 'actual_pence', it.actual_pence)));
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'adjustment cost recorded', 'adjustment_request', it.request_id::text,
    jsonb_build_object('member_id', req.member_id, 'opportunity_id', req.opportunity_id, 'item_id', it.id));
  return it;
end
$$;

revoke all on function public.respond_to_adjustment(bigint, public.adjustment_status, text, text, text, uuid),
  public.arrange_adjustment(bigint, text, text, uuid), public.mark_papers_ready(bigint, bigint),
  public.record_adjustment_cost(bigint, integer, integer) from public, anon;
grant execute on function public.respond_to_adjustment(bigint, public.adjustment_status, text, text, text, uuid),
  public.arrange_adjustment(bigint, text, text, uuid), public.mark_papers_ready(bigint, bigint),
  public.record_adjustment_cost(bigint, integer, integer) to authenticated;

-- Staff reads: each writes its audit row in the same call ----------------------------------------

-- Papers due: for each request asking for papers (not cancelled or not possible), each meeting it
-- covers that has not ended: the due date (the meeting's day less the days asked for, 14 if none
-- given) and whether staff have marked them ready.
create function private.papers_due()
returns table (request_id bigint, member_id uuid, opportunity_id bigint, meeting_id bigint,
  meeting_title text, starts_at timestamptz, days_before integer, due_on date, formats public.access_option[],
  large_print_size integer, ready_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select r.id, r.member_id, r.opportunity_id, m.id, m.title, m.starts_at,
    coalesce(i.papers_days_before, 14),
    (m.starts_at at time zone 'Europe/London')::date - coalesce(i.papers_days_before, 14),
    i.options, i.large_print_size, pr.ready_at
  from public.adjustment_requests r
  join public.adjustment_items i on i.request_id = r.id and i.category = 'papers'
    and i.status not in ('cancelled', 'not_possible')
  join public.meetings m on m.opportunity_id = r.opportunity_id and (r.meeting_id is null or m.id = r.meeting_id)
  left join public.adjustment_papers_ready pr on pr.request_id = r.id and pr.meeting_id = m.id
  where m.ends_at > now()
$$;

revoke all on function private.papers_due() from public;

-- The queue's rows: every request that still asks for something, with its counts by status.
create function private.adjustment_queue()
returns table (
  id bigint, member_id uuid, member_name text, opportunity_id bigint, opportunity_title text,
  meeting_id bigint, meeting_title text, meeting_starts_at timestamptz, next_meeting_at timestamptz,
  submitted_at timestamptz, changed_after_agreement_at timestamptz, share_with_organisers boolean,
  requested integer, agreed integer, partly_agreed integer, not_possible integer, arranged integer,
  papers_due_on date, papers_overdue boolean
)
language sql stable security definer set search_path = ''
as $$
  select r.id, r.member_id, coalesce(p.preferred_name, p.full_name), r.opportunity_id, o.title, r.meeting_id,
    m.title, m.starts_at,
    (select min(x.starts_at) from public.meetings x
      where x.opportunity_id = r.opportunity_id and (r.meeting_id is null or x.id = r.meeting_id)
        and x.ends_at > now()),
    r.submitted_at, r.changed_after_agreement_at, r.share_with_organisers,
    (select count(*)::integer from public.adjustment_items i where i.request_id = r.id and i.status = 'requested'),
    (select count(*)::integer from public.adjustment_items i where i.request_id = r.id and i.status = 'agreed'),
    (select count(*)::integer from public.adjustment_items i where i.request_id = r.id and i.status = 'partly_agreed'),
    (select count(*)::integer from public.adjustment_items i where i.request_id = r.id and i.status = 'not_possible'),
    (select count(*)::integer from public.adjustment_items i where i.request_id = r.id and i.status = 'arranged'),
    (select min(d.due_on) from private.papers_due() d where d.request_id = r.id and d.ready_at is null),
    coalesce((select bool_or(d.due_on < (now() at time zone 'Europe/London')::date) from private.papers_due() d
      where d.request_id = r.id and d.ready_at is null), false)
  from public.adjustment_requests r
  join public.profiles p on p.id = r.member_id
  join public.opportunities o on o.id = r.opportunity_id
  left join public.meetings m on m.id = r.meeting_id
  where exists (select 1 from public.adjustment_items i where i.request_id = r.id and i.status <> 'cancelled')
$$;

revoke all on function private.adjustment_queue() from public;

-- The queue for staff: changed-after-agreement first, then those waiting for an answer, then by
-- the next meeting. One audit row per request listed, naming the member and the opportunity.
create function public.staff_adjustment_queue()
returns table (
  id bigint, member_id uuid, member_name text, opportunity_id bigint, opportunity_title text,
  meeting_id bigint, meeting_title text, meeting_starts_at timestamptz, next_meeting_at timestamptz,
  submitted_at timestamptz, changed_after_agreement_at timestamptz, share_with_organisers boolean,
  requested integer, agreed integer, partly_agreed integer, not_possible integer, arranged integer,
  papers_due_on date, papers_overdue boolean
)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.require_arranger();
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  select (select auth.uid()), 'adjustment request read', 'adjustment_request', q.id::text,
    jsonb_build_object('member_id', q.member_id, 'opportunity_id', q.opportunity_id, 'via', 'queue')
  from private.adjustment_queue() q;

  return query select * from private.adjustment_queue() q
    order by q.changed_after_agreement_at desc nulls last, (q.requested > 0) desc, q.next_meeting_at nulls last, q.id;
end
$$;

-- What papers are due, for staff: not ready yet (and ready ones too, if asked), soonest first, with
-- overdue flagged. One audit row per request listed.
create function public.staff_papers_due(include_ready boolean default false)
returns table (
  request_id bigint, member_id uuid, member_name text, opportunity_id bigint, opportunity_title text,
  meeting_id bigint, meeting_title text, starts_at timestamptz, days_before integer, due_on date,
  formats public.access_option[], large_print_size integer, ready_at timestamptz, overdue boolean
)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.require_arranger();
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  select distinct on (d.request_id) (select auth.uid()), 'adjustment request read', 'adjustment_request',
    d.request_id::text,
    jsonb_build_object('member_id', d.member_id, 'opportunity_id', d.opportunity_id, 'via', 'papers due')
  from private.papers_due() d
  where include_ready or d.ready_at is null;

  return query
  select d.request_id, d.member_id, coalesce(p.preferred_name, p.full_name), d.opportunity_id, o.title,
    d.meeting_id, d.meeting_title, d.starts_at, d.days_before, d.due_on, d.formats, d.large_print_size,
    d.ready_at, (d.ready_at is null and d.due_on < (now() at time zone 'Europe/London')::date)
  from private.papers_due() d
  join public.profiles p on p.id = d.member_id
  join public.opportunities o on o.id = d.opportunity_id
  where include_ready or d.ready_at is null
  order by d.due_on, d.starts_at, d.request_id;
end
$$;

-- One request in full: member, opportunity, the meetings it covers, items with their outcomes and
-- costs, papers ready, and its history. Writes the audit row, naming the member and the opportunity.
create function public.staff_adjustment_request(request bigint)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  req public.adjustment_requests;
  result jsonb;
begin
  perform private.require_arranger();
  select * into req from public.adjustment_requests where id = request;
  if not found then
    raise exception 'not_found';
  end if;

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'adjustment request read', 'adjustment_request', req.id::text,
    jsonb_build_object('member_id', req.member_id, 'opportunity_id', req.opportunity_id, 'via', 'request'));

  select jsonb_build_object(
    'request', to_jsonb(req),
    'member', (select jsonb_build_object('id', p.id, 'name', coalesce(p.preferred_name, p.full_name),
      'full_name', p.full_name, 'email', p.email) from public.profiles p where p.id = req.member_id),
    'opportunity', (select jsonb_build_object('id', o.id, 'title', o.title) from public.opportunities o
      where o.id = req.opportunity_id),
    'meetings', coalesce((select jsonb_agg(jsonb_build_object('id', m.id, 'title', m.title,
        'starts_at', m.starts_at, 'ends_at', m.ends_at, 'location_type', m.location_type, 'place', m.place,
        'step_free', m.step_free, 'hearing_loop', m.hearing_loop, 'accessible_toilet', m.accessible_toilet,
        'quiet_room', m.quiet_room, 'parking', m.parking, 'access_notes', m.access_notes) order by m.starts_at)
      from public.meetings m
      where m.opportunity_id = req.opportunity_id and (req.meeting_id is null or m.id = req.meeting_id)), '[]'),
    'items', coalesce((select jsonb_agg(to_jsonb(i) order by i.category) from public.adjustment_items i
      where i.request_id = req.id), '[]'),
    'papers', coalesce((select jsonb_agg(jsonb_build_object('meeting_id', d.meeting_id, 'meeting_title',
        d.meeting_title, 'starts_at', d.starts_at, 'due_on', d.due_on, 'days_before', d.days_before,
        'ready_at', d.ready_at, 'overdue', d.ready_at is null and d.due_on < (now() at time zone 'Europe/London')::date) order by d.starts_at)
      from private.papers_due() d where d.request_id = req.id), '[]'),
    'events', coalesce((select jsonb_agg(jsonb_build_object('id', e.id, 'item_id', e.item_id, 'category',
        e.category, 'meeting_id', e.meeting_id, 'kind', e.kind, 'at', e.at, 'details', e.details,
        'actor_name', (select coalesce(p.preferred_name, p.full_name) from public.profiles p where p.id = e.actor_id))
        order by e.at, e.id)
      from public.adjustment_events e where e.request_id = req.id), '[]'),
    'profile_shared', coalesce((select a.share_with_staff from public.access_needs a where a.member_id = req.member_id), false)
  ) into result;
  return result;
end
$$;

-- One member's passport, read for an opportunity they take part in (why staff are looking).
-- Refused when the member has withheld it from staff. Writes the audit row.
-- Returns {member_id, share_with_staff, updated_at, consent: {wording, agreed_at}, items: [...]},
-- or null when the member has no passport.
create function public.staff_access_needs(member uuid, opportunity bigint)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  needs public.access_needs;
begin
  perform private.require_arranger();
  if not exists (
    select 1 from public.involvements i where i.member_id = member and i.opportunity_id = opportunity
  ) and not exists (
    select 1 from public.adjustment_requests r where r.member_id = member and r.opportunity_id = opportunity
  ) then
    raise exception 'not_taking_part';
  end if;
  select * into needs from public.access_needs a where a.member_id = member;
  if found and not needs.share_with_staff then
    raise exception 'not_shared';
  end if;
  -- Learning that a member has no access needs is a read too.
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'access needs read', 'access_needs', member::text,
    jsonb_build_object('member_id', member, 'opportunity_id', opportunity, 'found', needs.member_id is not null));
  if needs.member_id is null then
    return null;
  end if;
  return jsonb_build_object(
    'member_id', needs.member_id, 'share_with_staff', needs.share_with_staff, 'updated_at', needs.updated_at,
    'consent', (select jsonb_build_object('wording', c.wording, 'agreed_at', c.agreed_at)
      from public.access_need_consents c where c.id = needs.consent_id),
    'items', coalesce((select jsonb_agg(to_jsonb(i) - 'member_id' order by i.category)
      from public.access_need_items i where i.member_id = member), '[]'));
end
$$;

-- Totals of estimated and actual costs per opportunity (items not cancelled). No member is named,
-- so no audit row; for staff who arrange adjustments and for finance. opportunity null: all.
create function public.adjustment_cost_totals(opportunity bigint default null)
returns table (opportunity_id bigint, opportunity_title text, requests integer, items integer,
  estimated_pence bigint, actual_pence bigint)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  if not ((select private.has_permission('arrange_adjustments')) or (select private.has_permission('finance'))) then
    raise exception 'not_allowed';
  end if;
  return query
  select o.id, o.title, count(distinct r.id)::integer, count(i.id)::integer,
    coalesce(sum(i.estimated_pence), 0)::bigint, coalesce(sum(i.actual_pence), 0)::bigint
  from public.adjustment_requests r
  join public.opportunities o on o.id = r.opportunity_id
  join public.adjustment_items i on i.request_id = r.id and i.status <> 'cancelled'
  where adjustment_cost_totals.opportunity is null or r.opportunity_id = adjustment_cost_totals.opportunity
  group by o.id, o.title
  order by o.title;
end
$$;

revoke all on function public.staff_adjustment_queue(), public.staff_papers_due(boolean),
  public.staff_adjustment_request(bigint), public.staff_access_needs(uuid, bigint),
  public.adjustment_cost_totals(bigint) from public, anon;
grant execute on function public.staff_adjustment_queue(), public.staff_papers_due(boolean),
  public.staff_adjustment_request(bigint), public.staff_access_needs(uuid, bigint),
  public.adjustment_cost_totals(bigint) to authenticated;
