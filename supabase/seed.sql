-- Together: demo data for a new local database, loaded once after the migrations.
-- Everything here is fictional. Every name, email address and phone number is made up: the
-- addresses are at example.org and the phone numbers are in Ofcom's drama range (07700 900xxx).
-- Dates are relative to the day the seed runs, so the demo stays fresh.

-- Staff and admin ----------------------------------------------------------------------------
-- Sam Okafor is the co-production lead, Jo Williams the finance officer, Morgan Hughes a
-- co-production officer and Chris Evans the admin.

insert into public.profiles
  (id, email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status, created_at, updated_at)
values
  ('00000000-0000-4000-8000-000000000003', 'staff@example.org', 'Sam Okafor', 'Sam', 'he/him',
    '07700 900003', '{email,phone}', '{mental health,carers}', 'staff', 'active',
    now() - interval '820 days', now() - interval '820 days'),
  ('00000000-0000-4000-8000-000000000004', 'finance@example.org', 'Jo Williams', 'Jo', 'she/her',
    '07700 900004', '{email}', '{}', 'staff', 'active',
    now() - interval '760 days', now() - interval '760 days'),
  ('00000000-0000-4000-8000-000000000005', 'admin@example.org', 'Chris Evans', 'Chris', null,
    '07700 900005', '{email}', '{}', 'admin', 'active',
    now() - interval '900 days', now() - interval '900 days'),
  ('00000000-0000-4000-8000-000000000006', 'morgan.hughes@example.org', 'Morgan Hughes', 'Morgan', 'they/them',
    '07700 900006', '{email,text}', '{learning disability,easy read}', 'staff', 'active',
    now() - interval '430 days', now() - interval '430 days');

-- Demo members -------------------------------------------------------------------------------

insert into public.profiles
  (id, email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status, created_at, updated_at)
values
  ('00000000-0000-4000-8000-000000000001', 'member@example.org', 'Alex Morgan', 'Alex', 'they/them',
    '07700 900001', '{email,text}', '{mental health,carers,easy read}', 'member', 'active',
    now() - interval '400 days', now() - interval '35 days'),
  ('00000000-0000-4000-8000-000000000002', 'member2@example.org', 'Priya Shah', 'Priya', 'she/her',
    '07700 900002', '{email,phone}', '{older people,dementia,carers,research}', 'member', 'active',
    now() - interval '250 days', now() - interval '250 days');

-- More members -------------------------------------------------------------------------------
-- 68 more, so 70 members in all. Phone numbers, contact methods, interests and join dates are
-- worked out from each person's number, so the data is the same every time it is loaded.
-- Invited people have only what staff enter when they invite someone.

insert into public.profiles
  (email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status, invited_by,
   created_at, updated_at)
select
  regexp_replace(lower(m.first_name || '.' || m.last_name), '[^a-z.-]', '', 'g') || '@example.org',
  m.first_name || ' ' || m.last_name,
  m.preferred_name,
  case when m.status <> 'invited' then m.pronouns end,
  case when m.status <> 'invited' and m.n % 6 <> 0 then '07700 900' || (100 + m.n * 11)::text end,
  case when m.status = 'invited' then '{email}'
    else (array['{email}', '{email,text}', '{phone}', '{email,phone}', '{text}', '{email,post}'])[m.n % 6 + 1]
  end::public.contact_method[],
  case when m.status = 'invited' or m.n % 17 = 0 then '{}'::text[]
    else array(
      select distinct v.vocabulary[i]
      from unnest(array[m.n % 14 + 1, (m.n * 5 + 3) % 14 + 1,
                        case when m.n % 3 = 0 then (m.n * 3 + 7) % 14 + 1 end]) as i
      where i is not null
      order by 1
    )
  end,
  'member',
  m.status::public.member_status,
  case when m.status = 'invited' then '00000000-0000-4000-8000-000000000003'::uuid end,
  case when m.status = 'invited' then now() - make_interval(days => 70 - m.n)
    else now() - make_interval(days => 20 + m.n * 9) end,
  case when m.status = 'invited' then now() - make_interval(days => 70 - m.n)
    else now() - make_interval(days => 20 + m.n * 4) end
from (
  values
    (1, 'Aisha', 'Begum', null, 'she/her', 'active'),
    (2, 'Tom', 'Fletcher', 'Tommy', 'he/him', 'active'),
    (3, 'Niamh', 'O''Connor', null, 'she/her', 'active'),
    (4, 'Gareth', 'Price', null, 'he/him', 'active'),
    (5, 'Mei Lin', 'Chen', 'Mei', null, 'active'),
    (6, 'Kwame', 'Mensah', null, 'he/him', 'active'),
    (7, 'Fiona', 'MacLeod', null, 'she/her', 'active'),
    (8, 'Daniel', 'Cohen', 'Dan', 'he/him', 'active'),
    (9, 'Rhiannon', 'Davies', null, 'she/her', 'paused'),
    (10, 'Imran', 'Hussain', null, null, 'active'),
    (11, 'Sophie', 'Turner', null, 'she/her', 'active'),
    (12, 'Chidi', 'Okonkwo', null, 'he/him', 'active'),
    (13, 'Hannah', 'Schofield', null, 'she/they', 'active'),
    (14, 'Jamal', 'Ahmed', null, 'he/him', 'left'),
    (15, 'Eilidh', 'Campbell', null, 'she/her', 'active'),
    (16, 'Patrick', 'Doyle', 'Paddy', 'he/him', 'active'),
    (17, 'Zainab', 'Ali', null, null, 'active'),
    (18, 'Oliver', 'Bennett', 'Olly', 'he/him', 'active'),
    (19, 'Grace', 'Adeyemi', null, 'she/her', 'active'),
    (20, 'Ravi', 'Patel', null, 'he/him', 'active'),
    (21, 'Bethan', 'Jones', null, 'she/her', 'active'),
    (22, 'Marcus', 'Campbell-Reid', null, 'he/him', 'active'),
    (23, 'Lucy', 'Nguyen', null, 'she/her', 'paused'),
    (24, 'Declan', 'Murphy', null, null, 'active'),
    (25, 'Amara', 'Osei', null, 'she/her', 'active'),
    (26, 'Stephen', 'Clarke', 'Steve', 'he/him', 'active'),
    (27, 'Harpreet', 'Kaur', null, 'she/her', 'active'),
    (28, 'Jordan', 'Taylor', null, 'they/them', 'active'),
    (29, 'Margaret', 'Hall', 'Peggy', 'she/her', 'active'),
    (30, 'Yusuf', 'Karim', null, 'he/him', 'active'),
    (31, 'Catrin', 'Llewellyn', null, 'she/her', 'active'),
    (32, 'Ben', 'Whitaker', null, null, 'active'),
    (33, 'Olga', 'Nowak', null, 'she/her', 'active'),
    (34, 'Callum', 'Fraser', null, 'he/him', 'active'),
    (35, 'Nadia', 'Rahman', null, 'she/her', 'active'),
    (36, 'Dev', 'Sharma', null, 'he/they', 'active'),
    (37, 'Ellie', 'Robinson', null, 'she/her', 'paused'),
    (38, 'Tariq', 'Mahmood', null, 'he/him', 'active'),
    (39, 'Joanne', 'Pearson', 'Jo', null, 'active'),
    (40, 'Kofi', 'Boateng', null, 'he/him', 'active'),
    (41, 'Shona', 'McKenzie', null, 'she/her', 'active'),
    (42, 'Robert', 'Greenwood', 'Bob', 'he/him', 'active'),
    (43, 'Leah', 'Goldberg', null, 'she/her', 'active'),
    (44, 'Anil', 'Gupta', null, 'he/him', 'left'),
    (45, 'Megan', 'Lloyd', null, null, 'active'),
    (46, 'Samuel', 'Adebayo', 'Sam', 'he/him', 'active'),
    (47, 'Katarzyna', 'Wojcik', 'Kasia', 'she/her', 'active'),
    (48, 'Liam', 'Walsh', null, 'he/him', 'active'),
    (49, 'Farah', 'Siddiqui', null, 'she/her', 'active'),
    (50, 'Ruth', 'Ellison', null, null, 'active'),
    (51, 'Ashok', 'Menon', null, 'he/him', 'paused'),
    (52, 'Isla', 'Robertson', null, 'she/her', 'active'),
    (53, 'Kieran', 'Byrne', null, 'he/him', 'active'),
    (54, 'Precious', 'Moyo', null, 'she/her', 'active'),
    (55, 'George', 'Harris', null, null, 'active'),
    (56, 'Sana', 'Iqbal', null, 'she/her', 'active'),
    (57, 'Owen', 'Griffiths', null, 'he/him', 'active'),
    (58, 'Charlotte', 'Ward', 'Charlie', 'she/her', 'active'),
    (59, 'Tendai', 'Chikwanha', null, null, 'active'),
    (60, 'Frankie', 'Moss', null, 'they/them', 'paused'),
    (61, 'Sinead', 'Gallagher', null, 'she/her', 'active'),
    (62, 'Mohammed', 'Farouk', 'Mo', 'he/him', 'active'),
    (63, 'Eleanor', 'Brooks', 'Nell', 'she/her', 'active'),
    (64, 'Luis', 'Fernandes', null, 'he/him', 'active'),
    (65, 'Hye-jin', 'Park', null, 'she/her', 'active'),
    (66, 'Andrew', 'Sinclair', 'Andy', null, 'invited'),
    (67, 'Joy', 'Eze', null, null, 'invited'),
    (68, 'Vikram', 'Rao', null, 'he/him', 'active')
) as m (n, first_name, last_name, preferred_name, pronouns, status)
cross join (
  select array[
    'mental health', 'learning disability', 'autism', 'carers', 'older people',
    'children and young people', 'dementia', 'housing', 'sensory impairment',
    'physical disability', 'easy read', 'research', 'training', 'speaking'
  ] as vocabulary
) as v
order by m.n;

-- Opportunities: published --------------------------------------------------------------------

insert into public.opportunities
  (type, title, summary, description, easy_read, location_type, location, starts_on, ends_on,
   schedule, time_commitment, payment, closes_at, places, status, topics,
   created_by, created_at, updated_at, published_at)
values
  -- The steering group's open recruitment round.
  (
    'steering_group_role',
    'Steering group member (12 places): open recruitment round',
    'Our steering group of members and staff decides how Together works. We are looking for 12 members to join for two years, starting in the new year.',
    array_to_string(array[
      'The steering group is where members and staff decide together how the network is run. It agrees our priorities for the year, checks that involvement payments are fair and on time, and makes sure members'' ideas reach the people who run the organisation.',
      'This is our open recruitment round for 12 places. You do not need any experience of committees. We are looking for people who can listen, share their own experience of care or support, and speak up for members who are not in the room. We especially welcome young carers, people from Black, Asian and minority ethnic communities, and people living in rural areas, because we hear from them less often.',
      'The group meets four times a year in Manchester, and you can join on Zoom instead if that suits you better. Each meeting runs from 10am to 3pm, with breaks and lunch. We send the papers a week before, in standard and easy read versions, and a member of staff will phone you before your first meeting to talk through anything you need.',
      'To apply, tell us why you would like to join. You can write it down, record your voice, or ask us to phone you. Places last for two years.'
    ], E'\n\n'),
    '[
      {"text": "The steering group decides how Together is run.", "pictogram": "steering"},
      {"text": "Members and staff work on the group together.", "pictogram": "group"},
      {"text": "We want 12 new members to join the group.", "pictogram": "star"},
      {"text": "The group meets 4 times a year.", "pictogram": "calendar"},
      {"text": "You can come to Manchester or join online.", "pictogram": "location"},
      {"text": "We pay you £150 for each meeting.", "pictogram": "money"},
      {"text": "You can apply by writing, recording your voice, or a phone call.", "pictogram": "writing"}
    ]',
    'hybrid',
    'Friends Meeting House, 6 Mount Street, Manchester M2 5NS, or join on Zoom',
    current_date + 60,
    current_date + 790,
    'Four meetings a year, 10am to 3pm, with breaks',
    'About 1 day every 3 months, plus 2 hours reading before each meeting',
    '£150 for a meeting of 4 hours or more, £75 under 4 hours, plus travel and other expenses',
    current_date + 35 + time '17:00',
    12,
    'published',
    '{carers,learning disability,mental health,physical disability}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '12 days', now() - interval '9 days', now() - interval '9 days'
  ),
  (
    'committee',
    'Guideline committee: supporting adults with a learning disability in later life',
    'Help write national guidance on care and support for people with a learning disability as they grow older. We have 2 places for lay members with lived experience.',
    array_to_string(array[
      'Guideline committees write the national guidance that social care services follow. This committee will look at how people with a learning disability are supported as they get older, including health checks, staying in their own home, and planning for the end of life.',
      'We have 2 places for lay members: people with a learning disability, or family carers of someone with a learning disability. Lay members are full members of the committee. Your experience sits alongside that of social workers, nurses and researchers, and it carries equal weight.',
      'The committee meets about once every six weeks for 18 months at our London venue. Every meeting has easy read papers, a quiet room, and a named member of staff you can talk to at any time. You are welcome to bring a supporter, and we pay their travel too.'
    ], E'\n\n'),
    '[
      {"text": "This group writes advice for care services across the country.", "pictogram": "document"},
      {"text": "The advice is about people with a learning disability getting older.", "pictogram": "person"},
      {"text": "We want 2 people with their own experience to join.", "pictogram": "group"},
      {"text": "Family carers can apply too.", "pictogram": "care"},
      {"text": "The group meets in London about every 6 weeks.", "pictogram": "calendar"},
      {"text": "You can bring someone to support you.", "pictogram": "help"},
      {"text": "We pay £150 for each meeting and your travel costs.", "pictogram": "money"}
    ]',
    'in_person',
    'Resource for London, 356 Holloway Road, London N7 6PA',
    current_date + 56,
    current_date + 596,
    'One meeting about every 6 weeks, 10am to 4pm, with breaks',
    'About 2 days a month, including reading',
    '£150 for a meeting of 4 hours or more, £75 under 4 hours, plus travel and other expenses',
    current_date + 28 + time '17:00',
    2,
    'published',
    '{learning disability,older people,housing}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '20 days', now() - interval '18 days', now() - interval '18 days'
  ),
  (
    'expert_reference_group',
    'Expert reference group: carers'' breaks',
    'Tell us what makes a real break from caring, and what gets in the way. Six online meetings over a year, for anyone who cares for a family member or friend.',
    array_to_string(array[
      'A break from caring can be the difference between coping and reaching crisis point, but many carers tell us they cannot find one that works for them. This expert reference group will advise our research team on a new review of short breaks, respite care and replacement care.',
      'You are the expert here. We want to hear from carers of all ages and circumstances, including people caring for more than one person, people who work as well as care, and former carers. You do not need to have used a break service to take part.',
      'Meetings are on Zoom and last 2 hours, in the early evening so that more carers can join. If you need someone to look after the person you care for while you take part, we will pay for replacement care.'
    ], E'\n\n'),
    '[
      {"text": "Carers look after a family member or friend.", "pictogram": "care"},
      {"text": "Carers need time off from caring.", "pictogram": "break"},
      {"text": "We want to know what helps carers get a break.", "pictogram": "question"},
      {"text": "The group meets online 6 times in one year.", "pictogram": "online"},
      {"text": "Each meeting is 2 hours in the evening.", "pictogram": "clock"},
      {"text": "We pay £75 for each meeting.", "pictogram": "money"},
      {"text": "We can pay for someone to care while you join.", "pictogram": "help"}
    ]',
    'online',
    'Online on Zoom',
    current_date + 24,
    current_date + 389,
    'Six meetings over a year, 6pm to 8pm on weekday evenings',
    'About 3 hours every two months, including reading',
    '£75 for each meeting (under 4 hours), plus replacement care and other expenses',
    current_date + 10 + time '17:00',
    10,
    'published',
    '{carers,research}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '25 days', now() - interval '21 days', now() - interval '21 days'
  ),
  (
    'advisory_group',
    'Advisory group on easy read information',
    'Help us check that our easy read leaflets and web pages really are easy to read. We are looking for 8 people who use easy read themselves or support someone who does.',
    array_to_string(array[
      'We publish a lot of information about care and support, and we want everyone to be able to understand it. The easy read advisory group tests our easy read documents before they go out, and tells us honestly what works and what does not.',
      'You might read easy read yourself, or support a friend, family member or person you work with to use it. We will show you draft leaflets, pictures and web pages and ask what you think. There are no wrong answers.',
      'The group meets every two months for 2 hours, in Birmingham or on Zoom. If you prefer paper, we will post everything to you a week before each meeting.'
    ], E'\n\n'),
    '[
      {"text": "Easy read makes information easier to understand.", "pictogram": "reading"},
      {"text": "We want to check that our easy read is good.", "pictogram": "tick"},
      {"text": "You will look at leaflets and pictures.", "pictogram": "document"},
      {"text": "Tell us what is easy and what is hard.", "pictogram": "talk"},
      {"text": "The group meets every 2 months for 2 hours.", "pictogram": "calendar"},
      {"text": "You can come to Birmingham or join online.", "pictogram": "location"},
      {"text": "We pay £75 for each meeting and your travel.", "pictogram": "money"}
    ]',
    'hybrid',
    'The Priory Rooms, 40 Bull Street, Birmingham B4 6AF, or join on Zoom',
    current_date + 42,
    current_date + 407,
    'Every two months, 11am to 1pm',
    'About 3 hours every two months',
    '£75 for a meeting under 4 hours, plus travel and other expenses',
    current_date + 21 + time '17:00',
    8,
    'published',
    '{easy read,learning disability,autism}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '16 days', now() - interval '14 days', now() - interval '14 days'
  ),
  (
    'event',
    'Co-production week festival',
    'A free day of workshops, music and conversation in Manchester to celebrate co-production week. Come along, meet other members and help shape our plans for next year.',
    array_to_string(array[
      'Co-production week is a chance to celebrate what happens when people who use services and the people who run them work together as equals. This year we are holding a festival day for members, their families and supporters, and staff.',
      'There will be short workshops on topics members have asked for, including how guideline committees work and how to share your story safely. There is also a marketplace of local groups, live music at lunchtime, and a quiet room all day.',
      'The venue is step-free, with accessible toilets and a hearing loop. British Sign Language interpreters will be there all day. When you book, tell us if you need anything else, such as space for a support worker, large print or water for an assistance dog.'
    ], E'\n\n'),
    '[
      {"text": "Come to our festival day in Manchester.", "pictogram": "star"},
      {"text": "Meet other members and have fun.", "pictogram": "group"},
      {"text": "There are talks, music and a free lunch.", "pictogram": "food"},
      {"text": "There is a quiet room if you need a rest.", "pictogram": "quiet"},
      {"text": "The building has no steps and has accessible toilets.", "pictogram": "wheelchair"},
      {"text": "Sign language interpreters will be there all day.", "pictogram": "hearing"},
      {"text": "It is free and we pay for your travel.", "pictogram": "travel"}
    ]',
    'in_person',
    'Friends Meeting House, 6 Mount Street, Manchester M2 5NS',
    current_date + 13,
    current_date + 13,
    'One day, 10am to 4pm. Come for as long as you like',
    'One day, or part of a day',
    'Free, with lunch and travel paid',
    current_date + 6 + time '17:00',
    120,
    'published',
    '{carers,learning disability,mental health,training}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '40 days', now() - interval '30 days', now() - interval '30 days'
  ),
  (
    'training',
    'Training: how involvement payments work',
    'A friendly online session on how we pay members, what to do about tax, and how payments can affect benefits. Bring your questions.',
    array_to_string(array[
      'Being paid for your time and expertise is an important part of co-production, but we know payments can be worrying, especially if you receive benefits. This session explains how involvement payments work from start to finish.',
      'Jo Williams from our finance team will go through how to claim, when the money reaches your bank account, and what records to keep. An independent welfare rights adviser will explain how payments can affect Universal Credit, Personal Independence Payment and Carer''s Allowance, and how to tell the right office about them.',
      'You can choose to be paid, to receive vouchers, or to take part as a volunteer with expenses only. This session will help you decide what is right for you. There will be time for questions, and you can ask in private afterwards if you prefer.'
    ], E'\n\n'),
    '[
      {"text": "This training is about how we pay members.", "pictogram": "money"},
      {"text": "You will learn how to ask for your money.", "pictogram": "papers"},
      {"text": "Payments can change the benefits some people get.", "pictogram": "question"},
      {"text": "An expert will explain what to do about benefits.", "pictogram": "person"},
      {"text": "You can choose not to be paid.", "pictogram": "tick"},
      {"text": "The training is online and lasts 2 hours.", "pictogram": "online"},
      {"text": "You can ask questions in private afterwards.", "pictogram": "talk"}
    ]',
    'online',
    'Online on Zoom',
    current_date + 15,
    current_date + 15,
    'One session, 2pm to 4pm, with a break',
    '2 hours',
    'Free to attend',
    current_date + 12 + time '17:00',
    30,
    'published',
    '{training,carers}',
    '00000000-0000-4000-8000-000000000004',
    now() - interval '10 days', now() - interval '8 days', now() - interval '8 days'
  ),
  (
    'writing',
    'Write a blog about your experience of care',
    'Share what care and support has been like for you, in your own words, for our website. We will help with writing and editing, and you decide what is published.',
    array_to_string(array[
      'Our blog is written by members, for everyone who uses, provides or plans social care. Posts that have made a real difference include a dad''s account of fighting for a carer''s assessment, and a young woman''s story of moving into her first flat with support.',
      'We are looking for new blogs on any part of care and support: what has worked, what has not, and what you would change. Posts are usually 500 to 800 words, but a short piece, a poem or a recorded conversation is welcome too.',
      'An editor from our communications team will work with you by email, by phone or face to face. You can write under your own name, your first name only, or anonymously. Nothing is published until you have read it and said yes.'
    ], E'\n\n'),
    '[
      {"text": "Write a story for our website about your care.", "pictogram": "writing"},
      {"text": "Tell us what was good and what was hard.", "pictogram": "talk"},
      {"text": "Someone from our team can help you write it.", "pictogram": "help"},
      {"text": "You can use your name or keep it private.", "pictogram": "person"},
      {"text": "We only share your story when you say yes.", "pictogram": "tick"},
      {"text": "We pay £75 for each story.", "pictogram": "money"}
    ]',
    'online',
    'From home, with support by email, phone or video call',
    current_date + 7,
    current_date + 60,
    'At your own pace, over about 6 weeks',
    'About 4 to 6 hours in total',
    '£75 for each published blog',
    current_date + 49 + time '17:00',
    6,
    'published',
    '{carers,mental health,physical disability}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '30 days', now() - interval '28 days', now() - interval '28 days'
  ),
  (
    'speaking',
    'Speak at our annual conference',
    'Join a panel of members on the main stage at our annual conference in Birmingham, talking about what good co-production looks like. We will help you prepare.',
    array_to_string(array[
      'Our annual conference brings together around 600 people who lead, plan and deliver social care. This year we want members to open the day, with a 30-minute panel conversation about what good co-production looks like and what still needs to change.',
      'We are looking for 4 speakers. You do not need to have spoken in public before. We will hold two online rehearsals, agree the questions with you in advance, and you can bring notes. Our host, a member who chaired the panel last year, will be on stage with you.',
      'The venue is fully accessible and there is a quiet room backstage. We will book and pay for your travel, and a hotel the night before if you would like one.'
    ], E'\n\n'),
    '[
      {"text": "Our big yearly meeting is in Birmingham.", "pictogram": "meeting"},
      {"text": "We want 4 members to speak on stage.", "pictogram": "speaking"},
      {"text": "You will talk about working together as equals.", "pictogram": "talk"},
      {"text": "We will practise with you online before the day.", "pictogram": "training"},
      {"text": "There is a quiet room behind the stage.", "pictogram": "quiet"},
      {"text": "We pay £150 and your travel and hotel.", "pictogram": "money"}
    ]',
    'in_person',
    'ICC Birmingham, 8 Centenary Square, Birmingham B1 2EA',
    current_date + 48,
    current_date + 48,
    'Two online rehearsals of 1 hour, then the conference day, 9am to 5pm',
    'About 1 and a half days in total',
    '£150 for the conference day, £75 for rehearsals, plus travel and an overnight stay if you need one',
    current_date + 20 + time '17:00',
    4,
    'published',
    '{speaking,mental health,physical disability}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '22 days', now() - interval '19 days', now() - interval '19 days'
  ),
  (
    'recruitment_panel',
    'Recruitment panel: new chief executive',
    'Help choose our next chief executive. Two members will sit on the final interview panel with trustees and have an equal say.',
    array_to_string(array[
      'Our chief executive retires next year, and we promised that members would help choose who comes next. Two members will join the final interview panel, alongside the chair of trustees and a senior leader from another organisation.',
      'First there is a morning briefing on Zoom, where we go through the job, the candidates'' applications and the questions. On the interview day, each panel member asks questions and scores the answers, and members'' scores count exactly the same as everyone else''s.',
      'We will ask you to keep everything about the candidates private. You do not need any experience of interviewing: the briefing covers everything, and staff will be on hand throughout the day.'
    ], E'\n\n'),
    '[
      {"text": "We need a new boss for our organisation.", "pictogram": "person"},
      {"text": "2 members will help choose the new boss.", "pictogram": "interview"},
      {"text": "You will ask questions at the interviews.", "pictogram": "question"},
      {"text": "Your views count the same as everyone else.", "pictogram": "vote"},
      {"text": "We will train you online before the day.", "pictogram": "training"},
      {"text": "You must keep what you hear private.", "pictogram": null},
      {"text": "We pay £150 for the day and your travel.", "pictogram": "money"}
    ]',
    'hybrid',
    'Interviews at Resource for London, 356 Holloway Road, London N7 6PA; briefing on Zoom',
    current_date + 17,
    current_date + 24,
    'Briefing on Zoom, 10am to 1pm, then an interview day a week later, 9am to 5pm',
    'One and a half days',
    '£150 for the interview day, £75 for the briefing, plus travel and other expenses',
    current_date + 4 + time '17:00',
    2,
    'published',
    '{}',
    '00000000-0000-4000-8000-000000000005',
    now() - interval '26 days', now() - interval '24 days', now() - interval '24 days'
  ),
  (
    'committee',
    'Guideline committee: dementia care at home',
    'A new guideline committee on helping people living with dementia to stay well at home. We have 3 places for people living with dementia and family carers.',
    array_to_string(array[
      'Most people living with dementia want to stay in their own homes for as long as they can. This committee will write guidance for councils and home care services on how to make that possible, from the first visit after a diagnosis to planning for more care.',
      'We have 3 lay member places: one for a person living with dementia and two for current or former carers. Meetings go at a steady pace with regular breaks, and every paper comes with a one-page summary.',
      'The committee meets in Leeds every 8 weeks for 2 years. If travelling is hard, you can join some meetings on Zoom, and we can book a taxi from your door.'
    ], E'\n\n'),
    '[
      {"text": "Dementia makes it harder to remember things and think.", "pictogram": "person"},
      {"text": "This group writes advice about dementia care at home.", "pictogram": "home"},
      {"text": "We want 3 people with their own experience.", "pictogram": "group"},
      {"text": "People with dementia and carers can apply.", "pictogram": "care"},
      {"text": "The group meets in Leeds every 8 weeks.", "pictogram": "calendar"},
      {"text": "We can book a taxi to bring you.", "pictogram": "taxi"},
      {"text": "We pay £150 for each meeting.", "pictogram": "money"}
    ]',
    'hybrid',
    'Left Bank Leeds, Cardigan Road, Leeds LS6 1LJ, with some meetings on Zoom',
    current_date + 84,
    current_date + 814,
    'Every 8 weeks, 10:30am to 3:30pm, with breaks and lunch',
    'About 2 days a month, including reading',
    '£150 for a meeting of 4 hours or more, £75 under 4 hours, plus travel and other expenses',
    current_date + 56 + time '17:00',
    3,
    'published',
    '{dementia,older people,carers}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '6 days', now() - interval '5 days', now() - interval '5 days'
  ),
  (
    'expert_reference_group',
    'Expert reference group: children and young people''s mental health',
    'For young people aged 16 to 25 and for parents and carers: help us understand what good mental health support looks like for children and young people.',
    array_to_string(array[
      'Too many children and young people wait months for mental health support, and many tell us that the help they did get did not fit their lives. Our research team is reviewing what works, and we want young people and families to steer it.',
      'This group is for young people aged 16 to 25 who have used mental health support, and for parents and carers of children who have. Meetings are short, online and after school or college hours. You can take part by typing in the chat if you would rather not be on camera.',
      'We follow our safeguarding policy, which sets out how we keep everyone safe, at every meeting. A youth worker will be there each time, and there is always someone to talk to afterwards if a conversation brings things up for you.'
    ], E'\n\n'),
    '[
      {"text": "This group is about young people''s mental health.", "pictogram": "group"},
      {"text": "Mental health means how you think and feel.", "pictogram": "idea"},
      {"text": "Young people aged 16 to 25 can join.", "pictogram": "person"},
      {"text": "Parents and carers can join too.", "pictogram": "care"},
      {"text": "Meetings are online after school or college.", "pictogram": "online"},
      {"text": "You can type in the chat instead of talking.", "pictogram": "writing"},
      {"text": "A youth worker will be at every meeting.", "pictogram": "help"}
    ]',
    'online',
    'Online on Zoom',
    current_date + 45,
    current_date + 315,
    'Monthly, 5pm to 6:30pm, for 9 months',
    'About 2 hours a month',
    '£75 for each meeting (under 4 hours), paid as money or vouchers',
    current_date + 38 + time '17:00',
    12,
    'published',
    '{children and young people,mental health,research}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '7 days', now() - interval '4 days', now() - interval '4 days'
  ),
  (
    'advisory_group',
    'Research advisory group: living with sight or hearing loss',
    'Advise a 2-year research project on social care for people who are blind, partially sighted, deaf or hard of hearing, or who have both sight and hearing loss.',
    array_to_string(array[
      'People with sight or hearing loss often find that social care assessments miss what they actually need, such as help reading post, communication support or getting out and about safely. A university research team is studying why, and what would work better.',
      'The advisory group will help the researchers ask the right questions, check that their surveys and interviews are accessible, and make sense of what they find. Your lived experience is the expertise they need.',
      'Meetings are hybrid, so you can choose to come in person or join online. We provide British Sign Language and deafblind interpreters, live captions, and papers in large print, Braille or audio. Tell us what you need and we will arrange it.'
    ], E'\n\n'),
    '[
      {"text": "This is a research project about sight and hearing loss.", "pictogram": "sight"},
      {"text": "Researchers want to make social care better.", "pictogram": "idea"},
      {"text": "You can help them ask the right questions.", "pictogram": "question"},
      {"text": "The group meets 3 times a year.", "pictogram": "calendar"},
      {"text": "We can book sign language interpreters for you.", "pictogram": "hearing"},
      {"text": "We can send papers in large print or Braille.", "pictogram": "document"},
      {"text": "We pay £150 for each meeting and your travel.", "pictogram": "money"}
    ]',
    'hybrid',
    'Resource for London, 356 Holloway Road, London N7 6PA, or join online',
    current_date + 75,
    current_date + 805,
    'Three meetings a year, 10am to 3pm, with breaks',
    'About 3 days a year, plus some reading',
    '£150 for a meeting of 4 hours or more, £75 under 4 hours, plus travel and other expenses',
    current_date + 63 + time '17:00',
    8,
    'published',
    '{sensory impairment,research}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '3 days', now() - interval '2 days', now() - interval '2 days'
  ),
  (
    'training',
    'Training: taking part in meetings with confidence',
    'A one-day course in Leeds for members who are new to committees and groups. Learn how meetings work, how to get your point across and how to look after yourself.',
    array_to_string(array[
      'Many members tell us their first committee meeting felt like walking into a room where everyone else knew the rules. This course is here to change that.',
      'Over one day, a trainer who is also a member will explain how formal meetings run, what agendas and minutes are, how to prepare, and how to say so when you disagree. We will practise in small groups, with plenty of breaks.',
      'The course is for anyone who has joined, or is thinking about joining, a committee, advisory group or panel. It is also a good way to meet other members.'
    ], E'\n\n'),
    '[
      {"text": "This training helps you take part in meetings.", "pictogram": "training"},
      {"text": "You will learn how meetings work.", "pictogram": "meeting"},
      {"text": "You will practise speaking up in a small group.", "pictogram": "speaking"},
      {"text": "The trainer is a member just like you.", "pictogram": "person"},
      {"text": "The training is one day in Leeds.", "pictogram": "location"},
      {"text": "Lunch is free and we pay your travel.", "pictogram": "food"}
    ]',
    'in_person',
    'Left Bank Leeds, Cardigan Road, Leeds LS6 1LJ',
    current_date + 33,
    current_date + 33,
    'One day, 10am to 3:30pm, with lunch and breaks',
    'One day',
    'Free, with lunch and travel paid',
    current_date + 26 + time '17:00',
    16,
    'published',
    '{training,speaking}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '15 days', now() - interval '13 days', now() - interval '13 days'
  ),
  (
    'event',
    'Lunch and listen: housing and independent living in Cardiff',
    'Join us for lunch in Cardiff and tell us about finding, keeping or adapting a home. What you say will shape our work on housing with care.',
    array_to_string(array[
      'Where we live shapes almost everything about our care and support. We are holding a relaxed lunch in Cardiff to hear from disabled people, older people and carers about housing: adaptations, supported living, waiting lists and moving home.',
      'There are no presentations. We will sit at small tables, each with a member of staff taking notes, and talk over lunch. We will not use anyone''s name in our write-up.',
      'You can speak Welsh or English, and there will be Welsh-speaking staff at every table. Everyone is welcome.'
    ], E'\n\n'),
    '[
      {"text": "Come to a lunch in Cardiff.", "pictogram": "food"},
      {"text": "Tell us about where you live.", "pictogram": "home"},
      {"text": "We want to hear what is good and what is hard.", "pictogram": "talk"},
      {"text": "You can speak Welsh or English.", "pictogram": "welsh"},
      {"text": "We will not use your name when we share notes.", "pictogram": "document"},
      {"text": "We pay £75 and your travel.", "pictogram": "money"}
    ]',
    'in_person',
    'Temple of Peace, King Edward VII Avenue, Cardiff CF10 3AP',
    current_date + 23,
    current_date + 23,
    'One lunchtime, 12pm to 2:30pm',
    '2 and a half hours',
    '£75 for taking part, plus travel and other expenses',
    current_date + 16 + time '17:00',
    30,
    'published',
    '{housing,physical disability,older people}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '11 days', now() - interval '10 days', now() - interval '10 days'
  ),
  (
    'writing',
    'Help us rewrite our carers'' guide in plain English',
    'Our guide for new carers is long and full of jargon. Work with our editor to rewrite it so that it is clear, short and useful in the first weeks of caring.',
    array_to_string(array[
      'When someone becomes a carer, often overnight, they need clear information fast. Carers tell us our current guide is too long and uses words like "commissioning" and "eligibility" without explaining them.',
      'We are looking for 5 carers or former carers to work with our editor. You will read sections of the guide, mark what is confusing, and suggest better words. You can work on paper or on screen, at home, in your own time.',
      'At the end there is one online meeting to agree the final version together. If you would like, we will thank you by name in the guide.'
    ], E'\n\n'),
    '[
      {"text": "We wrote a guide for people who become carers.", "pictogram": "document"},
      {"text": "The guide is too long and hard to read.", "pictogram": "reading"},
      {"text": "We want carers to help us make it better.", "pictogram": "care"},
      {"text": "You can work at home in your own time.", "pictogram": "home"},
      {"text": "You can use paper or a computer.", "pictogram": "papers"},
      {"text": "We pay £75 for every 4 hours of work.", "pictogram": "money"}
    ]',
    'online',
    'From home, with one final meeting on Zoom',
    current_date + 21,
    current_date + 63,
    'Work at home over 6 weeks, then one online meeting of 2 hours',
    'About 12 hours in total',
    '£75 for every 4 hours of work, up to £225, plus any expenses',
    current_date + 42 + time '17:00',
    5,
    'published',
    '{carers,easy read}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '9 days', now() - interval '7 days', now() - interval '7 days'
  ),
  (
    'speaking',
    'Share your story with new social workers in Bristol',
    'Talk to newly qualified social workers about what helped, and what did not, when you were assessed for care or support. Small groups and a friendly audience.',
    array_to_string(array[
      'Every year we help train newly qualified social workers in the South West. The session they remember most is the one where people who use services talk about their own experience of being assessed.',
      'You will speak for about 10 minutes to a group of around 20 social workers, and then answer questions. You choose what to share, and a member of staff will help you plan what to say beforehand. You can bring a friend or supporter.',
      'The sessions are in Bristol, and you can take part by video call instead if travelling is hard.'
    ], E'\n\n'),
    '[
      {"text": "Social workers help people get care and support.", "pictogram": "care"},
      {"text": "New social workers want to learn from you.", "pictogram": "person"},
      {"text": "You will talk about your own story for 10 minutes.", "pictogram": "speaking"},
      {"text": "You choose what you want to share.", "pictogram": "tick"},
      {"text": "You can come to Bristol or join online.", "pictogram": "location"},
      {"text": "We pay £75 and your travel.", "pictogram": "money"}
    ]',
    'hybrid',
    'The Station, Silver Street, Bristol BS1 2AG, or by video call',
    current_date + 80,
    current_date + 80,
    'One afternoon session, 1:30pm to 3:30pm',
    'Half a day, plus a 1-hour planning call',
    '£75 for the session and planning call, plus travel and other expenses',
    current_date + 70 + time '17:00',
    3,
    'published',
    '{speaking,physical disability,mental health}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '2 days', now() - interval '1 day', now() - interval '1 day'
  ),
  (
    'recruitment_panel',
    'Recruitment panel: co-production officers',
    'Help us interview for 2 new co-production officers, the staff who support members day to day. No experience needed.',
    array_to_string(array[
      'Co-production officers are the people members talk to most. They arrange support, answer questions about payments and make sure meetings are accessible. We think members are best placed to judge who would do this well.',
      'You will help shortlist the applications at home, then join a panel for one interview day in Manchester. Candidates will also run a short activity with members, and your feedback will count in the final decision.',
      'Beforehand, we will train you in fair recruitment: what equality law says and how to avoid unfair judgements, in plain language.'
    ], E'\n\n'),
    '[
      {"text": "We are looking for 2 new staff members.", "pictogram": "person"},
      {"text": "They will help members like you every day.", "pictogram": "help"},
      {"text": "You can help choose who gets the job.", "pictogram": "interview"},
      {"text": "You will read forms and ask questions.", "pictogram": "papers"},
      {"text": "We will train you before the interviews.", "pictogram": "training"},
      {"text": "We pay £150 for the interview day.", "pictogram": "money"}
    ]',
    'in_person',
    'Friends Meeting House, 6 Mount Street, Manchester M2 5NS',
    current_date + 32,
    current_date + 39,
    'Shortlisting at home, then one interview day, 9:30am to 4:30pm',
    'About 1 and a half days',
    '£150 for the interview day, £75 for shortlisting, plus travel and other expenses',
    current_date + 25 + time '17:00',
    3,
    'published',
    '{}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '5 days', now() - interval '3 days', now() - interval '3 days'
  );

-- Opportunities: drafts ------------------------------------------------------------------------

insert into public.opportunities
  (type, title, summary, description, easy_read, location_type, location, starts_on, ends_on,
   schedule, time_commitment, payment, closes_at, places, status, topics,
   created_by, created_at, updated_at)
values
  (
    'committee',
    'Guideline committee: social work with autistic adults',
    'A new committee to write guidance on social work with autistic adults, including assessments and support planning. Places for autistic people and family members.',
    array_to_string(array[
      'Autistic adults often tell us that social care assessments are not designed with them in mind: the rooms are noisy, the questions are vague, and support plans do not reflect how they live. This committee will write guidance for social workers to change that.',
      'We expect to have 3 lay member places, for autistic adults and for family members or carers. We are still agreeing meeting arrangements with the committee chair, and will ask members what would suit them before we publish.'
    ], E'\n\n'),
    '[
      {"text": "Autistic people can find meetings with social workers hard.", "pictogram": "person"},
      {"text": "This group will write advice for social workers.", "pictogram": "writing"},
      {"text": "We want autistic people and families to join.", "pictogram": "group"},
      {"text": "We will ask you how meetings should work.", "pictogram": "question"}
    ]',
    'hybrid',
    'To be confirmed: London or online',
    current_date + 120,
    current_date + 660,
    'To be agreed with members',
    'About 2 days a month',
    '£150 for a meeting of 4 hours or more, £75 under 4 hours, plus travel and other expenses',
    current_date + 90 + time '17:00',
    3,
    'draft',
    '{autism}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '4 days', now() - interval '1 day'
  ),
  (
    'event',
    'Members'' summer picnic',
    'An afternoon picnic in the park for members, families and staff, to say thank you for a year of co-production.',
    array_to_string(array[
      'Every summer we say thank you to members with a picnic. There is food, games for children, and a chance to meet in person the people you have worked with online.',
      'We are still choosing the park. If there is somewhere accessible near you that you think would work well, please tell us.'
    ], E'\n\n'),
    '[
      {"text": "Come to a picnic so we can say thank you.", "pictogram": "food"},
      {"text": "Bring your family and friends with you.", "pictogram": "group"},
      {"text": "There is food and games for children.", "pictogram": "star"},
      {"text": "We will tell you where it is soon.", "pictogram": "location"}
    ]',
    'in_person',
    'A park in Manchester, to be confirmed',
    current_date + 200,
    current_date + 200,
    'One afternoon, 12pm to 4pm',
    'An afternoon',
    'Free, with food and travel paid',
    current_date + 185 + time '17:00',
    150,
    'draft',
    '{carers,children and young people}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '2 days', now() - interval '2 days'
  ),
  (
    'advisory_group',
    'Digital inclusion advisory group',
    'Help us make sure members who are not online, or not confident online, never miss out. A new group to advise on our website, emails and online meetings.',
    array_to_string(array[
      'More and more of our work happens online, from this member portal to meetings on Zoom. That suits some members well, but we know it can shut others out.',
      'This group will try out new parts of the member portal, advise on how we send information to people who prefer post or phone, and help us plan support such as lending tablets and paying for data.',
      'We especially want to hear from members who do not use the internet at all. You can take part by phone.'
    ], E'\n\n'),
    '[
      {"text": "Some people do not use the internet.", "pictogram": "online"},
      {"text": "We want everyone to be able to take part.", "pictogram": "group"},
      {"text": "This group will tell us how to do better.", "pictogram": "idea"},
      {"text": "You can join by phone if you want.", "pictogram": "phone"},
      {"text": "We pay £75 for each meeting.", "pictogram": "money"}
    ]',
    'hybrid',
    'Friends Meeting House, 6 Mount Street, Manchester M2 5NS, or join online or by phone',
    current_date + 100,
    current_date + 465,
    'Every two months, 2 hours',
    'About 2 hours every two months',
    '£75 for a meeting under 4 hours, plus expenses',
    current_date + 95 + time '17:00',
    8,
    'draft',
    '{older people,sensory impairment,learning disability}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '1 day', now() - interval '1 day'
  );

-- Opportunities: closed and archived ---------------------------------------------------------

insert into public.opportunities
  (type, title, summary, description, easy_read, location_type, location, starts_on, ends_on,
   schedule, time_commitment, payment, closes_at, places, status, topics,
   created_by, created_at, updated_at, published_at)
values
  (
    'committee',
    'Guideline committee: moving from children''s to adults'' services',
    'Lay members for a committee writing guidance on the move from children''s to adults'' social care. Applications have closed and we are contacting everyone who applied.',
    array_to_string(array[
      'Moving from children''s to adults'' services at 18 can mean losing people you trust and support you rely on. This committee will write guidance on planning that move early and keeping young people at the centre of it.',
      'Applications for the 3 lay member places have now closed. Thank you to everyone who applied. We are reading every application carefully and will contact you by phone or email, whatever the outcome.'
    ], E'\n\n'),
    '[
      {"text": "This group writes advice about turning 18 and getting care.", "pictogram": "writing"},
      {"text": "Young people and families told us this change is hard.", "pictogram": "talk"},
      {"text": "We asked for 3 people to join the group.", "pictogram": "group"},
      {"text": "You cannot apply now because the date has passed.", "pictogram": "calendar"},
      {"text": "We will contact everyone who applied.", "pictogram": "email"}
    ]',
    'in_person',
    'Resource for London, 356 Holloway Road, London N7 6PA',
    current_date + 20,
    current_date + 560,
    'One meeting about every 6 weeks, 10am to 4pm, with breaks',
    'About 2 days a month, including reading',
    '£150 for a meeting of 4 hours or more, £75 under 4 hours, plus travel and other expenses',
    now() - interval '14 days',
    3,
    'closed',
    '{children and young people,learning disability,autism}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '60 days', now() - interval '14 days', now() - interval '55 days'
  ),
  (
    'training',
    'Training: introduction to co-production',
    'A two-part online introduction for new members: what co-production means, how Together works, and the different ways to get involved.',
    array_to_string(array[
      'This course is for members who have joined in the last year. Over two short sessions, we explain what co-production means in practice, how decisions are made in the network, and the different roles you can take on.',
      'Booking for this round has closed. We run the course three times a year, and we will post the next dates here.'
    ], E'\n\n'),
    '[
      {"text": "This training is for new members.", "pictogram": "training"},
      {"text": "You will learn how we work together.", "pictogram": "group"},
      {"text": "The training is online in 2 parts.", "pictogram": "online"},
      {"text": "Booking has closed for now.", "pictogram": "clock"},
      {"text": "We will share the next dates soon.", "pictogram": "calendar"}
    ]',
    'online',
    'Online on Zoom',
    current_date - 3,
    current_date + 4,
    'Two sessions a week apart, 10am to 12pm',
    '4 hours over 2 weeks',
    'Free to attend',
    now() - interval '10 days',
    20,
    'closed',
    '{training}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '45 days', now() - interval '10 days', now() - interval '44 days'
  ),
  (
    'speaking',
    'Speak on our carers'' rights webinar',
    'We asked for two carers to speak on a national webinar about knowing and using your rights as a carer. The speakers have now been chosen.',
    array_to_string(array[
      'We are hosting a webinar, an online talk anyone can watch, with a national carers'' charity about carers'' rights, including the right to a carer''s assessment. We wanted two carers to share what happened when they asked for one.',
      'This opportunity has closed and the speakers have been chosen. A recording of the webinar, with captions and a written version, will be shared in the members'' newsletter.'
    ], E'\n\n'),
    '[
      {"text": "A webinar is a talk you watch online.", "pictogram": "online"},
      {"text": "This webinar is about the rights carers have.", "pictogram": "care"},
      {"text": "We asked 2 carers to speak about their story.", "pictogram": "speaking"},
      {"text": "We have chosen the speakers now.", "pictogram": "tick"},
      {"text": "You can watch the recording later.", "pictogram": "link"}
    ]',
    'online',
    'Online on Zoom',
    current_date + 9,
    current_date + 9,
    'One webinar, 12:30pm to 1:30pm, plus a rehearsal',
    'About 3 hours, including the rehearsal',
    '£75 for the webinar and rehearsal',
    now() - interval '5 days',
    2,
    'closed',
    '{carers,speaking}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '35 days', now() - interval '5 days', now() - interval '34 days'
  ),
  (
    'event',
    'Online coffee mornings (pilot)',
    'Informal online coffee mornings for members to chat, meet each other and hear news. This pilot has finished: thank you to everyone who came.',
    array_to_string(array[
      'Over three months we ran weekly coffee mornings on Zoom for members to chat and catch up. No agenda, no minutes: just a friendly half hour.',
      'The pilot has now finished. Members told us they valued it, so we are planning a regular version that you can also join by phone.'
    ], E'\n\n'),
    '[
      {"text": "We had chats online over a cup of coffee.", "pictogram": "drink"},
      {"text": "Members met each other and talked about their week.", "pictogram": "talk"},
      {"text": "These chats have now finished.", "pictogram": "calendar"},
      {"text": "We are planning new chats you can join by phone.", "pictogram": "phone"}
    ]',
    'online',
    'Online on Zoom',
    current_date - 180,
    current_date - 90,
    'Weekly, Wednesdays 10:30am to 11am',
    'Half an hour a week',
    'Unpaid: an informal social get-together',
    now() - interval '185 days',
    null,
    'archived',
    '{mental health,older people}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '200 days', now() - interval '80 days', now() - interval '195 days'
  );

-- Audit log ----------------------------------------------------------------------------------
-- The triggers recorded the inserts above as made by nobody, just now. Credit them to the staff
-- member who made each change, at the time the demo data says it happened.

update public.audit_log as a
set actor_id = o.created_by, at = o.created_at
from public.opportunities as o
where a.entity = 'opportunity' and a.entity_id = o.id::text;

update public.audit_log as a
set actor_id = p.invited_by, at = p.created_at
from public.profiles as p
where a.entity = 'profile' and a.entity_id = p.id::text;

-- More opportunities for recruitment -----------------------------------------------------------
-- The round for the member co-chair's seat (its panel is not chosen yet), and the round two years
-- ago that appointed the steering group sitting now.

insert into public.opportunities
  (type, title, summary, description, easy_read, location_type, location, starts_on, ends_on,
   schedule, time_commitment, payment, closes_at, places, status, topics,
   created_by, created_at, updated_at, published_at)
values
  (
    'steering_group_role',
    'Steering group co-chair (1 place for a member)',
    'Chair the steering group alongside our director, so that members lead how Together works. One place for two years.',
    array_to_string(array[
      'The steering group has two co-chairs: our director and a member. The member co-chair plans each meeting with the director, chairs half of it, and makes sure every member of the group has their say.',
      'You do not need to have chaired a meeting before. We will pay for chairing training and a mentor, and staff will help you prepare each meeting.',
      'To apply, tell us why you would like to be co-chair. You can write it, record it, or ask us to phone you.'
    ], E'\n\n'),
    '[
      {"text": "The co-chair helps lead the steering group.", "pictogram": "steering"},
      {"text": "You plan each meeting with our director.", "pictogram": "meeting"},
      {"text": "We pay for training to help you.", "pictogram": "training"},
      {"text": "We pay you £150 for each meeting.", "pictogram": "money"},
      {"text": "The place lasts 2 years.", "pictogram": "calendar"}
    ]',
    'hybrid',
    'Friends Meeting House, 6 Mount Street, Manchester M2 5NS, or join on Zoom',
    current_date + 60,
    current_date + 790,
    'Four meetings a year, plus a planning call before each one',
    'About 2 days every 3 months',
    '£150 for a meeting of 4 hours or more, £75 under 4 hours, plus travel and other expenses',
    current_date + 20 + time '17:00',
    1,
    'published',
    '{carers,mental health,learning disability}',
    '00000000-0000-4000-8000-000000000006',
    now() - interval '15 days', now() - interval '14 days', now() - interval '14 days'
  ),
  (
    'steering_group_role',
    'Steering group member: recruitment round two years ago',
    'The open round that appointed the steering group members serving now.',
    'Twelve members were appointed for two years.',
    '[]',
    'hybrid',
    'Manchester or online',
    current_date - 700,
    current_date + 59,
    null, null, null,
    now() - interval '740 days',
    12,
    'archived',
    '{}',
    '00000000-0000-4000-8000-000000000003',
    now() - interval '780 days', now() - interval '690 days', now() - interval '775 days'
  );

-- Application questions ------------------------------------------------------------------------

insert into public.application_questions (opportunity_id, position, kind, prompt, hint, options, required)
select o.id, q.position, q.kind::public.question_kind, q.prompt, q.hint, q.options, q.required
from (
  values
    ('Steering group member (12 places): open recruitment round', 1, 'text',
      'Why would you like to join the steering group?',
      'A few sentences is enough. You can write it, record your voice, or ask us to phone you.', '{}'::text[], true),
    ('Steering group member (12 places): open recruitment round', 2, 'text',
      'Tell us about a time you spoke up for other people, or helped a group decide something.',
      'It can be from any part of your life: family, work, a support group, a place you live.', '{}', true),
    ('Steering group member (12 places): open recruitment round', 3, 'choice',
      'How would you like to come to meetings?', null,
      '{In person in Manchester,Online on Zoom,A mix of both}', true),
    ('Steering group member (12 places): open recruitment round', 4, 'yes_no',
      'Can we phone you to talk about your application?', null, '{}', false),
    ('Steering group co-chair (1 place for a member)', 1, 'text',
      'Why would you like to be co-chair?', 'Tell us what you would bring and what you would like to change.', '{}', true),
    ('Guideline committee: supporting adults with a learning disability in later life', 1, 'text',
      'What experience do you have of learning disability support, as someone who uses it or as a family carer?',
      null, '{}', true),
    ('Guideline committee: supporting adults with a learning disability in later life', 2, 'yes_no',
      'Could you come to most meetings in London?', 'We pay travel, and overnight stays if you need them.', '{}', true),
    ('Expert reference group: carers'' breaks', 1, 'text',
      'What would make a break from caring work well for you and the person you care for?', null, '{}', true),
    ('Write a blog about your experience of care', 1, 'text',
      'What would you like to write about?', 'One or two sentences is fine.', '{}', true),
    ('Write a blog about your experience of care', 2, 'text',
      'Tell us a little about your experience of care or support.',
      'A few sentences is enough. You can record your voice instead of writing.', '{}', true),
    ('Write a blog about your experience of care', 3, 'choice',
      'How would you like to write it?', null,
      '{On my own,With help from staff,By telling my story to someone who writes it down}', true),
    ('Speak at our annual conference', 1, 'text',
      'What would you like to talk about?', null, '{}', true),
    ('Recruitment panel: new chief executive', 1, 'text',
      'Why do you want to help choose our new chief executive?', null, '{}', true),
    ('Recruitment panel: new chief executive', 2, 'yes_no',
      'Could you come to London on the interview day?', null, '{}', true),
    ('Share your story with new social workers in Bristol', 1, 'text',
      'What part of your story would you like new social workers to hear?', null, '{}', true)
) as q (title, position, kind, prompt, hint, options, required)
join public.opportunities o on o.title = q.title;

-- Person specifications ------------------------------------------------------------------------

insert into public.recruitment_criteria (opportunity_id, position, title, description)
select o.id, c.position, c.title, c.description
from (
  values
    ('Steering group member (12 places): open recruitment round', 1,
      'Lived experience of care or support',
      'As someone who uses social care or support, or as an unpaid carer.'),
    ('Steering group member (12 places): open recruitment round', 2,
      'Listens and respects different views',
      'Gives others room to speak and can disagree kindly.'),
    ('Steering group member (12 places): open recruitment round', 3,
      'Speaks up for members who are not in the room',
      'Thinks about people whose voices we hear less often.'),
    ('Steering group member (12 places): open recruitment round', 4,
      'Can commit to four meetings a year',
      'With the reading before each one, and the support they need to take part.'),
    ('Steering group co-chair (1 place for a member)', 1,
      'Lived experience of care or support',
      'As someone who uses social care or support, or as an unpaid carer.'),
    ('Steering group co-chair (1 place for a member)', 2,
      'Helps a group reach decisions fairly',
      'Makes sure everyone has their say, and keeps to time kindly.'),
    ('Steering group co-chair (1 place for a member)', 3,
      'Works well in partnership',
      'Can plan and share the chair with the director.')
) as c (opportunity_title, position, title, description)
join public.opportunities o on o.title = c.opportunity_title;

-- The open round's panel: Sam and Morgan.
insert into public.panel_members (opportunity_id, staff_id, added_at)
select o.id, s.id, now() - interval '9 days'
from public.opportunities o
cross join (values ('00000000-0000-4000-8000-000000000003'::uuid), ('00000000-0000-4000-8000-000000000006'::uuid)) as s (id)
where o.title = 'Steering group member (12 places): open recruitment round';

-- Applications ---------------------------------------------------------------------------------
-- Members by their place in the list above (n), each applying to an opportunity, at a stage.

create temporary table seed_applications as
select p.id as member_id, o.id as opportunity_id, a.status::public.application_status as status,
  now() - make_interval(days => a.days_ago) as submitted_at, a.days_ago
from (
  values
    -- The open steering group round: 20 applicants, 8 of them shortlisted.
    ('niamh.oconnor@example.org', 'Steering group member (12 places)%', 'shortlisted', 8),
    ('meilin.chen@example.org', 'Steering group member (12 places)%', 'shortlisted', 8),
    ('fiona.macleod@example.org', 'Steering group member (12 places)%', 'shortlisted', 7),
    ('daniel.cohen@example.org', 'Steering group member (12 places)%', 'shortlisted', 7),
    ('sophie.turner@example.org', 'Steering group member (12 places)%', 'shortlisted', 6),
    ('chidi.okonkwo@example.org', 'Steering group member (12 places)%', 'shortlisted', 6),
    ('hannah.schofield@example.org', 'Steering group member (12 places)%', 'shortlisted', 5),
    ('eilidh.campbell@example.org', 'Steering group member (12 places)%', 'shortlisted', 5),
    ('imran.hussain@example.org', 'Steering group member (12 places)%', 'submitted', 5),
    ('patrick.doyle@example.org', 'Steering group member (12 places)%', 'submitted', 4),
    ('zainab.ali@example.org', 'Steering group member (12 places)%', 'submitted', 4),
    ('yusuf.karim@example.org', 'Steering group member (12 places)%', 'submitted', 4),
    ('catrin.llewellyn@example.org', 'Steering group member (12 places)%', 'submitted', 3),
    ('olga.nowak@example.org', 'Steering group member (12 places)%', 'submitted', 3),
    ('nadia.rahman@example.org', 'Steering group member (12 places)%', 'submitted', 3),
    ('dev.sharma@example.org', 'Steering group member (12 places)%', 'submitted', 2),
    ('kofi.boateng@example.org', 'Steering group member (12 places)%', 'submitted', 2),
    ('leah.goldberg@example.org', 'Steering group member (12 places)%', 'submitted', 2),
    ('megan.lloyd@example.org', 'Steering group member (12 places)%', 'submitted', 1),
    ('samuel.adebayo@example.org', 'Steering group member (12 places)%', 'submitted', 1),
    -- The co-chair round: three shortlisted, waiting for a panel.
    ('oliver.bennett@example.org', 'Steering group co-chair%', 'shortlisted', 6),
    ('grace.adeyemi@example.org', 'Steering group co-chair%', 'shortlisted', 5),
    ('ravi.patel@example.org', 'Steering group co-chair%', 'shortlisted', 4),
    -- Other opportunities, at every stage.
    ('bethan.jones@example.org', 'Guideline committee: supporting adults%', 'submitted', 3),
    ('declan.murphy@example.org', 'Guideline committee: supporting adults%', 'shortlisted', 6),
    ('amara.osei@example.org', 'Expert reference group: carers%', 'submitted', 2),
    ('harpreet.kaur@example.org', 'Expert reference group: carers%', 'interview', 9),
    ('jordan.taylor@example.org', 'Recruitment panel: new chief executive', 'submitted', 1),
    ('member@example.org', 'Advisory group on easy read information', 'submitted', 2),
    ('member@example.org', 'Guideline committee: moving from children%', 'interview', 30),
    ('member@example.org', 'Training: introduction to co-production', 'accepted', 60),
    ('member2@example.org', 'Speak on our carers'' rights webinar', 'not_selected', 40)
) as a (email, title, status, days_ago)
join public.profiles p on p.email = a.email
join public.opportunities o on o.title like a.title;

insert into public.applications
  (opportunity_id, member_id, status, submitted_at, interview_at, interview_place, created_at, updated_at)
select s.opportunity_id, s.member_id, s.status, s.submitted_at,
  case when s.status = 'interview' then date_trunc('day', now()) + interval '6 days 11 hours' end,
  case when s.status = 'interview' then 'On Zoom: we will email you the link the day before' end,
  s.submitted_at - interval '1 day', s.submitted_at
from seed_applications s;

drop table seed_applications;

-- Answers: every required question, written, except a few recorded as a phone-call request.
insert into public.application_answers (application_id, question_id, mode, answer, updated_at)
select a.id, q.id,
  case when q.kind = 'text' and (a.id % 7 = 3) then 'phone_call' else 'written' end::public.answer_mode,
  case
    when q.kind = 'text' and (a.id % 7 = 3) then null
    when q.kind = 'choice' then q.options[a.id % cardinality(q.options) + 1]
    when q.kind = 'yes_no' then case when a.id % 4 = 0 then 'no' else 'yes' end
    else (array[
      'I have cared for my mum for eleven years and I know how hard it is to be heard. I want to help make sure other carers are listened to.',
      'I use support every day because of my learning disability. I would like to help make information easier to understand.',
      'At my day centre I helped set up a members'' group. We changed how the menu and activities were chosen, so everyone had a say.',
      'I have lived with depression for a long time. Being part of groups like this has helped me, and I want to give something back.',
      'I speak up at my tenants'' meetings for neighbours who find it hard. I think about people who are not there.'
    ])[a.id % 5 + 1]
  end,
  a.submitted_at
from public.applications a
join public.application_questions q on q.opportunity_id = a.opportunity_id and q.required;

-- Timelines, with the messages each member was sent.
insert into public.application_events (application_id, status, at, actor_id, message_subject, message_body, emailed_at)
select a.id, 'submitted'::public.application_status, a.submitted_at, a.member_id, null::text, null::text, null::timestamptz
from public.applications a
union all
select a.id, 'shortlisted', a.submitted_at + interval '2 days', '00000000-0000-4000-8000-000000000003',
  'You are on the shortlist for ' || o.title,
  'Dear ' || coalesce(p.preferred_name, p.full_name) || E',\n\nThank you for applying. We are pleased to tell you that you are on the shortlist. We will be in touch about the next step soon.\n\nSam, co-production team',
  a.submitted_at + interval '2 days'
from public.applications a
join public.opportunities o on o.id = a.opportunity_id
join public.profiles p on p.id = a.member_id
where a.status in ('shortlisted', 'interview', 'accepted')
union all
select a.id, 'interview', a.submitted_at + interval '4 days', '00000000-0000-4000-8000-000000000003',
  'Invitation to a conversation about ' || o.title,
  'Dear ' || coalesce(p.preferred_name, p.full_name) || E',\n\nWe would like to invite you to a relaxed conversation about this role. It is not a test. You can bring a supporter.\n\nSam, co-production team',
  a.submitted_at + interval '4 days'
from public.applications a
join public.opportunities o on o.id = a.opportunity_id
join public.profiles p on p.id = a.member_id
where a.status in ('interview', 'accepted')
union all
select a.id, 'offered', a.submitted_at + interval '8 days', '00000000-0000-4000-8000-000000000003',
  'We would like to offer you a place: ' || o.title,
  'Dear ' || coalesce(p.preferred_name, p.full_name) || E',\n\nWe are delighted to offer you a place. Please tell us on Together whether you would like to take it.\n\nSam, co-production team',
  a.submitted_at + interval '8 days'
from public.applications a
join public.opportunities o on o.id = a.opportunity_id
join public.profiles p on p.id = a.member_id
where a.status = 'accepted'
union all
select a.id, 'accepted', a.submitted_at + interval '9 days', a.member_id, null, null, null
from public.applications a
where a.status = 'accepted'
union all
select a.id, 'not_selected', a.submitted_at + interval '5 days', '00000000-0000-4000-8000-000000000006',
  'About your application for ' || o.title,
  'Dear ' || coalesce(p.preferred_name, p.full_name) || E',\n\nThank you for applying. We had many strong applications and this time we have not offered you a place. Please do apply for other opportunities; we would love to hear from you again.\n\nMorgan, co-production team',
  a.submitted_at + interval '5 days'
from public.applications a
join public.opportunities o on o.id = a.opportunity_id
join public.profiles p on p.id = a.member_id
where a.status = 'not_selected';

insert into public.application_notes (application_id, author_id, body, created_at)
select a.id, '00000000-0000-4000-8000-000000000006',
  'Asked for papers in easy read and a phone call before the interview.', a.submitted_at + interval '1 day'
from public.applications a
join public.profiles p on p.id = a.member_id
where p.email in ('hannah.schofield@example.org', 'harpreet.kaur@example.org');

-- Morgan has scored three of the eight shortlisted applicants; Sam has not started.
insert into public.panel_scores (application_id, criterion_id, scorer_id, score, comment, updated_at)
select a.id, c.id, '00000000-0000-4000-8000-000000000006', (a.id + c.position) % 3 + 1, null, now() - interval '2 days'
from public.applications a
join public.opportunities o on o.id = a.opportunity_id and o.title like 'Steering group member (12 places)%'
join public.profiles p on p.id = a.member_id and p.email in ('niamh.oconnor@example.org', 'meilin.chen@example.org', 'fiona.macleod@example.org')
join public.recruitment_criteria c on c.opportunity_id = o.id;

-- Involvements: the places taken up through applications above, and the steering group sitting now
-- (appointed two years ago, until the new members start).
insert into public.involvements (member_id, opportunity_id, application_id, role, starts_on, ends_on, created_at)
select a.member_id, o.id, a.id, o.title, o.starts_on, o.ends_on, a.updated_at
from public.applications a
join public.opportunities o on o.id = a.opportunity_id
where a.status = 'accepted';

insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on, created_at)
select p.id, o.id, 'Steering group member', o.starts_on, o.ends_on, now() - interval '700 days'
from public.profiles p
cross join public.opportunities o
where o.title = 'Steering group member: recruitment round two years ago'
  and p.email in (
    'stephen.clarke@example.org', 'margaret.hall@example.org', 'ben.whitaker@example.org',
    'callum.fraser@example.org', 'tariq.mahmood@example.org', 'joanne.pearson@example.org',
    'shona.mckenzie@example.org', 'robert.greenwood@example.org', 'katarzyna.wojcik@example.org',
    'liam.walsh@example.org', 'farah.siddiqui@example.org', 'ruth.ellison@example.org'
  );

-- How members hear about new opportunities: a mix of rhythms.
update public.profiles
set notify_rhythm = (array['weekly', 'as_they_come', 'weekly', 'off'])[(ascii(email) % 4) + 1]::public.notify_rhythm
where role = 'member' and email not in ('member@example.org', 'member2@example.org');

update public.profiles set interest_types = '{committee,advisory_group,writing}' where email = 'member@example.org';

-- Nobody is told again about what was already published before the demo starts.
insert into public.opportunity_alerts (member_id, opportunity_id, sent_at)
select p.id, o.id, o.published_at
from public.profiles p
join public.opportunities o on o.published_at is not null
where p.role = 'member';

-- More of the co-production team --------------------------------------------------------------
-- Rowan reviews applications, Nia supports members through recruitment, and Leila and Ifan sit on
-- recruitment panels. In the browser tests each has journeys of their own, so no two journeys
-- running at once share a sign-in.

insert into public.profiles
  (email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status, created_at, updated_at)
values
  ('rowan.pike@example.org', 'Rowan Pike', 'Rowan', 'she/her', '07700 900007', '{email}', '{}', 'staff', 'active',
    now() - interval '300 days', now() - interval '300 days'),
  ('nia.roberts@example.org', 'Nia Roberts', 'Nia', 'she/her', '07700 900008', '{email}', '{}', 'staff', 'active',
    now() - interval '210 days', now() - interval '210 days'),
  ('leila.haddad@example.org', 'Leila Haddad', 'Leila', 'she/her', '07700 900009', '{email}', '{}', 'staff', 'active',
    now() - interval '500 days', now() - interval '500 days'),
  ('ifan.jenkins@example.org', 'Ifan Jenkins', 'Ifan', 'he/him', '07700 900010', '{email}', '{}', 'staff', 'active',
    now() - interval '150 days', now() - interval '150 days');
