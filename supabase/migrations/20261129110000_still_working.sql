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
