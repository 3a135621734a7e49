-- Together demo data: events and training people book a place on. Loaded after 10_meetings.sql.
-- The festival takes bookings; so do a training session, an online event, a workshop that is full
-- with a waiting list, two small workshops (the browser tests book, cancel and take up places on
-- them), and a get-together that happened yesterday, where staff mark who came.
-- Written straight to the tables (the seed runs as the owner); the app goes through the functions.

-- Staff who run events (the browser tests sign in as them): both arrange adjustments.
insert into public.profiles (id, email, full_name, preferred_name, contact_methods, role, status, permissions,
  created_at, updated_at)
values
  ('00000000-0000-4000-8000-000000000611', 'events.staff@example.org', 'Efa Thomas', 'Efa', '{email}', 'staff',
    'active', '{arrange_adjustments}', now() - interval '300 days', now() - interval '300 days'),
  ('00000000-0000-4000-8000-000000000612', 'events.staff2@example.org', 'Rhys Evans', 'Rhys', '{email}', 'staff',
    'active', '{arrange_adjustments}', now() - interval '300 days', now() - interval '300 days')
on conflict (email) do nothing;

-- New events and training ------------------------------------------------------------------------

insert into public.opportunities (type, title, summary, description, easy_read, location_type, location,
  starts_on, ends_on, schedule, time_commitment, payment, closes_at, places, status, topics, created_by,
  created_at, updated_at, published_at)
values
  ('training', 'Training: chairing a meeting well',
    'A morning on chairing meetings so that everyone can take part: pace, breaks, and making space for every voice.',
    'Members who chair or co-chair groups asked for this. We will practise with traffic-light cards, agree breaks at the start, and look at how to bring in people who speak less.',
    '[{"text": "Learn how to run a meeting so everyone can join in.", "pictogram": "meeting"},
      {"text": "It is one morning in Cardiff.", "pictogram": "calendar"}]',
    'in_person', 'Riverside Hub, 14 Station Road, Cardiff CF10 1AA', current_date + 20, current_date + 20,
    '10am to 12:30pm', 'One morning', '£75, plus travel', null, 16, 'published', '{training}',
    '00000000-0000-4000-8000-000000000003', now() - interval '10 days', now() - interval '10 days', now() - interval '10 days'),
  ('event', 'Online event: have your say on short breaks',
    'An hour online to tell us what makes a good short break for carers and the people they care for.',
    'We are writing advice on short breaks. Come and tell us what worked for you, what did not, and what you wish you had known. Live captions on, cameras optional, and you can join by phone.',
    '[{"text": "Tell us about short breaks for carers.", "pictogram": "group"},
      {"text": "It is on the computer or phone, for one hour.", "pictogram": "computer"}]',
    'online', null, current_date + 9, current_date + 9, '6pm to 7pm', 'One hour', '£25 voucher', null, 40,
    'published', '{carers}', '00000000-0000-4000-8000-000000000003', now() - interval '8 days', now() - interval '8 days',
    now() - interval '8 days'),
  ('event', 'Workshop: sharing your story safely',
    'A small workshop on telling your own story in talks and blogs, and keeping back what you want to keep private.',
    'Places are few so that everyone gets time to talk. If it is full, join the waiting list: when someone cancels, the place is offered to the next person.',
    '[]', 'in_person', 'Riverside Hub, 14 Station Road, Cardiff CF10 1AA', current_date + 16, current_date + 16,
    '1pm to 3pm', 'Two hours', '£75, plus travel', null, 3, 'published', '{mental health}',
    '00000000-0000-4000-8000-000000000003', now() - interval '12 days', now() - interval '12 days', now() - interval '12 days'),
  ('event', 'Workshop: writing in easy read (Cardiff)',
    'Two hours on writing in easy read: short sentences, one idea at a time, and choosing pictures.',
    'A hands-on workshop in small groups. Bring something you would like to make easier to read.',
    '[]', 'in_person', 'Riverside Hub, 14 Station Road, Cardiff CF10 1AA', current_date + 30, current_date + 30,
    '10am to 12pm', 'Two hours', '£75, plus travel', null, 2, 'published', '{easy read}',
    '00000000-0000-4000-8000-000000000003', now() - interval '5 days', now() - interval '5 days', now() - interval '5 days'),
  ('event', 'Workshop: writing in easy read (Swansea)',
    'Two hours on writing in easy read: short sentences, one idea at a time, and choosing pictures.',
    'A hands-on workshop in small groups. Bring something you would like to make easier to read.',
    '[]', 'in_person', 'Swansea Guildhall, Oystermouth Road, Swansea SA1 4PE', current_date + 31, current_date + 31,
    '10am to 12pm', 'Two hours', '£75, plus travel', null, 2, 'published', '{easy read}',
    '00000000-0000-4000-8000-000000000003', now() - interval '5 days', now() - interval '5 days', now() - interval '5 days'),
  ('event', 'Carers'' network get-together',
    'An afternoon for carers in the network to meet, share news and hear what the network has been doing.',
    'Tea, cake and conversation, with a short update from the co-production team.',
    '[]', 'in_person', 'Friends Meeting House, 6 Mount Street, Manchester M2 5NS', current_date - 1, current_date - 1,
    '2pm to 4pm', 'Two hours', 'Travel paid', null, 30, 'published', '{carers}',
    '00000000-0000-4000-8000-000000000003', now() - interval '30 days', now() - interval '30 days', now() - interval '30 days');

create temporary table demo_event_meetings (title text, name text, day date, starts time, ends time,
  location_type public.location_type, place text, joining_link text) on commit drop;
insert into demo_event_meetings values
  ('Training: chairing a meeting well', 'Training morning', current_date + 20, '10:00', '12:30', 'in_person',
    'Riverside Hub, 14 Station Road, Cardiff CF10 1AA', null),
  ('Online event: have your say on short breaks', 'Online event', current_date + 9, '18:00', '19:00', 'online',
    null, 'https://meet.example.org/short-breaks'),
  ('Workshop: sharing your story safely', 'Workshop', current_date + 16, '13:00', '15:00', 'in_person',
    'Riverside Hub, 14 Station Road, Cardiff CF10 1AA', null),
  ('Workshop: writing in easy read (Cardiff)', 'Workshop', current_date + 30, '10:00', '12:00', 'in_person',
    'Riverside Hub, 14 Station Road, Cardiff CF10 1AA', null),
  ('Workshop: writing in easy read (Swansea)', 'Workshop', current_date + 31, '10:00', '12:00', 'in_person',
    'Swansea Guildhall, Oystermouth Road, Swansea SA1 4PE', null),
  ('Carers'' network get-together', 'Get-together', current_date - 1, '14:00', '16:00', 'in_person',
    'Friends Meeting House, 6 Mount Street, Manchester M2 5NS', null);

insert into public.meetings (opportunity_id, title, starts_at, ends_at, location_type, place, joining_link,
  step_free, accessible_toilet, hearing_loop)
select o.id, d.name, (d.day + d.starts) at time zone 'Europe/London', (d.day + d.ends) at time zone 'Europe/London',
  d.location_type, d.place, d.joining_link,
  case when d.location_type = 'online' then null else true end,
  case when d.location_type = 'online' then null else true end,
  case when d.location_type = 'online' then null else true end
from demo_event_meetings d
join public.opportunities o on o.title = d.title;

-- Booking settings -------------------------------------------------------------------------------

insert into public.event_settings (opportunity_id, places, held_for_members, booking_closes_at, public_booking,
  questions, reminder_days, offer_hours)
select o.id, s.places, s.held, s.closes, s.public, s.questions::jsonb, s.reminders, 48
from (values
  ('Co-production week festival', 120, 40, (current_date + 11 + time '17:00') at time zone 'Europe/London', true,
    '["Which workshops would you like to go to?", "Will anyone come with you, such as a support worker?"]', '{7,1}'::integer[]),
  ('Training: chairing a meeting well', 16, 16, null::timestamptz, false,
    '["Do you chair a group now? Which one?"]', '{7,1}'),
  ('Online event: have your say on short breaks', 40, 10, null, true, '[]', '{7,1}'),
  ('Workshop: sharing your story safely', 3, 3, null, false, '[]', '{7,1}'),
  ('Workshop: writing in easy read (Cardiff)', 2, 2, null, false, '[]', '{7,1}'),
  ('Workshop: writing in easy read (Swansea)', 2, 2, null, false, '[]', '{7,1}'),
  ('Carers'' network get-together', 30, 0, null, true, '[]', '{7,1}')
) as s (title, places, held, closes, public, questions, reminders)
join public.opportunities o on o.title = s.title;

-- Bookings ---------------------------------------------------------------------------------------

insert into public.bookings (opportunity_id, member_id, status, request_key, booked_at, waiting_since, created_by, created_at)
select o.id, p.id, b.status::public.booking_status, gen_random_uuid(),
  case when b.status = 'booked' then now() - make_interval(days => b.days_ago) end,
  case when b.status = 'waiting' then now() - make_interval(days => b.days_ago) end,
  p.id, now() - make_interval(days => b.days_ago)
from (values
  ('Co-production week festival', 'samuel.adebayo@example.org', 'booked', 20),
  ('Co-production week festival', 'yusuf.karim@example.org', 'booked', 18),
  ('Co-production week festival', 'zainab.ali@example.org', 'booked', 15),
  ('Co-production week festival', 'liam.walsh@example.org', 'booked', 9),
  ('Training: chairing a meeting well', 'tariq.mahmood@example.org', 'booked', 6),
  ('Online event: have your say on short breaks', 'bethan.jones@example.org', 'booked', 4),
  ('Workshop: sharing your story safely', 'samuel.adebayo@example.org', 'booked', 11),
  ('Workshop: sharing your story safely', 'yusuf.karim@example.org', 'booked', 10),
  ('Workshop: sharing your story safely', 'zainab.ali@example.org', 'booked', 9),
  ('Workshop: sharing your story safely', 'liam.walsh@example.org', 'waiting', 8),
  ('Workshop: sharing your story safely', 'tariq.mahmood@example.org', 'waiting', 7),
  ('Workshop: writing in easy read (Cardiff)', 'grace.adeyemi@example.org', 'booked', 4),
  ('Workshop: writing in easy read (Swansea)', 'sophie.turner@example.org', 'booked', 4),
  ('Carers'' network get-together', 'nadia.rahman@example.org', 'booked', 14),
  ('Carers'' network get-together', 'niamh.oconnor@example.org', 'booked', 14),
  ('Carers'' network get-together', 'samuel.adebayo@example.org', 'booked', 13),
  ('Carers'' network get-together', 'yusuf.karim@example.org', 'booked', 12),
  ('Carers'' network get-together', 'zainab.ali@example.org', 'booked', 12),
  ('Carers'' network get-together', 'bethan.jones@example.org', 'booked', 10)
) as b (title, email, status, days_ago)
join public.opportunities o on o.title = b.title
join public.profiles p on p.email = b.email;

insert into public.bookings (opportunity_id, guest_name, guest_email, status, request_key, booked_at, created_at)
select o.id, g.name, g.email, 'booked', gen_random_uuid(), now() - interval '6 days', now() - interval '6 days'
from (values
  ('Co-production week festival', 'Helen Price', 'helen.price@example.net'),
  ('Co-production week festival', 'Marcus Lee', 'marcus.lee@example.net'),
  ('Carers'' network get-together', 'Joan Fairweather', 'joan.fairweather@example.net')
) as g (title, name, email)
join public.opportunities o on o.title = g.title;

-- What members chose to share: Samuel shares his travel needs for the festival and the workshop.
do $$
declare
  samuel uuid := (select id from public.profiles where email = 'samuel.adebayo@example.org');
  wording constant text := 'I agree that Together keeps the access needs I write here, so that the co-production team can arrange adjustments for me. '
    || 'I know this is information about my health. I can change it or delete it at any time.';
  consent bigint;
begin
  if samuel is null or exists (select 1 from public.access_needs where member_id = samuel) then
    return;
  end if;
  insert into public.access_need_consents (member_id, wording, agreed_at)
  values (samuel, wording, now() - interval '60 days') returning id into consent;
  insert into public.access_needs (member_id, consent_id, share_with_staff) values (samuel, consent, true);
  insert into public.access_need_items (member_id, category, options, note) values
    (samuel, 'travel', '{accessible_transport}', 'A vehicle with a ramp: I use a powered wheelchair.'),
    (samuel, 'meeting', '{step_free,accessible_toilet}', null),
    (samuel, 'communication', '{}', 'I speak slowly; please give me time to finish.');
  insert into public.booking_access_items (booking_id, category, options, note)
  select b.id, i.category, i.options, i.note
  from public.bookings b
  join public.opportunities o on o.id = b.opportunity_id
  join public.access_need_items i on i.member_id = samuel and i.category in ('travel', 'meeting')
  where b.member_id = samuel and o.title in ('Co-production week festival', 'Workshop: sharing your story safely',
    'Carers'' network get-together');
  update public.bookings b set arranged = 'Wheelchair accessible taxi booked both ways.'
  from public.opportunities o
  where o.id = b.opportunity_id and b.member_id = samuel and o.title = 'Co-production week festival';
end
$$;

-- Yesterday's get-together: some already marked (Samuel came, with the involvement it records;
-- Yusuf did not come).
with came as (
  insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on)
  select b.member_id, b.opportunity_id, 'Came to the event', current_date - 1, current_date - 1
  from public.bookings b
  join public.opportunities o on o.id = b.opportunity_id and o.title = 'Carers'' network get-together'
  join public.profiles p on p.id = b.member_id and p.email = 'samuel.adebayo@example.org'
  returning id, member_id, opportunity_id
)
update public.bookings b set attended = true, attendance_marked_at = now() - interval '20 hours',
  involvement_id = came.id
from came where b.member_id = came.member_id and b.opportunity_id = came.opportunity_id;

update public.bookings b set attended = false, attendance_marked_at = now() - interval '20 hours'
from public.opportunities o, public.profiles p
where o.id = b.opportunity_id and o.title = 'Carers'' network get-together'
  and p.id = b.member_id and p.email = 'yusuf.karim@example.org';

-- The demo's bookings were confirmed (and yesterday's reminders sent) before today: nothing is
-- emailed about them when the jobs first run.
insert into public.booking_notices (booking_id, kind, claimed_at, sent_at)
select b.id, k.kind, now() - interval '1 day', now() - interval '1 day'
from public.bookings b
cross join (values ('confirmed'), ('waiting'), ('reminder:7'), ('reminder:1'), ('feedback')) as k (kind)
on conflict do nothing;

-- Olga and Patrick keep access needs (the browser tests share one part of them when booking).
do $$
declare
  wording constant text := 'I agree that Together keeps the access needs I write here, so that the co-production team can arrange adjustments for me. '
    || 'I know this is information about my health. I can change it or delete it at any time.';
  who uuid;
  consent bigint;
begin
  for who in select id from public.profiles
             where email in ('olga.nowak@example.org', 'patrick.doyle@example.org')
               and id not in (select member_id from public.access_needs) loop
    insert into public.access_need_consents (member_id, wording, agreed_at)
    values (who, wording, now() - interval '30 days') returning id into consent;
    insert into public.access_needs (member_id, consent_id, share_with_staff) values (who, consent, true);
    insert into public.access_need_items (member_id, category, options, note, large_print_size) values
      (who, 'travel', '{taxi}', 'I cannot use buses.', null),
      (who, 'papers', '{large_print}', null, 18);
  end loop;
end
$$;
