-- Together: the co-production evaluation tool, and what a project spent.
--
-- Principles: a small framework, each with its levels from lowest to highest (admins edit it).
-- A project's plan says, for each principle, what it intends, how members will be involved and the
-- level it aims for; reflections at milestones and at the end say what happened, the evidence, what
-- to change and the level reached. Staff only: members and the public read none of it.
--
-- Member feedback on an activity they took part in. Named feedback keeps the member; anonymous
-- feedback keeps nothing about them: no member, no involvement, no time of day, a random id. That
-- the member has given feedback on an involvement is kept apart (feedback_given), which only the
-- member reads, so staff cannot join the two. Members write only through public.give_feedback.

-- Principles ---------------------------------------------------------------------------------------

create table public.evaluation_principles (
  id bigint generated always as identity primary key,
  name text not null unique check (length(btrim(name)) between 2 and 80),
  question text not null default '' check (length(question) <= 500),
  levels text[] not null check (cardinality(levels) between 2 and 7
    and array_position(levels, null) is null),
  sort_order integer not null default 100 check (sort_order between 0 and 10000),
  retired boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.evaluation_principles is 'The co-production framework: principles, each with its levels (lowest first). Staff read; admins add and change; a retired principle is left out of new plans and reflections.';

create trigger evaluation_principles_touch before update on public.evaluation_principles
  for each row execute function private.touch_updated_at();

alter table public.evaluation_principles enable row level security;
revoke all on table public.evaluation_principles from anon, authenticated;
grant select, insert, update, delete on table public.evaluation_principles to authenticated;

create policy "Staff read principles" on public.evaluation_principles
  for select to authenticated using ((select private.is_staff()));
create policy "Admins add principles" on public.evaluation_principles
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins change principles" on public.evaluation_principles
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
-- A principle used in a plan or reflection cannot go (the foreign keys restrict it): retire it.
create policy "Admins remove principles" on public.evaluation_principles
  for delete to authenticated using ((select private.is_admin()));

insert into public.evaluation_principles (name, question, levels, sort_order) values
  ('Equality', 'Members take part on equal terms with staff and professionals.',
    '{"Not yet","Starting","Developing","Strong"}', 10),
  ('Diversity', 'The members involved reflect the people the work is for.',
    '{"Not yet","Starting","Developing","Strong"}', 20),
  ('Accessibility', 'Everyone can take part: adjustments, formats, places and times that work.',
    '{"Not yet","Starting","Developing","Strong"}', 30),
  ('Reciprocity', 'Members get something back: pay, learning, contacts, being heard.',
    '{"Not yet","Starting","Developing","Strong"}', 40),
  ('How much power members share', 'From being told about decisions to making them together.',
    '{"Informing","Consulting","Involving","Co-designing","Co-producing"}', 50);

-- A level must be one of the principle's levels (1 is the lowest).
create function private.check_principle_level() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.level is not null and new.level > (
    select cardinality(p.levels) from public.evaluation_principles p where p.id = new.principle_id
  ) then
    raise exception 'level_out_of_range' using errcode = '23514';
  end if;
  return new;
end
$$;

revoke all on function private.check_principle_level() from public;

-- Plans ----------------------------------------------------------------------------------------------

create table public.plan_entries (
  project_id bigint not null references public.projects (id) on delete cascade,
  principle_id bigint not null references public.evaluation_principles (id) on delete restrict,
  intention text not null default '' check (length(intention) <= 2000),
  how_involved text not null default '' check (length(how_involved) <= 2000),
  level smallint check (level between 1 and 7),
  updated_by uuid references public.profiles (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (project_id, principle_id)
);

comment on table public.plan_entries is 'A project''s co-production plan: per principle, what it intends, how members will be involved and the level it aims for. Staff only.';

create index plan_entries_principle on public.plan_entries (principle_id);

create trigger plan_entries_touch before update on public.plan_entries
  for each row execute function private.touch_updated_at();
create trigger plan_entries_level before insert or update on public.plan_entries
  for each row execute function private.check_principle_level();

alter table public.plan_entries enable row level security;
revoke all on table public.plan_entries from anon, authenticated;
grant select, insert, update, delete on table public.plan_entries to authenticated;

create policy "Staff read plans" on public.plan_entries
  for select to authenticated using ((select private.is_staff()));
create policy "Staff write plans" on public.plan_entries
  for insert to authenticated with check ((select private.is_staff()));
create policy "Staff change plans" on public.plan_entries
  for update to authenticated using ((select private.is_staff())) with check ((select private.is_staff()));
create policy "Staff remove plan entries" on public.plan_entries
  for delete to authenticated using ((select private.is_staff()));

-- Reflections -----------------------------------------------------------------------------------------

create table public.reflections (
  id bigint generated always as identity primary key,
  project_id bigint not null references public.projects (id) on delete cascade,
  kind text not null check (kind in ('milestone', 'end')),
  title text not null check (length(btrim(title)) between 2 and 120),
  reflected_on date not null default (now() at time zone 'Europe/London')::date,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.reflections is 'A reflection on a project at a milestone or at its end. Staff only.';

create index reflections_project on public.reflections (project_id, reflected_on);

create trigger reflections_touch before update on public.reflections
  for each row execute function private.touch_updated_at();

alter table public.reflections enable row level security;
revoke all on table public.reflections from anon, authenticated;
grant select, insert, update, delete on table public.reflections to authenticated;

create policy "Staff read reflections" on public.reflections
  for select to authenticated using ((select private.is_staff()));
create policy "Staff add reflections" on public.reflections
  for insert to authenticated with check ((select private.is_staff()));
create policy "Staff change reflections" on public.reflections
  for update to authenticated using ((select private.is_staff())) with check ((select private.is_staff()));
create policy "Staff remove reflections" on public.reflections
  for delete to authenticated using ((select private.is_staff()));

create table public.reflection_entries (
  reflection_id bigint not null references public.reflections (id) on delete cascade,
  principle_id bigint not null references public.evaluation_principles (id) on delete restrict,
  what_happened text not null default '' check (length(what_happened) <= 2000),
  evidence text not null default '' check (length(evidence) <= 2000),
  what_to_change text not null default '' check (length(what_to_change) <= 2000),
  level smallint check (level between 1 and 7),
  updated_at timestamptz not null default now(),
  primary key (reflection_id, principle_id)
);

comment on table public.reflection_entries is 'A reflection per principle: what happened, the evidence, what to change, the level reached. Staff only.';

create index reflection_entries_principle on public.reflection_entries (principle_id);

create trigger reflection_entries_touch before update on public.reflection_entries
  for each row execute function private.touch_updated_at();
create trigger reflection_entries_level before insert or update on public.reflection_entries
  for each row execute function private.check_principle_level();

alter table public.reflection_entries enable row level security;
revoke all on table public.reflection_entries from anon, authenticated;
grant select, insert, update, delete on table public.reflection_entries to authenticated;

create policy "Staff read reflection entries" on public.reflection_entries
  for select to authenticated using ((select private.is_staff()));
create policy "Staff write reflection entries" on public.reflection_entries
  for insert to authenticated with check ((select private.is_staff()));
create policy "Staff change reflection entries" on public.reflection_entries
  for update to authenticated using ((select private.is_staff())) with check ((select private.is_staff()));
create policy "Staff remove reflection entries" on public.reflection_entries
  for delete to authenticated using ((select private.is_staff()));

-- Member feedback --------------------------------------------------------------------------------------

create table public.activity_feedback (
  id uuid primary key default gen_random_uuid(),
  opportunity_id bigint not null references public.opportunities (id) on delete cascade,
  member_id uuid references public.profiles (id) on delete set null,
  went text not null check (went in ('well', 'okay', 'badly')),
  adjustments text not null check (adjustments in ('right', 'partly', 'not_right', 'none_needed')),
  listened text not null check (listened in ('yes', 'partly', 'no')),
  comment text not null default '' check (length(comment) <= 2000),
  easy_read boolean not null default false,
  given_on date not null default (now() at time zone 'Europe/London')::date
);

comment on table public.activity_feedback is 'How an activity went for a member who took part. member_id is set only when they chose to give their name; anonymous rows hold nothing that leads to them (random id, the day only). Staff read; members write through give_feedback.';

create index activity_feedback_opportunity on public.activity_feedback (opportunity_id);
create index activity_feedback_member on public.activity_feedback (member_id) where member_id is not null;

alter table public.activity_feedback enable row level security;
revoke all on table public.activity_feedback from anon, authenticated;
grant select on table public.activity_feedback to authenticated;

create policy "Staff read feedback" on public.activity_feedback
  for select to authenticated using ((select private.is_staff()));

create table public.feedback_given (
  involvement_id bigint primary key references public.involvements (id) on delete cascade,
  request_key uuid not null
);

comment on table public.feedback_given is 'That feedback was given on an involvement, so the member is not asked again. Only the member reads it; it holds nothing that joins it to the feedback.';

alter table public.feedback_given enable row level security;
revoke all on table public.feedback_given from anon, authenticated;
grant select on table public.feedback_given to authenticated;

create policy "Members read their own feedback markers" on public.feedback_given
  for select to authenticated using (exists (
    select 1 from public.involvements i
    where i.id = involvement_id and (select private.acts_for(i.member_id))
  ));

-- The signed-in member's places in activities that belong to a project and have begun, and whether
-- they have told us how it went.
create function public.my_feedback_activities()
returns table (involvement_id bigint, opportunity_title text, role text, starts_on date, ends_on date, given boolean)
language sql stable security definer set search_path = ''
as $$
  select i.id, o.title, i.role, i.starts_on, i.ends_on,
    exists (select 1 from public.feedback_given f where f.involvement_id = i.id)
  from public.involvements i
  join public.opportunities o on o.id = i.opportunity_id
  where i.member_id = (select auth.uid())
    and o.project_id is not null
    and coalesce(i.starts_on, (i.created_at at time zone 'Europe/London')::date)
      <= (now() at time zone 'Europe/London')::date
  order by coalesce(i.starts_on, (i.created_at at time zone 'Europe/London')::date) desc, i.id desc
$$;

-- Give feedback on one's own involvement, once. The same request_key again (a double tap, a retry)
-- says 'given' without writing twice; another key once given is refused (already_given).
create function public.give_feedback(involvement bigint, went text, adjustments text, listened text,
  comment text, named boolean, easy_read boolean, request_key uuid)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.involvements;
  earlier uuid;
begin
  if request_key is null then
    raise exception 'request_key_missing' using errcode = '22023';
  end if;
  select * into inv from public.involvements i where i.id = involvement;
  if inv.id is null or inv.member_id is null or not (select private.acts_for(inv.member_id)) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if not exists (select 1 from public.opportunities o where o.id = inv.opportunity_id and o.project_id is not null) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  select f.request_key into earlier from public.feedback_given f where f.involvement_id = involvement for update;
  if earlier is not null then
    if earlier = request_key then
      return 'given';
    end if;
    raise exception 'already_given' using errcode = '23505';
  end if;
  insert into public.feedback_given (involvement_id, request_key) values (involvement, request_key);
  insert into public.activity_feedback (opportunity_id, member_id, went, adjustments, listened, comment, easy_read)
  values (inv.opportunity_id, case when coalesce(named, false) then inv.member_id end, went, adjustments,
    listened, coalesce(btrim(comment), ''), coalesce(easy_read, false));
  return 'given';
end
$$;

revoke all on function public.my_feedback_activities(), public.give_feedback(bigint, text, text, text, text, boolean, boolean, uuid)
  from public, anon;
grant execute on function public.my_feedback_activities(), public.give_feedback(bigint, text, text, text, text, boolean, boolean, uuid)
  to authenticated;

-- What a project spent --------------------------------------------------------------------------------
-- The year's figures count paid claims and arranged adjustments; the same rows, without the year,
-- now come from private.paid_claims() and private.arranged_adjustments(), and the year's functions
-- filter them, so a project's spending is counted by the same rules.

create function private.paid_claims()
returns table (claim_id bigint, reference text, involvement_id bigint, submitted_on date, paid_on date,
  days integer, fees_pence bigint, expenses_pence bigint)
language sql stable set search_path = ''
as $$
  select c.id, c.reference, c.involvement_id, (c.submitted_at at time zone 'Europe/London')::date, c.paid_on,
    c.paid_on - (c.submitted_at at time zone 'Europe/London')::date,
    coalesce(sum(l.amount_pence) filter (where l.category = 'fee'), 0)::bigint,
    coalesce(sum(l.amount_pence) filter (where l.category <> 'fee'), 0)::bigint
  from public.claims c
  left join public.claim_lines l on l.claim_id = c.id
  where c.status = 'paid'
  group by c.id
$$;

create or replace function private.year_payments(fy integer)
returns table (claim_id bigint, reference text, submitted_on date, paid_on date, days integer,
  fees_pence bigint, expenses_pence bigint)
language sql stable security definer set search_path = ''
as $$
  select p.claim_id, p.reference, p.submitted_on, p.paid_on, p.days, p.fees_pence, p.expenses_pence
  from private.paid_claims() p
  where p.paid_on between private.year_first_day(fy) and private.year_last_day(fy)
$$;

create function private.arranged_adjustments()
returns table (item_id bigint, category public.access_category, opportunity_id bigint, opportunity text,
  meeting_starts_at timestamptz, due_at timestamptz, arranged_at timestamptz, on_time boolean, cost_pence integer)
language sql stable set search_path = ''
as $$
  select it.id, it.category, r.opportunity_id, o.title, m.starts_at, d.due_at, it.arranged_at,
    case when d.due_at is not null then it.arranged_at <= d.due_at end,
    coalesce(it.actual_pence, it.estimated_pence)
  from public.adjustment_items it
  join public.adjustment_requests r on r.id = it.request_id
  join public.opportunities o on o.id = r.opportunity_id
  left join lateral (
    select mm.starts_at from public.meetings mm
    where mm.id = r.meeting_id
       or (r.meeting_id is null and mm.opportunity_id = r.opportunity_id and mm.starts_at >= r.submitted_at)
    order by mm.starts_at
    limit 1
  ) m on true
  cross join lateral (
    select m.starts_at - make_interval(days => case when it.category = 'papers'
      then coalesce(it.papers_days_before, 0) else 0 end) as due_at
  ) d
  where it.status = 'arranged'
$$;

create or replace function private.year_adjustments(fy integer)
returns table (item_id bigint, category public.access_category, opportunity_id bigint, opportunity text,
  meeting_starts_at timestamptz, due_at timestamptz, arranged_at timestamptz, on_time boolean, cost_pence integer)
language sql stable security definer set search_path = ''
as $$
  select a.* from private.arranged_adjustments() a
  where (a.arranged_at at time zone 'Europe/London')::date
    between private.year_first_day(fy) and private.year_last_day(fy)
$$;

revoke all on function private.paid_claims(), private.arranged_adjustments() from public;

-- Fees and expenses paid on claims for the project's opportunities, and the cost of adjustments
-- arranged for them (the actual cost, or the estimate where none was recorded). Staff only.
create function public.project_spend(project bigint)
returns table (claims_paid integer, fees_pence bigint, expenses_pence bigint, adjustments_arranged integer,
  adjustments_pence bigint)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_staff();
  return query
  select
    (select count(*)::integer from private.paid_claims() p
      join public.involvements i on i.id = p.involvement_id
      join public.opportunities o on o.id = i.opportunity_id where o.project_id = project),
    (select coalesce(sum(p.fees_pence), 0)::bigint from private.paid_claims() p
      join public.involvements i on i.id = p.involvement_id
      join public.opportunities o on o.id = i.opportunity_id where o.project_id = project),
    (select coalesce(sum(p.expenses_pence), 0)::bigint from private.paid_claims() p
      join public.involvements i on i.id = p.involvement_id
      join public.opportunities o on o.id = i.opportunity_id where o.project_id = project),
    (select count(*)::integer from private.arranged_adjustments() a
      join public.opportunities o on o.id = a.opportunity_id where o.project_id = project),
    (select coalesce(sum(a.cost_pence), 0)::bigint from private.arranged_adjustments() a
      join public.opportunities o on o.id = a.opportunity_id where o.project_id = project);
end
$$;

revoke all on function public.project_spend(bigint) from public, anon;
grant execute on function public.project_spend(bigint) to authenticated;
