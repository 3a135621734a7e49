-- Together demo data: payment settings, bank details and claims at every stage for the sitting
-- steering group and for Alex's training session; some paid last tax year and some this one, so
-- members' totals show. Loaded after 10_meetings.sql. Dates are relative to the day the seed runs.
--
-- Stephen Clarke, Margaret Hall and Ben Whitaker have nothing claimed for the steering group meeting
-- 19 days ago: the browser tests claim it.

-- Settings -----------------------------------------------------------------------------------------
-- Mileage rates, receipt rules and the claim window have their defaults from the migration.

insert into public.fee_rates (name, basis, pence, short_pence, long_from_minutes) values
  ('Meeting fee: £150 for 4 hours or more, £75 for less', 'meeting', 15000, 7500, 240),
  ('Hourly fee: £20 an hour', 'hour', 2000, null, null),
  ('Half-day fee: £75', 'half_day', 7500, null, null),
  ('Day fee: £150', 'day', 15000, null, null);

-- Which opportunities pay which fee. Quietly: these are settings, not edits staff made.
alter table public.opportunities disable trigger opportunities_audit;
alter table public.opportunities disable trigger opportunities_touch;
update public.opportunities
set fee_rate_id = (select id from public.fee_rates where basis = 'meeting')
where type in ('committee', 'expert_reference_group', 'advisory_group', 'steering_group_role', 'training',
  'recruitment_panel', 'speaking');
update public.opportunities
set fee_rate_id = (select id from public.fee_rates where basis = 'hour')
where type = 'writing';
alter table public.opportunities enable trigger opportunities_audit;
alter table public.opportunities enable trigger opportunities_touch;

-- How members were last paid, and bank details (fictional numbers).
update public.profiles set payment_method = 'bank'
where email in ('stephen.clarke@example.org', 'margaret.hall@example.org', 'callum.fraser@example.org',
  'joanne.pearson@example.org', 'robert.greenwood@example.org', 'katarzyna.wojcik@example.org',
  'liam.walsh@example.org', 'ruth.ellison@example.org', 'member@example.org');
update public.profiles set payment_method = 'vouchers'
where email in ('ben.whitaker@example.org', 'tariq.mahmood@example.org', 'farah.siddiqui@example.org');
update public.profiles set payment_method = 'no_fee' where email = 'shona.mckenzie@example.org';
update public.profiles set yearly_fee_limit_pence = 100000 where email = 'margaret.hall@example.org';

insert into public.bank_details (member_id, account_name, sort_code, account_number, updated_at)
select p.id, p.full_name, lpad(((row_number() over (order by p.email)) * 10101 % 1000000)::text, 6, '0'),
  lpad(((row_number() over (order by p.email)) * 1234567 % 100000000)::text, 8, '0'), now() - interval '200 days'
from public.profiles p
where p.email in ('stephen.clarke@example.org', 'margaret.hall@example.org', 'callum.fraser@example.org',
  'joanne.pearson@example.org', 'robert.greenwood@example.org', 'katarzyna.wojcik@example.org',
  'liam.walsh@example.org', 'ruth.ellison@example.org', 'member@example.org');

-- Payment runs: one paid last tax year, one paid this year, one made and waiting.
insert into public.payment_runs (method, status, created_by, create_key, created_at, exported_at, exported_by,
  paid_on, paid_reference, paid_by, paid_key)
select null, 'paid', jo.id, gen_random_uuid(), now() - interval '312 days', now() - interval '311 days', jo.id,
  current_date - 309, 'BACS 0117', jo.id, gen_random_uuid()
from public.profiles jo where jo.email = 'finance@example.org';
insert into public.payment_runs (method, status, created_by, create_key, created_at, exported_at, exported_by,
  paid_on, paid_reference, paid_by, paid_key)
select null, 'paid', jo.id, gen_random_uuid(), now() - interval '58 days', now() - interval '57 days', jo.id,
  current_date - 55, 'BACS 0342', jo.id, gen_random_uuid()
from public.profiles jo where jo.email = 'finance@example.org';
insert into public.payment_runs (method, status, created_by, create_key, created_at)
select null, 'open', jo.id, gen_random_uuid(), now() - interval '2 days'
from public.profiles jo where jo.email = 'finance@example.org';

-- Claims -------------------------------------------------------------------------------------------
-- which: 'm75' and 'm19' are the steering group meetings 75 and 19 days ago; 'last_year' is a day's
-- work on the steering group 330 days ago (no meeting); 'training' is Alex's session 3 days ago.
-- run: 1 paid last year, 2 paid this year, 3 waiting.

create temporary table demo_claims (email text, which text, status public.claim_status,
  method public.payment_method, run integer, miles numeric, food integer, taxi integer, message text, reply text)
  on commit drop;

insert into demo_claims values
  ('stephen.clarke@example.org', 'last_year', 'paid', 'bank', 1, 31.5, null, null, null, null),
  ('stephen.clarke@example.org', 'm75', 'paid', 'bank', 2, 31.5, 780, null, null, null),
  ('margaret.hall@example.org', 'last_year', 'paid', 'bank', 1, null, 1250, null, null, null),
  ('margaret.hall@example.org', 'm75', 'paid', 'bank', 2, 12.2, null, null, null, null),
  ('ben.whitaker@example.org', 'm75', 'query', 'vouchers', null, null, 640, null,
    'Thank you for your claim. Was the £6.40 for lunch on the day of the meeting, or on the way home?', null),
  ('callum.fraser@example.org', 'm75', 'submitted', 'bank', null, 48, null, null, null, null),
  ('tariq.mahmood@example.org', 'm75', 'submitted', 'vouchers', null, null, 910, null, null, null),
  ('joanne.pearson@example.org', 'm75', 'submitted', 'bank', null, 18.6, null, null, null, null),
  ('joanne.pearson@example.org', 'm19', 'draft', null, null, 18.6, null, null, null, null),
  ('shona.mckenzie@example.org', 'm75', 'query', 'no_fee', null, null, 2400, null,
    'Thank you. The food receipt shows £24.00 for two meals. Was the second meal for your support worker? Please tell us so we can pay it as a personal assistant cost.', null),
  ('robert.greenwood@example.org', 'm75', 'rejected', 'bank', null, 120, null, null,
    'We could not match 120 miles to your journey. Please send a new claim with the miles from your home to the Riverside Hub and back.', null),
  ('robert.greenwood@example.org', 'm19', 'submitted', 'bank', null, 22, null, null, null, null),
  ('katarzyna.wojcik@example.org', 'm75', 'paid', 'bank', 2, 9.5, null, null, null, null),
  ('katarzyna.wojcik@example.org', 'm19', 'in_payment_run', 'bank', 3, 9.5, null, null, null, null),
  ('liam.walsh@example.org', 'last_year', 'paid', 'bank', 1, 40, null, null, null, null),
  ('liam.walsh@example.org', 'm75', 'paid', 'bank', 2, 40, null, null, null, null),
  ('liam.walsh@example.org', 'm19', 'approved', 'bank', null, 40, null, null, null, null),
  ('farah.siddiqui@example.org', 'm19', 'submitted', 'vouchers', null, null, null, 1850, null, null),
  ('ruth.ellison@example.org', 'm75', 'paid', 'bank', 2, null, null, null, null, null),
  ('ruth.ellison@example.org', 'm19', 'in_payment_run', 'bank', 3, 15, null, null, null, null),
  ('member@example.org', 'training', 'submitted', 'bank', null, null, null, null, null, null);

-- Receipts for the taxi and the meals (a 1×1 PNG standing in for a photo).
insert into public.uploads (owner_id, purpose, content_type, size_bytes, sha256, data)
select p.id, 'receipt', 'image/png', octet_length(b.data), encode(sha256(b.data), 'hex'), b.data
from public.profiles p
cross join (select decode('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201f1b1c6ed0000000049454e44ae426082', 'hex') as data) b
where p.email in ('farah.siddiqui@example.org', 'shona.mckenzie@example.org');

create temporary table demo_claim_ids (claim_id bigint, email text, which text) on commit drop;

with source as (
  select d.*, p.id as member_id, i.id as involvement_id,
    m.id as meeting_id,
    case d.which
      when 'last_year' then current_date - 330
      else (m.starts_at at time zone 'Europe/London')::date
    end as activity_on,
    case d.run when 1 then current_date - 309 when 2 then current_date - 55 end as paid_on,
    (select r.id from public.payment_runs r order by r.id offset d.run - 1 limit 1) as run_id
  from demo_claims d
  join public.profiles p on p.email = d.email
  join public.involvements i on i.member_id = p.id
  join public.opportunities o on o.id = i.opportunity_id
    and o.title = case when d.which = 'training' then 'Training: introduction to co-production'
                       else 'Steering group member: recruitment round two years ago' end
  left join public.meetings m on m.opportunity_id = o.id
    and (m.starts_at at time zone 'Europe/London')::date = case d.which
      when 'm75' then current_date - 75 when 'm19' then current_date - 19 when 'training' then current_date - 3 end
), made as (
  insert into public.claims (member_id, involvement_id, meeting_id, activity_on, status, payment_method, start_key,
    submit_key, submitted_at, decided_at, decided_by, message, reply, payment_run_id, paid_on, paid_reference, created_at)
  select s.member_id, s.involvement_id, s.meeting_id, s.activity_on, s.status, s.method, gen_random_uuid(),
    case when s.status <> 'draft' then gen_random_uuid() end,
    case when s.status <> 'draft' then s.activity_on + 2 + time '19:30' end,
    case when s.status in ('approved', 'query', 'rejected', 'in_payment_run', 'paid') then s.activity_on + 6 + time '11:00' end,
    case when s.status in ('approved', 'query', 'rejected', 'in_payment_run', 'paid')
      then '00000000-0000-4000-8000-000000000003'::uuid end,
    s.message, s.reply,
    case when s.status in ('in_payment_run', 'paid') then s.run_id end,
    case when s.status = 'paid' then s.paid_on end,
    case when s.status = 'paid' then (select r.paid_reference from public.payment_runs r where r.id = s.run_id) end,
    s.activity_on + 2 + time '19:00'
  from source s
  returning id, member_id, involvement_id, meeting_id, activity_on
)
insert into demo_claim_ids (claim_id, email, which)
select made.id, d.email, d.which
from made
join public.profiles p on p.id = made.member_id
join demo_claims d on d.email = p.email
  and made.activity_on = case d.which when 'last_year' then current_date - 330
    when 'm75' then current_date - 75 when 'm19' then current_date - 19 else current_date - 3 end;

-- Lines: the fee (worked out by the database from the rate), then travel and food.
insert into public.claim_lines (claim_id, category, description, amount_pence, minutes)
select c.claim_id, 'fee', null, 0, case when c.which = 'last_year' then 330 end
from demo_claim_ids c
join demo_claims d using (email, which)
where d.method is distinct from 'no_fee';

insert into public.claim_lines (claim_id, category, description, amount_pence, miles, vehicle)
select c.claim_id, 'mileage', 'Home to the Riverside Hub and back', 0, d.miles, 'car'
from demo_claim_ids c join demo_claims d using (email, which)
where d.miles is not null;

insert into public.claim_lines (claim_id, category, description, amount_pence)
select c.claim_id, 'food', 'Lunch on the way', d.food
from demo_claim_ids c join demo_claims d using (email, which)
where d.food is not null and d.food <= 1000;

insert into public.claim_lines (claim_id, category, description, amount_pence, receipt_id)
select c.claim_id, 'food', 'Two meals (me and my support worker)', d.food,
  u.id
from demo_claim_ids c join demo_claims d using (email, which)
join public.profiles p on p.email = c.email
join public.uploads u on u.owner_id = p.id and u.purpose = 'receipt'
where d.food is not null and d.food > 1000;

insert into public.claim_lines (claim_id, category, description, amount_pence, taxi_agreed_adjustment, receipt_id)
select c.claim_id, 'taxi', 'Taxi from Cardiff Central to the Riverside Hub', d.taxi, true, u.id
from demo_claim_ids c join demo_claims d using (email, which)
join public.profiles p on p.email = c.email
join public.uploads u on u.owner_id = p.id and u.purpose = 'receipt'
where d.taxi is not null;

-- What happened to each claim, in order.
insert into public.claim_events (claim_id, status, actor_id, message, at)
select c.id, 'submitted', c.member_id, null, c.submitted_at
from public.claims c where c.status <> 'draft';

insert into public.claim_events (claim_id, status, actor_id, message, at)
select c.id, case when c.status in ('in_payment_run', 'paid') then 'approved' else c.status end,
  c.decided_by, c.message, c.decided_at
from public.claims c where c.decided_at is not null;

insert into public.claim_events (claim_id, status, actor_id, at)
select c.id, 'in_payment_run', r.created_by, r.created_at
from public.claims c join public.payment_runs r on r.id = c.payment_run_id;

insert into public.claim_events (claim_id, status, actor_id, message, at)
select c.id, 'paid', r.paid_by, r.paid_reference, r.paid_on + time '09:00'
from public.claims c join public.payment_runs r on r.id = c.payment_run_id
where c.status = 'paid';
