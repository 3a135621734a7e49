-- Together demo data: staff permissions, the meetings opportunities carry, and members taking part
-- in them. Loaded after seed.sql. Dates are relative to the day the seed runs.

-- Sam arranges adjustments; Jo is the finance officer; Morgan and Nia arrange adjustments too.
update public.profiles set permissions = '{arrange_adjustments}'
where email in ('staff@example.org', 'morgan.hughes@example.org', 'nia.roberts@example.org');
update public.profiles set permissions = '{finance}' where email = 'finance@example.org';

-- Members taking part: Alex and Priya joined the guideline committee on moving from children's
-- to adults' services (its recruitment has closed; an induction meeting has already happened).
insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on, created_at)
select p.id, o.id, 'Committee member', o.starts_on, o.ends_on, now() - interval '30 days'
from public.profiles p
cross join public.opportunities o
where o.title like 'Guideline committee: moving from children''s to adults'' services%'
  and p.email in ('member@example.org', 'member2@example.org',
    'grace.adeyemi@example.org', 'sophie.turner@example.org');

-- Meetings -----------------------------------------------------------------------------------------
-- Times are UK local times on the given day (Europe/London), kept in one place per opportunity.

create temporary table demo_meetings (title_like text, name text, day date, starts time, ends time,
  location_type public.location_type, place text, joining_link text, step_free boolean,
  hearing_loop boolean, accessible_toilet boolean, quiet_room boolean, parking boolean, access_notes text)
  on commit drop;

insert into demo_meetings values
  -- The steering group sitting now: two meetings behind it, one ahead.
  ('Steering group member: recruitment round two years ago', 'Steering group meeting',
    current_date - 75, '10:00', '15:00', 'hybrid', 'Community Room, Riverside Hub, 14 Station Road, Cardiff CF10 1AA',
    'https://meet.example.org/steering-group', true, true, true, true, true,
    'Level access from Station Road. Blue badge parking for 4 cars behind the building. Lunch provided.'),
  ('Steering group member: recruitment round two years ago', 'Steering group meeting',
    current_date - 19, '10:00', '15:00', 'hybrid', 'Community Room, Riverside Hub, 14 Station Road, Cardiff CF10 1AA',
    'https://meet.example.org/steering-group', true, true, true, true, true,
    'Level access from Station Road. Blue badge parking for 4 cars behind the building. Lunch provided.'),
  ('Steering group member: recruitment round two years ago', 'Steering group meeting',
    current_date + 23, '10:00', '15:00', 'hybrid', 'Community Room, Riverside Hub, 14 Station Road, Cardiff CF10 1AA',
    'https://meet.example.org/steering-group', true, true, true, true, true,
    'Level access from Station Road. Blue badge parking for 4 cars behind the building. Lunch provided.'),
  -- The new steering group's first meeting.
  ('Steering group member (12 places)%', 'First meeting of the new steering group',
    current_date + 62, '10:00', '15:00', 'hybrid', 'Community Room, Riverside Hub, 14 Station Road, Cardiff CF10 1AA',
    'https://meet.example.org/steering-group', true, true, true, true, true,
    'Level access from Station Road. Blue badge parking for 4 cars behind the building. Lunch provided.'),
  -- The guideline committee Alex and Priya joined: induction done, committee meetings ahead.
  ('Guideline committee: moving from children''s to adults'' services%', 'Induction for new committee members',
    current_date - 12, '10:30', '13:00', 'in_person', 'Meeting Room 2, Temple Quay House, 2 The Square, Bristol BS1 6PN',
    null, true, true, true, false, false,
    'Step-free entrance on The Square. No parking on site: the nearest accessible car park is Temple Gate, 400 metres away.'),
  ('Guideline committee: moving from children''s to adults'' services%', 'Committee meeting 1',
    current_date + 20, '10:00', '16:00', 'in_person', 'Meeting Room 2, Temple Quay House, 2 The Square, Bristol BS1 6PN',
    null, true, true, true, true, false,
    'Step-free entrance on The Square. A quiet room is kept free all day. Lunch provided.'),
  ('Guideline committee: moving from children''s to adults'' services%', 'Committee meeting 2',
    current_date + 62, '10:00', '16:00', 'in_person', 'Meeting Room 2, Temple Quay House, 2 The Square, Bristol BS1 6PN',
    null, true, true, true, true, false,
    'Step-free entrance on The Square. A quiet room is kept free all day. Lunch provided.'),
  -- The introduction to co-production course Alex took: two online sessions.
  ('Training: introduction to co-production', 'Session 1',
    current_date - 3, '10:00', '12:00', 'online', null, 'https://meet.example.org/intro-to-co-production',
    null, null, null, null, null, 'On Zoom with live captions. You can join by phone instead.'),
  ('Training: introduction to co-production', 'Session 2',
    current_date + 4, '10:00', '12:00', 'online', null, 'https://meet.example.org/intro-to-co-production',
    null, null, null, null, null, 'On Zoom with live captions. You can join by phone instead.'),
  -- Open opportunities carry their first meetings, so members can see the venue before applying.
  ('Guideline committee: supporting adults with a learning disability%', 'First committee meeting',
    current_date + 58, '10:00', '16:00', 'in_person', 'The Guildhall, Castle Street, Manchester M3 4LZ',
    null, true, true, true, true, true,
    'Lift to every floor. Hearing loop in the main room. Parking for blue badge holders on Castle Street.'),
  ('Expert reference group: carers'' breaks', 'First meeting',
    current_date + 27, '18:00', '20:00', 'online', null, 'https://meet.example.org/carers-breaks',
    null, null, null, null, null, 'On Zoom with live captions. Cameras optional.'),
  ('Co-production week festival', 'Festival day',
    current_date + 13, '10:00', '16:00', 'in_person', 'Millennium Hall, 8 Park Place, Cardiff CF10 3DQ',
    null, true, true, true, true, true,
    'Step-free throughout. Quiet room with low lighting. Free accessible parking; book a space when you apply.');

insert into public.meetings (opportunity_id, title, starts_at, ends_at, location_type, place, joining_link,
  step_free, hearing_loop, accessible_toilet, quiet_room, parking, access_notes)
select o.id, d.name,
  (d.day + d.starts) at time zone 'Europe/London',
  (d.day + d.ends) at time zone 'Europe/London',
  d.location_type, d.place, d.joining_link,
  d.step_free, d.hearing_loop, d.accessible_toilet, d.quiet_room, d.parking, d.access_notes
from demo_meetings d
join public.opportunities o on o.title like d.title_like;
