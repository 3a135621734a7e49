-- Together demo data: two more members who read Together in Welsh, for the browser tests of the last
-- member pages moved into Welsh and easy read (one for each test project, so no other journey signs
-- in as them). Each sits on the guideline committee (meetings ahead, so they can ask for
-- adjustments), has an unsent claim for the steering group meeting 19 days ago with some mileage on
-- it, and came to yesterday's carers' network get-together (so they can say what they thought).

insert into public.profiles
  (id, email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status, permissions,
   payment_method, created_at, updated_at)
values
  ('00000000-0000-4000-8172-000000000001', 'nia.pritchard@example.org', 'Nia Pritchard', 'Nia', 'she/her',
    '07700 900191', '{email}', '{}', 'member', 'active', '{}', 'bank',
    now() - interval '150 days', now() - interval '150 days'),
  ('00000000-0000-4000-8172-000000000002', 'gethin.rowlands@example.org', 'Gethin Rowlands', 'Gethin', 'he/him',
    '07700 900192', '{email}', '{}', 'member', 'active', '{}', 'bank',
    now() - interval '140 days', now() - interval '140 days')
on conflict (id) do nothing;

-- Their steering group seat ended yesterday, so the sitting group (12 in the demo) is unchanged.
insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on, created_at)
select p.id, o.id, r.role, o.starts_on,
  case when r.role = 'Steering group member' then current_date - 1 else o.ends_on end, now() - interval '100 days'
from public.profiles p
cross join public.opportunities o
join (values
  ('Guideline committee: moving from children''s to adults'' services%', 'Committee member'),
  ('Steering group member: recruitment round two years ago', 'Steering group member')
) as r(title, role) on o.title like r.title
where p.email in ('nia.pritchard@example.org', 'gethin.rowlands@example.org');

-- The unsent claim: the steering group meeting 19 days ago, with the mileage there and back.
with made as (
  insert into public.claims (member_id, involvement_id, meeting_id, activity_on, status, start_key, created_at)
  select p.id, i.id, m.id, (m.starts_at at time zone 'Europe/London')::date, 'draft', gen_random_uuid(),
    now() - interval '2 days'
  from public.profiles p
  join public.involvements i on i.member_id = p.id
  join public.opportunities o on o.id = i.opportunity_id
    and o.title = 'Steering group member: recruitment round two years ago'
  join public.meetings m on m.opportunity_id = o.id
    and (m.starts_at at time zone 'Europe/London')::date = current_date - 19
  where p.email in ('nia.pritchard@example.org', 'gethin.rowlands@example.org')
  returning id
)
insert into public.claim_lines (claim_id, category, description, amount_pence, miles, vehicle)
select made.id, 'mileage', 'Home to the Riverside Hub and back', 0, 24.5, 'car'
from made;

-- Yesterday's get-together: booked, came, and the involvement that records it.
insert into public.bookings (opportunity_id, member_id, status, request_key, booked_at, created_by, created_at)
select o.id, p.id, 'booked', gen_random_uuid(), now() - interval '12 days', p.id, now() - interval '12 days'
from public.opportunities o
cross join public.profiles p
where o.title = 'Carers'' network get-together'
  and p.email in ('nia.pritchard@example.org', 'gethin.rowlands@example.org')
on conflict do nothing;

with came as (
  insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on)
  select b.member_id, b.opportunity_id, 'Came to the event', current_date - 1, current_date - 1
  from public.bookings b
  join public.opportunities o on o.id = b.opportunity_id and o.title = 'Carers'' network get-together'
  join public.profiles p on p.id = b.member_id
    and p.email in ('nia.pritchard@example.org', 'gethin.rowlands@example.org')
  returning id, member_id, opportunity_id
)
update public.bookings b set attended = true, attendance_marked_at = now() - interval '20 hours',
  involvement_id = came.id
from came where b.member_id = came.member_id and b.opportunity_id = came.opportunity_id;

-- Confirmed, reminded and asked for feedback before today: nothing is emailed about these bookings
-- when the jobs first run.
insert into public.booking_notices (booking_id, kind, claimed_at, sent_at)
select b.id, k.kind, now() - interval '1 day', now() - interval '1 day'
from public.bookings b
join public.profiles p on p.id = b.member_id
cross join (values ('confirmed'), ('reminder:7'), ('reminder:1'), ('feedback')) as k (kind)
where p.email in ('nia.pritchard@example.org', 'gethin.rowlands@example.org')
on conflict do nothing;
