-- Together demo data for the staff side of adjustments: more of the co-production team who arrange
-- adjustments, admins who look after the audit log, staff without the permission (Selin, and Ffion
-- and Tomos who look after meetings), and two more members on the guideline committee. The browser tests give each journey its own
-- people, so no two journeys running at once share a sign-in.

insert into public.profiles
  (id, email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status, permissions,
   created_at, updated_at)
values
  ('00000000-0000-4000-8150-000000000001', 'dafydd.morris@example.org', 'Dafydd Morris', 'Dafydd', 'he/him',
    '07700 900151', '{email}', '{}', 'staff', 'active', '{arrange_adjustments}',
    now() - interval '400 days', now() - interval '400 days'),
  ('00000000-0000-4000-8150-000000000002', 'hannah.okoro@example.org', 'Hannah Okoro', 'Hannah', 'she/her',
    '07700 900152', '{email}', '{}', 'staff', 'active', '{arrange_adjustments}',
    now() - interval '260 days', now() - interval '260 days'),
  ('00000000-0000-4000-8150-000000000003', 'anwen.davies@example.org', 'Anwen Davies', 'Anwen', 'she/her',
    '07700 900153', '{email}', '{}', 'admin', 'active', '{}',
    now() - interval '640 days', now() - interval '640 days'),
  ('00000000-0000-4000-8150-000000000004', 'gethin.lewis@example.org', 'Gethin Lewis', 'Gethin', 'he/him',
    '07700 900154', '{email}', '{}', 'admin', 'active', '{}',
    now() - interval '590 days', now() - interval '590 days'),
  ('00000000-0000-4000-8150-000000000005', 'selin.aydin@example.org', 'Selin Aydin', 'Selin', 'she/her',
    '07700 900155', '{email}', '{}', 'staff', 'active', '{}',
    now() - interval '120 days', now() - interval '120 days'),
  -- Ffion and Tomos look after opportunities' meetings.
  ('00000000-0000-4000-8150-000000000006', 'ffion.rowlands@example.org', 'Ffion Rowlands', 'Ffion', 'she/her',
    '07700 900156', '{email}', '{}', 'staff', 'active', '{}',
    now() - interval '330 days', now() - interval '330 days'),
  ('00000000-0000-4000-8150-000000000007', 'tomos.bevan@example.org', 'Tomos Bevan', 'Tomos', 'he/him',
    '07700 900157', '{email}', '{}', 'staff', 'active', '{}',
    now() - interval '280 days', now() - interval '280 days');

-- Vikram and Luis joined the guideline committee on moving from children's to adults' services.
insert into public.involvements (member_id, opportunity_id, role, starts_on, ends_on, created_at)
select p.id, o.id, 'Committee member', o.starts_on, o.ends_on, now() - interval '25 days'
from public.profiles p
cross join public.opportunities o
where o.title like 'Guideline committee: moving from children''s to adults'' services%'
  and p.email in ('vikram.rao@example.org', 'luis.fernandes@example.org');
