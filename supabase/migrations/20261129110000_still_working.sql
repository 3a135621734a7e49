-- "Still working": a retry that arrives while the first request with the same key is still running
-- waits a moment for it (a double tap gets the first answer), and if the first is still not done
-- it is told so plainly — HTTP 409 'still_working' with Retry-After — never a duplicate, never a 500.
-- Each keyed submission takes a transaction-scoped advisory lock on its key before it looks the key
-- up; the lock goes when the first request's transaction ends, and its answer is then there to give.

create or replace function private.hold_request_key(scope text, request_key uuid)
returns void
language plpgsql volatile set search_path = ''
as $$
declare
  k bigint := hashtextextended(scope || ':' || request_key::text, 0);
begin
  if request_key is null then
    return;
  end if;
  -- Up to about 1.5 seconds: longer than a submission takes, shorter than a member waits.
  for i in 1..30 loop
    if pg_try_advisory_xact_lock(k) then
      return;
    end if;
    perform pg_sleep(0.05);
  end loop;
  -- PostgREST answers a 'PGRST' error with the status and headers given in its detail.
  raise sqlstate 'PGRST' using
    message = '{"code":"still_working","message":"still_working","details":null,"hint":"Send it again in a moment."}',
    detail = '{"status":409,"headers":{"Retry-After":"1"}}';
end
$$;
revoke all on function private.hold_request_key(text, uuid) from public;

create or replace function public.start_claim(involvement bigint, meeting bigint, activity_on date, request_key uuid)
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
  perform private.hold_request_key('start_claim:' || coalesce(me::text, ''), request_key);
  select * into c from public.claims where member_id = me and start_key = request_key;
  if found then
    -- The same form sent again: the same claim. The same key with other details is not a retry.
    if c.involvement_id is distinct from involvement
       or (meeting is not null and c.meeting_id is distinct from meeting)
       or (meeting is null and (c.meeting_id is not null or c.activity_on is distinct from activity_on)) then
      raise exception 'key_reused';
    end if;
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

-- Sending an application and sending a claim: the same wait, then "still working".
create or replace function public.submit_application(application bigint, request_key uuid)
returns public.applications
language plpgsql volatile security definer set search_path = ''
as $$
declare
  app public.applications;
begin
  perform private.hold_request_key('submit_application:' || application::text, request_key);
  select * into app from public.applications where id = application for update;
  if not found or not (select private.acts_for(app.member_id)) then
    raise exception 'not_found';
  end if;
  if app.status <> 'draft' then
    return app;
  end if;
  if not exists (
    select 1 from public.opportunities o
    where o.id = app.opportunity_id and o.status = 'published' and (o.closes_at is null or o.closes_at > now())
  ) then
    raise exception 'opportunity_closed';
  end if;
  if exists (
    select 1 from public.application_questions q
    where q.opportunity_id = app.opportunity_id and q.required
      and not exists (select 1 from public.application_answers x where x.application_id = app.id and x.question_id = q.id)
  ) then
    raise exception 'answers_missing';
  end if;

  update public.applications
  set status = 'submitted', submitted_at = now(), submit_key = request_key
  where id = app.id
  returning * into app;

  insert into public.application_events (application_id, status, actor_id, request_key)
  values (app.id, 'submitted', (select auth.uid()), request_key);

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'application submitted', 'application', app.id::text,
          jsonb_build_object('opportunity_id', app.opportunity_id));
  return app;
end
$$;

create or replace function public.submit_claim(claim bigint, method public.payment_method, request_key uuid)
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
  perform private.hold_request_key('submit_claim:' || claim::text, request_key);
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
