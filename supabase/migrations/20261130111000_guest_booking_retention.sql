-- Guests' details on event bookings are kept for a stated period after the event, then anonymised.
--
-- A guest (someone without an account) who books an event gives their name and email address, and
-- answers the booking questions; staff may note what they arranged. Those are needed to run the
-- event, send its emails and ask for feedback, and for a while after it (questions, complaints,
-- the year's figures). They are kept for 12 months after the event ends (data_settings:
-- guest_booking_months, 1 to 120), then the scheduled retention job (apply_retention) blanks them
-- on the booking, removes the booking's guest link, and anonymises the guest's record
-- (private.anonymise_guest) once nothing they took part in is more recent than the period. The
-- booking row stays, with its status, attendance and any rating, so past events' figures stay right.
--
-- Also: both kinds of feedback (a member's, a guest's through their link) are saved by one private
-- function.

alter table public.data_settings
  add column guest_booking_months integer not null default 12 check (guest_booking_months between 1 and 120);

comment on column public.data_settings.guest_booking_months is 'How many months after an event ends guests'' names, email addresses and answers on its bookings are kept before the retention job anonymises them.';

alter table public.bookings add column guest_anonymised_at timestamptz;

comment on column public.bookings.guest_anonymised_at is 'When the retention job removed the guest''s name, email address, answers and what was arranged.';

alter table public.bookings drop constraint bookings_member_or_guest;
alter table public.bookings add constraint bookings_member_or_guest check (
  (member_id is not null and guest_name is null and guest_email is null and guest_anonymised_at is null)
  or (member_id is null and guest_anonymised_at is null and guest_name is not null and guest_email is not null)
  or (member_id is null and guest_anonymised_at is not null and guest_name is null and guest_email is null));

-- Anonymise the guest bookings of events that ended before the period; then the guests' records
-- whose every booking is anonymised and who took part in nothing more recent. Returns how many
-- bookings were anonymised.
create function private.anonymise_guest_bookings(today date) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  cutoff timestamptz := (today - make_interval(months => (select s.guest_booking_months from public.data_settings s)))
    ::timestamp at time zone 'Europe/London';
  emails text[];
  changed integer;
  g bigint;
begin
  with due as (
    select b.id, b.guest_email
    from public.bookings b
    cross join lateral private.event_times(b.opportunity_id) t
    where b.member_id is null and b.guest_anonymised_at is null and t.ends_at < cutoff
  ), done as (
    update public.bookings b
    set guest_name = null, guest_email = null, answers = '[]', arranged = null, guest_anonymised_at = now()
    from due where b.id = due.id
    returning due.guest_email
  )
  select coalesce(array_agg(distinct done.guest_email), '{}'), count(*) into emails, changed from done;

  delete from private.guest_booking_links l
  using public.bookings b
  where b.id = l.booking_id and b.guest_anonymised_at is not null;

  for g in
    select x.id from public.guests x
    where x.email = any (emails) and x.anonymised_at is null
      and not exists (select 1 from public.bookings b where b.guest_email = x.email)
      and not exists (
        select 1 from public.involvements i
        where i.guest_id = x.id and (i.ends_on is null or i.ends_on >= cutoff::date))
  loop
    perform private.anonymise_guest(g);
  end loop;
  return changed;
end
$$;

revoke all on function private.anonymise_guest_bookings(date) from public;
grant execute on function private.anonymise_guest_bookings(date) to service_role;

-- The retention job, as before, and now guests' bookings too.
create or replace function public.apply_retention(today date default current_date) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  ended uuid[];
  n_payees integer;
  n_audit integer;
  n_receipts integer;
  n_guest_bookings integer;
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
  n_guest_bookings := private.anonymise_guest_bookings(today);
  return jsonb_build_object('payment_records_anonymised', n_payees, 'receipts_removed', n_receipts,
    'audit_rows_removed', n_audit, 'guest_bookings_anonymised', n_guest_bookings);
end
$$;

-- Feedback: one insert for members and guests --------------------------------------------------

-- Save (or change) the feedback on a booking whose person came. The callers check who may.
create function private.save_event_feedback(booking bigint, rating text, comment text)
returns public.booking_feedback
language plpgsql volatile security definer set search_path = ''
as $$
declare
  b public.bookings;
  f public.booking_feedback;
begin
  select * into b from public.bookings x where x.id = save_event_feedback.booking;
  if b.status <> 'booked' or b.attended is not true then
    raise exception 'wrong_status';
  end if;
  insert into public.booking_feedback as x (booking_id, rating, comment)
  values (b.id, save_event_feedback.rating, nullif(btrim(save_event_feedback.comment), ''))
  on conflict (booking_id) do update set rating = excluded.rating, comment = excluded.comment, created_at = now()
  returning * into f;
  return f;
end
$$;

revoke all on function private.save_event_feedback(bigint, text, text) from public;

create or replace function public.give_event_feedback(booking bigint, rating text, comment text default null)
returns public.booking_feedback
language plpgsql volatile security definer set search_path = ''
as $$
declare
  b public.bookings;
begin
  select * into b from public.bookings x where x.id = booking;
  if not found or not (select private.acts_for(b.member_id)) then
    raise exception 'not_found';
  end if;
  return private.save_event_feedback(b.id, give_event_feedback.rating, give_event_feedback.comment);
end
$$;

create or replace function public.give_guest_event_feedback(token uuid, rating text, comment text default null)
returns public.booking_feedback
language plpgsql volatile security definer set search_path = ''
as $$
declare
  b public.bookings;
begin
  select x.* into b from private.guest_booking_links l join public.bookings x on x.id = l.booking_id
  where l.token = give_guest_event_feedback.token;
  if not found then
    raise exception 'not_found';
  end if;
  return private.save_event_feedback(b.id, give_guest_event_feedback.rating, give_guest_event_feedback.comment);
end
$$;

-- Attendance cannot be marked on a booking whose guest has been anonymised (there is no one to name
-- as the guest who came): the same function as before, with that check.
create or replace function public.mark_attendance(booking bigint, attended boolean)
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
  if b.status <> 'booked' or b.guest_anonymised_at is not null then
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
