-- Together: people, opportunities, sign-in and the audit log.
-- Row Level Security is enabled on every table; each policy names its role and one operation.
-- Helpers that must look past RLS live in the "private" schema, which PostgREST does not expose.

create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

-- Types --------------------------------------------------------------------------------------

create type public.app_role as enum ('member', 'staff', 'admin');
create type public.member_status as enum ('invited', 'active', 'paused', 'left');
create type public.contact_method as enum ('email', 'phone', 'text', 'post');
create type public.opportunity_type as enum (
  'committee',
  'expert_reference_group',
  'advisory_group',
  'steering_group_role',
  'event',
  'training',
  'writing',
  'speaking',
  'recruitment_panel'
);
create type public.opportunity_status as enum ('draft', 'published', 'closed', 'archived');
create type public.location_type as enum ('in_person', 'online', 'hybrid');

-- People -------------------------------------------------------------------------------------

create table public.profiles (
  id uuid primary key default gen_random_uuid(),
  email text not null unique
    check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
  full_name text not null check (length(btrim(full_name)) between 1 and 120),
  preferred_name text check (preferred_name is null or length(btrim(preferred_name)) between 1 and 60),
  pronouns text check (pronouns is null or length(pronouns) <= 40),
  phone text check (phone is null or phone ~ '^[0-9+() -]{6,20}$'),
  contact_methods public.contact_method[] not null default '{email}',
  interests text[] not null default '{}' check (cardinality(interests) <= 30),
  role public.app_role not null default 'member',
  status public.member_status not null default 'active',
  invited_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.profiles is 'Members, staff and admins of the network. A member reads and edits only their own row.';

-- Is the signed-in person on the co-production team? Security definer so that policies on
-- profiles can ask without recursing into profiles' own policies.
create function private.is_staff() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.profiles
    where id = (select auth.uid()) and role in ('staff', 'admin') and status <> 'left'
  )
$$;

create function private.is_admin() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.profiles
    where id = (select auth.uid()) and role = 'admin' and status <> 'left'
  )
$$;

revoke all on function private.is_staff(), private.is_admin() from public;
grant execute on function private.is_staff(), private.is_admin() to authenticated, service_role;

alter table public.profiles enable row level security;

revoke all on table public.profiles from anon, authenticated;
grant select on table public.profiles to authenticated;
-- Members change these about themselves; role, status and email are changed by the team.
grant update (full_name, preferred_name, pronouns, phone, contact_methods, interests, updated_at)
  on table public.profiles to authenticated;
-- Staff invite new members.
grant insert (email, full_name, preferred_name, status, invited_by) on table public.profiles to authenticated;

create policy "Members read their own profile" on public.profiles
  for select to authenticated
  using (id = (select auth.uid()));

create policy "Staff read every profile" on public.profiles
  for select to authenticated
  using ((select private.is_staff()));

create policy "Members update their own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

create policy "Staff update profiles" on public.profiles
  for update to authenticated
  using ((select private.is_staff()))
  with check ((select private.is_staff()));

create policy "Staff invite members" on public.profiles
  for insert to authenticated
  with check ((select private.is_staff()) and invited_by = (select auth.uid()) and status = 'invited');

-- Opportunities ------------------------------------------------------------------------------

-- An easy-read version is an ordered list of points: {"text": "...", "pictogram": "meeting" | null}.
create function private.valid_easy_read(points jsonb) returns boolean
language sql immutable set search_path = ''
as $$
  select jsonb_typeof(points) = 'array'
    and jsonb_array_length(points) <= 20
    and not exists (
      select 1 from jsonb_array_elements(points) as p
      where jsonb_typeof(p) <> 'object'
        or jsonb_typeof(p -> 'text') is distinct from 'string'
        or length(btrim(p ->> 'text')) not between 1 and 300
        or (
          jsonb_typeof(p -> 'pictogram') is not null
          and jsonb_typeof(p -> 'pictogram') <> 'null'
          and (jsonb_typeof(p -> 'pictogram') <> 'string' or (p ->> 'pictogram') !~ '^[a-z0-9-]{1,40}$')
        )
    )
$$;

grant execute on function private.valid_easy_read(jsonb) to anon, authenticated, service_role;

create table public.opportunities (
  id bigint generated always as identity primary key,
  type public.opportunity_type not null,
  title text not null check (length(btrim(title)) between 3 and 120),
  summary text not null check (length(btrim(summary)) between 10 and 300),
  description text not null default '' check (length(description) <= 10000),
  easy_read jsonb not null default '[]' check (private.valid_easy_read(easy_read)),
  location_type public.location_type not null,
  location text check (location is null or length(location) <= 300),
  starts_on date,
  ends_on date,
  schedule text check (schedule is null or length(schedule) <= 300),
  time_commitment text check (time_commitment is null or length(time_commitment) <= 200),
  payment text check (payment is null or length(payment) <= 200),
  closes_at timestamptz,
  places integer check (places is null or places between 1 and 1000),
  status public.opportunity_status not null default 'draft',
  topics text[] not null default '{}' check (cardinality(topics) <= 10),
  search tsvector generated always as (
    to_tsvector('english', title || ' ' || summary || ' ' || description)
  ) stored,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  constraint opportunities_dates_in_order check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

comment on table public.opportunities is 'Ways members can take part. Anyone reads published and closed ones; only staff see drafts or write.';

create index opportunities_status_closes_at on public.opportunities (status, closes_at);
create index opportunities_search on public.opportunities using gin (search);
create index opportunities_topics on public.opportunities using gin (topics);

alter table public.opportunities enable row level security;

revoke all on table public.opportunities from anon, authenticated;
grant select on table public.opportunities to anon, authenticated;
grant insert, update, delete on table public.opportunities to authenticated;

create policy "Anyone reads published and closed opportunities" on public.opportunities
  for select to anon, authenticated
  using (status in ('published', 'closed'));

create policy "Staff read every opportunity" on public.opportunities
  for select to authenticated
  using ((select private.is_staff()));

create policy "Staff create opportunities" on public.opportunities
  for insert to authenticated
  with check ((select private.is_staff()));

create policy "Staff update opportunities" on public.opportunities
  for update to authenticated
  using ((select private.is_staff()))
  with check ((select private.is_staff()));

create policy "Staff delete draft opportunities" on public.opportunities
  for delete to authenticated
  using ((select private.is_staff()) and status = 'draft');

-- Keep updated_at and published_at true whoever writes.
create function private.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create function private.stamp_published_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status is distinct from 'published') then
    new.published_at := coalesce(new.published_at, now());
  end if;
  return new;
end
$$;

create trigger profiles_touch before update on public.profiles
  for each row execute function private.touch_updated_at();
create trigger opportunities_touch before update on public.opportunities
  for each row execute function private.touch_updated_at();
create trigger opportunities_published before insert or update on public.opportunities
  for each row execute function private.stamp_published_at();

-- Audit log ----------------------------------------------------------------------------------

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  action text not null,
  entity text not null,
  entity_id text not null,
  details jsonb not null default '{}'
);

comment on table public.audit_log is 'Who changed what and when. Written only by triggers and database functions; read by admins.';

create index audit_log_entity on public.audit_log (entity, entity_id, at desc);

alter table public.audit_log enable row level security;
revoke all on table public.audit_log from anon, authenticated;
grant select on table public.audit_log to authenticated;

create policy "Admins read the audit log" on public.audit_log
  for select to authenticated
  using ((select private.is_admin()));

create function private.audit_opportunity() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  changed text[];
  verb text;
begin
  if tg_op = 'INSERT' then
    verb := 'created';
  elsif tg_op = 'DELETE' then
    verb := 'deleted';
  elsif old.status is distinct from new.status then
    verb := case new.status when 'published' then 'published' when 'closed' then 'closed'
                            when 'archived' then 'archived' else 'moved to draft' end;
  else
    verb := 'updated';
  end if;

  if tg_op = 'UPDATE' then
    select coalesce(array_agg(n.key order by n.key), '{}') into changed
    from jsonb_each(to_jsonb(new)) as n
    join jsonb_each(to_jsonb(old)) as o using (key)
    where n.value is distinct from o.value and n.key not in ('updated_at', 'search', 'published_at');
  end if;

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (
    (select auth.uid()),
    'opportunity ' || verb,
    'opportunity',
    coalesce(new.id, old.id)::text,
    jsonb_strip_nulls(jsonb_build_object(
      'title', coalesce(new.title, old.title),
      'from_status', case when tg_op = 'UPDATE' then old.status end,
      'to_status', case when tg_op <> 'DELETE' then new.status end,
      'changed', changed
    ))
  );
  return coalesce(new, old);
end
$$;

create trigger opportunities_audit after insert or update or delete on public.opportunities
  for each row execute function private.audit_opportunity();

create function private.audit_profile_invite() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'member invited', 'profile', new.id::text, '{}');
  return new;
end
$$;

create trigger profiles_audit_invite after insert on public.profiles
  for each row when (new.status = 'invited') execute function private.audit_profile_invite();

-- Sign-in: sessions, one-time codes and rate limits ------------------------------------------
-- Only the server's service role reaches these tables; members and the public have no grants.

create table public.sessions (
  id text primary key check (id ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references public.profiles (id) on delete cascade,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  last_active_at timestamptz not null default now(),
  authenticated_at timestamptz not null default now()
);

comment on table public.sessions is 'Signed-in sessions. The id is the SHA-256 of the token in the cookie, so this table holds no usable token.';
comment on column public.sessions.authenticated_at is 'When the person last proved who they are with a code or link.';

create index sessions_user on public.sessions (user_id);

create table public.sign_in_codes (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  code_hash text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  link_hash text not null unique check (link_hash ~ '^[0-9a-f]{64}$'),
  next_path text check (next_path is null or next_path ~ '^/[^/\\]'),
  attempts integer not null default 0,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

comment on table public.sign_in_codes is 'One-time sign-in codes and links, stored only as keyed hashes; single use, valid 10 minutes.';

create index sign_in_codes_email on public.sign_in_codes (email, created_at desc);

create table public.rate_limit_hits (
  id bigint generated always as identity primary key,
  bucket text not null,
  at timestamptz not null default now()
);

comment on table public.rate_limit_hits is 'Counts of sign-in sends and attempts per address and per client (both hashed), for rate limits.';

create index rate_limit_hits_bucket on public.rate_limit_hits (bucket, at);

alter table public.sessions enable row level security;
alter table public.sign_in_codes enable row level security;
alter table public.rate_limit_hits enable row level security;

revoke all on table public.sessions, public.sign_in_codes, public.rate_limit_hits from anon, authenticated;

-- Records one hit in a bucket and says whether the bucket is still within its limit.
-- One statement, so concurrent requests cannot both slip under the limit.
create function public.take_rate_limit(bucket_key text, max_hits integer, window_seconds integer)
returns boolean
language plpgsql volatile set search_path = ''
as $$
declare
  hits integer;
begin
  delete from public.rate_limit_hits where at < now() - interval '1 day';
  insert into public.rate_limit_hits (bucket) values (bucket_key);
  select count(*) into hits from public.rate_limit_hits
  where bucket = bucket_key and at > now() - make_interval(secs => window_seconds);
  return hits <= max_hits;
end
$$;

revoke all on function public.take_rate_limit(text, integer, integer) from public, anon, authenticated;
grant execute on function public.take_rate_limit(text, integer, integer) to service_role;

-- Marks a code used if it is still unused and in date, counting the attempt either way.
-- Returns the row only when the code matched and was not used before.
create function public.use_sign_in_code(request_id uuid, presented_hash text, max_attempts integer)
returns table (email text, next_path text, outcome text)
language plpgsql volatile set search_path = ''
as $$
declare
  c public.sign_in_codes;
begin
  update public.sign_in_codes set attempts = attempts + 1
  where id = request_id
  returning * into c;

  if not found or c.used_at is not null or c.expires_at < now() then
    return query select null::text, null::text, 'expired'::text;
    return;
  end if;
  if c.attempts > max_attempts then
    update public.sign_in_codes set used_at = now() where id = c.id;
    return query select null::text, null::text, 'too_many'::text;
    return;
  end if;
  if c.code_hash <> presented_hash then
    return query select null::text, null::text, 'wrong'::text;
    return;
  end if;

  update public.sign_in_codes set used_at = now() where id = c.id and used_at is null;
  if not found then
    return query select null::text, null::text, 'expired'::text;
    return;
  end if;
  return query select c.email, c.next_path, 'ok'::text;
end
$$;

revoke all on function public.use_sign_in_code(uuid, text, integer) from public, anon, authenticated;
grant execute on function public.use_sign_in_code(uuid, text, integer) to service_role;

create function public.use_sign_in_link(presented_hash text)
returns table (email text, next_path text)
language sql volatile set search_path = ''
as $$
  update public.sign_in_codes set used_at = now()
  where link_hash = presented_hash and used_at is null and expires_at >= now()
  returning email, next_path
$$;

revoke all on function public.use_sign_in_link(text) from public, anon, authenticated;
grant execute on function public.use_sign_in_link(text) to service_role;
