-- Together: what adjustments and payments build on. Staff permissions beyond the staff role
-- (arranging adjustments, finance), the meetings an opportunity carries with each venue's access
-- information, and receipts as a kind of upload.

-- Staff permissions ------------------------------------------------------------------------------
-- Admins hold every permission. Staff hold the ones listed on their profile, which only admins
-- (through the server) change: members and staff have no grant on the column.

create type public.staff_permission as enum ('arrange_adjustments', 'finance');

alter table public.profiles
  add column permissions public.staff_permission[] not null default '{}';

comment on column public.profiles.permissions is 'What a staff member may do beyond the staff role. Admins hold every permission.';

create function private.has_permission(wanted public.staff_permission) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.profiles
    where id = (select auth.uid())
      and status <> 'left'
      and (role = 'admin' or (role = 'staff' and wanted = any (permissions)))
  )
$$;

revoke all on function private.has_permission(public.staff_permission) from public;
grant execute on function private.has_permission(public.staff_permission) to authenticated, service_role;

-- Meetings ---------------------------------------------------------------------------------------
-- The dated meetings of an opportunity: when, where (or online), and what the venue offers.
-- An access field left empty means "not known yet", which is different from "no".

create table public.meetings (
  id bigint generated always as identity primary key,
  opportunity_id bigint not null references public.opportunities (id) on delete cascade,
  title text not null check (length(btrim(title)) between 3 and 120),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  location_type public.location_type not null,
  place text check (place is null or length(btrim(place)) between 1 and 300),
  joining_link text check (joining_link is null or (joining_link ~ '^https://[^\s]+$' and length(joining_link) <= 500)),
  step_free boolean,
  hearing_loop boolean,
  accessible_toilet boolean,
  quiet_room boolean,
  parking boolean,
  access_notes text check (access_notes is null or length(access_notes) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meetings_times_in_order check (ends_at > starts_at),
  constraint meetings_place_given check (location_type = 'online' or place is not null)
);

comment on table public.meetings is 'Dated meetings of an opportunity with the venue''s access information. Anyone reads those of published and closed opportunities; members read those they take part in; staff write. The joining link is read through meeting_joining_link().';

create index meetings_opportunity on public.meetings (opportunity_id, starts_at);
create index meetings_starts_at on public.meetings (starts_at);

create trigger meetings_touch before update on public.meetings
  for each row execute function private.touch_updated_at();

alter table public.meetings enable row level security;
revoke all on table public.meetings from anon, authenticated;
-- Every column but the joining link: that goes only to the people taking part, and to staff.
grant select (id, opportunity_id, title, starts_at, ends_at, location_type, place, step_free, hearing_loop,
  accessible_toilet, quiet_room, parking, access_notes, created_at, updated_at)
  on table public.meetings to anon, authenticated;
grant insert, update, delete on table public.meetings to authenticated;

create policy "Anyone reads meetings of published and closed opportunities" on public.meetings
  for select to anon, authenticated
  using (exists (
    select 1 from public.opportunities o
    where o.id = opportunity_id and o.status in ('published', 'closed')
  ));

create policy "Members read meetings of what they take part in" on public.meetings
  for select to authenticated
  using (exists (
    select 1 from public.involvements i
    where i.opportunity_id = meetings.opportunity_id and (select private.acts_for(i.member_id))
  ));

create policy "Staff read every meeting" on public.meetings
  for select to authenticated
  using ((select private.is_staff()));

create policy "Staff add meetings" on public.meetings
  for insert to authenticated
  with check ((select private.is_staff()));

create policy "Staff change meetings" on public.meetings
  for update to authenticated
  using ((select private.is_staff()))
  with check ((select private.is_staff()));

create policy "Staff remove meetings" on public.meetings
  for delete to authenticated
  using ((select private.is_staff()));

-- The joining link of an online or hybrid meeting, for staff and the people taking part; null
-- for everyone else.
create function public.meeting_joining_link(meeting bigint) returns text
language sql stable security definer set search_path = ''
as $$
  select m.joining_link
  from public.meetings m
  where m.id = meeting
    and (
      (select private.is_staff())
      or exists (
        select 1 from public.involvements i
        where i.opportunity_id = m.opportunity_id and (select private.acts_for(i.member_id))
      )
    )
$$;

revoke all on function public.meeting_joining_link(bigint) from public, anon;
grant execute on function public.meeting_joining_link(bigint) to authenticated, service_role;

-- Receipts ---------------------------------------------------------------------------------------

alter table public.uploads drop constraint uploads_purpose_check;
alter table public.uploads add constraint uploads_purpose_check
  check (purpose in ('application_answer', 'receipt'));
