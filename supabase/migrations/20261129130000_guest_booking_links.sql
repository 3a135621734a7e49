-- A guest's own link to their booking. Guests have no account, so every booking email to a guest
-- carries a link with a secret of its own: with it they see their place, cancel it in one step (the
-- place then goes to the next person waiting) and, after the event, say what they thought.
--
-- The secret lives in the private schema, which the API does not expose; only the server (service
-- role) reads it, through the functions below, to put it in emails and to open the guest's page.

create table private.guest_booking_links (
  booking_id bigint primary key references public.bookings (id) on delete cascade,
  token uuid not null unique default gen_random_uuid(),
  created_at timestamptz not null default now()
);

comment on table private.guest_booking_links is 'The secret in a guest''s booking link. Read only by the server through guest_booking() and the guest functions.';

alter table private.guest_booking_links enable row level security;
revoke all on table private.guest_booking_links from public, anon, authenticated;

-- Every guest booking gets its link as it is made.
create function private.add_guest_booking_link() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  insert into private.guest_booking_links (booking_id) values (new.id) on conflict do nothing;
  return new;
end
$$;

revoke all on function private.add_guest_booking_link() from public;

create trigger bookings_guest_link after insert on public.bookings
  for each row when (new.member_id is null) execute function private.add_guest_booking_link();

-- Guest bookings made before links existed get theirs now.
insert into private.guest_booking_links (booking_id)
select b.id from public.bookings b where b.member_id is null
on conflict do nothing;

-- The links of some bookings (for the booking emails).
create function public.guest_booking_links(bookings bigint[])
returns table (booking_id bigint, token uuid)
language sql stable security definer set search_path = ''
as $$
  select l.booking_id, l.token from private.guest_booking_links l where l.booking_id = any (bookings)
$$;

-- What a guest's page shows: their booking, the event's times and whether they may still cancel or
-- now give feedback. Nothing about anyone else.
create function public.guest_booking(token uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'id', b.id, 'opportunity_id', b.opportunity_id, 'title', o.title, 'name', b.guest_name,
    'status', b.status, 'attended', b.attended, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
    'can_cancel', b.status in ('booked', 'waiting') and t.starts_at > now(),
    'can_give_feedback', b.status = 'booked' and b.attended is true and t.ends_at <= now(),
    'feedback', (select jsonb_build_object('rating', f.rating, 'comment', f.comment)
      from public.booking_feedback f where f.booking_id = b.id))
  from private.guest_booking_links l
  join public.bookings b on b.id = l.booking_id
  join public.opportunities o on o.id = b.opportunity_id
  cross join lateral private.event_times(b.opportunity_id) t
  where l.token = guest_booking.token
$$;

-- Cancel a guest's place (or leave the waiting list) in one step; the place goes to the next person.
-- Cancelling again answers with the cancelled booking.
create function public.cancel_guest_booking(token uuid) returns public.bookings
language plpgsql volatile security definer set search_path = ''
as $$
declare
  mine public.bookings;
  event public.event_settings;
begin
  select b.* into mine from private.guest_booking_links l join public.bookings b on b.id = l.booking_id
  where l.token = cancel_guest_booking.token;
  if not found then
    raise exception 'not_found';
  end if;
  select * into event from public.event_settings s where s.opportunity_id = mine.opportunity_id for update;
  select * into mine from public.bookings b where b.id = mine.id;
  if mine.status = 'cancelled' then
    return mine;
  end if;
  if (select t.starts_at from private.event_times(mine.opportunity_id) t) <= now() then
    raise exception 'event_started';
  end if;
  update public.bookings
  set status = 'cancelled', cancelled_at = now(), offer_expires_at = null
  where id = mine.id returning * into mine;
  perform private.offer_free_places(event);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'guest booking cancelled', 'booking', mine.id::text,
    jsonb_build_object('opportunity_id', mine.opportunity_id));
  return mine;
end
$$;

-- A guest who came says what they thought (saying again changes it), as members do.
create function public.give_guest_event_feedback(token uuid, rating text, comment text default null)
returns public.booking_feedback
language plpgsql volatile security definer set search_path = ''
as $$
declare
  b public.bookings;
  f public.booking_feedback;
begin
  select x.* into b from private.guest_booking_links l join public.bookings x on x.id = l.booking_id
  where l.token = give_guest_event_feedback.token;
  if not found then
    raise exception 'not_found';
  end if;
  if b.status <> 'booked' or b.attended is not true then
    raise exception 'wrong_status';
  end if;
  insert into public.booking_feedback as x (booking_id, rating, comment)
  values (b.id, give_guest_event_feedback.rating, nullif(btrim(give_guest_event_feedback.comment), ''))
  on conflict (booking_id) do update set rating = excluded.rating, comment = excluded.comment, created_at = now()
  returning * into f;
  return f;
end
$$;

revoke all on function public.guest_booking_links(bigint[]), public.guest_booking(uuid),
  public.cancel_guest_booking(uuid), public.give_guest_event_feedback(uuid, text, text)
  from public, anon, authenticated;
grant execute on function public.guest_booking_links(bigint[]), public.guest_booking(uuid),
  public.cancel_guest_booking(uuid), public.give_guest_event_feedback(uuid, text, text) to service_role;

-- A member's download: their bookings (with what they shared and what they thought), the feedback
-- they gave with their name, and which activities they have given feedback on. Anonymous feedback
-- has no member and so cannot be in it.
create function public.my_activity_data() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  if me is null or not exists (select 1 from public.profiles where id = me and deleted_at is null) then
    raise exception 'not_allowed';
  end if;
  return jsonb_build_object(
    'bookings', coalesce((select jsonb_agg(jsonb_build_object(
        'id', b.id, 'opportunity_id', b.opportunity_id, 'opportunity_title', o.title, 'status', b.status,
        'answers', b.answers, 'waiting_since', b.waiting_since, 'booked_at', b.booked_at,
        'offer_expires_at', b.offer_expires_at, 'cancelled_at', b.cancelled_at, 'arranged', b.arranged,
        'attended', b.attended, 'created_at', b.created_at,
        'shared_access_needs', coalesce((select jsonb_agg(to_jsonb(i) - 'booking_id' order by i.category)
          from public.booking_access_items i where i.booking_id = b.id), '[]'),
        'feedback', (select jsonb_build_object('rating', f.rating, 'comment', f.comment, 'given_at', f.created_at)
          from public.booking_feedback f where f.booking_id = b.id)
      ) order by b.created_at)
      from public.bookings b join public.opportunities o on o.id = b.opportunity_id
      where b.member_id = me), '[]'),
    'feedback', coalesce((select jsonb_agg(jsonb_build_object(
        'opportunity_id', a.opportunity_id, 'opportunity_title', o.title, 'went', a.went,
        'adjustments', a.adjustments, 'listened', a.listened, 'comment', a.comment,
        'easy_read', a.easy_read, 'given_on', a.given_on) order by a.given_on)
      from public.activity_feedback a join public.opportunities o on o.id = a.opportunity_id
      where a.member_id = me), '[]'),
    'feedback_given', coalesce((select jsonb_agg(jsonb_build_object('involvement_id', g.involvement_id)
        order by g.involvement_id)
      from public.feedback_given g join public.involvements i on i.id = g.involvement_id
      where i.member_id = me), '[]')
  );
end
$$;

revoke all on function public.my_activity_data() from public, anon;
grant execute on function public.my_activity_data() to authenticated;
