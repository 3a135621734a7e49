-- Together: payments. Involvement fees and expenses claimed by members, checked by staff and paid
-- by finance in payment runs.
--
-- Money is whole pence (integer) everywhere; totals are worked out here, in SQL. Each step that
-- changes several rows (start, submit, decide, reply, make a run, export, pay) is one function, one
-- transaction, safe to repeat under a request key.
--
-- Raised errors carry a short key as their message; the app turns each into plain words.
--   not_allowed            the person may not do this
--   not_found              no such claim (or run) for this person
--   wrong_status           the claim (or run) is not at a stage where this can happen
--   not_yet                the activity has not happened yet
--   too_late               the claim window after the activity has passed
--   no_lines               a claim needs at least one line
--   receipt_missing        a line needs a receipt and has none
--   fee_no_rate            the opportunity has no fee rate, so no fee can be claimed
--   fee_needs_time         a fee line needs the meeting, or the time spent
--   fee_twice              a claim may carry one fee line
--   fee_already_claimed    the fee for this meeting is already claimed in another claim
--   fee_with_no_fee        "no fee" chosen while the claim has a fee line
--   method_not_offered     that way of being paid is not offered
--   bank_details_missing   paid to bank, but no bank details are held
--   message_needed         a query, rejection or reply needs words
--   nothing_to_pay         no approved claims for a payment run
--   invalid_bank_details   the account name, sort code or account number is not valid
--   too_many_codes         too many codes asked for in the last hour

create type public.claim_status as enum (
  'draft', 'submitted', 'query', 'approved', 'rejected', 'in_payment_run', 'paid'
);
create type public.claim_category as enum (
  'fee', 'mileage', 'public_transport', 'taxi', 'food', 'carer', 'overnight', 'other'
);
create type public.payment_method as enum ('bank', 'vouchers', 'no_fee');
create type public.vehicle as enum ('car', 'motorcycle', 'bicycle');
create type public.fee_basis as enum ('hour', 'half_day', 'day', 'meeting');
create type public.payment_run_status as enum ('open', 'exported', 'paid');

-- Pure rules (the app's src/lib/validation/claim.ts does the same sums; tests hold both to it) ----

-- The fee for a stretch of time at a rate:
--   hour      pence per hour, pro rata by the minute, rounded half up to the penny
--   half_day  pence for each started half day (4 hours)
--   day       pence for each started day (8 hours)
--   meeting   pence for a meeting of long_from_minutes or more, short_pence for a shorter one
create function private.fee_pence(
  basis public.fee_basis, pence integer, short_pence integer, long_from_minutes integer, minutes integer
) returns integer
language sql immutable set search_path = ''
as $$
  select case
    when minutes is null or minutes <= 0 then null
    when basis = 'hour' then floor((pence::numeric * minutes) / 60 + 0.5)::integer
    when basis = 'half_day' then pence * ceil(minutes / 240.0)::integer
    when basis = 'day' then pence * ceil(minutes / 480.0)::integer
    when basis = 'meeting' then case when minutes >= long_from_minutes then pence else coalesce(short_pence, pence) end
  end
$$;

-- Mileage for one line: miles times the rate, rounded half up to the penny.
create function private.mileage_pence(miles numeric, pence_per_mile integer) returns integer
language sql immutable set search_path = ''
as $$
  select floor(miles * pence_per_mile + 0.5)::integer
$$;

-- The tax year a day falls in, named by the year it starts (6 April to 5 April).
create function private.tax_year(day date) returns integer
language sql immutable set search_path = ''
as $$
  select case when day >= make_date(extract(year from day)::integer, 4, 6)
    then extract(year from day)::integer else extract(year from day)::integer - 1 end
$$;

grant execute on function private.fee_pence(public.fee_basis, integer, integer, integer, integer),
  private.mileage_pence(numeric, integer), private.tax_year(date) to authenticated, service_role;

-- Settings (admins write; everyone signed in reads) -------------------------------------------------

create table public.fee_rates (
  id bigint generated always as identity primary key,
  name text not null unique check (length(btrim(name)) between 3 and 120),
  basis public.fee_basis not null,
  pence integer not null check (pence between 0 and 100000),
  short_pence integer check (short_pence is null or short_pence between 0 and 100000),
  long_from_minutes integer check (long_from_minutes is null or long_from_minutes between 1 and 1440),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint fee_rates_meeting_lengths check (
    basis <> 'meeting' or (short_pence is not null and long_from_minutes is not null))
);

comment on table public.fee_rates is 'Involvement fee rates. For a rate by meeting length: pence for a meeting of long_from_minutes or more, short_pence for a shorter one.';

alter table public.opportunities
  add column fee_rate_id bigint references public.fee_rates (id) on delete restrict;

comment on column public.opportunities.fee_rate_id is 'The fee rate members are paid at for this opportunity; none means no involvement fee.';

create table public.mileage_rates (
  vehicle public.vehicle primary key,
  pence_per_mile integer not null check (pence_per_mile between 0 and 1000),
  updated_at timestamptz not null default now()
);

comment on table public.mileage_rates is 'Pence a mile for each kind of vehicle (HMRC''s approved rates by default).';

create table public.receipt_rules (
  category public.claim_category primary key,
  always boolean not null default false,
  above_pence integer check (above_pence is null or above_pence >= 0),
  updated_at timestamptz not null default now()
);

comment on table public.receipt_rules is 'When a claim line needs a receipt: always, or when its amount is above above_pence. No row (or neither set) means never.';

create table public.claim_settings (
  id boolean primary key default true check (id),
  window_days integer not null default 90 check (window_days between 1 and 730),
  methods public.payment_method[] not null default '{bank,vouchers,no_fee}'
    check (cardinality(methods) between 1 and 3),
  pay_within_days integer not null default 21 check (pay_within_days between 1 and 120),
  updated_at timestamptz not null default now()
);

comment on table public.claim_settings is 'One row: how many days after an activity a claim may be made, the ways of being paid offered, and how soon approved claims are paid.';

insert into public.claim_settings default values;
insert into public.mileage_rates (vehicle, pence_per_mile) values ('car', 45), ('motorcycle', 24), ('bicycle', 20);
insert into public.receipt_rules (category, always, above_pence) values
  ('fee', false, null), ('mileage', false, null), ('public_transport', false, 1000),
  ('taxi', true, null), ('food', false, 1000), ('carer', true, null),
  ('overnight', true, null), ('other', true, null);

create trigger fee_rates_touch before update on public.fee_rates
  for each row execute function private.touch_updated_at();
create trigger mileage_rates_touch before update on public.mileage_rates
  for each row execute function private.touch_updated_at();
create trigger receipt_rules_touch before update on public.receipt_rules
  for each row execute function private.touch_updated_at();
create trigger claim_settings_touch before update on public.claim_settings
  for each row execute function private.touch_updated_at();

alter table public.fee_rates enable row level security;
alter table public.mileage_rates enable row level security;
alter table public.receipt_rules enable row level security;
alter table public.claim_settings enable row level security;
revoke all on table public.fee_rates, public.mileage_rates, public.receipt_rules, public.claim_settings
  from anon, authenticated;
grant select, insert, update, delete on table public.fee_rates, public.mileage_rates, public.receipt_rules
  to authenticated;
grant select, update on table public.claim_settings to authenticated;

create policy "Signed-in people read fee rates" on public.fee_rates
  for select to authenticated using (true);
create policy "Admins add fee rates" on public.fee_rates
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins change fee rates" on public.fee_rates
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove fee rates" on public.fee_rates
  for delete to authenticated using ((select private.is_admin()));

create policy "Signed-in people read mileage rates" on public.mileage_rates
  for select to authenticated using (true);
create policy "Admins add mileage rates" on public.mileage_rates
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins change mileage rates" on public.mileage_rates
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove mileage rates" on public.mileage_rates
  for delete to authenticated using ((select private.is_admin()));

create policy "Signed-in people read receipt rules" on public.receipt_rules
  for select to authenticated using (true);
create policy "Admins add receipt rules" on public.receipt_rules
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins change receipt rules" on public.receipt_rules
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove receipt rules" on public.receipt_rules
  for delete to authenticated using ((select private.is_admin()));

create policy "Signed-in people read claim settings" on public.claim_settings
  for select to authenticated using (true);
create policy "Admins change claim settings" on public.claim_settings
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

-- Member preferences ------------------------------------------------------------------------------

alter table public.profiles
  add column payment_method public.payment_method,
  add column yearly_fee_limit_pence integer check (yearly_fee_limit_pence is null or yearly_fee_limit_pence between 0 and 10000000);

comment on column public.profiles.payment_method is 'How the member was last paid: the default for their next claim.';
comment on column public.profiles.yearly_fee_limit_pence is 'A limit the member sets on involvement fees in a tax year (for example to protect benefits); claims that would pass it are flagged to them.';

grant update (payment_method, yearly_fee_limit_pence) on table public.profiles to authenticated;

-- Bank details ------------------------------------------------------------------------------------
-- Held once per member. Only finance reads them whole; the member and staff see the last two digits
-- through masked_bank_details(). They change only through confirm_bank_change(), after a code sent
-- by email.

create table public.bank_details (
  member_id uuid primary key references public.profiles (id) on delete cascade,
  account_name text not null check (length(btrim(account_name)) between 1 and 70),
  sort_code text not null check (sort_code ~ '^[0-9]{6}$'),
  account_number text not null check (account_number ~ '^[0-9]{8}$'),
  updated_at timestamptz not null default now()
);

comment on table public.bank_details is 'Members'' bank accounts for payments. Only finance reads them; members see a masked form.';

alter table public.bank_details enable row level security;
revoke all on table public.bank_details from anon, authenticated;
grant select on table public.bank_details to authenticated;

create policy "Finance reads bank details" on public.bank_details
  for select to authenticated
  using ((select private.has_permission('finance')));

create function public.masked_bank_details(member uuid default null)
returns table (account_name text, sort_code_end text, account_number_end text, updated_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select b.account_name, right(b.sort_code, 2), right(b.account_number, 2), b.updated_at
  from public.bank_details b
  where b.member_id = coalesce(member, (select auth.uid()))
    and ((select private.acts_for(b.member_id)) or (select private.is_staff()))
$$;

revoke all on function public.masked_bank_details(uuid) from public, anon;
grant execute on function public.masked_bank_details(uuid) to authenticated, service_role;

create table public.bank_change_requests (
  id uuid primary key,
  member_id uuid not null references public.profiles (id) on delete cascade,
  code_hash text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  account_name text,
  sort_code text,
  account_number text,
  attempts integer not null default 0,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

comment on table public.bank_change_requests is 'Bank detail changes waiting for the emailed code. The code is held only as a keyed hash; single use, 10 minutes, 5 tries. The new details are cleared once used or replaced.';

create index bank_change_requests_member on public.bank_change_requests (member_id, created_at desc);

alter table public.bank_change_requests enable row level security;
revoke all on table public.bank_change_requests from anon, authenticated;

-- Step 1: hold the new details and the hash of the code the server emails. At most 5 a hour.
create function public.request_bank_change(
  request uuid, code_hash text, account_name text, sort_code text, account_number text
) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  sort text := regexp_replace(coalesce(sort_code, ''), '[\s-]', '', 'g');
  account text := regexp_replace(coalesce(account_number, ''), '\s', '', 'g');
begin
  if me is null then
    raise exception 'not_allowed';
  end if;
  if length(btrim(coalesce(account_name, ''))) not between 1 and 70 or sort !~ '^[0-9]{6}$'
     or account !~ '^[0-9]{8}$' or coalesce(code_hash, '') !~ '^[0-9a-f]{64}$' then
    raise exception 'invalid_bank_details';
  end if;
  if (select count(*) from public.bank_change_requests r
      where r.member_id = me and r.created_at > now() - interval '1 hour') >= 5 then
    raise exception 'too_many_codes';
  end if;
  update public.bank_change_requests r
  set used_at = now(), account_name = null, sort_code = null, account_number = null
  where r.member_id = me and r.used_at is null;
  insert into public.bank_change_requests (id, member_id, code_hash, account_name, sort_code, account_number, expires_at)
  values (request, me, code_hash, btrim(account_name), sort, account, now() + interval '10 minutes');
end
$$;

-- Step 2: the code. Counts every try (so it returns an outcome rather than raising):
-- 'ok' (details saved), 'wrong', 'expired' or 'too_many'.
create function public.confirm_bank_change(request uuid, presented_hash text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  r public.bank_change_requests;
  had boolean;
begin
  update public.bank_change_requests set attempts = attempts + 1
  where id = request and member_id = me
  returning * into r;
  if not found or r.used_at is not null or r.expires_at < now() then
    return 'expired';
  end if;
  if r.attempts > 5 then
    update public.bank_change_requests
    set used_at = now(), account_name = null, sort_code = null, account_number = null
    where id = r.id;
    return 'too_many';
  end if;
  if r.code_hash <> presented_hash then
    return 'wrong';
  end if;

  update public.bank_change_requests
  set used_at = now(), account_name = null, sort_code = null, account_number = null
  where id = r.id and used_at is null;
  if not found then
    return 'expired';
  end if;

  had := exists (select 1 from public.bank_details where member_id = me);
  insert into public.bank_details (member_id, account_name, sort_code, account_number)
  values (me, r.account_name, r.sort_code, r.account_number)
  on conflict (member_id) do update
  set account_name = excluded.account_name, sort_code = excluded.sort_code,
      account_number = excluded.account_number, updated_at = now();

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (me, case when had then 'bank details changed' else 'bank details added' end, 'profile', me::text, '{}');
  return 'ok';
end
$$;

revoke all on function public.request_bank_change(uuid, text, text, text, text),
  public.confirm_bank_change(uuid, text) from public, anon;
grant execute on function public.request_bank_change(uuid, text, text, text, text),
  public.confirm_bank_change(uuid, text) to authenticated;

-- Payment runs -------------------------------------------------------------------------------------

create table public.payment_runs (
  id bigint generated always as identity primary key,
  reference text generated always as ('RUN-' || lpad(id::text, 4, '0')) stored,
  method public.payment_method,
  status public.payment_run_status not null default 'open',
  created_by uuid references public.profiles (id) on delete set null,
  create_key uuid not null unique,
  created_at timestamptz not null default now(),
  exported_at timestamptz,
  exported_by uuid references public.profiles (id) on delete set null,
  paid_on date,
  paid_reference text check (paid_reference is null or length(btrim(paid_reference)) between 1 and 100),
  paid_by uuid references public.profiles (id) on delete set null,
  paid_key uuid,
  constraint payment_runs_paid_complete check (status <> 'paid' or (paid_on is not null and paid_reference is not null))
);

comment on table public.payment_runs is 'Batches of approved claims that finance pays together. Staff read them; finance makes, exports and pays them through functions.';

alter table public.payment_runs enable row level security;
revoke all on table public.payment_runs from anon, authenticated;
grant select on table public.payment_runs to authenticated;

create policy "Staff read payment runs" on public.payment_runs
  for select to authenticated
  using ((select private.is_staff()));

-- Claims -------------------------------------------------------------------------------------------

create table public.claims (
  id bigint generated always as identity primary key,
  reference text generated always as ('CL-' || lpad(id::text, 5, '0')) stored,
  member_id uuid not null references public.profiles (id) on delete restrict,
  involvement_id bigint not null references public.involvements (id) on delete restrict,
  meeting_id bigint references public.meetings (id) on delete restrict,
  activity_on date not null,
  status public.claim_status not null default 'draft',
  payment_method public.payment_method,
  start_key uuid not null,
  submit_key uuid,
  submitted_at timestamptz,
  decided_at timestamptz,
  decided_by uuid references public.profiles (id) on delete set null,
  message text check (message is null or length(message) <= 2000),
  reply text check (reply is null or length(reply) <= 2000),
  payment_run_id bigint references public.payment_runs (id) on delete restrict,
  paid_on date,
  paid_reference text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (member_id, start_key),
  constraint claims_sent_complete check (status = 'draft' or (submitted_at is not null and payment_method is not null)),
  constraint claims_in_run check ((status in ('in_payment_run', 'paid')) = (payment_run_id is not null)),
  constraint claims_paid_complete check ((status = 'paid') = (paid_on is not null and paid_reference is not null))
);

comment on table public.claims is 'A member''s claim for an involvement fee and expenses, for an activity (and meeting) they took part in. Members read their own; staff read all; changes go through functions.';
comment on column public.claims.message is 'Staff''s latest query or reason for rejecting, in their words.';
comment on column public.claims.reply is 'The member''s latest reply to a query.';

create index claims_member on public.claims (member_id, created_at desc);
create index claims_status on public.claims (status, submitted_at);
create index claims_meeting on public.claims (meeting_id);
create index claims_run on public.claims (payment_run_id);

create trigger claims_touch before update on public.claims
  for each row execute function private.touch_updated_at();

create table public.claim_lines (
  id bigint generated always as identity primary key,
  claim_id bigint not null references public.claims (id) on delete cascade,
  category public.claim_category not null,
  description text check (description is null or length(description) <= 300),
  amount_pence integer not null check (amount_pence between 0 and 1000000),
  miles numeric(7, 2) check (miles is null or miles > 0 and miles <= 2000),
  vehicle public.vehicle,
  minutes integer check (minutes is null or minutes between 1 and 1440),
  taxi_agreed_adjustment boolean,
  receipt_id uuid references public.uploads (id) on delete restrict,
  created_at timestamptz not null default now(),
  constraint claim_lines_mileage_complete check ((category = 'mileage') = (miles is not null and vehicle is not null)),
  constraint claim_lines_taxi_only check (category = 'taxi' or taxi_agreed_adjustment is null)
);

comment on table public.claim_lines is 'The lines of a claim. Fee and mileage amounts are worked out here from the rates; others are what the member paid.';
comment on column public.claim_lines.minutes is 'Time spent, for a fee when the claim is not for a meeting.';
comment on column public.claim_lines.taxi_agreed_adjustment is 'The member says the taxi was agreed as an adjustment.';

create index claim_lines_claim on public.claim_lines (claim_id);

create table public.claim_events (
  id bigint generated always as identity primary key,
  claim_id bigint not null references public.claims (id) on delete cascade,
  status public.claim_status not null,
  actor_id uuid references public.profiles (id) on delete set null,
  message text,
  request_key uuid,
  at timestamptz not null default now(),
  unique (claim_id, request_key)
);

comment on table public.claim_events is 'What happened to a claim and when, with any message (query, reason, reply).';

create index claim_events_claim on public.claim_events (claim_id, at);

-- Is the signed-in person allowed to see this claim (the member, someone acting for them, staff)?
create function private.may_see_claim(claim bigint) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.claims c
    where c.id = claim and ((select private.acts_for(c.member_id)) or (select private.is_staff()))
  )
$$;

-- Is this one of the signed-in member's own claims, still a draft?
create function private.own_draft_claim(claim bigint) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.claims c
    where c.id = claim and c.status = 'draft' and (select private.acts_for(c.member_id))
  )
$$;

revoke all on function private.may_see_claim(bigint), private.own_draft_claim(bigint) from public;
grant execute on function private.may_see_claim(bigint), private.own_draft_claim(bigint) to authenticated, service_role;

alter table public.claims enable row level security;
alter table public.claim_lines enable row level security;
alter table public.claim_events enable row level security;
revoke all on table public.claims, public.claim_lines, public.claim_events from anon, authenticated;
grant select, delete on table public.claims to authenticated;
grant select, delete on table public.claim_lines to authenticated;
grant insert (claim_id, category, description, amount_pence, miles, vehicle, minutes, taxi_agreed_adjustment, receipt_id)
  on table public.claim_lines to authenticated;
grant update (description, amount_pence, miles, vehicle, minutes, taxi_agreed_adjustment, receipt_id)
  on table public.claim_lines to authenticated;
grant select on table public.claim_events to authenticated;

create policy "Members read their own claims" on public.claims
  for select to authenticated
  using ((select private.acts_for(member_id)));

create policy "Staff read claims" on public.claims
  for select to authenticated
  using ((select private.is_staff()));

create policy "Members remove their own draft claims" on public.claims
  for delete to authenticated
  using ((select private.acts_for(member_id)) and status = 'draft');

create policy "Members and staff read claim lines they may see" on public.claim_lines
  for select to authenticated
  using ((select private.may_see_claim(claim_id)));

create policy "Members add lines to their own drafts" on public.claim_lines
  for insert to authenticated
  with check (
    (select private.own_draft_claim(claim_id))
    and (receipt_id is null or exists (
      select 1 from public.uploads u
      where u.id = receipt_id and u.purpose = 'receipt' and u.owner_id = (select auth.uid())
    ))
  );

create policy "Members change lines of their own drafts" on public.claim_lines
  for update to authenticated
  using ((select private.own_draft_claim(claim_id)))
  with check (
    (select private.own_draft_claim(claim_id))
    and (receipt_id is null or exists (
      select 1 from public.uploads u
      where u.id = receipt_id and u.purpose = 'receipt' and u.owner_id = (select auth.uid())
    ))
  );

create policy "Members remove lines of their own drafts" on public.claim_lines
  for delete to authenticated
  using ((select private.own_draft_claim(claim_id)));

create policy "Members and staff read claim events they may see" on public.claim_events
  for select to authenticated
  using ((select private.may_see_claim(claim_id)));

-- Money: fees, mileage, totals ---------------------------------------------------------------------

-- The fee for a meeting (by its length) or for time spent on an opportunity, at its rate; null when
-- the opportunity has no rate.
create function private.fee_for(opportunity bigint, meeting bigint, minutes integer) returns integer
language sql stable security definer set search_path = ''
as $$
  select private.fee_pence(r.basis, r.pence, r.short_pence, r.long_from_minutes,
    coalesce(
      (select (extract(epoch from m.ends_at - m.starts_at) / 60)::integer from public.meetings m where m.id = meeting),
      minutes))
  from public.opportunities o
  join public.fee_rates r on r.id = o.fee_rate_id
  where o.id = opportunity
$$;

-- The fee a member would be paid for a meeting of an opportunity they take part in, shown before
-- they claim it. Null when there is no rate.
create function public.meeting_fee_pence(meeting bigint) returns integer
language sql stable security definer set search_path = ''
as $$
  select private.fee_for(m.opportunity_id, m.id, null)
  from public.meetings m
  where m.id = meeting
    and ((select private.is_staff()) or exists (
      select 1 from public.involvements i
      where i.opportunity_id = m.opportunity_id and (select private.acts_for(i.member_id))
    ))
$$;

revoke all on function private.fee_for(bigint, bigint, integer) from public;
grant execute on function private.fee_for(bigint, bigint, integer) to authenticated, service_role;
revoke all on function public.meeting_fee_pence(bigint) from public, anon;
grant execute on function public.meeting_fee_pence(bigint) to authenticated, service_role;

-- Work out fee and mileage amounts whoever writes the line; the member's own figure is ignored.
create function private.price_claim_line() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c public.claims;
  opportunity bigint;
begin
  select * into c from public.claims where id = new.claim_id;
  if new.category = 'fee' then
    select i.opportunity_id into opportunity from public.involvements i where i.id = c.involvement_id;
    if not exists (select 1 from public.opportunities o where o.id = opportunity and o.fee_rate_id is not null) then
      raise exception 'fee_no_rate';
    end if;
    if c.meeting_id is null and new.minutes is null then
      raise exception 'fee_needs_time';
    end if;
    if exists (select 1 from public.claim_lines l where l.claim_id = new.claim_id and l.category = 'fee' and l.id <> new.id) then
      raise exception 'fee_twice';
    end if;
    new.amount_pence := private.fee_for(opportunity, c.meeting_id, new.minutes);
  elsif new.category = 'mileage' then
    new.amount_pence := private.mileage_pence(new.miles,
      (select r.pence_per_mile from public.mileage_rates r where r.vehicle = new.vehicle));
    if new.amount_pence is null then
      raise exception 'invalid_line';
    end if;
  end if;
  return new;
end
$$;

create trigger claim_lines_price before insert or update on public.claim_lines
  for each row execute function private.price_claim_line();

-- Computed fields: select them with a claim, e.g. select=id,total_pence.
create function public.fees_pence(claim public.claims) returns integer
language sql stable set search_path = ''
as $$
  select coalesce(sum(l.amount_pence), 0)::integer from public.claim_lines l
  where l.claim_id = claim.id and l.category = 'fee'
$$;

create function public.expenses_pence(claim public.claims) returns integer
language sql stable set search_path = ''
as $$
  select coalesce(sum(l.amount_pence), 0)::integer from public.claim_lines l
  where l.claim_id = claim.id and l.category <> 'fee'
$$;

create function public.total_pence(claim public.claims) returns integer
language sql stable set search_path = ''
as $$
  select coalesce(sum(l.amount_pence), 0)::integer from public.claim_lines l where l.claim_id = claim.id
$$;

revoke all on function public.fees_pence(public.claims), public.expenses_pence(public.claims),
  public.total_pence(public.claims) from public, anon;
grant execute on function public.fees_pence(public.claims), public.expenses_pence(public.claims),
  public.total_pence(public.claims) to authenticated, service_role;

-- Does this line need a receipt under the rules?
create function private.receipt_needed(category public.claim_category, amount integer) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select r.always or (r.above_pence is not null and amount > r.above_pence)
    from public.receipt_rules r where r.category = receipt_needed.category
  ), false)
$$;

grant execute on function private.receipt_needed(public.claim_category, integer) to authenticated, service_role;

-- Member actions -----------------------------------------------------------------------------------

-- Start (or, with the same key, carry on with) a draft claim for an involvement of the signed-in
-- member, for one of its meetings or for a day they worked on it.
create function public.start_claim(involvement bigint, meeting bigint, activity_on date, request_key uuid)
returns public.claims
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  inv public.involvements;
  m public.meetings;
  meeting_row bigint;
  day date;
  today date := (now() at time zone 'Europe/London')::date;
  c public.claims;
begin
  if request_key is null then
    raise exception 'not_allowed';
  end if;
  select * into c from public.claims where member_id = me and start_key = request_key;
  if found then
    return c;
  end if;

  select * into inv from public.involvements where id = involvement;
  if not found or inv.member_id is distinct from me then
    raise exception 'not_found';
  end if;
  if meeting is not null then
    select * into m from public.meetings where id = meeting and opportunity_id = inv.opportunity_id;
    if not found then
      raise exception 'not_found';
    end if;
    if m.starts_at > now() then
      raise exception 'not_yet';
    end if;
    day := (m.starts_at at time zone 'Europe/London')::date;
    meeting_row := m.id;
  else
    day := activity_on;
    if day is null then
      raise exception 'not_found';
    end if;
    if day > today then
      raise exception 'not_yet';
    end if;
  end if;
  if today - day > (select s.window_days from public.claim_settings s) then
    raise exception 'too_late';
  end if;

  insert into public.claims (member_id, involvement_id, meeting_id, activity_on, start_key)
  values (me, inv.id, meeting_row, day, request_key)
  on conflict (member_id, start_key) do nothing;
  select * into c from public.claims where member_id = me and start_key = request_key;
  return c;
end
$$;

-- Send a draft claim. One transaction: checks, status, the member's default way of being paid, an
-- event and an audit row. The same request key again (double tap, retry, replay) returns the claim
-- as it is; so does sending a claim already sent.
create function public.submit_claim(claim bigint, method public.payment_method, request_key uuid)
returns public.claims
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.claims;
  s public.claim_settings;
  today date := (now() at time zone 'Europe/London')::date;
begin
  if request_key is null then
    raise exception 'not_allowed';
  end if;
  select * into c from public.claims where id = claim for update;
  if not found or not (select private.acts_for(c.member_id)) then
    raise exception 'not_found';
  end if;
  if c.status <> 'draft' then
    return c;
  end if;

  select * into s from public.claim_settings;
  if today - c.activity_on > s.window_days then
    raise exception 'too_late';
  end if;
  if not exists (select 1 from public.claim_lines l where l.claim_id = c.id) then
    raise exception 'no_lines';
  end if;
  if exists (
    select 1 from public.claim_lines l
    where l.claim_id = c.id and l.receipt_id is null and private.receipt_needed(l.category, l.amount_pence)
  ) then
    raise exception 'receipt_missing';
  end if;
  if method is null or not (method = any (s.methods)) then
    raise exception 'method_not_offered';
  end if;
  if method = 'no_fee' and exists (select 1 from public.claim_lines l where l.claim_id = c.id and l.category = 'fee') then
    raise exception 'fee_with_no_fee';
  end if;
  if method = 'bank' and not exists (select 1 from public.bank_details b where b.member_id = c.member_id) then
    raise exception 'bank_details_missing';
  end if;
  if c.meeting_id is not null
    and exists (select 1 from public.claim_lines l where l.claim_id = c.id and l.category = 'fee')
    and exists (
      select 1 from public.claims o join public.claim_lines l on l.claim_id = o.id and l.category = 'fee'
      where o.member_id = c.member_id and o.meeting_id = c.meeting_id and o.id <> c.id
        and o.status not in ('draft', 'rejected')
    ) then
    raise exception 'fee_already_claimed';
  end if;

  update public.claims
  set status = 'submitted', payment_method = method, submitted_at = now(), submit_key = request_key
  where id = c.id
  returning * into c;

  update public.profiles set payment_method = method where id = c.member_id;

  insert into public.claim_events (claim_id, status, actor_id, request_key)
  values (c.id, 'submitted', (select auth.uid()), request_key);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'claim submitted', 'claim', c.id::text,
          jsonb_build_object('total_pence', public.total_pence(c), 'method', method));
  return c;
end
$$;

-- Answer a query from staff: the claim goes back to them to look at again.
create function public.reply_to_claim(claim bigint, message text, request_key uuid)
returns public.claims
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.claims;
begin
  if request_key is null then
    raise exception 'not_allowed';
  end if;
  select * into c from public.claims where id = claim for update;
  if not found or not (select private.acts_for(c.member_id)) then
    raise exception 'not_found';
  end if;
  if exists (select 1 from public.claim_events e where e.claim_id = c.id and e.request_key = reply_to_claim.request_key) then
    return c;
  end if;
  if c.status <> 'query' then
    raise exception 'wrong_status';
  end if;
  if length(btrim(coalesce(message, ''))) not between 1 and 2000 then
    raise exception 'message_needed';
  end if;

  update public.claims set status = 'submitted', reply = btrim(reply_to_claim.message)
  where id = c.id returning * into c;
  insert into public.claim_events (claim_id, status, actor_id, message, request_key)
  values (c.id, 'submitted', (select auth.uid()), btrim(reply_to_claim.message), reply_to_claim.request_key);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'claim query answered', 'claim', c.id::text, '{}');
  return c;
end
$$;

revoke all on function public.start_claim(bigint, bigint, date, uuid),
  public.submit_claim(bigint, public.payment_method, uuid),
  public.reply_to_claim(bigint, text, uuid) from public, anon;
grant execute on function public.start_claim(bigint, bigint, date, uuid),
  public.submit_claim(bigint, public.payment_method, uuid),
  public.reply_to_claim(bigint, text, uuid) to authenticated;

-- Staff actions ------------------------------------------------------------------------------------

-- Approve, query (with a message to the member) or reject (with the reason) a sent claim. Two
-- people deciding at once: the first wins, the second gets wrong_status. The same key again
-- returns the claim as it is.
create function public.decide_claim(claim bigint, decision public.claim_status, message text, request_key uuid)
returns public.claims
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.claims;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  if request_key is null or decision not in ('approved', 'query', 'rejected') then
    raise exception 'not_allowed';
  end if;
  select * into c from public.claims where id = claim for update;
  if not found then
    raise exception 'not_found';
  end if;
  if exists (select 1 from public.claim_events e where e.claim_id = c.id and e.request_key = decide_claim.request_key) then
    return c;
  end if;
  if c.status <> 'submitted' then
    raise exception 'wrong_status';
  end if;
  if decision in ('query', 'rejected') and length(btrim(coalesce(message, ''))) not between 1 and 2000 then
    raise exception 'message_needed';
  end if;

  update public.claims
  set status = decision, decided_at = now(), decided_by = (select auth.uid()),
      message = case when decision = 'approved' then null else btrim(decide_claim.message) end
  where id = c.id
  returning * into c;
  insert into public.claim_events (claim_id, status, actor_id, message, request_key)
  values (c.id, decision, (select auth.uid()), nullif(btrim(coalesce(decide_claim.message, '')), ''), request_key);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()),
          case decision when 'approved' then 'claim approved' when 'query' then 'claim queried' else 'claim rejected' end,
          'claim', c.id::text, jsonb_build_object('total_pence', public.total_pence(c)));
  return c;
end
$$;

-- Finance: gather every approved claim (of one way of being paid, or all) into a new run.
create function public.create_payment_run(method public.payment_method, request_key uuid)
returns public.payment_runs
language plpgsql volatile security definer set search_path = ''
as $$
declare
  run public.payment_runs;
  taken integer;
begin
  if not (select private.has_permission('finance')) then
    raise exception 'not_allowed';
  end if;
  if request_key is null then
    raise exception 'not_allowed';
  end if;
  select * into run from public.payment_runs where create_key = request_key;
  if found then
    return run;
  end if;

  insert into public.payment_runs (method, created_by, create_key)
  values (create_payment_run.method, (select auth.uid()), request_key)
  on conflict (create_key) do nothing
  returning * into run;
  if run.id is null then
    select * into run from public.payment_runs where create_key = request_key;
    return run;
  end if;

  with picked as (
    select c.id from public.claims c
    where c.status = 'approved' and (create_payment_run.method is null or c.payment_method = create_payment_run.method)
    order by c.id
    for update skip locked
  )
  update public.claims c set status = 'in_payment_run', payment_run_id = run.id
  from picked where c.id = picked.id and c.status = 'approved';
  get diagnostics taken = row_count;
  if taken = 0 then
    raise exception 'nothing_to_pay';
  end if;

  insert into public.claim_events (claim_id, status, actor_id)
  select c.id, 'in_payment_run', (select auth.uid()) from public.claims c where c.payment_run_id = run.id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'payment run created', 'payment_run', run.id::text,
          jsonb_build_object('claims', taken, 'method', create_payment_run.method));
  return run;
end
$$;

-- Finance: the rows of a run for the bank or voucher supplier's file, with full bank details.
-- Every export is written to the audit log.
create function public.export_payment_run(run bigint)
returns table (
  claim_reference text, member_name text, member_email text, method public.payment_method,
  account_name text, sort_code text, account_number text,
  fees_pence integer, expenses_pence integer, total_pence integer
)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  r public.payment_runs;
begin
  if not (select private.has_permission('finance')) then
    raise exception 'not_allowed';
  end if;
  select * into r from public.payment_runs where id = run;
  if not found then
    raise exception 'not_found';
  end if;
  update public.payment_runs
  set status = case when status = 'open' then 'exported'::public.payment_run_status else status end,
      exported_at = now(), exported_by = (select auth.uid())
  where id = r.id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'payment run exported', 'payment_run', r.id::text,
          jsonb_build_object('claims', (select count(*) from public.claims c where c.payment_run_id = r.id)));
  return query
    select c.reference, p.full_name, p.email, c.payment_method,
      case when c.payment_method = 'bank' then b.account_name end,
      case when c.payment_method = 'bank' then b.sort_code end,
      case when c.payment_method = 'bank' then b.account_number end,
      public.fees_pence(c), public.expenses_pence(c), public.total_pence(c)
    from public.claims c
    join public.profiles p on p.id = c.member_id
    left join public.bank_details b on b.member_id = c.member_id
    where c.payment_run_id = r.id
    order by c.id;
end
$$;

-- Finance: the run was paid. Its claims become paid with the date and reference, once.
create function public.mark_payment_run_paid(run bigint, paid_on date, reference text, request_key uuid)
returns public.payment_runs
language plpgsql volatile security definer set search_path = ''
as $$
declare
  r public.payment_runs;
begin
  if not (select private.has_permission('finance')) then
    raise exception 'not_allowed';
  end if;
  if request_key is null or paid_on is null or length(btrim(coalesce(reference, ''))) not between 1 and 100 then
    raise exception 'message_needed';
  end if;
  select * into r from public.payment_runs where id = run for update;
  if not found then
    raise exception 'not_found';
  end if;
  if r.status = 'paid' then
    if r.paid_key = mark_payment_run_paid.request_key then
      return r;
    end if;
    raise exception 'wrong_status';
  end if;

  update public.payment_runs
  set status = 'paid', paid_on = mark_payment_run_paid.paid_on,
      paid_reference = btrim(mark_payment_run_paid.reference),
      paid_by = (select auth.uid()), paid_key = mark_payment_run_paid.request_key
  where id = r.id
  returning * into r;
  update public.claims
  set status = 'paid', paid_on = r.paid_on, paid_reference = r.paid_reference
  where payment_run_id = r.id and status = 'in_payment_run';
  insert into public.claim_events (claim_id, status, actor_id, message)
  select c.id, 'paid', (select auth.uid()), r.paid_reference from public.claims c where c.payment_run_id = r.id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'payment run paid', 'payment_run', r.id::text,
          jsonb_build_object('paid_on', r.paid_on, 'reference', r.paid_reference));
  return r;
end
$$;

revoke all on function public.decide_claim(bigint, public.claim_status, text, uuid),
  public.create_payment_run(public.payment_method, uuid),
  public.export_payment_run(bigint),
  public.mark_payment_run_paid(bigint, date, text, uuid) from public, anon;
grant execute on function public.decide_claim(bigint, public.claim_status, text, uuid),
  public.create_payment_run(public.payment_method, uuid),
  public.export_payment_run(bigint),
  public.mark_payment_run_paid(bigint, date, text, uuid) to authenticated;

-- Totals -------------------------------------------------------------------------------------------

-- A member's money by tax year (6 April to 5 April, named by the year it starts): paid, by the date
-- paid; and still to come (sent, queried, approved or in a run), by the activity's date. Fees and
-- expenses apart. Members see their own; staff anyone's.
create function public.member_claim_totals(member uuid default null)
returns table (tax_year integer, fees_paid_pence integer, expenses_paid_pence integer,
  fees_pending_pence integer, expenses_pending_pence integer)
language sql stable security definer set search_path = ''
as $$
  with mine as (
    select c.*, public.fees_pence(c) as fees, public.expenses_pence(c) as expenses
    from public.claims c
    where c.member_id = coalesce(member, (select auth.uid()))
      and ((select private.acts_for(c.member_id)) or (select private.is_staff()))
      and c.status in ('submitted', 'query', 'approved', 'in_payment_run', 'paid')
  )
  select private.tax_year(case when status = 'paid' then paid_on else activity_on end) as tax_year,
    coalesce(sum(fees) filter (where status = 'paid'), 0)::integer,
    coalesce(sum(expenses) filter (where status = 'paid'), 0)::integer,
    coalesce(sum(fees) filter (where status <> 'paid'), 0)::integer,
    coalesce(sum(expenses) filter (where status <> 'paid'), 0)::integer
  from mine
  group by 1
  order by 1 desc
$$;

-- Staff: the year's money paid (by the date paid) by opportunity, its type and category.
create function public.claim_totals_for_year(tax_year integer)
returns table (opportunity_id bigint, opportunity_title text, opportunity_type public.opportunity_type,
  category public.claim_category, claims integer, pence integer)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  return query
    select o.id, o.title, o.type, l.category, count(distinct c.id)::integer, sum(l.amount_pence)::integer
    from public.claims c
    join public.claim_lines l on l.claim_id = c.id
    join public.involvements i on i.id = c.involvement_id
    join public.opportunities o on o.id = i.opportunity_id
    where c.status = 'paid' and private.tax_year(c.paid_on) = claim_totals_for_year.tax_year
    group by o.id, o.title, o.type, l.category
    order by o.title, l.category;
end
$$;

revoke all on function public.member_claim_totals(uuid), public.claim_totals_for_year(integer) from public, anon;
grant execute on function public.member_claim_totals(uuid), public.claim_totals_for_year(integer) to authenticated;

-- What the signed-in member can claim for: their involvements' meetings that have happened within
-- the claim window, with the fee, and any claim they already have for that meeting.
create function public.claimable_meetings()
returns table (involvement_id bigint, opportunity_id bigint, opportunity_title text, meeting_id bigint,
  meeting_title text, starts_at timestamptz, ends_at timestamptz, fee_pence integer, claim_id bigint,
  claim_status public.claim_status)
language sql stable security definer set search_path = ''
as $$
  select i.id, o.id, o.title, m.id, m.title, m.starts_at, m.ends_at,
    private.fee_for(o.id, m.id, null),
    c.id, c.status
  from public.involvements i
  join public.opportunities o on o.id = i.opportunity_id
  join public.meetings m on m.opportunity_id = o.id
  left join lateral (
    select c.id, c.status from public.claims c
    where c.member_id = i.member_id and c.meeting_id = m.id and c.status <> 'rejected'
    order by c.id desc limit 1
  ) c on true
  where i.member_id = (select auth.uid())
    and m.starts_at <= now()
    and (now() at time zone 'Europe/London')::date - (m.starts_at at time zone 'Europe/London')::date
        <= (select s.window_days from public.claim_settings s)
  order by m.starts_at desc
$$;

revoke all on function public.claimable_meetings() from public, anon;
grant execute on function public.claimable_meetings() to authenticated;

-- The pure sums, for the app's own checks and tests to hold the app's arithmetic to the database's.
create function public.calculate_fee_pence(
  basis public.fee_basis, pence integer, short_pence integer, long_from_minutes integer, minutes integer
) returns integer
language sql immutable set search_path = ''
as $$
  select private.fee_pence(basis, pence, short_pence, long_from_minutes, minutes)
$$;

create function public.calculate_mileage_pence(miles numeric, pence_per_mile integer) returns integer
language sql immutable set search_path = ''
as $$
  select private.mileage_pence(miles, pence_per_mile)
$$;

revoke all on function public.calculate_fee_pence(public.fee_basis, integer, integer, integer, integer),
  public.calculate_mileage_pence(numeric, integer) from public, anon;
grant execute on function public.calculate_fee_pence(public.fee_basis, integer, integer, integer, integer),
  public.calculate_mileage_pence(numeric, integer) to authenticated, service_role;
