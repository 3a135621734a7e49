-- Together: the year's figures. Counted here from what happened, for a financial year (1 April to
-- 31 March, named by the calendar year it starts in: 2016 is 2016-17), for staff only.
--
-- Taking part: an involvement counts in a year when its days overlap the year. Its days run from
-- starts_on, or the day the place was taken (the row written) if that was earlier, such as an
-- induction before a committee starts, to ends_on (none: still taking part). Days after today do
-- not count, so a place that begins later in the current year counts once it begins. Members are counted
-- once however many activities they were in; guests are the people involved who are not members.
-- Network size on a day: members who had joined (joined_on) and not left (left_on) by then.
-- Adjustments arranged in the year: items arranged (arranged_at) in it. On time: arranged before the
-- meeting they were for, or for papers before the day papers were due (days before the meeting);
-- a request for all meetings is measured against the first meeting after it was made. Cost: the
-- actual cost, or the estimate where no actual cost was recorded.
-- Payments: claims paid (paid_on) in the year; days from claim (submitted) to payment.

create function private.year_first_day(fy integer) returns date
language sql immutable set search_path = ''
as $$ select make_date(fy, 4, 1) $$;

create function private.year_last_day(fy integer) returns date
language sql immutable set search_path = ''
as $$ select make_date(fy + 1, 3, 31) $$;

-- The middle and the longest of a list of day counts (null for an empty list).
create function private.days_summary(days integer[])
returns table (median numeric, slowest integer)
language sql immutable set search_path = ''
as $$
  select round((percentile_cont(0.5) within group (order by d))::numeric, 1), max(d)
  from unnest(days) as d
$$;

-- Who took part in what in the year: one row per involvement, with a key per person.
create function private.year_people(fy integer)
returns table (involvement_id bigint, opportunity_id bigint, programme_id bigint, person text, is_member boolean)
language sql stable security definer set search_path = ''
as $$
  select i.id, i.opportunity_id, o.programme_id,
    case when i.member_id is not null then 'member:' || i.member_id::text
         when i.guest_id is not null then 'guest:' || i.guest_id::text
         else 'former:' || i.former_member::text end,
    i.guest_id is null
  from public.involvements i
  join public.opportunities o on o.id = i.opportunity_id
  left join public.profiles p on p.id = i.member_id
  where (i.member_id is null or p.role = 'member')
    and least(i.starts_on, (i.created_at at time zone 'Europe/London')::date)
      <= least(private.year_last_day(fy), (now() at time zone 'Europe/London')::date)
    and (i.ends_on is null or i.ends_on >= private.year_first_day(fy))
$$;

create function private.year_adjustments(fy integer)
returns table (item_id bigint, category public.access_category, opportunity_id bigint, opportunity text,
  meeting_starts_at timestamptz, due_at timestamptz, arranged_at timestamptz, on_time boolean, cost_pence integer)
language sql stable security definer set search_path = ''
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
    and (it.arranged_at at time zone 'Europe/London')::date
      between private.year_first_day(fy) and private.year_last_day(fy)
$$;

create function private.year_payments(fy integer)
returns table (claim_id bigint, reference text, submitted_on date, paid_on date, days integer,
  fees_pence bigint, expenses_pence bigint)
language sql stable security definer set search_path = ''
as $$
  select c.id, c.reference, (c.submitted_at at time zone 'Europe/London')::date, c.paid_on,
    c.paid_on - (c.submitted_at at time zone 'Europe/London')::date,
    coalesce(sum(l.amount_pence) filter (where l.category = 'fee'), 0)::bigint,
    coalesce(sum(l.amount_pence) filter (where l.category <> 'fee'), 0)::bigint
  from public.claims c
  left join public.claim_lines l on l.claim_id = c.id
  where c.status = 'paid' and c.paid_on between private.year_first_day(fy) and private.year_last_day(fy)
  group by c.id
$$;

-- Every figure of one year, by key.
create function private.year_values(fy integer)
returns table (figure text, value numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  last_day date := private.year_last_day(fy);
  network integer;
  target integer;
  active integer;
  non_members integer;
  people integer;
  activities integer;
  per_activity numeric;
  adj_arranged integer;
  adj_judged integer;
  adj_on_time integer;
  adj_cost bigint;
  paid integer;
  fees bigint;
  expenses bigint;
  median_days numeric;
  slowest_days integer;
begin
  select count(*) into network
  from public.profiles p
  where p.role = 'member' and p.joined_on <= last_day and (p.left_on is null or p.left_on > last_day);

  select s.active_target_percent into target from public.figures_settings s;

  select count(distinct y.person) filter (where y.is_member),
         count(distinct y.person) filter (where not y.is_member),
         count(distinct y.person)
    into active, non_members, people
  from private.year_people(fy) y;

  select count(*), round(avg(a.members), 1) into activities, per_activity
  from (
    select y.opportunity_id, count(distinct y.person) filter (where y.is_member) as members
    from private.year_people(fy) y
    group by y.opportunity_id
    having bool_or(y.is_member)
  ) a;

  select count(*), count(*) filter (where a.on_time is not null), count(*) filter (where a.on_time),
         coalesce(sum(a.cost_pence), 0)
    into adj_arranged, adj_judged, adj_on_time, adj_cost
  from private.year_adjustments(fy) a;

  select count(*), coalesce(sum(p.fees_pence), 0), coalesce(sum(p.expenses_pence), 0)
    into paid, fees, expenses
  from private.year_payments(fy) p;

  select s.median, s.slowest into median_days, slowest_days
  from private.days_summary(array(select p.days from private.year_payments(fy) p)) s;

  return query values
    ('network_size', network::numeric),
    ('members_active', active::numeric),
    ('members_active_percent', case when network > 0 then round(active * 100.0 / network) end),
    ('active_target_percent', target::numeric),
    ('activities', activities::numeric),
    ('members_per_activity', per_activity),
    ('people_involved', people::numeric),
    ('non_members_involved', non_members::numeric),
    ('adjustments_arranged', adj_arranged::numeric),
    ('adjustments_on_time', adj_on_time::numeric),
    ('adjustments_on_time_percent', case when adj_judged > 0 then round(adj_on_time * 100.0 / adj_judged) end),
    ('adjustments_cost_pence', adj_cost::numeric),
    ('claims_paid', paid::numeric),
    ('fees_paid_pence', fees::numeric),
    ('expenses_paid_pence', expenses::numeric),
    ('days_to_payment_median', median_days),
    ('days_to_payment_slowest', slowest_days::numeric);
end
$$;

create function private.year_programme_values(fy integer)
returns table (programme_id bigint, activities integer, members integer, non_members integer, people integer,
  members_per_activity numeric)
language sql stable security definer set search_path = ''
as $$
  select g.programme_id,
    (count(*) filter (where g.members > 0))::integer,
    (select count(distinct y.person) from private.year_people(fy) y
      where y.is_member and y.programme_id is not distinct from g.programme_id)::integer,
    (select count(distinct y.person) from private.year_people(fy) y
      where not y.is_member and y.programme_id is not distinct from g.programme_id)::integer,
    (select count(distinct y.person) from private.year_people(fy) y
      where y.programme_id is not distinct from g.programme_id)::integer,
    round(avg(g.members) filter (where g.members > 0), 1)
  from (
    select y.programme_id, y.opportunity_id, count(distinct y.person) filter (where y.is_member) as members
    from private.year_people(fy) y
    group by y.programme_id, y.opportunity_id
  ) g
  group by g.programme_id
$$;

revoke all on function private.year_first_day(integer), private.year_last_day(integer),
  private.days_summary(integer[]), private.year_people(integer), private.year_adjustments(integer),
  private.year_payments(integer), private.year_values(integer), private.year_programme_values(integer)
  from public;

create function private.require_staff() returns void
language plpgsql stable set search_path = ''
as $$
begin
  if not coalesce((select private.is_staff()), false) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
end
$$;

revoke all on function private.require_staff() from public;
grant execute on function private.require_staff() to authenticated;

-- What staff call -------------------------------------------------------------------------------------

-- Every figure of the year beside the year before's, and the change.
create function public.year_figures(fy integer)
returns table (figure text, value numeric, previous_value numeric, change numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_staff();
  return query
  select t.figure, t.value, p.value, t.value - p.value
  from private.year_values(fy) with ordinality as t (figure, value, n)
  join private.year_values(fy - 1) as p (figure, value) on p.figure = t.figure
  order by t.n;
end
$$;

-- The same by programme (activities with members in them, members, others, people), with last year's.
create function public.year_programme_figures(fy integer)
returns table (programme text, activities integer, members integer, non_members integer, people integer,
  members_per_activity numeric, previous_activities integer, previous_members integer, previous_people integer)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_staff();
  return query
  select coalesce(pr.name, 'No programme'),
    coalesce(t.activities, 0), coalesce(t.members, 0), coalesce(t.non_members, 0), coalesce(t.people, 0),
    t.members_per_activity,
    coalesce(p.activities, 0), coalesce(p.members, 0), coalesce(p.people, 0)
  from private.year_programme_values(fy) t
  full join private.year_programme_values(fy - 1) p on coalesce(p.programme_id, 0) = coalesce(t.programme_id, 0)
  left join public.programmes pr on pr.id = coalesce(t.programme_id, p.programme_id)
  order by pr.sort_order nulls last, pr.name;
end
$$;

-- The rows behind the figures ------------------------------------------------------------------------

-- Members in the network at the year's end, and whether each took part in the year.
create function public.year_network_rows(fy integer)
returns table (member text, status public.member_status, joined_on date, left_on date, took_part boolean,
  activities integer)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_staff();
  return query
  select p.full_name, p.status, p.joined_on, p.left_on,
    exists (select 1 from private.year_people(fy) y where y.person = 'member:' || p.id::text),
    (select count(distinct y.opportunity_id) from private.year_people(fy) y where y.person = 'member:' || p.id::text)::integer
  from public.profiles p
  where p.role = 'member' and p.joined_on <= private.year_last_day(fy)
    and (p.left_on is null or p.left_on > private.year_last_day(fy))
  order by p.full_name, p.id;
end
$$;

-- Each place taken in the year: the activity, its programme, who (a member, a guest or a former
-- member, whose name is no longer held) and the days.
create function public.year_involvement_rows(fy integer)
returns table (activity text, programme text, person text, person_kind text, role text, starts_on date,
  ends_on date)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_staff();
  return query
  select o.title, coalesce(pr.name, 'No programme'),
    coalesce(m.full_name, g.full_name, 'Name removed'),
    case when i.member_id is not null then 'member' when i.guest_id is not null then 'not a member'
         else 'former member' end,
    i.role, i.starts_on, i.ends_on
  from private.year_people(fy) y
  join public.involvements i on i.id = y.involvement_id
  join public.opportunities o on o.id = i.opportunity_id
  left join public.programmes pr on pr.id = o.programme_id
  left join public.profiles m on m.id = i.member_id
  left join public.guests g on g.id = i.guest_id
  order by pr.sort_order nulls last, o.title, 3;
end
$$;

-- Adjustments arranged in the year, without who they were for; only for staff who arrange
-- adjustments, since what was arranged for a small committee could point to a person.
create function public.year_adjustment_rows(fy integer)
returns table (item_id bigint, category public.access_category, activity text, meeting_starts_at timestamptz,
  due_at timestamptz, arranged_at timestamptz, on_time boolean, cost_pence integer)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not coalesce((select private.has_permission('arrange_adjustments')), false) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return query
  select a.item_id, a.category, a.opportunity, a.meeting_starts_at, a.due_at, a.arranged_at, a.on_time, a.cost_pence
  from private.year_adjustments(fy) a
  order by a.arranged_at, a.item_id;
end
$$;

-- Claims paid in the year: reference, dates, days to payment and amounts, without who claimed.
create function public.year_payment_rows(fy integer)
returns table (reference text, submitted_on date, paid_on date, days integer, fees_pence bigint,
  expenses_pence bigint)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_staff();
  return query
  select p.reference, p.submitted_on, p.paid_on, p.days, p.fees_pence, p.expenses_pence
  from private.year_payments(fy) p
  order by p.paid_on, p.reference;
end
$$;

revoke all on function public.year_figures(integer), public.year_programme_figures(integer),
  public.year_network_rows(integer), public.year_involvement_rows(integer),
  public.year_adjustment_rows(integer), public.year_payment_rows(integer)
  from public, anon;
grant execute on function public.year_figures(integer), public.year_programme_figures(integer),
  public.year_network_rows(integer), public.year_involvement_rows(integer),
  public.year_adjustment_rows(integer), public.year_payment_rows(integer)
  to authenticated;
