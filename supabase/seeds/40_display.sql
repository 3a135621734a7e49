-- Together demo data: members with display settings saved in their profile, so signing in on a
-- new device shows their pages as they chose. Loaded after seed.sql.

-- Marcus has low vision: the largest text, yellow on black, the clearer font, less movement and
-- the Listen button.
update public.profiles
set display_settings = '{"textSize": "200", "theme": "yellow", "font": "atkinson", "lineSpacing": "wide",
  "letterSpacing": "standard", "motion": "reduce", "easyRead": "off", "readAloud": "on"}'
where email = 'marcus.campbell-reid@example.org';

-- Eleanor reads easy read first, a little larger, on a soft cream background with more space.
update public.profiles
set display_settings = '{"textSize": "125", "theme": "cream", "font": "system", "lineSpacing": "wider",
  "letterSpacing": "wide", "motion": "system", "easyRead": "on", "readAloud": "off"}'
where email = 'eleanor.brooks@example.org';
