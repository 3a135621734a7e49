-- Together demo data for the year's figures: the two years the co-production report describes, the
-- programmes of this year's opportunities, guests (people involved who are not members), and staff
-- who look at the figures in the browser tests.
--
-- How the report's words are read, so every figure matches it exactly:
--
--   2016-17 (1 April 2016 to 31 March 2017)
--     Network at 31 March 2017: all 70 demo members (joined_on is when someone joined the network,
--       long before their account here; the two "invited" members were members then who have not
--       yet set up their account; the two who left did so in 2025).
--     57 members active (took part at least once): 57 / 70 = 81 % against the 50 % target.
--     General work: 41 members in 26 activities (61 places, 2.3 members an activity).
--     Guideline committees: 34 people on 11 committees = 26 members + 8 people who are not members.
--     10 members did both, so 41 + 26 - 10 = 57 members; with the 8 others, 65 people in all.
--     Activities with member involvement: 26 + 11 = 37.
--   2015-16 (1 April 2015 to 31 March 2016)
--     Network at 31 March 2016: 62 (8 of the 70 joined during 2016-17).
--     General work: 32 members in 23 activities (43 places).
--     Guideline committees: 45 people on 10 committees = 38 members + 7 people who are not members.
--     17 members did both, so 32 + 38 - 17 = 53 members active (85 % of 62); 60 people in all.
--
-- Members are numbered 1 to 70: first everyone except the people other demo journeys and tests lean
-- on, by email; those 13 (Alex, Priya, Callum, Vikram, Luis, Charlotte, Bethan, Tendai, Sophie,
-- Sinead, Owen and the two invited) are 58 to 70, so they took part in neither year and their own
-- lists of what they take part in stay as the other demo data made them.
--   joined: 1 to 62 before April 2015; 63 to 70 during 2016-17.
--   2016-17: general work 1 to 41 (1 to 20 in a second activity too); committees 32 to 57.
--   2015-16: general work 5 to 36 (5 to 15 in a second activity too); committees 20 to 57.
-- Historic opportunities are archived, named "<kind> on <topic> (<year>)" so that no title begins
-- like one of this year's (other demo data and tests find those by the start of their title).

-- Staff who look at the figures in the browser tests: one per project (phone, desktop).
insert into public.profiles
  (id, email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status,
   created_at, updated_at)
values
  ('00000000-0000-4000-8500-000000000001', 'figures.phone@example.org', 'Ngozi Adeleke', 'Ngozi', 'she/her',
    '07700 900501', '{email}', '{}', 'staff', 'active', now() - interval '600 days', now() - interval '600 days'),
  ('00000000-0000-4000-8500-000000000002', 'figures.desktop@example.org', 'Rhys Pritchard', 'Rhys', 'he/him',
    '07700 900502', '{email}', '{}', 'staff', 'active', now() - interval '550 days', now() - interval '550 days');

-- The members, numbered as above.
create temporary table figures_members as
select row_number() over (
    order by p.email in ('member@example.org', 'member2@example.org', 'callum.fraser@example.org',
      'vikram.rao@example.org', 'luis.fernandes@example.org', 'charlotte.ward@example.org',
      'bethan.jones@example.org', 'tendai.chikwanha@example.org', 'sophie.turner@example.org',
      'sinead.gallagher@example.org', 'owen.griffiths@example.org', 'andrew.sinclair@example.org',
      'joy.eze@example.org'),
    p.email
  )::integer as k,
  p.id
from public.profiles p
where p.role = 'member';

do $$
begin
  if (select count(*) from figures_members) <> 70 then
    raise exception 'The figures demo expects the 70 demo members, found %', (select count(*) from figures_members);
  end if;
end
$$;

-- Joining and leaving. Members 1 to 62 joined between 2010 and 2014, 63 to 70 during 2016-17.
update public.profiles p
set joined_on = case when f.k <= 62 then date '2010-05-03' + (f.k * 27)
                     else date '2016-05-02' + ((f.k - 63) * 31) end
from figures_members f
where f.id = p.id;

update public.profiles set left_on = date '2025-06-30' where role = 'member' and status = 'left';

-- Programmes on this year's opportunities -------------------------------------------------------------
-- Set without touching updated_at or writing "opportunity updated" to the audit log: this is how
-- the opportunities were made, not a change staff made.

alter table public.opportunities disable trigger opportunities_touch;
alter table public.opportunities disable trigger opportunities_audit;

update public.opportunities o
set programme_id = (select id from public.programmes where name = case
    when o.type = 'committee' then 'Guideline committees'
    when o.title like 'Research advisory group%' then 'Commissioned work'
    else 'General work' end);

-- The two years the report describes ------------------------------------------------------------------

create temporary table figures_topics as
select n::integer, topic
from unnest(array[
  'carers'' assessments', 'home care quality', 'direct payments', 'mental health crisis care',
  'moving to adult services', 'dementia-friendly services', 'annual health checks', 'leaving hospital',
  'social work training', 'keeping adults safe', 'sight loss services', 'access for deaf people',
  'autism assessment', 'housing with care', 'loneliness in later life', 'young carers',
  'personal budgets', 'end of life care', 'visiting care homes', 'easy read standards',
  'digital inclusion', 'advocacy', 'support into work', 'short breaks for carers',
  'making complaints easier', 'our co-production charter'
]) with ordinality as t (topic, n);

create temporary table figures_committee_topics as
select n::integer, topic
from unnest(array[
  'home care for older people', 'transition to adult social care',
  'mental health of adults with a learning disability', 'decision-making and mental capacity',
  'people''s experience of adult social care', 'intermediate care and reablement',
  'safeguarding adults in care homes', 'supporting adult carers', 'dementia assessment and support',
  'growing older with a learning disability', 'social work with adults with complex needs'
]) with ordinality as t (topic, n);

create temporary table figures_kinds as
select n::integer, label, type::public.opportunity_type
from (values
  (0, 'Advisory group', 'advisory_group'), (1, 'Expert reference group', 'expert_reference_group'),
  (2, 'Workshop', 'event'), (3, 'Focus group', 'event'),
  (4, 'Talk', 'speaking'), (5, 'Blog', 'writing')
) as k (n, label, type);

-- Activities: fy is the year the financial year starts in; n numbers the activity within its kind.
create temporary table figures_activities (
  fy integer, programme text, n integer, type public.opportunity_type, topic text, title text, starts_on date,
  ends_on date, id bigint
);

insert into figures_activities (fy, programme, n, type, topic, title, starts_on, ends_on)
select y.fy, 'General work', t.n, k.type, t.topic,
  k.label || ' on ' || t.topic || ' (' || y.fy || '-' || (y.fy - 1999) || ')',
  y.first_day + (t.n - 1) * y.step,
  case when k.type in ('advisory_group', 'expert_reference_group')
    then least(y.first_day + (t.n - 1) * y.step + 45, make_date(y.fy + 1, 3, 31))
    else y.first_day + (t.n - 1) * y.step end
from (values (2016, 26, date '2016-04-15', 13), (2015, 23, date '2015-04-20', 15)) as y (fy, count, first_day, step)
join figures_topics t on t.n <= y.count
join figures_kinds k on k.n = (t.n + case y.fy when 2016 then 0 else 3 end) % 6;

insert into figures_activities (fy, programme, n, type, topic, title, starts_on, ends_on)
select y.fy, 'Guideline committees', t.n, 'committee', t.topic,
  'Guideline committee on ' || t.topic || ' (' || y.fy || '-' || (y.fy - 1999) || ')',
  make_date(y.fy, 4, 1), make_date(y.fy + 1, 3, 31)
from (values (2016, 11), (2015, 10)) as y (fy, count)
join figures_committee_topics t on t.n <= y.count;

with made as (
  insert into public.opportunities
    (type, title, summary, location_type, location, starts_on, ends_on, status, programme_id,
     created_at, updated_at, published_at)
  select a.type, a.title,
    'Members shared what they know from their own lives about ' || a.topic || '.',
    'in_person', 'Bristol', a.starts_on, a.ends_on, 'archived',
    (select id from public.programmes where name = a.programme),
    a.starts_on - 60, a.ends_on + 30, a.starts_on - 60
  from figures_activities a
  order by a.fy, a.programme desc, a.n
  returning id, title
)
update figures_activities a set id = made.id from made where made.title = a.title;

alter table public.opportunities enable trigger opportunities_touch;
alter table public.opportunities enable trigger opportunities_audit;

-- People who took part but are not members: lay members from partner organisations.
create temporary table figures_guests (n integer, full_name text, email text, organisation text, id bigint);

insert into figures_guests (n, full_name, email, organisation)
select g.n, g.full_name, g.email, g.organisation
from (values
  (1, 'Bernadette Quayle', 'bernadette.quayle@example.com', 'Carers Together Bristol'),
  (2, 'Hamid Karimi', 'hamid.karimi@example.com', 'Deaf Access South West'),
  (3, 'Rosalind Teague', null, 'Older People''s Forum'),
  (4, 'Emeka Obi', 'emeka.obi@example.com', 'Learning Disability Voices'),
  (5, 'Wendy Marsh', 'wendy.marsh@example.com', null),
  (6, 'Gwilym Hopkins', null, 'Valleys Carers Network'),
  (7, 'Anjali Mistry', 'anjali.mistry@example.com', 'Mind the Gap Peer Support'),
  (8, 'Seamus Keane', 'seamus.keane@example.com', 'Independent Living Alliance'),
  (9, 'Tereza Novakova', 'tereza.novakova@example.com', null),
  (10, 'Douglas Reid', null, 'Sight Loss Council'),
  (11, 'Abena Owusu', 'abena.owusu@example.com', 'Young Carers Voice'),
  (12, 'Martin Ashdown', 'martin.ashdown@example.com', 'Families Advocacy Trust'),
  (13, 'Yasmin Hale', 'yasmin.hale@example.com', 'Autistic Adults Forum')
) as g (n, full_name, email, organisation);

with made as (
  insert into public.guests (full_name, email, organisation, created_at)
  select g.full_name, g.email, g.organisation, timestamptz '2015-03-20 10:00 Europe/London' + g.n * interval '1 day'
  from figures_guests g
  order by g.n
  returning id, full_name
)
update figures_guests g set id = made.id from made where made.full_name = g.full_name;

-- Places in the report's years: general work.
insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on, created_at)
select f.id, a.id, 'Member taking part', a.starts_on, a.ends_on, a.starts_on::timestamptz
from (
  select 2016 as fy, k, (k - 1) % 26 + 1 as n from generate_series(1, 41) as k
  union all select 2016, k, (k + 7) % 26 + 1 from generate_series(1, 20) as k
  union all select 2015, k, (k - 5) % 23 + 1 from generate_series(5, 36) as k
  union all select 2015, k, (k + 4) % 23 + 1 from generate_series(5, 15) as k
) as p
join figures_members f on f.k = p.k
join figures_activities a on a.fy = p.fy and a.programme = 'General work' and a.n = p.n;

-- Guideline committees: members, then guests (2015-16: guests 1 to 7; 2016-17: guests 4 to 11).
insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on, created_at)
select f.id, a.id, 'Lay member', a.starts_on, a.ends_on, a.starts_on::timestamptz
from (
  select 2016 as fy, k, (k - 32) % 11 + 1 as n from generate_series(32, 57) as k
  union all select 2015, k, (k - 20) % 10 + 1 from generate_series(20, 57) as k
) as p
join figures_members f on f.k = p.k
join figures_activities a on a.fy = p.fy and a.programme = 'Guideline committees' and a.n = p.n;

insert into public.involvements (guest_id, opportunity_id, role, starts_on, ends_on, created_at)
select g.id, a.id, 'Lay member (not a member of the network)', a.starts_on, a.ends_on, a.starts_on::timestamptz
from (
  select 2016 as fy, n as guest, (n - 4) % 11 + 1 as committee from generate_series(4, 11) as n
  union all select 2015, n, (n - 1) % 10 + 1 from generate_series(1, 7) as n
) as p
join figures_guests g on g.n = p.guest
join figures_activities a on a.fy = p.fy and a.programme = 'Guideline committees' and a.n = p.committee;

-- This year: two people who are not members on the committee about moving to adults' services,
-- and one more at the online coffee mornings pilot.
insert into public.involvements (guest_id, opportunity_id, role, starts_on, ends_on, created_at)
select g.id, o.id, 'Co-opted expert', o.starts_on, o.ends_on, now() - interval '20 days'
from public.guests g
cross join public.opportunities o
where g.email in ('martin.ashdown@example.com', 'yasmin.hale@example.com')
  and o.title like 'Guideline committee: moving from children''s to adults'' services%'
  and o.status <> 'archived';

insert into public.involvements (guest_id, opportunity_id, role, starts_on, ends_on, created_at)
select g.id, o.id, 'Guest', o.starts_on, o.ends_on, o.starts_on::timestamptz
from public.guests g
cross join public.opportunities o
where g.email = 'bernadette.quayle@example.com' and o.title = 'Online coffee mornings (pilot)';

drop table figures_members, figures_topics, figures_committee_topics, figures_kinds, figures_activities, figures_guests;
