-- Together demo data: members' access needs and adjustment requests at every stage, so staff have a
-- queue. Loaded after 10_meetings.sql. Written straight to the tables (the seed runs as the owner);
-- the app always goes through the database functions.

do $$
declare
  wording constant text := 'I agree that Together keeps the access needs I write here, so that the co-production team can arrange adjustments for me. '
    || 'I know this is information about my health. I can change it or delete it at any time.';
  alex uuid := (select id from public.profiles where email = 'member@example.org');
  priya uuid := (select id from public.profiles where email = 'member2@example.org');
  sam uuid := (select id from public.profiles where email = 'staff@example.org');
  charlotte uuid := (select id from public.profiles where email = 'charlotte.ward@example.org');
  morgan uuid := (select id from public.profiles where email = 'morgan.hughes@example.org');
  committee bigint := (select id from public.opportunities
    where title like 'Guideline committee: moving from children''s to adults'' services%');
  training bigint := (select id from public.opportunities where title like 'Training: introduction to co-production%');
  meeting1 bigint;
  meeting2 bigint;
  session2 bigint;
  consent bigint;
  req bigint;
  it bigint;
begin
  if alex is null or priya is null or committee is null then
    raise notice 'Adjustments demo data skipped: the people or opportunities it needs are missing';
    return;
  end if;
  select id into meeting1 from public.meetings where opportunity_id = committee and title = 'Committee meeting 1';
  select id into meeting2 from public.meetings where opportunity_id = committee and title = 'Committee meeting 2';
  select id into session2 from public.meetings where opportunity_id = training and title = 'Session 2';

  -- Passports -----------------------------------------------------------------------------------
  -- Alex: a full passport.
  insert into public.access_need_consents (member_id, wording, agreed_at)
  values (alex, wording, now() - interval '40 days') returning id into consent;
  insert into public.access_needs (member_id, consent_id, share_with_staff, created_at, updated_at)
  values (alex, consent, true, now() - interval '40 days', now() - interval '40 days');
  insert into public.access_need_items (member_id, category, options, note, large_print_size, papers_days_before,
    break_every_minutes, break_minutes) values
    (alex, 'travel', '{taxi}', 'I use a wheelchair, so the taxi needs to take one (I do not fold it).', null, null, null, null),
    (alex, 'papers', '{easy_read}', null, null, 14, null, null),
    (alex, 'meeting', '{breaks,quiet_room}', 'Somewhere to sit quietly when I need to.', null, null, 60, 10),
    (alex, 'online', '{online_captions}', null, null, null, null, null);

  -- Priya: a BSL interpreter, and papers electronically three weeks before.
  insert into public.access_need_consents (member_id, wording, agreed_at)
  values (priya, wording, now() - interval '25 days') returning id into consent;
  insert into public.access_needs (member_id, consent_id, share_with_staff, created_at, updated_at)
  values (priya, consent, true, now() - interval '25 days', now() - interval '25 days');
  insert into public.access_need_items (member_id, category, options, note, papers_days_before) values
    (priya, 'communication', '{bsl_interpreter}', 'I prefer an interpreter who knows health and care words.', null),
    (priya, 'papers', '{electronic}', null, 21);

  -- Requests ------------------------------------------------------------------------------------

  -- Alex, committee meeting 1: travel arranged, papers agreed (due soon), breaks partly agreed.
  insert into public.adjustment_requests (member_id, opportunity_id, meeting_id, share_with_organisers, submitted_at)
  values (alex, committee, meeting1, true, now() - interval '10 days') returning id into req;
  insert into public.adjustment_items (request_id, category, options, note, status, decided_at, decided_by,
    arranged_what, arranged_when, arranged_at, arranged_by, estimated_pence, actual_pence)
  values (req, 'travel', '{taxi}', 'I use a wheelchair, so the taxi needs to take one (I do not fold it).', 'arranged',
    now() - interval '8 days', sam, 'Wheelchair accessible taxi booked from your home, and back again at 16:15',
    'Pick-up at 08:45 on the day of the meeting', now() - interval '6 days', sam, 6000, 5640)
  returning id into it;
  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
    (req, it, 'travel', 'requested', alex, now() - interval '10 days', '{}'),
    (req, it, 'travel', 'agreed', sam, now() - interval '8 days', '{}'),
    (req, it, 'travel', 'arranged', sam, now() - interval '6 days',
      '{"what": "Wheelchair accessible taxi booked from your home, and back again at 16:15", "when": "Pick-up at 08:45 on the day of the meeting"}'),
    (req, it, 'travel', 'cost_recorded', sam, now() - interval '6 days', '{"estimated_pence": 6000, "actual_pence": 5640}');
  insert into public.adjustment_items (request_id, category, options, papers_days_before, status, decision_note,
    decided_at, decided_by, estimated_pence)
  values (req, 'papers', '{easy_read}', 14, 'agreed', 'Our easy read writer is working on the papers now.',
    now() - interval '8 days', sam, 18000)
  returning id into it;
  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
    (req, it, 'papers', 'requested', alex, now() - interval '10 days', '{}'),
    (req, it, 'papers', 'agreed', sam, now() - interval '8 days', '{"note": "Our easy read writer is working on the papers now."}');
  insert into public.adjustment_items (request_id, category, options, note, break_every_minutes, break_minutes, status,
    decision_reason, decision_alternative, decided_at, decided_by)
  values (req, 'meeting', '{breaks,quiet_room}', 'Somewhere to sit quietly when I need to.', 60, 10, 'partly_agreed',
    'The committee takes a 10 minute break every 90 minutes, not every hour, because of the time the meeting has.',
    'The quiet room is next door all day, and you can step out to it whenever you need to. The chair knows.',
    now() - interval '8 days', sam)
  returning id into it;
  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
    (req, it, 'meeting', 'requested', alex, now() - interval '10 days', '{}'),
    (req, it, 'meeting', 'partly_agreed', sam, now() - interval '8 days', jsonb_build_object(
      'reason', 'The committee takes a 10 minute break every 90 minutes, not every hour, because of the time the meeting has.',
      'alternative', 'The quiet room is next door all day, and you can step out to it whenever you need to. The chair knows.'));

  -- Alex, committee meeting 2: travel had been agreed, then Alex changed it (back to asked for,
  -- flagged for staff); breaks still waiting.
  insert into public.adjustment_requests (member_id, opportunity_id, meeting_id, changed_after_agreement_at, submitted_at)
  values (alex, committee, meeting2, now() - interval '1 day', now() - interval '1 day') returning id into req;
  insert into public.adjustment_items (request_id, category, options, note, status)
  values (req, 'travel', '{taxi,travel_companion}', 'My sister will come with me this time.', 'requested')
  returning id into it;
  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
    (req, it, 'travel', 'requested', alex, now() - interval '9 days', '{}'),
    (req, it, 'travel', 'agreed', morgan, now() - interval '5 days', '{}'),
    (req, it, 'travel', 'changed_after_agreement', alex, now() - interval '1 day', '{"previous_status": "agreed"}');
  insert into public.adjustment_items (request_id, category, options, break_every_minutes, break_minutes, status)
  values (req, 'meeting', '{breaks,quiet_room}', 60, 10, 'requested') returning id into it;
  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
    (req, it, 'meeting', 'requested', alex, now() - interval '9 days', '{}');

  -- Priya, all committee meetings: interpreter waiting for an answer; papers 21 days before, so the
  -- papers for committee meeting 1 (in 20 days) are already overdue.
  insert into public.adjustment_requests (member_id, opportunity_id, meeting_id, submitted_at)
  values (priya, committee, null, now() - interval '3 days') returning id into req;
  insert into public.adjustment_items (request_id, category, options, note, status, estimated_pence)
  values (req, 'communication', '{bsl_interpreter}', 'I prefer an interpreter who knows health and care words.',
    'requested', 52000) returning id into it;
  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
    (req, it, 'communication', 'requested', priya, now() - interval '3 days', '{}');
  insert into public.adjustment_items (request_id, category, options, papers_days_before, status, decided_at, decided_by)
  values (req, 'papers', '{electronic}', 21, 'agreed', now() - interval '2 days', sam) returning id into it;
  insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
    (req, it, 'papers', 'requested', priya, now() - interval '3 days', '{}'),
    (req, it, 'papers', 'agreed', sam, now() - interval '2 days', '{}');

  -- Charlotte (the browser tests' spare account) joined the committee late; her request for
  -- committee meeting 2 shows every outcome a member can see, and papers ready.
  if charlotte is not null and meeting2 is not null then
    insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on, created_at)
    select charlotte, o.id, 'Committee member', o.starts_on, o.ends_on, now() - interval '7 days'
    from public.opportunities o where o.id = committee;
    insert into public.adjustment_requests (member_id, opportunity_id, meeting_id, submitted_at)
    values (charlotte, committee, meeting2, now() - interval '6 days') returning id into req;
    insert into public.adjustment_items (request_id, category, options, status, decided_at, decided_by,
      arranged_what, arranged_when, arranged_at, arranged_by, actual_pence)
    values (req, 'travel', '{parking}', 'arranged', now() - interval '5 days', sam,
      'A blue badge parking space is booked for you at Temple Gate car park',
      'All day on the day of the meeting, from 8am', now() - interval '4 days', sam, 1200)
    returning id into it;
    insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
      (req, it, 'travel', 'requested', charlotte, now() - interval '6 days', '{}'),
      (req, it, 'travel', 'agreed', sam, now() - interval '5 days', '{}'),
      (req, it, 'travel', 'arranged', sam, now() - interval '4 days', '{}');
    insert into public.adjustment_items (request_id, category, options, large_print_size, status, decision_note,
      decided_at, decided_by)
    values (req, 'papers', '{large_print}', 24, 'agreed', 'We will post them to you as well as emailing them.',
      now() - interval '5 days', sam)
    returning id into it;
    insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
      (req, it, 'papers', 'requested', charlotte, now() - interval '6 days', '{}'),
      (req, it, 'papers', 'agreed', sam, now() - interval '5 days', '{}');
    insert into public.adjustment_papers_ready (request_id, meeting_id, ready_at, ready_by)
    values (req, meeting2, now() - interval '1 day', sam);
    insert into public.adjustment_events (request_id, category, meeting_id, kind, actor_id, at, details)
    values (req, 'papers', meeting2, 'papers_ready', sam, now() - interval '1 day', '{"meeting": "Committee meeting 2"}');
    insert into public.adjustment_items (request_id, category, options, status, decision_reason, decision_alternative,
      decided_at, decided_by)
    values (req, 'communication', '{lipspeaker}', 'not_possible',
      'We could not find a lipspeaker free on that day.',
      'A speech-to-text reporter will be there, and the text shows on a screen next to you.',
      now() - interval '5 days', sam)
    returning id into it;
    insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
      (req, it, 'communication', 'requested', charlotte, now() - interval '6 days', '{}'),
      (req, it, 'communication', 'not_possible', sam, now() - interval '5 days', '{}');
    insert into public.adjustment_items (request_id, category, options, status, decision_reason, decided_at, decided_by)
    values (req, 'meeting', '{food_and_drink,seating}', 'partly_agreed',
      'Lunch is a buffet, so we cannot promise a separate meal, but the caterer will label everything.',
      now() - interval '5 days', sam)
    returning id into it;
    insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
      (req, it, 'meeting', 'requested', charlotte, now() - interval '6 days', '{}'),
      (req, it, 'meeting', 'partly_agreed', sam, now() - interval '5 days', '{}');
    insert into public.adjustment_items (request_id, category, options, status)
    values (req, 'dog', '{assistance_dog}', 'requested') returning id into it;
    insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
      (req, it, 'dog', 'requested', charlotte, now() - interval '6 days', '{}');
  end if;

  -- Alex, training session 2: captions not possible, with a reason and what is offered instead.
  if session2 is not null then
    insert into public.adjustment_requests (member_id, opportunity_id, meeting_id, submitted_at)
    values (alex, training, session2, now() - interval '6 days') returning id into req;
    insert into public.adjustment_items (request_id, category, options, status, decision_reason, decision_alternative,
      decided_at, decided_by)
    values (req, 'online', '{online_captions}', 'not_possible',
      'The trainer for this session uses a video call service that cannot show live captions.',
      'We will send you a written summary on the same day, and you can join by phone with a note-taker.',
      now() - interval '4 days', morgan)
    returning id into it;
    insert into public.adjustment_events (request_id, item_id, category, kind, actor_id, at, details) values
      (req, it, 'online', 'requested', alex, now() - interval '6 days', '{}'),
      (req, it, 'online', 'not_possible', morgan, now() - interval '4 days', jsonb_build_object(
        'reason', 'The trainer for this session uses a video call service that cannot show live captions.',
        'alternative', 'We will send you a written summary on the same day, and you can join by phone with a note-taker.'));
  end if;
end
$$;
