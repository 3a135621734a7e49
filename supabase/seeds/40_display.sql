-- Together demo data: members with display settings saved in their profile, so signing in on a
-- new device shows their pages as they chose. Loaded after seed.sql.

insert into public.profiles
  (email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status,
   display_settings, created_at, updated_at)
values
  -- Marcus has low vision: the largest text, yellow on black, the clearer font, and the Listen button.
  ('marcus.campbell-reid@example.org', 'Marcus Campbell-Reid', 'Marcus', 'he/him', '07700 900741', '{email,phone}',
    '{sight loss,disability}', 'member', 'active',
    '{"textSize": "200", "theme": "yellow", "font": "atkinson", "lineSpacing": "wide", "letterSpacing": "standard",
      "motion": "reduce", "easyRead": "off", "readAloud": "on"}',
    now() - interval '180 days', now() - interval '20 days'),
  -- Eleanor reads easy read first, on a soft cream background.
  ('eleanor.brooks@example.org', 'Eleanor Brooks', 'Eleanor', 'she/her', '07700 900742', '{email}',
    '{learning disability,easy read}', 'member', 'active',
    '{"textSize": "125", "theme": "cream", "font": "system", "lineSpacing": "wider", "letterSpacing": "wide",
      "motion": "system", "easyRead": "on", "readAloud": "off"}',
    now() - interval '90 days', now() - interval '12 days'),
  -- Mohammed and Sinéad have not changed anything yet.
  ('mohammed.farouk@example.org', 'Mohammed Farouk', 'Mo', 'he/him', '07700 900743', '{email,text}',
    '{mental health,carers}', 'member', 'active', null,
    now() - interval '60 days', now() - interval '60 days'),
  ('sinead.gallagher@example.org', 'Sinéad Gallagher', 'Sinéad', 'she/her', '07700 900744', '{email}',
    '{carers,older people}', 'member', 'active', null,
    now() - interval '45 days', now() - interval '45 days');
