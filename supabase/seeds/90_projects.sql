-- Together demo data: projects and the co-production evaluation tool. Loaded after the other seeds.
-- The guideline on moving from children's to adults' services has a plan, a reflection at its
-- first milestone and feedback from members (one named, two anonymous); the easy read style guide
-- has no plan and nobody involved yet, so the overview flags it. The browser and integration tests
-- use people of their own here: a project manager per browser-test project (phone, desktop), each
-- with a project and an activity to plan and reflect on, and members with a place in those
-- activities to give feedback on.
-- Written straight to the tables (the seed runs as the owner); the app goes through the functions.

insert into public.profiles (id, email, full_name, preferred_name, pronouns, contact_methods, role, status,
  created_at, updated_at)
values
  ('00000000-0000-4000-8900-000000000001', 'projects.manager.phone@example.org', 'Carys Bowen', 'Carys',
    'she/her', '{email}', 'staff', 'active', now() - interval '400 days', now() - interval '400 days'),
  ('00000000-0000-4000-8900-000000000002', 'projects.manager.desktop@example.org', 'Owen Price', 'Owen',
    'he/him', '{email}', 'staff', 'active', now() - interval '400 days', now() - interval '400 days'),
  ('00000000-0000-4000-8900-000000000011', 'projects.member.phone@example.org', 'Bethan Lloyd', 'Bethan',
    'she/her', '{email}', 'member', 'active', now() - interval '200 days', now() - interval '200 days'),
  ('00000000-0000-4000-8900-000000000012', 'projects.member.desktop@example.org', 'Marcus Reid', 'Marcus',
    'he/him', '{email}', 'member', 'active', now() - interval '200 days', now() - interval '200 days'),
  -- For the integration tests only.
  ('00000000-0000-4000-8900-000000000021', 'projects.feedback1@example.org', 'Imogen Hart', 'Imogen',
    'she/her', '{email}', 'member', 'active', now() - interval '200 days', now() - interval '200 days'),
  ('00000000-0000-4000-8900-000000000022', 'projects.feedback2@example.org', 'Dev Malhotra', 'Dev',
    'he/him', '{email}', 'member', 'active', now() - interval '200 days', now() - interval '200 days')
on conflict (email) do nothing;

insert into public.projects (name, aim, manager_id, programme_id, starts_on, ends_on, created_by, created_at)
values
  ('Guideline: moving from children''s to adults'' services',
    'A guideline on moving from children''s to adults'' services, written with young people and families who have been through it.',
    (select id from public.profiles where email = 'staff@example.org'),
    (select id from public.programmes where name = 'Guideline committees'),
    current_date - 60, current_date + 300, (select id from public.profiles where email = 'staff@example.org'),
    now() - interval '60 days'),
  ('Easy read style guide',
    'A style guide for easy read across the organisation, tested with members who use easy read.',
    (select id from public.profiles where email = 'morgan.hughes@example.org'),
    (select id from public.programmes where name = 'General work'),
    current_date + 30, current_date + 200, (select id from public.profiles where email = 'staff@example.org'),
    now() - interval '5 days'),
  ('Young carers'' guide',
    'A short guide for young carers on what support they can ask for, shaped by young carers in the network.',
    '00000000-0000-4000-8900-000000000001', (select id from public.programmes where name = 'Commissioned work'),
    current_date - 40, current_date + 120, '00000000-0000-4000-8900-000000000001', now() - interval '40 days'),
  ('Leaving hospital well',
    'Advice for hospital staff on planning a disabled person''s discharge with them and their carers.',
    '00000000-0000-4000-8900-000000000002', (select id from public.programmes where name = 'Commissioned work'),
    current_date - 40, current_date + 120, '00000000-0000-4000-8900-000000000002', now() - interval '40 days');

update public.opportunities set project_id = (select id from public.projects where name like 'Guideline: moving%')
where title like 'Guideline committee: moving from children''s to adults'' services%';

-- The browser-test projects' activities: a reading group each, which has happened.
insert into public.opportunities (type, title, summary, description, location_type, starts_on, ends_on,
  schedule, time_commitment, payment, places, status, topics, created_by, created_at, updated_at, published_at,
  programme_id, project_id)
select 'advisory_group', v.title, v.summary, '', 'online', current_date - 14, current_date - 14,
  '2pm to 4pm', 'Two hours', '£50', 8, 'closed', '{carers}', v.manager, now() - interval '40 days',
  now() - interval '40 days', now() - interval '40 days',
  (select id from public.programmes where name = 'Commissioned work'),
  (select id from public.projects where name = v.project)
from (values
  ('Reading group: young carers'' guide', 'Read the first draft of the young carers'' guide and tell us what to change.',
    '00000000-0000-4000-8900-000000000001'::uuid, 'Young carers'' guide'),
  ('Reading group: leaving hospital well', 'Read the first draft of the advice on leaving hospital and tell us what to change.',
    '00000000-0000-4000-8900-000000000002'::uuid, 'Leaving hospital well')
) as v (title, summary, manager, project);

insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on, created_at)
select p.id, o.id, 'Reader', o.starts_on, o.ends_on, now() - interval '30 days'
from public.profiles p
join public.opportunities o on o.title = case p.email
  when 'projects.member.phone@example.org' then 'Reading group: young carers'' guide'
  when 'projects.member.desktop@example.org' then 'Reading group: leaving hospital well'
  when 'projects.feedback1@example.org' then 'Reading group: young carers'' guide'
  when 'projects.feedback2@example.org' then 'Reading group: young carers'' guide'
end;

-- The guideline's plan, a reflection at its first milestone, and feedback ----------------------------

insert into public.plan_entries (project_id, principle_id, intention, how_involved, level, updated_by, updated_at)
select pr.id, e.id, v.intention, v.how_involved, v.level, pr.manager_id, now() - interval '55 days'
from public.projects pr
cross join (values
  ('Equality', 'Lay members have the same papers, time to speak and vote as professionals on the committee.',
    'Two lay members on the committee; papers two weeks ahead; a pre-meeting with the chair.', 3),
  ('Diversity', 'Young people and parents from different backgrounds and parts of the country.',
    'Recruitment shared with young people''s groups in Wales and the north of England.', 3),
  ('Accessibility', 'Everyone can take part in every meeting.',
    'Adjustments asked for at the start and checked before each meeting; easy read summaries.', 4),
  ('Reciprocity', 'Members are paid and get something back for their time.',
    'Fees and expenses; training in reviewing evidence; a reference at the end.', 3),
  ('How much power members share', 'Members shape the questions the guideline answers.',
    'Lay members co-chair the scoping workshop and agree the review questions.', 4)
) as v (principle, intention, how_involved, level)
join public.evaluation_principles e on e.name = v.principle
where pr.name like 'Guideline: moving%';

insert into public.reflections (project_id, kind, title, reflected_on, created_by, created_at)
select id, 'milestone', 'After the scoping workshop', current_date - 20, manager_id, now() - interval '20 days'
from public.projects where name like 'Guideline: moving%';

insert into public.reflection_entries (reflection_id, principle_id, what_happened, evidence, what_to_change, level)
select r.id, e.id, v.what_happened, v.evidence, v.what_to_change, v.level
from public.reflections r
join public.projects pr on pr.id = r.project_id and pr.name like 'Guideline: moving%'
cross join (values
  ('Equality', 'Lay members spoke in every item; one said the acronyms made it hard to follow.',
    'Meeting notes; feedback from two members.', 'A glossary with the papers; the chair checks acronyms.', 2),
  ('Diversity', 'Four members, all from England; nobody from Wales applied.',
    'Recruitment figures.', 'Ask the Welsh young people''s forum to share the next round.', 2),
  ('Accessibility', 'Every adjustment was in place; captions worked online.',
    'Adjustments arranged on time; members'' feedback.', 'Keep it up.', 4),
  ('Reciprocity', 'Fees paid within two weeks; the training was welcomed.',
    'Claims paid; training feedback.', 'Offer the training to the next group too.', 3),
  ('How much power members share', 'Members changed two of the five review questions.',
    'The agreed scope.', 'Give members the draft questions a week earlier.', 4)
) as v (principle, what_happened, evidence, what_to_change, level)
join public.evaluation_principles e on e.name = v.principle;

-- Grace gave her name; Sophie and Priya chose to stay anonymous.
insert into public.feedback_given (involvement_id, request_key)
select i.id, gen_random_uuid()
from public.involvements i
join public.profiles p on p.id = i.member_id
join public.opportunities o on o.id = i.opportunity_id
where o.title like 'Guideline committee: moving from children''s to adults'' services%'
  and p.email in ('grace.adeyemi@example.org', 'sophie.turner@example.org', 'member2@example.org');

insert into public.activity_feedback (opportunity_id, member_id, went, adjustments, listened, comment, easy_read,
  given_on)
select o.id, v.member, v.went, v.adjustments, v.listened, v.comment, v.easy_read, current_date - v.days
from public.opportunities o
cross join (values
  ((select id from public.profiles where email = 'grace.adeyemi@example.org'), 'well', 'right', 'yes',
    'The pre-meeting with the chair made a big difference.', false, 18),
  (null::uuid, 'okay', 'partly', 'partly', 'Too many acronyms. The captions were good.', false, 17),
  (null::uuid, 'well', 'none_needed', 'yes', '', true, 15)
) as v (member, went, adjustments, listened, comment, easy_read, days)
where o.title like 'Guideline committee: moving from children''s to adults'' services%';

-- The test members are not emailed about new opportunities (the seed's other members were told of
-- what was already published before these accounts existed).
update public.profiles set notify_rhythm = 'off'
where email in ('projects.member.phone@example.org', 'projects.member.desktop@example.org',
  'projects.feedback1@example.org', 'projects.feedback2@example.org');
