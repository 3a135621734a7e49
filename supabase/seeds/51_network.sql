-- Together demo data for the network and data rights: where members live and the lived experience
-- they chose to tell us, a co-opted member, a steering group term ending soon (so the reminder has
-- something to say), a member waiting to be deleted, and staff of the network's own for the browser
-- tests (one pair per browser project, so two journeys running at once never share a sign-in).

insert into public.profiles
  (id, email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status, permissions,
   created_at, updated_at)
values
  ('00000000-0000-4000-8510-000000000001', 'network.staff.phone@example.org', 'Imogen Barker', 'Imogen', 'she/her',
    '07700 900511', '{email}', '{}', 'staff', 'active', '{arrange_adjustments,finance}',
    now() - interval '300 days', now() - interval '300 days'),
  ('00000000-0000-4000-8510-000000000002', 'network.admin.phone@example.org', 'Rhys Pritchard', 'Rhys', 'he/him',
    '07700 900512', '{email}', '{}', 'admin', 'active', '{}',
    now() - interval '500 days', now() - interval '500 days'),
  ('00000000-0000-4000-8510-000000000003', 'network.staff.desktop@example.org', 'Marcus Reid', 'Marcus', 'he/him',
    '07700 900513', '{email}', '{}', 'staff', 'active', '{arrange_adjustments,finance}',
    now() - interval '280 days', now() - interval '280 days'),
  ('00000000-0000-4000-8510-000000000004', 'network.admin.desktop@example.org', 'Sian Cole', 'Sian', 'she/her',
    '07700 900514', '{email}', '{}', 'admin', 'active', '{}',
    now() - interval '520 days', now() - interval '520 days');

-- Where members live: a handful of regions across the network.
update public.profiles
set region = (array['North West', 'Yorkshire and the Humber', 'London', 'Wales', 'Scotland', 'North East',
  'West Midlands', 'South West'])[(ascii(substr(email, 2, 1)) % 8) + 1]
where role = 'member';

update public.profiles set region = 'North West' where email in ('member@example.org', 'kofi.boateng@example.org');
update public.profiles set region = 'Scotland' where email = 'eilidh.campbell@example.org';
update public.profiles set region = 'Yorkshire and the Humber' where email = 'hannah.schofield@example.org';

-- Lived experience, told by the members themselves.
insert into public.lived_experience (member_id, tags)
select p.id, t.tags
from (values
  ('member@example.org', '{disabled person,long-term condition}'::text[]),
  ('member2@example.org', '{carer}'::text[]),
  ('eilidh.campbell@example.org', '{carer,mental health}'::text[]),
  ('kofi.boateng@example.org', '{disabled person,sensory impairment}'::text[]),
  ('hannah.schofield@example.org', '{learning disability}'::text[]),
  ('declan.murphy@example.org', '{mental health}'::text[]),
  ('harpreet.kaur@example.org', '{carer,older person}'::text[])
) as t (email, tags)
join public.profiles p on p.email = t.email;

-- Liam was co-opted for his knowledge of housing; his term on the steering group ends in three weeks.
update public.profiles set co_opted = true where email = 'liam.walsh@example.org';
update public.involvements i set ends_on = current_date + 20
from public.profiles p
where p.id = i.member_id and p.email = 'liam.walsh@example.org' and i.role = 'Steering group member'
  and (i.ends_on is null or i.ends_on >= current_date);

-- Callum has asked for his data to be deleted.
insert into public.deletion_requests (member_id, request_key, requested_at)
select p.id, '00000000-0000-4000-8510-0000000000aa', now() - interval '3 days'
from public.profiles p where p.email = 'callum.fraser@example.org';
