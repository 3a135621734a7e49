-- Together demo data: a member whose download has every part. Liam Walsh has saved an opportunity
-- and is signed in on one device, beside his applications, claims and bookings from other files.
-- (The session's id is a random hash no one holds the token for.)

insert into public.saved_opportunities (member_id, opportunity_id, saved_at)
select p.id, o.id, now() - interval '3 days'
from public.profiles p
cross join lateral (select o.id from public.opportunities o where o.status = 'published' order by o.id limit 1) o
where p.email = 'liam.walsh@example.org'
on conflict do nothing;

insert into public.sessions (id, user_id, expires_at, created_at, last_active_at, authenticated_at)
select encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), p.id, now() + interval '28 days',
  now() - interval '2 days', now() - interval '2 days', now() - interval '2 days'
from public.profiles p
where p.email = 'liam.walsh@example.org';
