-- Together demo data: the staff who approve claims and the finance officers who pay them, for the
-- claims and payment-run pages (and their browser tests), and a few accessibility reports.
-- Ewan and Harriet approve claims; Priti and Lucas are finance officers with the finance permission;
-- Inès and Tomasz are admins who look after the payment settings.

insert into public.profiles
  (id, email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status,
   permissions, created_at, updated_at)
values
  ('00000000-0000-4000-8250-000000000001', 'ewan.quinn@example.org', 'Ewan Quinn', 'Ewan', 'he/him',
    '07700 900251', '{email}', '{}', 'staff', 'active', '{}', now() - interval '300 days', now() - interval '300 days'),
  ('00000000-0000-4000-8250-000000000002', 'priti.desai@example.org', 'Priti Desai', 'Priti', 'she/her',
    '07700 900252', '{email}', '{}', 'staff', 'active', '{finance}', now() - interval '280 days', now() - interval '280 days'),
  ('00000000-0000-4000-8250-000000000003', 'harriet.okoro@example.org', 'Harriet Okoro', 'Harriet', 'she/her',
    '07700 900253', '{email}', '{}', 'staff', 'active', '{}', now() - interval '260 days', now() - interval '260 days'),
  ('00000000-0000-4000-8250-000000000004', 'lucas.ferreira@example.org', 'Lucas Ferreira', 'Lucas', 'he/him',
    '07700 900254', '{email}', '{}', 'staff', 'active', '{finance}', now() - interval '240 days', now() - interval '240 days'),
  ('00000000-0000-4000-8250-000000000005', 'ines.moreau@example.org', 'Inès Moreau', 'Inès', 'she/her',
    '07700 900255', '{email}', '{}', 'admin', 'active', '{}', now() - interval '500 days', now() - interval '500 days'),
  ('00000000-0000-4000-8250-000000000006', 'tomasz.zielinski@example.org', 'Tomasz Zieliński', 'Tomasz', 'he/him',
    '07700 900256', '{email}', '{}', 'admin', 'active', '{}', now() - interval '480 days', now() - interval '480 days');

insert into public.accessibility_reports (kind, page, details, contact_email, reporter_id, created_at)
values
  ('problem', 'Opportunities', 'With TalkBack, the "Save" button on each card is read as "button" with no name.',
    'olga.nowak@example.org', (select id from public.profiles where email = 'olga.nowak@example.org'),
    now() - interval '9 days'),
  ('format', 'Guideline committee: moving from children''s to adults'' services',
    'Could I have the papers for meeting 1 in large print (18 point), posted to me?', 'a.reader@example.org',
    null, now() - interval '2 days');
