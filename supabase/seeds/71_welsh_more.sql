-- Together demo data: two members who read Together in Welsh, for the browser tests of the Welsh
-- member pages (one for each test project, so no other journey signs in as them). Each has sent an
-- application for the steering group (which has a Welsh version) and booked a place at the
-- co-production week festival (which has none, so its title stays English, marked as such).

insert into public.profiles
  (id, email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status, permissions,
   created_at, updated_at)
values
  ('00000000-0000-4000-8171-000000000001', 'ceri.morgan@example.org', 'Ceri Morgan', 'Ceri', 'they/them',
    '07700 900181', '{email}', '{}', 'member', 'active', '{}',
    now() - interval '120 days', now() - interval '120 days'),
  ('00000000-0000-4000-8171-000000000002', 'dafydd.lloyd@example.org', 'Dafydd Lloyd', 'Dafydd', 'he/him',
    '07700 900182', '{email}', '{}', 'member', 'active', '{}',
    now() - interval '110 days', now() - interval '110 days')
on conflict (id) do nothing;

insert into public.applications (opportunity_id, member_id, status, submitted_at, created_at, updated_at)
select o.id, p.id, 'submitted', now() - interval '3 days', now() - interval '4 days', now() - interval '3 days'
from public.opportunities o
cross join public.profiles p
where o.title = 'Steering group member (12 places): open recruitment round'
  and p.email in ('ceri.morgan@example.org', 'dafydd.lloyd@example.org')
on conflict do nothing;

insert into public.bookings (opportunity_id, member_id, status, request_key, booked_at, created_by, created_at)
select o.id, p.id, 'booked', gen_random_uuid(), now() - interval '5 days', p.id, now() - interval '5 days'
from public.opportunities o
cross join public.profiles p
where o.title = 'Co-production week festival'
  and p.email in ('ceri.morgan@example.org', 'dafydd.lloyd@example.org')
on conflict do nothing;
