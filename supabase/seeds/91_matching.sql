-- Together demo data: matching members to the work, and members' ideas. Loaded after seed.sql.
-- Members who chose to share skills and experience for matching (Alex, Priya and the browser tests'
-- own members), two opportunities that say what they look for, an invitation Alex has not answered,
-- an open call for ideas with three ideas (one published) and a closed call whose ideas were decided.
-- Written straight to the tables (the seed runs as the owner); the app goes through the functions.

-- The browser tests' own accounts: a member and a staff member for each of the phone and desktop runs.
insert into public.profiles (id, email, full_name, preferred_name, contact_methods, role, status, permissions,
  created_at, updated_at)
values
  ('00000000-0000-4000-8000-00000000a101', 'matching.member.phone@example.org', 'Cerys Lloyd', 'Cerys',
    '{email}', 'member', 'active', '{}', now() - interval '200 days', now() - interval '200 days'),
  ('00000000-0000-4000-8000-00000000a102', 'matching.member.desktop@example.org', 'Dev Anand', 'Dev',
    '{email}', 'member', 'active', '{}', now() - interval '200 days', now() - interval '200 days'),
  ('00000000-0000-4000-8000-00000000a103', 'matching.staff.phone@example.org', 'Hannah Moss', 'Hannah',
    '{email}', 'staff', 'active', '{}', now() - interval '300 days', now() - interval '300 days'),
  ('00000000-0000-4000-8000-00000000a104', 'matching.staff.desktop@example.org', 'Tomos Rhys', 'Tomos',
    '{email}', 'staff', 'active', '{}', now() - interval '300 days', now() - interval '300 days'),
  ('00000000-0000-4000-8000-00000000a105', 'ideas.member.phone@example.org', 'Lowri Price', 'Lowri',
    '{email}', 'member', 'active', '{}', now() - interval '150 days', now() - interval '150 days'),
  ('00000000-0000-4000-8000-00000000a106', 'ideas.member.desktop@example.org', 'Sami Okafor', 'Sami',
    '{email}', 'member', 'active', '{}', now() - interval '150 days', now() - interval '150 days')
on conflict (email) do nothing;

-- What members share for matching ------------------------------------------------------------------

insert into public.matching_profiles (member_id, experience, skills, develop)
values
  ('00000000-0000-4000-8000-000000000001', '{carer}', '{chairing,speaking}', '{interviewing}'),
  ('00000000-0000-4000-8000-000000000002', '{learning_disability}', '{reviewing_documents}', '{speaking}'),
  ('00000000-0000-4000-8000-00000000a101', '{learning_disability}', '{reviewing_documents}', '{chairing}'),
  ('00000000-0000-4000-8000-00000000a102', '{learning_disability}', '{reviewing_documents}', '{chairing}')
on conflict (member_id) do nothing;

-- What opportunities look for ---------------------------------------------------------------------

update public.opportunities set looks_for_experience = '{learning_disability}',
  looks_for_skills = '{reviewing_documents,chairing}'
where title = 'Advisory group on easy read information';

update public.opportunities set looks_for_experience = '{carer}', looks_for_skills = '{interviewing,chairing}'
where title = 'Recruitment panel: new chief executive';

-- Alex is invited to the recruitment panel and has not answered yet.
insert into public.match_invitations (opportunity_id, member_id, invited_by, experience, skills, develop, created_at)
select o.id, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003',
  '{carer}', '{chairing}', '{interviewing}', now() - interval '2 days'
from public.opportunities o where o.title = 'Recruitment panel: new chief executive'
on conflict (opportunity_id, member_id) do nothing;

-- Calls for ideas ---------------------------------------------------------------------------------

insert into public.idea_calls (question, details, closes_on, created_by, created_at)
select 'What should we work on together next year?',
  'Tell us about a project members and staff could do together. We will choose two ideas and pay the members who sent them to help run them.',
  current_date + 30, '00000000-0000-4000-8000-000000000003', now() - interval '5 days'
where not exists (select 1 from public.idea_calls where question = 'What should we work on together next year?');

insert into public.idea_calls (question, details, closes_on, created_by, created_at)
select 'How could we make our meetings more welcoming?', null, current_date - 60,
  '00000000-0000-4000-8000-000000000003', now() - interval '120 days'
where not exists (select 1 from public.idea_calls where question = 'How could we make our meetings more welcoming?');

insert into public.ideas (call_id, member_id, title, mode, body, status, published_at, request_key, created_at)
select c.id, x.member_id::uuid, x.title, x.mode::public.answer_mode, x.body, x.status, x.published_at,
  x.request_key::uuid, now() - interval '3 days'
from public.idea_calls c
cross join (values
  ('00000000-0000-4000-8000-000000000001', 'A peer support café for carers',
    'written', 'A monthly café where carers meet, share what works and hear from the team about what is changing.',
    'shortlisted', now() - interval '1 day', '9a000000-0000-4000-8000-000000000001'),
  ('00000000-0000-4000-8000-000000000002', 'Easy read checkers',
    'written', 'Train members who read easy read to check every leaflet before it goes out, and pay them for it.',
    'sent', null, '9a000000-0000-4000-8000-000000000002'),
  ('00000000-0000-4000-8000-00000000a105', 'Ring round for people without the internet',
    'phone_call', null, 'sent', null, '9a000000-0000-4000-8000-000000000003')
) as x (member_id, title, mode, body, status, published_at, request_key)
where c.question = 'What should we work on together next year?'
on conflict (request_key) do nothing;

insert into public.ideas (call_id, member_id, title, mode, body, status, published_at, outcome, outcome_sent_at,
  request_key, created_at)
select c.id, x.member_id::uuid, x.title, 'written', x.body, x.status, now() - interval '50 days', x.outcome,
  now() - interval '40 days', x.request_key::uuid, now() - interval '70 days'
from public.idea_calls c
cross join (values
  ('00000000-0000-4000-8000-000000000001', 'A quiet room at every meeting',
    'Have a quiet room with low light at every meeting, so people can take a break when they need to.', 'chosen',
    'Thank you. We chose your idea: from next month every meeting has a quiet room. We would like you to help us plan it.',
    '9a000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4000-8000-000000000002', 'Name badges with pronouns',
    'Offer name badges where people can add their pronouns if they want to.', 'not_chosen',
    'Thank you for your idea. We did not choose it this time, but we have passed it to the events team, who liked it.',
    '9a000000-0000-4000-8000-000000000005')
) as x (member_id, title, body, status, outcome, request_key)
where c.question = 'How could we make our meetings more welcoming?'
on conflict (request_key) do nothing;
