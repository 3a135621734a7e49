-- Together: events and training people book a place on, instead of applying.
--
-- Staff turn booking on for an opportunity of type event or training (event_settings): how many
-- places, how many of them are held back for members (guests cannot take those), when booking
-- closes, a few booking questions, whether the public may book as guests, when reminders go, and
-- how long a freed place is offered to the next person on the waiting list.
--
-- A booking is a member's or a guest's: booked, waiting (on the waiting list), offered (a freed place
-- is theirs to accept until offer_expires_at) or cancelled. Booked and offered bookings hold a place,
-- so places are never oversold: every change that takes or frees a place runs in one security
-- definer function that first locks the event's settings row (select … for update), so two
-- bookings for the last place are decided one after the other. A client-supplied request_key makes
-- a retried booking return the first one.
--
-- Access needs are health data. When booking, a member chooses which parts of their access needs
-- to share with the organiser for this event; those parts are copied into booking_access_items.
-- Staff have no select policy on that table: they read it through staff_event_bookings(), which
-- writes the audit row in the same call. Staff record what they arranged on the booking.
--
-- Emails (confirmation with a calendar file, waiting list, offer of a place, reminders, feedback
-- request) are claimed in booking_notices before they are sent, so none goes twice.
--
-- Raised errors carry a short key as their message; the app turns each into plain words.
--   not_allowed        the caller may not do this
--   not_found          no such booking or event that the caller may see
--   not_bookable       the opportunity does not take bookings (not published, no event settings)
--   booking_closed     booking has closed, or the event has started
--   no_public_booking  the event does not take guests
--   invalid_answers    the answers do not fit the booking questions
--   invalid_guest      the guest's name or email is not well formed
--   wrong_status       the booking is not at a stage where this can happen
--   offer_expired      the offer of a place has run out

create type public.booking_status as enum ('booked', 'waiting', 'offered', 'cancelled');

-- Settings ---------------------------------------------------------------------------------------

create function private.valid_booking_questions(questions jsonb) returns boolean
language sql immutable set search_path = ''
as $$
  select jsonb_typeof(questions) = 'array'
    and jsonb_array_length(questions) <= 5
    and not exists (
      select 1 from jsonb_array_elements(questions) q
      where jsonb_typeof(q) <> 'string' or length(btrim(q #>> '{}')) not between 3 and 200
    )
$$;

grant execute on function private.valid_booking_questions(jsonb) to anon, authenticated, service_role;

create table public.event_settings (
  opportunity_id bigint primary key references public.opportunities (id) on delete cascade,
  places integer not null check (places between 1 and 5000),
  held_for_members integer not null default 0,
  booking_closes_at timestamptz,
  public_booking boolean not null default false,
  questions jsonb not null default '[]' check (private.valid_booking_questions(questions)),
  reminder_days integer[] not null default '{7,1}'
    check (cardinality(reminder_days) <= 4 and 0 < all (reminder_days) and 60 >= all (reminder_days)),
  offer_hours integer not null default 48 check (offer_hours between 1 and 336),
  updated_at timestamptz not null default now(),
  constraint event_settings_held_back check (held_for_members between 0 and places)
);

comment on table public.event_settings is 'Booking for an event or training: places, places held back for members, closing time, questions, public booking, reminder days. Anyone reads those of published and closed opportunities; staff write.';

create trigger event_settings_touch before update on public.event_settings
  for each row execute function private.touch_updated_at();

-- Only events and training take bookings.
create function private.check_event_settings() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.opportunities o where o.id = new.opportunity_id and o.type in ('event', 'training')
  ) then
    raise exception 'not_bookable';
  end if;
  return new;
end
$$;

create trigger event_settings_type before insert or update on public.event_settings
  for each row execute function private.check_event_settings();

alter table public.event_settings enable row level security;
revoke all on table public.event_settings from anon, authenticated;
grant select on table public.event_settings to anon, authenticated;
grant insert, update, delete on table public.event_settings to authenticated;

create policy "Anyone reads booking settings of published and closed opportunities" on public.event_settings
  for select to anon, authenticated
  using (exists (
    select 1 from public.opportunities o where o.id = opportunity_id and o.status in ('published', 'closed')
  ));

create policy "Staff read every booking setting" on public.event_settings
  for select to authenticated
  using ((select private.is_staff()));

create policy "Staff add booking settings" on public.event_settings
  for insert to authenticated
  with check ((select private.is_staff()));

create policy "Staff change booking settings" on public.event_settings
  for update to authenticated
  using ((select private.is_staff()))
  with check ((select private.is_staff()));

create policy "Staff remove booking settings" on public.event_settings
  for delete to authenticated
  using ((select private.is_staff()));

-- Bookings ---------------------------------------------------------------------------------------

create table public.bookings (
  id bigint generated always as identity primary key,
  opportunity_id bigint not null references public.opportunities (id) on delete restrict,
  member_id uuid references public.profiles (id) on delete cascade,
  guest_name text check (guest_name is null or length(btrim(guest_name)) between 1 and 120),
  guest_email text check (guest_email is null
    or (guest_email = lower(guest_email) and guest_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(guest_email) <= 254)),
  status public.booking_status not null,
  answers jsonb not null default '[]' check (jsonb_typeof(answers) = 'array' and jsonb_array_length(answers) <= 5),
  request_key uuid not null unique,
  -- When the person joined the waiting list (their turn), and when a place last became theirs.
  waiting_since timestamptz,
  booked_at timestamptz,
  offer_expires_at timestamptz,
  cancelled_at timestamptz,
  -- What staff arranged for the access needs shared with this booking (told in reminders).
  arranged text check (arranged is null or length(arranged) between 1 and 1000),
  attended boolean,
  attendance_marked_at timestamptz,
  attendance_marked_by uuid references public.profiles (id) on delete set null,
  involvement_id bigint references public.involvements (id) on delete set null,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint bookings_member_or_guest check (
    (member_id is not null and guest_name is null and guest_email is null)
    or (member_id is null and guest_name is not null and guest_email is not null)),
  constraint bookings_offer_expiry check ((status = 'offered') = (offer_expires_at is not null))
);

comment on table public.bookings is 'A member''s or guest''s place (or waiting-list place) at an event. Members read their own; staff read all; written only by functions.';

create unique index bookings_one_per_member on public.bookings (opportunity_id, member_id)
  where status <> 'cancelled' and member_id is not null;
create unique index bookings_one_per_guest on public.bookings (opportunity_id, guest_email)
  where status <> 'cancelled' and guest_email is not null;
create index bookings_opportunity on public.bookings (opportunity_id, status, waiting_since, id);
create index bookings_member on public.bookings (member_id);

create trigger bookings_touch before update on public.bookings
  for each row execute function private.touch_updated_at();

alter table public.bookings enable row level security;
revoke all on table public.bookings from anon, authenticated;
grant select on table public.bookings to authenticated;

create policy "Members read their own bookings" on public.bookings
  for select to authenticated
  using ((select private.acts_for(member_id)));

create policy "Staff read bookings" on public.bookings
  for select to authenticated
  using ((select private.is_staff()));

-- The parts of a member's access needs they shared for one booking: a copy, made when booking.
create table public.booking_access_items (
  booking_id bigint not null references public.bookings (id) on delete cascade,
  category public.access_category not null,
  options public.access_option[] not null default '{}',
  note text,
  large_print_size integer,
  papers_days_before integer,
  break_every_minutes integer,
  break_minutes integer,
  primary key (booking_id, category),
  constraint booking_access_items_ok check (private.access_item_ok(category, options, note, large_print_size,
    papers_days_before, break_every_minutes, break_minutes))
);

comment on table public.booking_access_items is 'Access needs a member chose to share with the organiser for one booking. Members read their own; staff read through staff_event_bookings() (audited).';

alter table public.booking_access_items enable row level security;
revoke all on table public.booking_access_items from anon, authenticated;
grant select on table public.booking_access_items to authenticated;

create policy "Members read what they shared" on public.booking_access_items
  for select to authenticated
  using (exists (
    select 1 from public.bookings b where b.id = booking_id and (select private.acts_for(b.member_id))
  ));

-- Emails about bookings, claimed before sending. kind: confirmed, waiting, offer:<expiry epoch>,
-- reminder:<days>, feedback. channel: how the member asked to be told (reminders by phone or text
-- are listed for staff to make; everything else goes by email).
create table public.booking_notices (
  booking_id bigint not null references public.bookings (id) on delete cascade,
  kind text not null check (kind ~ '^(confirmed|waiting|cancelled|feedback|offer:[0-9]+|reminder:[0-9]+)$'),
  channel public.contact_method not null default 'email',
  claimed_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (booking_id, kind)
);

comment on table public.booking_notices is 'Booking emails and reminders claimed and sent, so none goes twice. The scheduled jobs (service role) write it; staff read it.';

alter table public.booking_notices enable row level security;
revoke all on table public.booking_notices from anon, authenticated;
grant select on table public.booking_notices to authenticated;

create policy "Staff read booking notices" on public.booking_notices
  for select to authenticated
  using ((select private.is_staff()));

-- Helpers ----------------------------------------------------------------------------------------

-- When the event starts and ends: its meetings, or its dates (the UK day) when it has none.
create function private.event_times(opportunity bigint)
returns table (starts_at timestamptz, ends_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select coalesce(min(m.starts_at), (o.starts_on::timestamp at time zone 'Europe/London')),
         coalesce(max(m.ends_at), ((coalesce(o.ends_on, o.starts_on) + 1)::timestamp at time zone 'Europe/London'))
  from public.opportunities o
  left join public.meetings m on m.opportunity_id = o.id
  where o.id = opportunity
  group by o.id
$$;

revoke all on function private.event_times(bigint) from public;

-- The same for the pages: of published and closed opportunities, or any for staff.
create function public.event_times(opportunity bigint)
returns table (starts_at timestamptz, ends_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select t.starts_at, t.ends_at
  from public.opportunities o
  cross join lateral private.event_times(o.id) t
  where o.id = opportunity and (o.status in ('published', 'closed') or (select private.is_staff()))
$$;

revoke all on function public.event_times(bigint) from public;
grant execute on function public.event_times(bigint) to anon, authenticated, service_role;

-- Checks answers against the event's questions: one string (maybe empty) per question, each short.
create function private.clean_answers(questions jsonb, answers jsonb) returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  n integer := jsonb_array_length(questions);
begin
  answers := coalesce(answers, '[]');
  if jsonb_typeof(answers) <> 'array' or jsonb_array_length(answers) > n
     or exists (select 1 from jsonb_array_elements(answers) a
                where jsonb_typeof(a) <> 'string' or length(a #>> '{}') > 1000) then
    raise exception 'invalid_answers';
  end if;
  return coalesce((
    select jsonb_agg(coalesce(btrim(answers ->> (i - 1)), '') order by i)
    from generate_series(1, n) i), '[]');
end
$$;

revoke all on function private.clean_answers(jsonb, jsonb) from public;

-- Offers every place that is free to the next people on the waiting list, in turn. The caller holds
-- the lock on the event's settings row. Guests get only places not held back for members.
create function private.offer_free_places(event public.event_settings) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  taken integer;
  guests_taken integer;
  next public.bookings;
  offered integer := 0;
begin
  loop
    select count(*), count(*) filter (where b.member_id is null) into taken, guests_taken
    from public.bookings b
    where b.opportunity_id = event.opportunity_id and b.status in ('booked', 'offered');
    exit when taken >= event.places;
    select * into next from public.bookings b
    where b.opportunity_id = event.opportunity_id and b.status = 'waiting'
      and (b.member_id is not null or guests_taken < event.places - event.held_for_members)
    order by b.waiting_since, b.id
    limit 1;
    exit when not found;
    if next.member_id is null then
      -- A guest has no account to accept with: the place is booked for them, and they are told
      -- (they can still cancel by replying).
      update public.bookings set status = 'booked', booked_at = now() where id = next.id;
    else
      update public.bookings
      set status = 'offered', offer_expires_at = date_trunc('second', now()) + make_interval(hours => event.offer_hours)
      where id = next.id;
    end if;
    offered := offered + 1;
  end loop;
  return offered;
end
$$;

revoke all on function private.offer_free_places(public.event_settings) from public;

-- Locks the event and says whether booking is open now.
create function private.lock_open_event(opportunity bigint) returns public.event_settings
language plpgsql volatile security definer set search_path = ''
as $$
declare
  event public.event_settings;
begin
  select * into event from public.event_settings s where s.opportunity_id = opportunity for update;
  if not found or not exists (
    select 1 from public.opportunities o
    where o.id = opportunity and o.status = 'published' and o.type in ('event', 'training')
  ) then
    raise exception 'not_bookable';
  end if;
  if event.booking_closes_at is not null and event.booking_closes_at <= now() then
    raise exception 'booking_closed';
  end if;
  if (select t.starts_at from private.event_times(opportunity) t) <= now() then
    raise exception 'booking_closed';
  end if;
  return event;
end
$$;

revoke all on function private.lock_open_event(bigint) from public;

-- Member functions -------------------------------------------------------------------------------

-- Book a place (or a place on the waiting list when the event is full). share: the categories of
-- the member's access needs to share with the organiser, copied into the booking. answers: one per
-- booking question. A retry with the same request_key returns the first booking; booking again while
-- already booked or waiting returns that booking.
create function public.book_place(opportunity bigint, share text[] default '{}', answers jsonb default '[]',
  request_key uuid default null)
returns public.bookings
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  event public.event_settings;
  taken integer;
  mine public.bookings;
begin
  if me is null or not exists (select 1 from public.profiles p where p.id = me and p.status <> 'left') then
    raise exception 'not_allowed';
  end if;
  if request_key is null then
    raise exception 'not_allowed';
  end if;
  select * into mine from public.bookings b where b.request_key = book_place.request_key;
  if found then
    if mine.member_id is distinct from me then
      raise exception 'not_allowed';
    end if;
    return mine;
  end if;

  event := private.lock_open_event(opportunity);

  select * into mine from public.bookings b
  where b.opportunity_id = opportunity and b.member_id = me and b.status <> 'cancelled';
  if found then
    return mine;
  end if;

  select count(*) into taken from public.bookings b
  where b.opportunity_id = opportunity and b.status in ('booked', 'offered');

  insert into public.bookings (opportunity_id, member_id, status, answers, request_key, waiting_since,
    booked_at, created_by)
  values (opportunity, me,
    case when taken < event.places then 'booked' else 'waiting' end::public.booking_status,
    private.clean_answers(event.questions, answers), request_key,
    case when taken < event.places then null else now() end,
    case when taken < event.places then now() else null end, me)
  returning * into mine;

  insert into public.booking_access_items (booking_id, category, options, note, large_print_size,
    papers_days_before, break_every_minutes, break_minutes)
  select mine.id, i.category, i.options, i.note, i.large_print_size, i.papers_days_before,
    i.break_every_minutes, i.break_minutes
  from public.access_need_items i
  where i.member_id = me and i.category::text = any (coalesce(share, '{}'));

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (me, case when mine.status = 'booked' then 'place booked' else 'joined waiting list' end,
    'booking', mine.id::text,
    jsonb_build_object('opportunity_id', opportunity, 'shared', coalesce(share, '{}')));
  return mine;
end
$$;

-- Cancel a booking (or leave the waiting list, or decline an offer). A place freed is offered to the
-- next person on the waiting list at once.
create function public.cancel_booking(booking bigint)
returns public.bookings
language plpgsql volatile security definer set search_path = ''
as $$
declare
  mine public.bookings;
  event public.event_settings;
begin
  select * into mine from public.bookings b where b.id = booking;
  if not found or not (select private.acts_for(mine.member_id)) then
    raise exception 'not_found';
  end if;
  select * into event from public.event_settings s where s.opportunity_id = mine.opportunity_id for update;
  select * into mine from public.bookings b where b.id = booking;
  if mine.status = 'cancelled' then
    return mine;
  end if;
  update public.bookings
  set status = 'cancelled', cancelled_at = now(), offer_expires_at = null
  where id = mine.id returning * into mine;
  perform private.offer_free_places(event);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'booking cancelled', 'booking', mine.id::text,
    jsonb_build_object('opportunity_id', mine.opportunity_id));
  return mine;
end
$$;

-- Accept or decline a place offered from the waiting list.
create function public.answer_booking_offer(booking bigint, accept boolean)
returns public.bookings
language plpgsql volatile security definer set search_path = ''
as $$
declare
  mine public.bookings;
  event public.event_settings;
begin
  select * into mine from public.bookings b where b.id = booking;
  if not found or not (select private.acts_for(mine.member_id)) then
    raise exception 'not_found';
  end if;
  select * into event from public.event_settings s where s.opportunity_id = mine.opportunity_id for update;
  select * into mine from public.bookings b where b.id = booking;
  if accept and mine.status = 'booked' then
    return mine;
  end if;
  if not accept and mine.status = 'cancelled' then
    return mine;
  end if;
  if mine.status <> 'offered' then
    raise exception 'wrong_status';
  end if;
  if mine.offer_expires_at <= now() then
    raise exception 'offer_expired';
  end if;
  if accept then
    update public.bookings set status = 'booked', booked_at = now(), offer_expires_at = null
    where id = mine.id returning * into mine;
  else
    update public.bookings set status = 'cancelled', cancelled_at = now(), offer_expires_at = null
    where id = mine.id returning * into mine;
    perform private.offer_free_places(event);
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), case when accept then 'place accepted' else 'place declined' end,
    'booking', mine.id::text, jsonb_build_object('opportunity_id', mine.opportunity_id));
  return mine;
end
$$;

revoke all on function public.book_place(bigint, text[], jsonb, uuid) from public, anon;
revoke all on function public.cancel_booking(bigint) from public, anon;
revoke all on function public.answer_booking_offer(bigint, boolean) from public, anon;
grant execute on function public.book_place(bigint, text[], jsonb, uuid) to authenticated;
grant execute on function public.cancel_booking(bigint) to authenticated;
grant execute on function public.answer_booking_offer(bigint, boolean) to authenticated;

-- How many places are left, for the public page: {places, left, waiting, guests_left}.
create function public.event_places(opportunity bigint) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'places', s.places,
    'left', greatest(s.places - count(b.id) filter (where b.status in ('booked', 'offered')), 0),
    'guests_left', greatest(least(
      s.places - count(b.id) filter (where b.status in ('booked', 'offered')),
      s.places - s.held_for_members - count(b.id) filter (where b.status in ('booked', 'offered') and b.member_id is null)
    ), 0),
    'waiting', count(b.id) filter (where b.status = 'waiting'))
  from public.event_settings s
  join public.opportunities o on o.id = s.opportunity_id and o.status in ('published', 'closed')
  left join public.bookings b on b.opportunity_id = s.opportunity_id
  where s.opportunity_id = opportunity
  group by s.opportunity_id, s.places, s.held_for_members
$$;

revoke all on function public.event_places(bigint) from public;
grant execute on function public.event_places(bigint) to anon, authenticated, service_role;

-- A member's place on the waiting list (1 is next), or null.
create function public.waiting_position(booking bigint) returns integer
language sql stable security definer set search_path = ''
as $$
  select (select count(*) from public.bookings o
          where o.opportunity_id = b.opportunity_id and o.status = 'waiting'
            and (o.waiting_since, o.id) <= (b.waiting_since, b.id))::integer
  from public.bookings b
  where b.id = booking and b.status = 'waiting'
    and ((select private.acts_for(b.member_id)) or (select private.is_staff()))
$$;

revoke all on function public.waiting_position(bigint) from public, anon;
grant execute on function public.waiting_position(bigint) to authenticated;

-- The joining link goes to the people booked on an event as well as those taking part and staff.
create or replace function public.meeting_joining_link(meeting bigint) returns text
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
      or exists (
        select 1 from public.bookings b
        where b.opportunity_id = m.opportunity_id and b.status = 'booked' and (select private.acts_for(b.member_id))
      )
    )
$$;

-- Guests (through the server only) ---------------------------------------------------------------

-- A guest books with their name and email where staff allow public booking. Only the server calls
-- this (service role); it returns the guest's own booking and nothing of anybody else's.
create function public.book_guest_place(opportunity bigint, guest_name text, guest_email text,
  answers jsonb default '[]', request_key uuid default null)
returns public.bookings
language plpgsql volatile security definer set search_path = ''
as $$
declare
  event public.event_settings;
  taken integer;
  guests_taken integer;
  mine public.bookings;
  email text := lower(btrim(guest_email));
  name text := btrim(guest_name);
  free boolean;
begin
  if request_key is null then
    raise exception 'not_allowed';
  end if;
  select * into mine from public.bookings b where b.request_key = book_guest_place.request_key;
  if found then
    return mine;
  end if;
  if name is null or length(name) not between 1 and 120
     or email is null or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or length(email) > 254 then
    raise exception 'invalid_guest';
  end if;
  event := private.lock_open_event(opportunity);
  if not event.public_booking then
    raise exception 'no_public_booking';
  end if;
  select * into mine from public.bookings b
  where b.opportunity_id = opportunity and b.guest_email = email and b.status <> 'cancelled';
  if found then
    return mine;
  end if;
  select count(*), count(*) filter (where b.member_id is null) into taken, guests_taken
  from public.bookings b
  where b.opportunity_id = opportunity and b.status in ('booked', 'offered');
  free := taken < event.places and guests_taken < event.places - event.held_for_members;
  insert into public.bookings (opportunity_id, guest_name, guest_email, status, answers, request_key,
    waiting_since, booked_at)
  values (opportunity, name, email, case when free then 'booked' else 'waiting' end::public.booking_status,
    private.clean_answers(event.questions, answers), request_key,
    case when free then null else now() end, case when free then now() else null end)
  returning * into mine;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, case when free then 'guest place booked' else 'guest joined waiting list' end,
    'booking', mine.id::text, jsonb_build_object('opportunity_id', opportunity));
  return mine;
end
$$;

revoke all on function public.book_guest_place(bigint, text, text, jsonb, uuid) from public, anon, authenticated;
grant execute on function public.book_guest_place(bigint, text, text, jsonb, uuid) to service_role;

-- Staff ------------------------------------------------------------------------------------------

-- Who is coming (and who is waiting), with their answers and what each chose to share. The shared
-- access needs are given only to staff who arrange adjustments, and reading them writes one audit
-- row naming each member whose needs were read.
create function public.staff_event_bookings(opportunity bigint)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  arranger boolean := (select private.has_permission('arrange_adjustments'));
  result jsonb;
  read_members uuid[];
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', b.id, 'status', b.status, 'member_id', b.member_id,
      'name', coalesce(p.full_name, b.guest_name),
      'email', coalesce(p.email, b.guest_email),
      'phone', p.phone,
      'guest', b.member_id is null,
      'answers', b.answers, 'arranged', b.arranged,
      'attended', b.attended, 'waiting_since', b.waiting_since, 'booked_at', b.booked_at,
      'offer_expires_at', b.offer_expires_at,
      'shared_count', (select count(*) from public.booking_access_items i where i.booking_id = b.id),
      'shared', case when arranger then coalesce((
        select jsonb_agg(to_jsonb(i) - 'booking_id' order by i.category)
        from public.booking_access_items i where i.booking_id = b.id), '[]') end
    ) order by coalesce(p.full_name, b.guest_name), b.id), '[]')
  into result
  from public.bookings b
  left join public.profiles p on p.id = b.member_id
  where b.opportunity_id = opportunity and b.status <> 'cancelled';

  if arranger then
    select array_agg(distinct b.member_id) into read_members
    from public.bookings b
    where b.opportunity_id = opportunity and b.status <> 'cancelled'
      and exists (select 1 from public.booking_access_items i where i.booking_id = b.id);
    if read_members is not null then
      insert into public.audit_log (actor_id, action, entity, entity_id, details)
      values ((select auth.uid()), 'shared access needs read', 'opportunity', opportunity::text,
        jsonb_build_object('opportunity_id', opportunity, 'member_ids', to_jsonb(read_members)));
    end if;
  end if;
  return result;
end
$$;

-- Record what was arranged for a booking's shared access needs (told to the member in reminders).
create function public.arrange_for_booking(booking bigint, arranged text)
returns public.bookings
language plpgsql volatile security definer set search_path = ''
as $$
declare
  b public.bookings;
begin
  perform private.require_arranger();
  update public.bookings set arranged = nullif(btrim(arrange_for_booking.arranged), '')
  where id = booking returning * into b;
  if not found then
    raise exception 'not_found';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'booking arrangements recorded', 'booking', b.id::text,
    jsonb_build_object('opportunity_id', b.opportunity_id, 'member_id', b.member_id));
  return b;
end
$$;

-- Mark whether someone came. Whoever came gets the involvement record the year's figures count
-- (and a member's claim can start from): a member's own, or a guest's (public.guests, found or
-- added by email). Marking them as not there again removes it if nothing uses it.
create function public.mark_attendance(booking bigint, attended boolean)
returns public.bookings
language plpgsql volatile security definer set search_path = ''
as $$
declare
  b public.bookings;
  o public.opportunities;
  t record;
  inv bigint;
  guest bigint;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  select * into b from public.bookings x where x.id = booking for update;
  if not found then
    raise exception 'not_found';
  end if;
  if b.status <> 'booked' then
    raise exception 'wrong_status';
  end if;
  select * into o from public.opportunities x where x.id = b.opportunity_id;
  if attended and b.involvement_id is null then
    select * into t from private.event_times(o.id);
    if b.member_id is null then
      -- A guest is one of the people involved who are not members (public.guests), found by email.
      select g.id into guest from public.guests g where g.email = b.guest_email;
      if not found then
        insert into public.guests (full_name, email, created_by)
        values (b.guest_name, b.guest_email, (select auth.uid()))
        returning id into guest;
      end if;
    end if;
    insert into public.involvements (member_id, guest_id, opportunity_id, role, starts_on, ends_on)
    values (b.member_id, guest, o.id,
      case o.type when 'training' then 'Took part in training' else 'Came to the event' end,
      (t.starts_at at time zone 'Europe/London')::date,
      greatest((t.starts_at at time zone 'Europe/London')::date,
               ((t.ends_at - interval '1 second') at time zone 'Europe/London')::date))
    returning id into inv;
    b.involvement_id := inv;
  elsif not attended and b.involvement_id is not null then
    begin
      delete from public.involvements where id = b.involvement_id;
      b.involvement_id := null;
    exception when foreign_key_violation then
      null; -- a claim already starts from it: keep it
    end;
  end if;
  update public.bookings
  set attended = mark_attendance.attended, attendance_marked_at = now(),
      attendance_marked_by = (select auth.uid()), involvement_id = b.involvement_id
  where id = b.id returning * into b;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), case when attended then 'attendance marked' else 'marked as not there' end,
    'booking', b.id::text, jsonb_build_object('opportunity_id', b.opportunity_id, 'member_id', b.member_id));
  return b;
end
$$;

-- The event's figures: booked, attended, no-shows, waiting list, members and non-members.
create function public.event_figures(opportunity bigint)
returns table (booked integer, attended integer, no_shows integer, not_marked integer, waiting integer,
  offered integer, cancelled integer, members integer, guests integer, attended_members integer,
  attended_guests integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  ended boolean;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  select coalesce(t.ends_at <= now(), false) into ended from private.event_times(opportunity) t;
  return query
  select count(*) filter (where b.status = 'booked')::integer,
    count(*) filter (where b.status = 'booked' and b.attended)::integer,
    count(*) filter (where b.status = 'booked' and (b.attended = false or (coalesce(ended, false) and b.attended is null)))::integer,
    count(*) filter (where b.status = 'booked' and b.attended is null)::integer,
    count(*) filter (where b.status = 'waiting')::integer,
    count(*) filter (where b.status = 'offered')::integer,
    count(*) filter (where b.status = 'cancelled')::integer,
    count(*) filter (where b.status = 'booked' and b.member_id is not null)::integer,
    count(*) filter (where b.status = 'booked' and b.member_id is null)::integer,
    count(*) filter (where b.status = 'booked' and b.attended and b.member_id is not null)::integer,
    count(*) filter (where b.status = 'booked' and b.attended and b.member_id is null)::integer
  from public.bookings b
  where b.opportunity_id = opportunity;
end
$$;

-- For the staff home: events happening in the next 7 days, and events in the last 14 days with
-- booked people whose attendance is not marked yet.
create function public.staff_event_counts()
returns table (events_this_week integer, attendance_to_mark integer)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  return query
  select count(*) filter (where t.starts_at between now() and now() + interval '7 days')::integer,
    count(*) filter (where t.starts_at <= now() and t.starts_at > now() - interval '14 days'
      and exists (select 1 from public.bookings b
                  where b.opportunity_id = s.opportunity_id and b.status = 'booked' and b.attended is null))::integer
  from public.event_settings s
  cross join lateral private.event_times(s.opportunity_id) t;
end
$$;

revoke all on function public.staff_event_bookings(bigint) from public, anon;
revoke all on function public.arrange_for_booking(bigint, text) from public, anon;
revoke all on function public.mark_attendance(bigint, boolean) from public, anon;
revoke all on function public.event_figures(bigint) from public, anon;
revoke all on function public.staff_event_counts() from public, anon;
grant execute on function public.staff_event_bookings(bigint) to authenticated;
grant execute on function public.arrange_for_booking(bigint, text) to authenticated;
grant execute on function public.mark_attendance(bigint, boolean) to authenticated;
grant execute on function public.event_figures(bigint) to authenticated;
grant execute on function public.staff_event_counts() to authenticated;

-- Scheduled jobs (service role) ------------------------------------------------------------------

-- Offers that ran out are cancelled and the place offered to the next person. Returns how many ran out.
create function public.expire_booking_offers() returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  ev record;
  event public.event_settings;
  n integer := 0;
  c integer;
begin
  for ev in select distinct b.opportunity_id from public.bookings b
            where b.status = 'offered' and b.offer_expires_at <= now() loop
    select * into event from public.event_settings s where s.opportunity_id = ev.opportunity_id for update;
    update public.bookings set status = 'cancelled', cancelled_at = now(), offer_expires_at = null
    where opportunity_id = ev.opportunity_id and status = 'offered' and offer_expires_at <= now();
    get diagnostics c = row_count;
    n := n + c;
    perform private.offer_free_places(event);
  end loop;
  return n;
end
$$;

-- Every booking email and reminder due now that has not been claimed yet.
create function public.due_booking_notices()
returns table (booking_id bigint, kind text, channel public.contact_method)
language sql stable security definer set search_path = ''
as $$
  with b as (
    select b.*, t.starts_at, t.ends_at, s.reminder_days,
      coalesce(case when b.member_id is null then 'email'::public.contact_method
        when 'email' = any (p.contact_methods) then 'email'::public.contact_method
        else p.contact_methods[1] end, 'email') as channel
    from public.bookings b
    join public.event_settings s on s.opportunity_id = b.opportunity_id
    cross join lateral private.event_times(b.opportunity_id) t
    left join public.profiles p on p.id = b.member_id
    where b.status <> 'cancelled' or b.cancelled_at > now() - interval '1 day'
  ), due as (
    select b.id, 'confirmed' as kind, 'email'::public.contact_method as channel
    from b where b.status = 'booked' and b.starts_at > now()
    union all
    select b.id, 'waiting', 'email' from b where b.status = 'waiting' and b.starts_at > now()
    union all
    select b.id, 'offer:' || extract(epoch from b.offer_expires_at)::bigint, 'email'
    from b where b.status = 'offered' and b.offer_expires_at > now()
    union all
    select b.id, 'reminder:' || d, b.channel
    from b cross join lateral unnest(b.reminder_days) d
    where b.status = 'booked' and now() >= b.starts_at - make_interval(days => d) and now() < b.starts_at
      and b.booked_at <= b.starts_at - make_interval(days => d)
    union all
    select b.id, 'feedback', 'email'
    from b where b.status = 'booked' and b.attended and b.ends_at <= now() and b.ends_at > now() - interval '30 days'
  )
  select d.id, d.kind, d.channel from due d
  where not exists (select 1 from public.booking_notices n where n.booking_id = d.id and n.kind = d.kind)
  order by d.id, d.kind
$$;

revoke all on function public.expire_booking_offers() from public, anon, authenticated;
revoke all on function public.due_booking_notices() from public, anon, authenticated;
grant execute on function public.expire_booking_offers() to service_role;
grant execute on function public.due_booking_notices() to service_role;

grant select, insert, update, delete on table public.booking_notices to service_role;

-- Feedback after the event ---------------------------------------------------------------------

create table public.booking_feedback (
  booking_id bigint primary key references public.bookings (id) on delete cascade,
  rating text not null check (rating in ('good', 'ok', 'not_good')),
  comment text check (comment is null or length(comment) between 1 and 2000),
  created_at timestamptz not null default now()
);

comment on table public.booking_feedback is 'What a person who came thought of the event. Members read their own; staff read all; written by give_event_feedback().';

alter table public.booking_feedback enable row level security;
revoke all on table public.booking_feedback from anon, authenticated;
grant select on table public.booking_feedback to authenticated;

create policy "Members read their own feedback" on public.booking_feedback
  for select to authenticated
  using (exists (
    select 1 from public.bookings b where b.id = booking_id and (select private.acts_for(b.member_id))
  ));

create policy "Staff read feedback" on public.booking_feedback
  for select to authenticated
  using ((select private.is_staff()));

-- Give (or change) feedback on an event the member came to.
create function public.give_event_feedback(booking bigint, rating text, comment text default null)
returns public.booking_feedback
language plpgsql volatile security definer set search_path = ''
as $$
declare
  b public.bookings;
  f public.booking_feedback;
begin
  select * into b from public.bookings x where x.id = booking;
  if not found or not (select private.acts_for(b.member_id)) then
    raise exception 'not_found';
  end if;
  if b.status <> 'booked' or b.attended is not true then
    raise exception 'wrong_status';
  end if;
  insert into public.booking_feedback as x (booking_id, rating, comment)
  values (b.id, give_event_feedback.rating, nullif(btrim(give_event_feedback.comment), ''))
  on conflict (booking_id) do update set rating = excluded.rating, comment = excluded.comment, created_at = now()
  returning * into f;
  return f;
end
$$;

revoke all on function public.give_event_feedback(bigint, text, text) from public, anon;
grant execute on function public.give_event_feedback(bigint, text, text) to authenticated;
